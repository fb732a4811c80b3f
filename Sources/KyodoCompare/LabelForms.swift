import Foundation
import KyodoText

/// The forms a folded label takes before its concepts are looked up, read from
/// `label-forms.tsv` (whose comments, and the tests, give real-looking examples): particles
/// between kanji dropped (XをYすること → XYすること, X and Y kanji), a gloss in parentheses
/// split off (X(G) → X + G), and the core a label has without its predicate or frame
/// (Xの原則 → X, Xであること → X).
public struct LabelForms: Sendable {
    /// Characters dropped between two kanji.
    let particles: Set<Character>
    /// Endings taken off for the core, longest first.
    let endings: [String]
    /// Gloss marks: opening → closing.
    let glossMarks: [Character: Character]
    /// Words nearly every item holds: no suggested cue on their own.
    public let fillers: Set<String>

    /// Reads the rows of a label-forms file; errors name the file and line.
    public init(lines: [String], path: String) throws {
        var particles = Set<Character>(), endings: [String] = [], marks: [Character: Character] = [:], fillers = Set<String>()
        for row in try DataFile(lines, path: path, required: ["kind", "text"]).rows {
            let text = Normalizer.fold(try row.required("text"))
            switch try row.required("kind") {
            case "particle":
                guard text.count == 1, let c = text.first else { throw row.error("a particle is one character, not '\(text)'") }
                particles.insert(c)
            case "ending": endings.append(text)
            case "filler": fillers.insert(text)
            case "gloss":
                guard text.count == 2, let open = text.first, let close = text.last, open != close else {
                    throw row.error("a gloss is an opening and a different closing mark, not '\(text)'")
                }
                marks[open] = close
            case let kind: throw row.error("unknown kind '\(kind)'; known: particle, ending, filler, gloss")
            }
        }
        self.particles = particles
        self.endings = endings.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.glossMarks = marks
        self.fillers = fillers
    }

    /// The shipped forms.
    public static let shipped: LabelForms = {
        guard let url = Bundle.module.url(forResource: "label-forms", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let forms = try? LabelForms(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), path: "label-forms.tsv")
        else { fatalError("the shipped label-forms.tsv is missing or malformed: the build is broken") }
        return forms
    }()

    /// Whether a character is a kanji (CJK unified ideographs and their extension A, 々).
    static func isKanji(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || s.value == 0x3005
    }

    /// `key` with each particle between two kanji dropped (XをY → XY).
    public func compact(_ key: String) -> String {
        let chars = Array(key)
        guard chars.count >= 3 else { return key }
        var out = ""
        out.reserveCapacity(key.utf8.count)
        for (i, c) in chars.enumerated() {
            if particles.contains(c), i > 0, i + 1 < chars.count, Self.isKanji(chars[i - 1]), Self.isKanji(chars[i + 1]) { continue }
            out.append(c)
        }
        return out
    }

    /// A trailing gloss split off: `X(G)` → (`X`, `G`). A
    /// label wrapped whole in the marks is what they hold; one whose marks do not close at its
    /// end is left whole.
    public func splitGloss(_ key: String) -> (label: String, gloss: String?) {
        guard let last = key.last, let open = glossMarks.first(where: { $0.value == last })?.key,
              let start = key.lastIndex(of: open) else { return (key, nil) }
        // A label wrapped whole, `(X)`, is the label inside.
        if start == key.startIndex {
            let inner = String(key.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            return (inner.isEmpty ? key : inner, nil)
        }
        let label = String(key[..<start]).trimmingCharacters(in: .whitespaces)
        let gloss = String(key[key.index(after: start)..<key.index(before: key.endIndex)])
        guard !label.isEmpty, !gloss.isEmpty else { return (key, nil) }
        return (label, gloss)
    }

    /// The core of a folded label: without its gloss, its particles between kanji, and its
    /// endings (repeatedly; never below two characters): Xの原則 → X, Xであること → X,
    /// XをYすること → XY.
    public func core(_ key: String) -> String {
        // Endings come off before and after compaction (Xの尊重 → X; XをYすること → XYすること → XY).
        withoutEndings(compact(withoutEndings(splitGloss(key).label)))
    }

    /// `text` without its endings, repeatedly, never below two characters.
    func withoutEndings(_ text: String) -> String {
        var core = text
        var changed = true
        while changed {
            changed = false
            for e in endings where core.hasSuffix(e) && core.count - e.count >= 2 {
                core.removeLast(e.count)
                changed = true
                break
            }
        }
        return core
    }
}
