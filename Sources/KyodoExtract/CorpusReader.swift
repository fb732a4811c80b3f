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
            // (A national corpus has thousands of ids: the first ten are named, and the closest.)
            "unknown document '\(name)'\(DidYouMean.suggestion(name, among: known)): not a document id, a municipality id, a file or a folder; known ids: "
                + known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", … (\(known.count) in all; kyodo list shows the documents)" : "")
        case .noTextFiles(let folder): "\(folder): a folder with no documents in it (files named .txt, .pdf, .html, .htm or .docx)"
        }
    }
}

/// Resolves what the user names (a document id, a municipality id, a folder, a file) and reads it.
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
    /// a folder's documents, or a text file outside the manifest. Every command names
    /// documents through here. In a folder, its regular files named as documents (`.txt`, `.pdf`, `.html`, `.docx`) are read in name order,
    /// each a document of its own; what is not one (a hidden file, a sub-folder, a FIFO or
    /// device, a link to nothing) is skipped, each with a warning handed to `warn`
    /// (`path: warning: skipped: reason`), before any file is opened.
    public func documents(named name: String, warn: (String) -> Void) throws -> [(Document, String)] {
        if let manifest {
            if let d = manifest.documents.first(where: { $0.id == name }) { return [(d, manifest.path(of: d))] }
            let ofMunicipality = manifest.documents.filter { $0.municipality.id == name }
            if !ofMunicipality.isEmpty { return ofMunicipality.map { ($0, manifest.path(of: $0)) } }
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue {
            // A folder: its documents, in name order, each a document of its own. (The name picks
            // the files; their bytes tell how each is read.)
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: name)) ?? []).filter(Self.isDocumentName).sorted()
            var found: [(Document, String)] = []
            for entry in entries {
                let path = (name as NSString).appendingPathComponent(entry)
                if let reason = Self.skipReason(path, entry) {
                    warn("\(path): warning: skipped: \(reason)")
                } else {
                    found.append(Self.file(path))
                }
            }
            guard !found.isEmpty else { throw CorpusError.noTextFiles(folder: name) }
            return found
        }
        if FileManager.default.fileExists(atPath: name) || name.includes("/") || Self.isDocumentName(name) {
            return [Self.file(name)]
        }
        let known = manifest.map { m in m.documents.map(\.id) + Array(Set(m.documents.map(\.municipality.id))).sorted() } ?? []
        throw CorpusError.unknownDocument(name, known: known)
    }

    /// The file name extensions of the documents a folder's listing takes.
    public static let documentExtensions = ["txt", "pdf", "html", "htm", "docx"]

    /// Whether a file name is a document's in a folder: `.txt`, `.pdf`, `.html`, `.htm`,
    /// `.docx`, in any case.
    static func isDocumentName(_ name: String) -> Bool {
        documentExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// Why a folder entry is not read as a document, or nil to read it: only regular files
    /// (or links to them) that are not hidden are.
    static func skipReason(_ path: String, _ entry: String) -> String? {
        if entry.hasPrefix(".") { return "a hidden file (an editor's lock or backup?)" }
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard lstat(path, &status) != 0 else { return "a symbolic link to a file that does not exist" }
            let reason = String(cString: strerror(errno))
            return "cannot be examined: " + reason.prefix(1).lowercased() + reason.dropFirst()
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder, not a text file"
        case S_IFIFO: return "a FIFO (named pipe), not a regular file"
        default: return "not a regular file"
        }
    }

    /// Gives every document its own id: a file whose name repeats another document's id (two
    /// `city.txt` in two folders, or a file named like a corpus id) is known by its path
    /// instead, and `note` is told so.
    public func distinct(_ documents: [(Document, String)], note: (String) -> Void) -> [(Document, String)] {
        var taken = Set<String>()
        let manifestIds = Set(manifest.map { $0.documents.flatMap { [$0.id, $0.municipality.id] } } ?? [])
        return documents.map { entry in
            var (document, path) = entry
            let isFile = document.kind == "file" && document.file == path
            if isFile && (taken.contains(document.id) || manifestIds.contains(document.id)) {
                let named = Self.isDocumentName(path) ? (path as NSString).deletingPathExtension : path
                note("kyodo: note: \(path) is read as '\(named)': another document is already '\(document.id)'")
                if document.municipality.id == document.id { document.municipality.id = named }
                document.id = named
            }
            taken.insert(document.id)
            return (document, path)
        }
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
    /// (`progress` is called once per document read, from whichever thread read it.)
    public func readAll(_ documents: [(Document, String)], options: TextLoader.Options = .default,
                        progress: (@Sendable () -> Void)? = nil) throws -> [Guideline] {
        let results = Parallel.map(documents.count) { i in
            defer { progress?() }
            return Result { try read(documents[i].0, path: documents[i].1, options: options) }
        }
        return try results.map { try $0.get() }
    }

    /// Loads and reads one document, of whatever format its bytes are.
    public func read(_ document: Document, path: String, options: TextLoader.Options = .default) throws -> Guideline {
        let read = try DocumentReader.read(path: path, name: document.file, options: options)
        var document = document
        document.sha256 = read.tree.source.sha256
        return extractor.read(read.tree, document: document, notes: read.notes)
    }
}
