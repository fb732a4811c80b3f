import Foundation
import KyodoDocument
import KyodoExtract
import KyodoModel
import KyodoText

/// One file through its reader and the extractor: the time a user waits for one PDF, web page
/// or Word file, split into reading the format (to the document tree) and extracting.
enum FileRead {
    static func run(path: String, rounds: Int) throws {
        let bytes = try TextLoader.readBytes(path: path, limit: TextLoader.Options.default.maxBytes)
        let extractor = Extractor()
        let document = Document(id: "bench", municipality: Municipality(id: "bench", name: "", nameEnglish: "", prefecture: "", code: ""),
                                title: "", kind: "bench", file: path)
        var bestRead = Double.infinity, bestAll = Double.infinity
        var read: DocumentReader.Read?
        var items = 0
        for _ in 0..<max(1, rounds) {
            let readTime = try ContinuousClock().measure { read = try DocumentReader.read(bytes: bytes, path: path) }
            let extractTime = ContinuousClock().measure { items = extractor.read(read!.tree, document: document, notes: read!.notes).items.count }
            bestRead = min(bestRead, Scale.seconds(readTime))
            bestAll = min(bestAll, Scale.seconds(readTime + extractTime))
        }
        let source = read!.tree.source
        let pages = source.pageStarts.isEmpty ? "" : ", \(source.pageStarts.count) pages"
        print(String(format: "%@ (%@, %.0f KB%@, %d lines, %d items): read %.3f s, read and extract %.3f s (best of %d)",
                     path, source.format.name, Double(bytes.count) / 1024, pages, source.lineCount, items, bestRead, bestAll, max(1, rounds)))
    }
}
