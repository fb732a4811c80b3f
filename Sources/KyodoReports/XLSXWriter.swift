internal import CLibXlsxWriter
import Foundation
import KyodoModel

/// An Excel workbook, written with libxlsxwriter: one sheet per table, then a `legend` sheet
/// (what each column holds, what `NA` and empty cells mean) and a `metadata` sheet.
///
/// Each sheet has its column names as a bold header row, frozen, with an autofilter over the
/// table, and columns as wide as their widest cell by display width (a Japanese character
/// counts two). Ids, codes and ordinals are written as text, so `01100` stays `01100`;
/// integers and decimals as numbers (decimals shown with three places); a missing value as a
/// grey italic `NA`; an empty cell is left blank. A cell is never a formula. The workbook is
/// byte-identical for the same report (its creation time is fixed).
public struct XLSXWriter: ReportWriter {
    public let name = "xlsx"
    public let fileExtension = "xlsx"

    public init() {}

    /// The most bytes of UTF-8 a cell holds (Excel's limit is 32,767 characters; libxlsxwriter
    /// counts bytes): a longer text is cut at a character boundary and ends in `…`.
    static let maxCellBytes = 32_000
    /// The widest a column is made, in characters.
    static let maxColumnWidth = 60.0
    /// Rows looked at to size the columns (a national table's first thousand rows tell).
    static let sizingRows = 1_000
    /// From this many rows in all, the workbook is written in libxlsxwriter's constant-memory
    /// mode (rows flushed as they are written, strings inline).
    static let constantMemoryRows = 100_000

    public func render(_ report: Report) throws -> [UInt8] {
        for t in report.tables where t.rows.count + 1 > Int(LXW_ROW_MAX) {
            throw ReportError.xlsx("table \(t.name) has \(t.rows.count) rows, more than a sheet holds (\(LXW_ROW_MAX - 1)); write it as CSV")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let big = report.tables.reduce(0) { $0 + $1.rows.count } >= Self.constantMemoryRows
        var options = lxw_workbook_options(constant_memory: big ? 1 : 0, tmpdir: nil, use_zip64: 1)
        guard let workbook = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw ReportError.xlsx("cannot create a workbook in \(FileManager.default.temporaryDirectory.path)")
        }
        var closed = false
        defer { if !closed { workbook_close(workbook) } }
        let formats = Formats(workbook)
        try setProperties(workbook, title: report.title)

        var used = Set<String>()
        for table in report.tables {
            try sheet(workbook, name: Self.sheetName(table.name, avoiding: &used), columns: table.columns, rows: table.rows, formats: formats)
        }
        try sheet(workbook, name: Self.sheetName("legend", avoiding: &used), columns: Self.legendColumns, rows: Self.legend(report), formats: formats)
        try sheet(workbook, name: Self.sheetName("metadata", avoiding: &used), columns: [Column("key", "key"), Column("value", "value")],
                  rows: report.metadata.map { [.text($0.key), .text($0.value)] }, formats: formats)
        closed = true
        let error = workbook_close(workbook)
        guard error == LXW_NO_ERROR else { throw ReportError.xlsx(Self.message(error)) }
        guard let data = FileManager.default.contents(atPath: path) else { throw ReportError.xlsx("the workbook was not written") }
        return [UInt8](data)
    }

