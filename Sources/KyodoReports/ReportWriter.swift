import KyodoModel

/// Renders any `Report` in one format.
public protocol ReportWriter: Sendable {
    /// Format name used with `--format`.
    var name: String { get }
    /// File extension for this format.
    var fileExtension: String { get }
    /// The bytes of the rendered report.
    func render(_ report: Report) throws -> [UInt8]
}

/// Errors of the reports module.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case unknownFormat(String, known: [String])
    case unknownTable(String, known: [String])
    case xml(String)
    case xlsx(String)
    case invalid(path: String, errors: [String])

    public var description: String {
        switch self {
        case .unknownFormat(let f, let known): "unknown format '\(f)'\(DidYouMean.suggestion(f, among: known)); known formats: \(known.joined(separator: ", "))"
        case .unknownTable(let t, let known): "unknown table '\(t)'\(DidYouMean.suggestion(t, among: known)); this report has: \(known.joined(separator: ", "))"
        case .xml(let message): "XML: \(message)"
        case .xlsx(let message): "workbook: \(message)"
        case .invalid(let path, let errors): "\(path): does not validate against the Kyodo report schema:\n" + errors.joined(separator: "\n")
        }
    }
}

/// Options shared by the writers.
public struct WriterOptions: Sendable {
    /// CSV dialect: `excel` (UTF-8 with BOM, CRLF) or `plain` (no BOM, LF).
    public enum CSVDialect: String, Sendable, CaseIterable { case excel, plain }
    /// CSV dialect.
    public var csvDialect: CSVDialect = .excel
    /// The table a CSV holds; nil for the report's main (first) table.
    public var csvTable: String?
    /// Display columns a prose cell may take in text output before it is shortened; 0 for no limit.
    public var textProseWidth: Int = 40

    public init() {}
    /// The defaults.
    public static let `default` = WriterOptions()
}

/// Every writer, by format name.
public enum WriterRegistry {
    /// The formats, in the order `--help` lists them.
    public static let formats = ["text", "csv", "xml", "json", "xlsx", "html"]

    /// The writer for a format; an unknown name throws, listing the known ones.
    public static func writer(_ format: String, options: WriterOptions = .default) throws -> any ReportWriter {
        switch format {
        case "text": TextWriter(options: options)
        case "csv": CSVWriter(options: options)
        case "xml": XMLWriter()
        case "json": JSONWriter()
        case "xlsx": XLSXWriter()
        case "html": HTMLWriter()
        default: throw ReportError.unknownFormat(format, known: formats)
        }
    }
}
