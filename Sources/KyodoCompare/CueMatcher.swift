import KyodoModel
import KyodoText

/// Finds the concepts whose cue words occur in a text: longest cue first, each match consuming
/// its characters, so 情報公開 counts for disclosure and not also for 情報 (information).
public struct CueMatcher: Sendable {
    /// A cue, folded, and its concept.
    struct Cue: Sendable {
        var text: [Character]
        var original: String
        var concept: String
    }

    let cues: [Cue]
    /// The forms text and cues are read in (particles between kanji dropped).
    let forms: LabelForms

    /// A matcher for the concepts of one aspect; cues and texts are compacted alike, so the
    /// cue 情報共有 finds 情報を共有すること.
    public init(_ concepts: [Concept], forms: LabelForms = .shipped) {
        self.forms = forms
        var cues: [Cue] = []
        for c in concepts {
            for cue in c.cues { cues.append(Cue(text: Array(forms.compact(Normalizer.labelKey(cue))), original: cue, concept: c.id)) }
        }
        // Longest first; ties keep codebook order.
        self.cues = cues.enumerated().sorted { a, b in
            a.element.text.count != b.element.text.count ? a.element.text.count > b.element.text.count : a.offset < b.offset
        }.map(\.element)
    }

    /// The concepts found in `text` (already folded), in order of first occurrence, each with the cue that found it.
    public func match(_ text: String) -> [(concept: String, cue: String)] {
        let chars = Array(forms.compact(text))
        var consumed = [Bool](repeating: false, count: chars.count)
        var found: [(position: Int, concept: String, cue: String)] = []
        for cue in cues where !cue.text.isEmpty && cue.text.count <= chars.count {
            var i = 0
            while i + cue.text.count <= chars.count {
                if chars[i] == cue.text[0], !consumed[i], chars[i..<(i + cue.text.count)].elementsEqual(cue.text),
                   !consumed[i..<(i + cue.text.count)].contains(true) {
                    for k in i..<(i + cue.text.count) { consumed[k] = true }
                    if let existing = found.firstIndex(where: { $0.concept == cue.concept }) {
                        if i < found[existing].position { found[existing].position = i }
                    } else {
                        found.append((i, cue.concept, cue.original))
                    }
                    i += cue.text.count
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.position < $1.position }.map { ($0.concept, $0.cue) }
    }
}