    /// The formats every sheet uses, owned by the workbook.
    struct Formats {
        let header: UnsafeMutablePointer<lxw_format>?
        let decimal: UnsafeMutablePointer<lxw_format>?
        let missing: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            let header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xDDEBF7)
            let decimal = workbook_add_format(workbook)
            "0.000".withCString { format_set_num_format(decimal, $0) }
            let missing = workbook_add_format(workbook)
            format_set_italic(missing)
            format_set_font_color(missing, LXW_COLOR_GRAY.rawValue)
            (self.header, self.decimal, self.missing) = (header, decimal, missing)
        }
    }

    /// A fixed creation time (2000-01-01) and the report's title: the same report gives the
    /// same bytes.
    private func setProperties(_ workbook: UnsafeMutablePointer<lxw_workbook>, title: String) throws {
        let error: lxw_error = title.withCString { t in
            "kyodo".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: t)
                properties.author = UnsafeMutablePointer(mutating: author)
                properties.created = 946_684_800
                return workbook_set_properties(workbook, &properties)
            }
        }
        guard error == LXW_NO_ERROR else { throw ReportError.xlsx(Self.message(error)) }
    }

    /// One sheet: the header, the rows, the widths, the frozen header and the autofilter.
    private func sheet(_ workbook: UnsafeMutablePointer<lxw_workbook>, name: String, columns: [Column], rows: [[Value]], formats: Formats) throws {
        guard let ws = name.withCString({ workbook_add_worksheet(workbook, $0) }) else { throw ReportError.xlsx("cannot add the sheet \(name)") }
        func check(_ error: lxw_error, _ what: @autoclosure () -> String) throws {
            guard error == LXW_NO_ERROR else { throw ReportError.xlsx("\(name): \(what()): \(Self.message(error))") }
        }
        // Widths first: in constant-memory mode a column's format and width precede its rows.
        for (c, column) in columns.enumerated() {
            var width = Double(DisplayWidth.of(column.name))
            for row in rows.prefix(Self.sizingRows) where c < row.count {
                width = max(width, Double(DisplayWidth.of(String(row[c].text.prefix(200)))))
            }
            try check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), min(Self.maxColumnWidth, max(6, width + 2)), nil), "column \(column.name)")
        }
        for (c, column) in columns.enumerated() {
            try check(column.name.withCString { worksheet_write_string(ws, 0, lxw_col_t(c), $0, formats.header) }, "header")
        }
        for (r, row) in rows.enumerated() {
            let at = lxw_row_t(r + 1)
            for (c, value) in row.enumerated() where c < columns.count {
                let col = lxw_col_t(c)
                switch value {
                case .text(let s):
                    guard !s.isEmpty else { continue }
                    try check(Self.clipped(s).withCString { worksheet_write_string(ws, at, col, $0, nil) }, "row \(r + 1)")
                case .integer(let n): try check(worksheet_write_number(ws, at, col, Double(n), nil), "row \(r + 1)")
                case .decimal(let x) where x.isFinite: try check(worksheet_write_number(ws, at, col, x, formats.decimal), "row \(r + 1)")
                case .decimal, .missing: try check("NA".withCString { worksheet_write_string(ws, at, col, $0, formats.missing) }, "row \(r + 1)")
                case .empty: continue
                }
            }
        }
        worksheet_freeze_panes(ws, 1, 0)
        if !columns.isEmpty {
            try check(worksheet_autofilter(ws, 0, 0, lxw_row_t(rows.count), lxw_col_t(columns.count - 1)), "autofilter")
        }
    }

    /// A text cut to what a cell holds.
    static func clipped(_ s: String) -> String {
        guard s.utf8.count > maxCellBytes else { return s }
        // Back to the start of a scalar: a continuation byte is 10xxxxxx.
        var end = s.utf8.index(s.utf8.startIndex, offsetBy: maxCellBytes)
        while end > s.utf8.startIndex, s.utf8[end] & 0xC0 == 0x80 { end = s.utf8.index(before: end) }
        return String(s[..<end]) + "…"
    }

    /// A sheet name: the table's (ASCII, at most 31 characters), made unique.
    static func sheetName(_ name: String, avoiding used: inout Set<String>) -> String {
        let base = String(name.prefix(28))
        var candidate = base
        var k = 2
        while used.contains(candidate) {
            candidate = base + "_\(k)"
            k += 1
        }
        used.insert(candidate)
        return candidate
    }

    static let legendColumns = [Column("sheet", "sheet"), Column("column", "column"), Column("label", "label"), Column("type", "type"), Column("note", "note")]

    /// The legend: every column of every table with its label and kind, and what the marks mean.
    static func legend(_ report: Report) -> [[Value]] {
        var rows: [[Value]] = [
            [.text("(all)"), .text("NA"), .text("欠測 not available"), .text("mark"),
             .text("grey italic NA: what the value is computed from is not stated (a municipality that states nothing on the aspect)")],
            [.text("(all)"), .text("(blank)"), .text("空欄 empty"), .text("mark"), .text("nothing to say: stated, but not this concept; a column that does not apply to the row")],
            [.text("(all)"), .text("(decimal)"), .text("小数 decimal"), .text("mark"), .text("a number shown with three places; the cell holds the full value")],
        ]
        for table in report.tables {
            for column in table.columns {
                rows.append([.text(table.name), .text(column.name), .text(column.label), .text(column.kind.rawValue), .text(table.title)])
            }
        }
        return rows
    }

    /// libxlsxwriter's words for an error.
    static func message(_ error: lxw_error) -> String {
        lxw_strerror(error).map { String(cString: $0) } ?? "error \(error.rawValue)"
    }
}
