import Foundation

/// CSV for spreadsheets and scripts: RFC 4180 quoting; the `excel` dialect (default) writes
/// UTF-8 with a byte-order mark and CRLF so Excel on a Japanese Windows machine reads it, the
/// `plain` dialect no BOM and LF. In the Excel dialect a cell starting with `=`, `+`, `-`, `@`,
/// tab or CR is prefixed with `'` so no spreadsheet runs it as a formula, and controls other
/// than tab and line ends are made visible (`VisibleText`); the plain dialect, for scripts,
/// leaves every cell as it is.
public struct CSVWriter: ReportWriter {
    public let name = "csv"
    public let fileExtension = "csv"
    /// Options.
    public var options: WriterOptions

    public init(options: WriterOptions = .default) { self.options = options }

    public func render(_ report: Report) throws -> [UInt8] {
        let table: ReportTable
        if let name = options.csvTable {
            guard let t = report.table(named: name) else { throw ReportError.unknownTable(name, known: report.tableNames) }
            table = t
        } else {
            guard let t = report.tables.first else { return options.csvDialect == .excel ? [0xEF, 0xBB, 0xBF] : [] }
            table = t
        }
        return render(table)
    }

    /// One table as CSV bytes.
    public func render(_ table: ReportTable) -> [UInt8] {
        let eol = options.csvDialect == .excel ? "\r\n" : "\n"
        var out = table.columns.map { Self.field($0.name) }.joined(separator: ",") + eol
        for row in table.rows {
            out += row.map { value in
                switch value {
                case .integer, .decimal, .missing: return value.text
                case .text, .empty: break
                }
                // The plain dialect, for scripts, leaves a cell as it is; the Excel one guards it.
                guard options.csvDialect == .excel else { return Self.field(value.text) }
                return Self.field(Self.neutralise(VisibleText.escape(value.text, keeping: ["\t", "\n", "\r"])))
            }.joined(separator: ",") + eol
        }
        let bytes = Array(out.utf8)
        return options.csvDialect == .excel ? [0xEF, 0xBB, 0xBF] + bytes : bytes
    }

    /// Prefixes a cell that a spreadsheet would read as a formula.
    public static func neutralise(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first) ? "'" + s : s
    }

    /// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180).
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
