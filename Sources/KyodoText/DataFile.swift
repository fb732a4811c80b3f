import Foundation

/// Errors in a data file (manifest, codebook); each names the file and line.
public enum DataFileError: Error, LocalizedError, Equatable {
    case malformed(path: String, line: Int, message: String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let path, let line, let message): "\(path):\(line): \(message)"
        }
    }
}

/// A tab-separated data file with a header row, as people keep them in spreadsheets: blank
/// lines and lines starting with `#` are skipped, cells are trimmed, every row knows its line.
public struct DataFile: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// 1-based line in the file.
        public var line: Int
        /// Cells by column name.
        var cells: [String: String]
        /// The file, for messages.
        public var path: String

        /// The value of a required column; a missing or empty one throws naming file and line.
        public func required(_ column: String) throws -> String {
            guard let value = cells[column], !value.isEmpty else {
                throw DataFileError.malformed(path: path, line: line, message: "missing value for '\(column)'")
            }
            return value
        }

        /// The value of an optional column, nil when absent or empty.
        public func optional(_ column: String) -> String? {
            cells[column].flatMap { $0.isEmpty ? nil : $0 }
        }

        /// An error at this row.
        public func error(_ message: String) -> DataFileError { .malformed(path: path, line: line, message: message) }
    }

    /// The line of the header row.
    public var headerLine: Int
    /// The data rows, in order.
    public var rows: [Row]
    /// The header's column names.
    public var columns: [String]

    /// Whether the header names this column.
    public func hasColumn(_ name: String) -> Bool { columns.contains(name) }

    /// Reads lines, checking that the header names every column in `required`.
    public init(_ lines: [String], path: String, required: [String]) throws {
        let isData = { (line: String) in !line.trimmedSpaces().isEmpty && !line.hasPrefix("#") }
        guard let header = lines.firstIndex(where: isData) else {
            throw DataFileError.malformed(path: path, line: 1, message: "empty file: needs a header row (\(required.joined(separator: ", ")))")
        }
        let names = lines[header].split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
        for name in required where !names.contains(name) {
            throw DataFileError.malformed(path: path, line: header + 1, message: "missing column '\(name)' (needs: \(required.joined(separator: ", ")))")
        }
        headerLine = header + 1
        columns = names
        rows = lines.indices.dropFirst(header + 1).filter { isData(lines[$0]) }.map { n in
            let cells = lines[n].split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
            var byName: [String: String] = [:]
            for (i, name) in names.enumerated() where i < cells.count && byName[name] == nil { byName[name] = cells[i] }
            return Row(line: n + 1, cells: byName, path: path)
        }
    }
}
