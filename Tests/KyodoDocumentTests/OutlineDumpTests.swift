import Foundation
import KyodoDocument
import KyodoText
import KyodoTestSupport
import Testing

/// The tree of every corpus document and tuning fixture against its reviewed dump;
/// `RECORD=1 swift test` rewrites them.
@Suite struct OutlineDumpTests {
    /// Corpus documents and fixtures, as paths relative to the repository root.
    static let files: [String] = {
        let corpus = ["kodaira-guideline.txt", "kodaira-handbook.txt", "koganei-guideline.txt", "higashikurume-pamphlet.txt", "hino-guideline.txt"]
            .map { "corpus/" + $0 }
        return corpus + Fixtures.textFiles(in: "Tests/Fixtures/generic") + Fixtures.textFiles(in: "Tests/Zoo/tune")
    }()

    @Test(arguments: files)
    func matchesGolden(file: String) throws {
        let source = try TextLoader.load(path: Fixtures.root + "/" + file, name: (file as NSString).lastPathComponent)
        let dump = OutlineDump.render(DocumentTree(source))
        let golden = Fixtures.root + "/Tests/KyodoDocumentTests/Goldens/" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".outline"
        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            try dump.write(toFile: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(dump == expected, "the tree of \(file) differs from its golden; review and re-record with RECORD=1")
    }
}
