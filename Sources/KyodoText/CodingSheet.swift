import KyodoModel

/// Reads a coding sheet: TSV with `document, aspect, ordinal, label, line_start, line_end` and
/// optionally `concept` (ids joined by `|`; `-` or empty for none); errors name the file and line.
public enum CodingSheet {
    /// The columns a sheet must have.
    public static let columns = ["document", "aspect", "label"]

    /// Reads and checks a sheet.
    public static func load(path: String) throws -> [CodedItem] {
        try parse(try TextLoader.load(path: path).lines.map(String.init), path: path)
    }

    /// Parses sheet lines.
    public static func parse(_ lines: [String], path: String) throws -> [CodedItem] {
        let file = try DataFile(lines, path: path, required: columns)
        var items: [CodedItem] = []
        var ordinals: [String: Int] = [:]
        for row in file.rows {
            let document = try row.required("document")
            let aspectName = try row.required("aspect")
            guard let aspect = Aspect(rawValue: aspectName) else {
                throw row.error("unknown aspect '\(aspectName)'; known: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let label = try row.required("label")
            func number(_ column: String) throws -> Int? {
                guard let text = row.optional(column) else { return nil }
                guard let n = Int(text), n >= 0 else { throw row.error("\(column) '\(text)' is not a line number") }
                return n
            }
            let key = document + "\t" + aspect.rawValue
            let ordinal = try number("ordinal") ?? (ordinals[key, default: 0] + 1)
            ordinals[key] = ordinal
            var span: ClosedRange<Int>?
            if let start = try number("line_start") {
                let end = try number("line_end") ?? start
                guard start >= 1, end >= start else { throw row.error("line_end \(end) is before line_start \(start)") }
                span = start...end
            }
            let concepts = file.hasColumn("concept")
                ? (row.optional("concept") ?? "").split(separator: "|").map { String($0).trimmedSpaces() }.filter { !$0.isEmpty && $0 != "-" } : nil
            items.append(CodedItem(document: document, aspect: aspect, ordinal: ordinal, label: label, lines: span, concepts: concepts,
                                   origin: "\(path):\(row.line)"))
        }
        return items
    }
}
