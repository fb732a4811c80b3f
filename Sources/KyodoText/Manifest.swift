import Foundation
import KyodoModel

/// Errors reading a manifest; each names the file and line.
public enum ManifestError: Error, LocalizedError, Equatable {
    case malformed(path: String, line: Int, message: String)

    public var errorDescription: String? {
        switch self {
        case .malformed(let path, let line, let message): "\(path):\(line): \(message)"
        }
    }
}

/// The corpus manifest: one document per line of a tab-separated file with a header row
/// (`id, municipality, name, name_en, prefecture, code, title, kind, file`, and optionally
/// `reprints`: `SECTION=DOC; …`, parts of the document that reprint another). Dates are not
/// in it: readers find them in the text.
public struct Manifest: Sendable {
    /// The columns a manifest must have.
    public static let columns = ["id", "municipality", "name", "name_en", "prefecture", "code", "title", "kind", "file"]

    /// Where the manifest was read from.
    public var path: String
    /// The documents, in manifest order.
    public var documents: [Document]

    /// The folder holding the manifest; document files are relative to it.
    public var directory: String { (path as NSString).deletingLastPathComponent }

    public init(path: String, documents: [Document]) {
        self.path = path
        self.documents = documents
    }

    /// Reads and checks a manifest file.
    public static func load(path: String) throws -> Manifest {
        let source = try TextLoader.load(path: path)
        return try parse(source.lines, path: path)
    }

    /// Parses manifest lines.
    public static func parse(_ lines: [String], path: String) throws -> Manifest {
        guard let headerLine = lines.first else { throw ManifestError.malformed(path: path, line: 1, message: "empty manifest") }
        let header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
        var index: [String: Int] = [:]
        for name in columns {
            guard let i = header.firstIndex(of: name) else {
                throw ManifestError.malformed(path: path, line: 1, message: "missing column '\(name)' (needs: \(columns.joined(separator: ", ")))")
            }
            index[name] = i
        }
        var documents: [Document] = []
        var seen = Set<String>()
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmedSpaces().isEmpty && !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
            func cell(_ name: String) throws -> String {
                let i = index[name]!
                guard i < cells.count, !cells[i].isEmpty else {
                    throw ManifestError.malformed(path: path, line: n + 1, message: "missing value for '\(name)'")
                }
                return cells[i]
            }
            let id = try cell("id")
            guard seen.insert(id).inserted else { throw ManifestError.malformed(path: path, line: n + 1, message: "duplicate document id '\(id)'") }
            let code = try cell("code")
            guard code.count == 5 || code.count == 6, code.allSatisfy(\.isNumber) else {
                throw ManifestError.malformed(path: path, line: n + 1, message: "code '\(code)' is not a 5- or 6-digit local-government code")
            }
            let municipality = Municipality(id: try cell("municipality"), name: try cell("name"), nameEnglish: try cell("name_en"),
                                            prefecture: try cell("prefecture"), code: String(code.prefix(5)))
            var reprints: [Reprint] = []
            if let i = header.firstIndex(of: "reprints"), i < cells.count, !cells[i].isEmpty {
                for part in cells[i].split(separator: ";") {
                    let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmedSpaces() }
                    guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else {
                        throw ManifestError.malformed(path: path, line: n + 1, message: "reprints '\(part)' is not SECTION=DOCUMENT")
                    }
                    reprints.append(Reprint(section: pair[0], document: pair[1]))
                }
            }
            documents.append(Document(id: id, municipality: municipality, title: try cell("title"), kind: try cell("kind"), file: try cell("file"),
                                      reprints: reprints))
        }
        for d in documents {
            for r in d.reprints where !documents.contains(where: { $0.id == r.document }) {
                throw ManifestError.malformed(path: path, line: 1 + (lines.firstIndex { $0.hasPrefix(d.id + "\t") } ?? 0),
                                              message: "\(d.id) reprints unknown document '\(r.document)'")
            }
        }
        return Manifest(path: path, documents: documents)
    }

    /// The full path of a document's file.
    public func path(of document: Document) -> String {
        (directory as NSString).appendingPathComponent(document.file)
    }
}
