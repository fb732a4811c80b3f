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

    @Argument(help: ArgumentHelp("The guideline's text file.", valueName: "FILE"))
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
        let ascii = { (s: String) in !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }
        guard ascii(municipality) else { throw ValidationError("--municipality must be ASCII letters, digits, - or _ (e.g. kokubunji)") }
        if let id, !ascii(id) { throw ValidationError("--id must be ASCII letters, digits, - or _") }
        guard (code.count == 5 || code.count == 6), code.allSatisfy(\.isNumber) else { throw ValidationError("--code must be a 5- or 6-digit local-government code") }
        for (flag, value) in [("--name", name), ("--name-en", nameEn), ("--prefecture", prefecture), ("--kind", kind)] + (title.map { [("--title", $0)] } ?? [])
            where value.contains("\t") || value.contains("\n") || value.isEmpty {
            throw ValidationError("\(flag) must be one line of text without tabs")
        }
    }

    func run() throws {
        try ExitCodes.run {
            let manifestPath = (corpus.corpus as NSString).appendingPathComponent("manifest.tsv")
            let manifest = try Manifest.load(path: manifestPath)
            let documentId = id ?? "\(municipality)-\(kind)"
            guard !manifest.documents.contains(where: { $0.id == documentId }) else {
                throw ValidationError("the corpus already has a document '\(documentId)': name another with --id")
            }
            let target = documentId + ".txt"
            let targetPath = (corpus.corpus as NSString).appendingPathComponent(target)
            guard !FileManager.default.fileExists(atPath: targetPath) else { throw ValidationError("\(targetPath) exists already") }
            // Read it first: only text a reader can take goes in.
            let source = try TextLoader.load(path: file, name: target, options: corpus.loadOptions)
            let place = Municipality(id: municipality, name: name, nameEnglish: nameEn, prefecture: prefecture, code: String(code.prefix(5)))
            let document = Document(id: documentId, municipality: place, title: title ?? "", kind: kind, file: target)
            let guideline = Extractor(data: try corpus.sectionData()).read(DocumentTree(source), document: document)
            let documentTitle = title ?? guideline.title ?? source.firstTextLine ?? documentId

            // The manifest's own columns, in its order.
            let lines = try TextLoader.load(path: manifestPath).lines.map(String.init)
            let header = (lines.first { !$0.hasPrefix("#") && !$0.trimmedSpaces().isEmpty } ?? "").split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let values = ["id": documentId, "municipality": municipality, "name": name, "name_en": nameEn, "prefecture": prefecture,
                          "code": code, "title": documentTitle.replacingOccurrences(of: "\t", with: " "), "kind": kind, "file": target]
            let row = header.map { values[$0.trimmedSpaces()] ?? "" }.joined(separator: "\t")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            try OutputFile.write(bytes, to: targetPath)
            do {
                try OutputFile.write(Array((lines.joined(separator: "\n") + "\n" + row + "\n").utf8), to: manifestPath)
            } catch {
                try? FileManager.default.removeItem(atPath: targetPath)  // nothing half-added
                throw error
            }
            let counts = Aspect.core.map { "\($0.rawValue) \(guideline.items($0).count)" }.joined(separator: ", ")
            try StandardStreams.output(line: "added \(documentId) to \(manifestPath): \(target), read as \(guideline.reader) (\(counts))")
            Diagnostics.report(guideline)
        }
    }
}
