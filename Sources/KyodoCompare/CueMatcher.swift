import KyodoModel
import KyodoText

/// Finds the concepts whose cue words occur in a text: longest cue first, each match consuming
/// its characters, so 情報公開 counts for disclosure and not also for 情報 (information).
///
/// Three kinds of cue, as the codebook writes them:
/// - `対等`: the cue anywhere in the text;
/// - `情報…共有`: the parts in this order, each within `maxGap` characters of the one before
///   and no sentence stop between (協働で得た情報を、相手と速やかに共有すること);
/// - `=市`: the whole text and nothing else (a bare 市 as a partner is the city; 市 inside a
///   word is not); `=…市`: a short whole text ending so (つくば市, 緑川町).
public struct CueMatcher: Sendable {
    /// A cue, folded, and its concept.
    struct Cue: Sendable {
        /// The parts, in order (one for a plain cue), as Unicode scalar values: comparing them is
        /// an integer compare, where comparing `Character`s is a string comparison.
        var parts: [[UInt32]]
        var original: String
        var concept: String
        var length: Int { parts.reduce(0) { $0 + $1.count } }
    }

    /// How far apart the parts of a split cue may stand, in characters.
    public static let maxGap = 16
    /// The longest label an ending cue (`=…市`) takes for a name.
    public static let nameLength = 8

    let cues: [Cue]
    let wholeCues: [String: Cue]
    /// Cues written `=…市`: a whole label ending so (つくば市 as a partner is the city).
    let endingCues: [Cue]
    /// The forms text and cues are read in (particles between kanji dropped).
    let forms: LabelForms

    /// A matcher for the concepts of one aspect; cues and texts are compacted alike, so the
    /// cue 情報共有 finds 情報を共有すること.
    public init(_ concepts: [Concept], forms: LabelForms = .shipped) {
        self.forms = forms
        var cues: [Cue] = []
        var whole: [String: Cue] = [:]
        var endings: [Cue] = []
        for c in concepts {
            for cue in c.cues {
                let fold = { (s: Substring) in forms.compact(Normalizer.labelKey(String(s))) }
                if cue.hasPrefix("=…"), cue.count > 2 {
                    endings.append(Cue(parts: [Self.scalars(fold(cue.dropFirst(2)))], original: String(cue.dropFirst(2)), concept: c.id))
                } else if cue.hasPrefix("="), cue.count > 1 {
                    let text = fold(cue.dropFirst())
                    if whole[text] == nil { whole[text] = Cue(parts: [Self.scalars(text)], original: String(cue.dropFirst()), concept: c.id) }
                } else {
                    let parts = cue.split(separator: "…").map { Self.scalars(fold($0)) }.filter { !$0.isEmpty }
                    if !parts.isEmpty { cues.append(Cue(parts: parts, original: cue, concept: c.id)) }
                }
            }
        }
        self.wholeCues = whole
        self.endingCues = endings
        // Longest first; ties keep codebook order.
        self.cues = cues.enumerated().sorted { a, b in
            a.element.length != b.element.length ? a.element.length > b.element.length : a.offset < b.offset
        }.map(\.element)
    }

    /// The concepts found in `text` (already folded), in order of first occurrence, each with the cue that found it.
    public func match(_ text: String) -> [(concept: String, cue: String)] {
        let compacted = forms.compact(text)
        if let cue = wholeCues[compacted] { return [(cue.concept, cue.original)] }
        // A whole label ending in the cue, and a short one (a name, not a phrase about it).
        let chars = Self.scalars(compacted)
        if chars.count <= Self.nameLength, let cue = endingCues.first(where: { chars.count > $0.length && chars.suffix($0.length).elementsEqual($0.parts[0]) }) {
            return [(cue.concept, "…" + cue.original)]
        }
        var consumed = [Bool](repeating: false, count: chars.count)
        var found: [(position: Int, concept: String, cue: String)] = []
        func free(_ part: [UInt32], at i: Int) -> Bool {
            i + part.count <= chars.count && chars[i] == part[0] && chars[i..<(i + part.count)].elementsEqual(part)
                && !consumed[i..<(i + part.count)].contains(true)
        }
        for cue in cues where cue.length <= chars.count {
            let first = cue.parts[0]
            var i = 0
            while i + first.count <= chars.count {
                guard free(first, at: i), let places = rest(of: cue, after: i + first.count, in: chars, free: free) else { i += 1; continue }
                for (start, part) in zip([i] + places, cue.parts) { for k in start..<(start + part.count) { consumed[k] = true } }
                if let existing = found.firstIndex(where: { $0.concept == cue.concept }) {
                    if i < found[existing].position { found[existing].position = i }
                } else {
                    found.append((i, cue.concept, cue.original))
                }
                i += first.count
            }
        }
        return found.sorted { $0.position < $1.position }.map { ($0.concept, $0.cue) }
    }

    /// A text's Unicode scalar values.
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Where the parts after the first stand (each the nearest free one within `maxGap` of the
    /// one before, no 。 between), or nil when one is missing.
    private func rest(of cue: Cue, after start: Int, in chars: [UInt32], free: ([UInt32], Int) -> Bool) -> [Int]? {
        var places: [Int] = []
        var from = start
        for part in cue.parts.dropFirst() {
            var found: Int?
            var j = from
            while j <= min(chars.count - part.count, from + Self.maxGap) {
                if chars[j] == 0x3002 { break }  // 。
                if free(part, j) { found = j; break }
                j += 1
            }
            guard let at = found else { return nil }
            places.append(at)
            from = at + part.count
        }
        return places
    }
}
