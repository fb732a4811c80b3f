import ArgumentParser
import Foundation
import KyodoModel
import KyodoDocument
import KyodoExtract
import KyodoText

/// `kyodo add FILE --municipality …`: adds a document to a corpus and its manifest.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a document to the corpus: copy the file in, byte for byte, and append a line to manifest.tsv.")

    @Argument(help: ArgumentHelp("The guideline: a text file, a PDF, a saved web page (HTML) or a Word file (DOCX), told by its bytes.", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("Municipality id (ASCII, e.g. kokubunji).", valueName: "id"))
    var municipality: String

    @Option(help: ArgumentHelp("Municipality name in Japanese (国分寺市).", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("Municipality name in English (Kokubunji).", valueName: "name"))
    var nameEn: String

    @Option(help: ArgumentHelp("Prefecture (東京都).", valueName: "name"))
    var prefecture: String

    @Option(help: ArgumentHelp("National local-government code, 5 or 6 digits (13214).", valueName: "code"))
    var code: String

    @Option(help: ArgumentHelp("Document id (default: MUNICIPALITY-KIND).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("Title (default: the title the reader finds).", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("Kind of document: guideline, handbook, pamphlet, ordinance…", valueName: "kind"))
    var kind: String = "guideline"

    @OptionGroup var corpus: CorpusOptions

    func validate() throws {
        guard Identifier.isValid(municipality) else { throw ValidationError("--municipality must be \(Identifier.rule) (e.g. kokubunji)") }
        if let id, !Identifier.isValid(id) { throw ValidationError("--id must be \(Identifier.rule)") }
        guard Identifier.isValid(kind) else { throw ValidationError("--kind must be \(Identifier.rule) (e.g. guideline)") }
        if id == nil, !Identifier.isValid("\(municipality)-\(kind)") { throw ValidationError("--municipality and --kind make too long an id: name one with --id") }
        guard (code.count == 5 || code.count == 6), code.allSatisfy(\.isNumber) else { throw ValidationError("--code must be a 5- or 6-digit local-government code") }
        for (flag, value) in [("--name", name), ("--name-en", nameEn), ("--prefecture", prefecture)] + (title.map { [("--title", $0)] } ?? [])
            where value.isEmpty || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("\(flag) must be one line of text without tabs or control characters")
        }
    }

    func run() throws {
        try ExitCodes.run {
            try corpus.checkCorpusFolder()
            // One add at a time in a corpus, from reading its manifest to renaming the new one in.
            let lock = try CorpusLock(folder: corpus.corpus)
            defer { lock.release() }
            let manifestPath = corpus.manifestPath
            let manifest = try Manifest.load(path: manifestPath)
            let documentId = id ?? "\(municipality)-\(kind)"
            let place = Municipality(id: municipality, name: name, nameEnglish: nameEn, prefecture: prefecture, code: String(code.prefix(5)))
            try checkIdentity(documentId, place, against: manifest)
            // Read once (a pipe or /dev/stdin could not be read twice); only a file a reader takes
            // goes in, kept byte for byte, named for the format its bytes are.
            let bytes = try TextLoader.readBytes(path: file, limit: corpus.loadOptions.maxBytes)
            let format = corpus.loadOptions.encoding == nil ? SourceFormat.detect(bytes) : .text
            let target = documentId + "." + (format == .text ? "txt" : format.rawValue)
            let targetPath = (corpus.corpus as NSString).appendingPathComponent(target)
            guard !FileManager.default.fileExists(atPath: targetPath) else { throw ValidationError("\(targetPath) exists already") }
            let read = try DocumentReader.read(bytes: bytes, path: file, name: target, options: corpus.loadOptions)
            let source = read.tree.source
            try checkNotADuplicate(source.sha256, in: manifest)
            var document = Document(id: documentId, municipality: place, title: title ?? "", kind: kind, file: target)
            document.sha256 = source.sha256
            let guideline = Extractor(data: try corpus.sectionData()).read(read.tree, document: document, notes: read.notes)
            let documentTitle = title ?? guideline.title ?? source.firstTextLine ?? documentId

            // One line in the manifest's own columns, encoding and line ends; the bytes before it untouched.
            let manifestBytes = try TextLoader.readBytes(path: manifestPath, limit: corpus.loadOptions.maxBytes)
            let header = try DataFile(TextLoader.decode(manifestBytes, name: manifestPath).lines.map(String.init), path: manifestPath, required: Manifest.columns).columns
            let oneLine = { (s: String) in String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 })) }
            let values = ["id": documentId, "municipality": municipality, "name": name, "name_en": nameEn, "prefecture": prefecture,
                          "code": code, "title": oneLine(documentTitle), "kind": kind, "file": target, "sha256": source.sha256]
            let row = header.map { values[$0] ?? "" }.joined(separator: "\t")
            let newManifest = try ManifestAppend.appending(row, to: manifestBytes, path: manifestPath)

            // Both files written in full before either is committed; the copy never replaces a
            // file, and goes again if the manifest cannot be committed.
            guard let realTarget = OutputFile.realTarget(targetPath), let realManifest = OutputFile.realTarget(manifestPath) else {
                throw CommandError.cannotCreate(path: targetPath, reason: "folder \(corpus.corpus) does not exist")
            }
            let copy = try OutputFile.stage(bytes, replacing: realTarget, named: targetPath)
            let line = try OutputFile.stage(newManifest, replacing: realManifest, named: manifestPath)
            // Both commits under the cleanup lock: an interruption comes before or after them, not between.
            try Cleanup.atomically {
                try copy.commit(replacing: false)
                do {
                    try line.commit()
                } catch {
                    unlink(realTarget)  // nothing half-added
                    throw error
                }
            }
            let counts = Aspect.core.map { "\($0.rawValue) \(guideline.items($0).count)" }.joined(separator: ", ")
            try StandardStreams.output(line: "added \(documentId) to \(manifestPath): \(target) (\(format.name), SHA-256 \(source.sha256)), read as \(guideline.reader) (\(counts))")
            Diagnostics.report(guideline)
        }
    }

    /// The new document's id is new and names no municipality; its municipality, if known
    /// already, is the same one.
    private func checkIdentity(_ documentId: String, _ place: Municipality, against manifest: Manifest) throws {
        guard !manifest.documents.contains(where: { $0.id == documentId }) else {
            throw ValidationError("the corpus already has a document '\(documentId)': name another with --id")
        }
        if manifest.documents.contains(where: { $0.municipality.id == documentId }) || (manifest.documents.contains { $0.id == place.id } && documentId != place.id) {
            throw ValidationError("'\(documentId)' and '\(place.id)' must name a document and a municipality, not both: name another with --id or --municipality")
        }
        if let known = manifest.documents.first(where: { $0.municipality.id == place.id }), known.municipality != place {
            let m = known.municipality
            throw CommandError.badData("municipality '\(place.id)' is \(m.name) (\(m.nameEnglish), \(m.prefecture), \(m.code)) in the manifest (\(known.id)), not \(place.name) (\(place.nameEnglish), \(place.prefecture), \(place.code))")
        }
    }

    /// No document of the corpus has these very bytes.
    private func checkNotADuplicate(_ sha256: String, in manifest: Manifest) throws {
        for document in manifest.documents {
            guard let bytes = try? TextLoader.readBytes(path: manifest.path(of: document), limit: corpus.loadOptions.maxBytes),
                  SHA256.hex(bytes) == sha256 else { continue }
            throw CommandError.badData("\(file): the corpus has this document already, byte for byte: \(document.id) (\(document.file))")
        }
    }
}
