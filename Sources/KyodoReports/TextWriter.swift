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
    ///
    /// Linear in the cells: each cell's display width is measured once, the last column is not
    /// padded, and trailing spaces come off each line by its bytes.
    public func render(_ table: ReportTable) -> String {
        guard !table.rows.isEmpty else { return "(none)\n" }
        let groupColumns = table.textGroupBy.compactMap { name in table.columns.firstIndex { $0.name == name } }
        let shown = table.columns.indices.filter { !table.columns[$0].hiddenInText && !groupColumns.contains($0) }
        let header = shown.map { table.columns[$0].label }
        var widths = header.map(DisplayWidth.of)
        // Each cell as one line, with its width.
        let cells: [[(text: String, width: Int)]] = table.rows.map { row in
            shown.enumerated().map { k, i in
                let flat = flatten(row[i].text)
                let text = options.textProseWidth > 0 ? table.columns[i].textWidth.map { DisplayWidth.truncate(flat, to: $0) } ?? flat : flat
                let width = DisplayWidth.of(text)
                if width > widths[k] { widths[k] = width }
                return (text, width)
            }
        }
        var out = ""
        func line(_ row: [(text: String, width: Int)]) {
            var text = ""
            for (k, cell) in row.enumerated() {
                if k > 0 { text += "  " }
                text += cell.text
                if k < row.count - 1 { text += String(repeating: " ", count: widths[k] - cell.width) }
            }
            out += Self.withoutTrailingSpaces(text)
            out += "\n"
        }
        let headerCells = header.map { ($0, DisplayWidth.of($0)) }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        if groupColumns.isEmpty { line(headerCells); out += rule }
        var currentGroup: [String]?
        for (row, rendered) in zip(table.rows, cells) {
            let group = groupColumns.map { row[$0].text }
            if !groupColumns.isEmpty, group != currentGroup {
                out += (currentGroup == nil ? "" : "\n") + "■ " + group.map(flatten).joined(separator: " · ") + "\n"
                line(headerCells)
                out += rule
                currentGroup = group
            }
            line(rendered)
        }
        return out
    }

    /// A line without the ASCII spaces it ends with, cut by its bytes.
    static func withoutTrailingSpaces(_ line: String) -> Substring {
        var end = line.utf8.endIndex
        while end > line.utf8.startIndex, line.utf8[line.utf8.index(before: end)] == 0x20 { end = line.utf8.index(before: end) }
        return line[..<end]
    }

    /// One line of a cell: line ends as ` / `, tabs as spaces, every other control made visible.
    private func flatten(_ s: String) -> String {
        VisibleText.escape(s.replacingOccurrences(of: "\r\n", with: " / ").replacingOccurrences(of: "\n", with: " / ").replacingOccurrences(of: "\t", with: " "))
    }
}
