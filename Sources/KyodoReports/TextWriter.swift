/// Plain text for a terminal: the title, the metadata, then each table with its columns
/// aligned by display width, so Japanese lines up.
public struct TextWriter: ReportWriter {
    public let name = "text"
    public let fileExtension = "txt"
    /// Options.
    public var options: WriterOptions

    public init(options: WriterOptions = .default) { self.options = options }

    public func render(_ report: Report) throws -> [UInt8] {
        var out = report.title + "\n" + String(repeating: "=", count: max(4, DisplayWidth.of(report.title))) + "\n"
        for m in report.metadata { out += "\(m.key): \(m.value)\n" }
        for table in report.tables {
            out += "\n" + table.title + "\n" + String(repeating: "-", count: max(4, DisplayWidth.of(table.title))) + "\n"
            out += render(table)
        }
        return Array(out.utf8)
    }

    /// One table, aligned.
    public func render(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "(none)\n" }
        let shown = table.columns.indices.filter { !table.columns[$0].hiddenInText }
        let cells: [[String]] = table.rows.map { row in
            shown.map { (table.columns[$0], row[$0]) }.map { column, value in
                let flat = flatten(value.text)
                return column.isProse && options.textProseWidth > 0 ? DisplayWidth.truncate(flat, to: options.textProseWidth) : flat
            }
        }
        let header = shown.map { table.columns[$0].label }
        var widths = header.map(DisplayWidth.of)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        var out = line(header)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) }
        return out
    }

    private func flatten(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: " / ").replacingOccurrences(of: "\n", with: " / ").replacingOccurrences(of: "\t", with: " ")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.range(of: separator) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
