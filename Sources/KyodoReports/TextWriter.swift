import Foundation

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
        for m in report.metadata { out += "\(m.key): \(VisibleText.escape(m.value, keeping: ["\n"]))\n" }
        for table in report.tables {
            out += "\n" + table.title + "\n" + String(repeating: "-", count: max(4, DisplayWidth.of(table.title))) + "\n"
            out += render(table)
        }
        return Array(out.utf8)
    }

    /// One table, aligned; rows grouped under headings when the table asks for it.
    public func render(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "(none)\n" }
        let groupColumns = table.textGroupBy.compactMap { name in table.columns.firstIndex { $0.name == name } }
        let shown = table.columns.indices.filter { !table.columns[$0].hiddenInText && !groupColumns.contains($0) }
        let cells: [[String]] = table.rows.map { row in
            shown.map { i in
                let flat = flatten(row[i].text)
                guard options.textProseWidth > 0, let limit = table.columns[i].textWidth else { return flat }
                return DisplayWidth.truncate(flat, to: limit)
            }
        }
        let header = shown.map { table.columns[$0].label }
        var widths = header.map(DisplayWidth.of)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - DisplayWidth.of(c))
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = groupColumns.isEmpty ? line(header) + rule : ""
        var currentGroup: [String]?
        for (row, rendered) in zip(table.rows, cells) {
            let group = groupColumns.map { row[$0].text }
            if !groupColumns.isEmpty, group != currentGroup {
                out += (currentGroup == nil ? "" : "\n") + "■ " + group.map(flatten).joined(separator: " · ") + "\n" + line(header) + rule
                currentGroup = group
            }
            out += line(rendered)
        }
        return out
    }

    /// One line of a cell: line ends as ` / `, tabs as spaces, every other control made visible.
    private func flatten(_ s: String) -> String {
        VisibleText.escape(s.replacingOccurrences(of: "\r\n", with: " / ").replacingOccurrences(of: "\n", with: " / ").replacingOccurrences(of: "\t", with: " "))
    }
}
