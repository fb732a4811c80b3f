import Foundation
import KyodoDocument
import KyodoModel
import KyodoExtract
import KyodoText
import KyodoTestSupport
import Testing

/// Each corpus document's dump against its reviewed golden; `RECORD=1 swift test` rewrites them.
@Suite struct GoldenTests {
    static let files = ["kodaira-guideline.txt", "kodaira-handbook.txt", "koganei-guideline.txt", "higashikurume-pamphlet.txt", "hino-guideline.txt"]

    @Test(arguments: files)
    func matchesGolden(file: String) throws {
        let dump = GuidelineDump.render(try Fixtures.readCorpus(file))
        let golden = Fixtures.root + "/Tests/KyodoExtractTests/Goldens/" + file.replacingOccurrences(of: ".txt", with: ".dump")
        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            try dump.write(toFile: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(dump == expected, "extractor output for \(file) differs from its golden; review and re-record with RECORD=1")
    }

    @Test(arguments: files)
    func theTextNotItsNameDecides(file: String) throws {
        // Nothing keys on the file name or the municipality: under another name, the same items.
        let renamed = try Fixtures.read(Fixtures.lines(file), name: "renamed.txt", municipality: "elsewhere", reprints: Fixtures.reprints(file))
        let original = try Fixtures.readCorpus(file)
        #expect(renamed.items.map(\.label) == original.items.map(\.label))
        #expect(renamed.items.map(\.span.firstLine) == original.items.map(\.span.firstLine))
    }

    @Test func unrecognisedTextGetsWarningsNotSilence() throws {
        let g = try Fixtures.read(["今日は良い天気です。", "", "明日も晴れるでしょう。"], name: "weather.txt")
        #expect(g.items.isEmpty)
        #expect(g.findings.contains { $0.kind == .warning && $0.aspect == nil })
        #expect(g.findings.contains { $0.kind == .absent && $0.aspect == .principles })
    }
}

/// The same document in another encoding and line-end convention reads the same.
@Suite struct EncodingTests {
    @Test func aCP932CRLFCopyReadsLikeTheUTF8Original() throws {
        let utf8 = try Fixtures.readCorpus("koganei-guideline.txt")
        let source = try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/koganei-guideline.cp932-crlf.txt", name: "koganei-guideline.txt")
        #expect(source.encoding == .shiftJIS)
        let cp932 = Extractor().read(DocumentTree(source), document: Fixtures.document("koganei-guideline.txt"))
        #expect(cp932.items == utf8.items)
        #expect(cp932.dates == utf8.dates)
    }
}
