/// Untrusted text (a document's words, a file's name) made safe for a terminal or a
/// spreadsheet: control characters become visible instead of acting. C0 controls and DEL show
/// as their Unicode control pictures (ESC as ␛, NUL as ␀); C1 controls, bidirectional
/// overrides, isolates and marks, and line and paragraph separators as `\u{202E}`-style escapes,
/// so a title cannot be changed, a screen cleared or a line made to read backwards. JSON and XML
/// carry text exactly and do not use this.
public enum VisibleText {
    /// `text` with every control but those in `keeping` made visible.
    public static func escape(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !keeping.contains($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard needsEscape(s), !keeping.contains(s) else { out.append(s); continue }
            switch s.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + s.value)!)
            case 0x7F: out.append("\u{2421}")
            default: out.append(contentsOf: "\\u{\(String(s.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether a scalar acts on a terminal or on the text's direction rather than showing.
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
