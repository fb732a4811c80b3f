import Foundation
import KyodoModel

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
        return try parse(source.lines.map(String.init), path: path)
    }

    /// Parses manifest lines.
    public static func parse(_ lines: [String], path: String) throws -> Manifest {
        let file = try DataFile(lines, path: path, required: columns)
        var documents: [Document] = []
        for row in file.rows {
            let id = try row.required("id")
            guard !documents.contains(where: { $0.id == id }) else { throw row.error("duplicate document id '\(id)'") }
            // Ids, municipality ids and kinds become file names: one rule keeps them inside their folder.
            for column in ["id", "municipality", "kind"] {
                let value = try row.required(column)
                guard Identifier.isValid(value) else { throw row.error("\(column) '\(value)' is not an id: \(Identifier.rule)") }
            }
            let file = try row.required("file")
            guard Identifier.staysInside(file) else {
                throw row.error("file '\(file)' must be a path inside the corpus folder (relative, no '..', no hidden part)")
            }
            let code = try row.required("code")
            guard code.count == 5 || code.count == 6, code.allSatisfy(\.isNumber) else {
                throw row.error("code '\(code)' is not a 5- or 6-digit local-government code")
            }
            let municipality = Municipality(id: try row.required("municipality"), name: try row.required("name"), nameEnglish: try row.required("name_en"),
                                            prefecture: try row.required("prefecture"), code: String(code.prefix(5)))
            var reprints: [Reprint] = []
            for part in (row.optional("reprints") ?? "").split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmedSpaces() }
                guard pair.count == 2, !pair[0].isEmpty, !pair[1].isEmpty else { throw row.error("reprints '\(part)' is not SECTION=DOCUMENT") }
                reprints.append(Reprint(section: pair[0], document: pair[1]))
            }
            // Findings acknowledged: `aspect:kind` pairs separated by `;`.
            var acknowledged: [String] = []
            for part in (row.optional("acknowledged") ?? "").split(separator: ";") {
                let pair = part.split(separator: ":", maxSplits: 1).map { String($0).trimmedSpaces() }
                let kinds = ["absent", "notExhaustive", "lostInExtraction", "warning"]
                guard pair.count == 2, pair[0] == "-" || Aspect(rawValue: pair[0]) != nil, kinds.contains(pair[1]) else {
                    throw row.error("acknowledged '\(part)' is not ASPECT:KIND (aspects: \(Aspect.allCases.map(\.rawValue).joined(separator: ", ")) or -; kinds: \(kinds.joined(separator: ", ")))")
                }
                acknowledged.append(pair.joined(separator: ":"))
            }
            if let other = documents.first(where: { $0.municipality.id == municipality.id }), other.municipality != municipality {
                throw row.error("municipality '\(municipality.id)' is \(describe(municipality)) here but \(describe(other.municipality)) for \(other.id)")
            }
            documents.append(Document(id: id, municipality: municipality, title: try row.required("title"), kind: try row.required("kind"),
                                      file: file, reprints: reprints))
            documents[documents.count - 1].acknowledged = acknowledged
        }
        // A name on the command line is a document id or a municipality id: never both.
        for (d, row) in zip(documents, file.rows) {
            let named = documents.filter { $0.municipality.id == d.id }
            // A document that is its municipality's only one is the same answer either way.
            guard !named.isEmpty, named.map(\.id) != [d.id] else { continue }
            throw row.error("document id '\(d.id)' is also a municipality's id: a name would stand for both")
        }
        for (d, row) in zip(documents, file.rows) {
            for r in d.reprints where !documents.contains(where: { $0.id == r.document }) {
                throw row.error("\(d.id) reprints unknown document '\(r.document)'")
            }
        }
        return Manifest(path: path, documents: documents)
    }

    private static func describe(_ m: Municipality) -> String {
        "\(m.name) (\(m.nameEnglish), \(m.prefecture), \(m.code))"
    }

    /// The full path of a document's file.
    public func path(of document: Document) -> String {
        (directory as NSString).appendingPathComponent(document.file)
    }
}
