import Foundation
import KyodoDocument
import KyodoModel
import KyodoText

/// Errors naming documents.
public enum CorpusError: Error, LocalizedError, Equatable {
    case unknownDocument(String, known: [String])
    case noTextFiles(folder: String)

    public var errorDescription: String? {
        switch self {
        case .unknownDocument(let name, let known):
            "unknown document '\(name)': not a document id, a municipality id, a file or a folder; known ids: \(known.joined(separator: ", "))"
        case .noTextFiles(let folder): "\(folder): a folder with no .txt files in it"
        }
    }
}

/// Resolves what the user names (a document id, a municipality id, a path) and reads it.
public struct CorpusReader: Sendable {
    /// The manifest of the corpus, if one was found.
    public var manifest: Manifest?
    /// The extractor every document is read with.
    public var extractor: Extractor

    public init(manifest: Manifest?, sections: SectionData = .shipped) {
        self.manifest = manifest
        self.extractor = Extractor(data: sections)
    }

    /// The documents a name stands for: a document id, every document of a municipality id,
    /// or a text file outside the manifest.
    public func documents(named name: String) throws -> [(Document, String)] {
        if let manifest {
            if let d = manifest.documents.first(where: { $0.id == name }) { return [(d, manifest.path(of: d))] }
            let ofMunicipality = manifest.documents.filter { $0.municipality.id == name }
            if !ofMunicipality.isEmpty { return ofMunicipality.map { ($0, manifest.path(of: $0)) } }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue {
            // A folder: its .txt files, in name order, each a document of its own.
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: name)) ?? []).filter { $0.hasByteSuffix(".txt") }.sorted()
            guard !files.isEmpty else { throw CorpusError.noTextFiles(folder: name) }
            return files.map { Self.file((name as NSString).appendingPathComponent($0)) }
        }
        if FileManager.default.fileExists(atPath: name) || name.includes("/") || name.hasByteSuffix(".txt") {
            return [Self.file(name)]
        }
        let known = manifest.map { m in m.documents.map(\.id) + Array(Set(m.documents.map(\.municipality.id))).sorted() } ?? []
        throw CorpusError.unknownDocument(name, known: known)
    }

    /// A file outside the manifest: its own document, its name its id and municipality.
    static func file(_ path: String) -> (Document, String) {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let unknown = Municipality(id: base, name: "", nameEnglish: "", prefecture: "", code: "")
        return (Document(id: base, municipality: unknown, title: "", kind: "file", file: path), path)
    }

    /// Loads and reads documents, spread over the cores (documents are independent), and
    /// returns the guidelines in the order given. When some fail, the first failure in that
    /// order is thrown, so errors are as deterministic as the output.
    public func readAll(_ documents: [(Document, String)], options: TextLoader.Options = .default) throws -> [Guideline] {
        let results = Parallel.map(documents.count) { i in
            Result { try read(documents[i].0, path: documents[i].1, options: options) }
        }
        return try results.map { try $0.get() }
    }

    /// Loads and reads one document.
    public func read(_ document: Document, path: String, options: TextLoader.Options = .default) throws -> Guideline {
        let source = try TextLoader.load(path: path, name: document.file, options: options)
        var document = document
        document.sha256 = source.sha256
        return extractor.read(DocumentTree(source), document: document)
    }
}
