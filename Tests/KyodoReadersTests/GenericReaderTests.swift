import Foundation
import KyodoModel
import KyodoReaders
import KyodoTestSupport
import KyodoText
import Testing

/// The generic reader measured honestly: run it (not the dedicated reader) on each corpus
/// document and compare with what the dedicated reader finds; and on guidelines written in
/// layouts unlike the corpus, against their expected items.
@Suite struct GenericReaderTests {
    /// Items the generic reader finds that the dedicated one also found (same folded label, or
    /// one contained in the other), per document, over the shared schema's aspects.
    static func agreement(_ file: String) throws -> (found: Int, expected: Int, matched: Int) {
        let dedicated = try Fixtures.readCorpus(file)
        let generic = try Fixtures.readCorpus(file, reader: "generic")
        var found = 0, expected = 0, matched = 0
        for aspect in Aspect.core {
            let d = dedicated.items(aspect).map(\.normalizedLabel), g = generic.items(aspect).map(\.normalizedLabel)
            found += g.count
            expected += d.count
            matched += d.filter { label in g.contains { $0 == label || $0.includes(label) || label.includes($0) } }.count
        }
        return (found, expected, matched)
    }

    @Test func onTheCorpusAgainstTheDedicatedReaders() throws {
        var totals = (found: 0, expected: 0, matched: 0)
        var lines: [String] = []
        for file in GoldenTests.files {
            let a = try Self.agreement(file)
            totals = (totals.found + a.found, totals.expected + a.expected, totals.matched + a.matched)
            lines.append("\(file): recall \(a.matched)/\(a.expected), precision \(a.matched)/\(a.found)")
        }
        let recall = Double(totals.matched) / Double(max(1, totals.expected))
        let precision = Double(totals.matched) / Double(max(1, totals.found))
        print("generic reader vs dedicated readers:\n  " + lines.joined(separator: "\n  ")
              + "\n  total: recall \(GuidelineDump.twoDecimals(recall)), precision \(GuidelineDump.twoDecimals(precision))")
        // Measured 0.90 and 1.00; the floor leaves room for honest trade-offs, not for regressions.
        #expect(recall >= 0.85)
        #expect(precision >= 0.95)
    }

    @Test(arguments: ["ordinance", "webpage", "runin", "tables"])
    func readsLayoutsUnlikeTheCorpus(name: String) throws {
        let folder = Fixtures.root + "/Tests/Fixtures/generic/"
        let lines = try TextLoader.load(path: folder + name + ".txt").lines.map(String.init)
        let g = try Fixtures.read(lines, name: name + ".txt")
        #expect(g.reader == "generic")
        let found = Aspect.core.flatMap { aspect in g.items(aspect).map { "\(aspect.rawValue) \($0.ordinal) \($0.label) @\($0.span.firstLine)" } }
        let expected = try String(contentsOfFile: folder + name + ".expected", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(found == expected)
        #expect(g.confidence[.principles] ?? 0 >= 0.6)
    }

    @Test func saysWhatItDidNotFind() throws {
        let tables = try Fixtures.read(try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/generic/tables.txt").lines.map(String.init), name: "tables.txt")
        #expect(tables.findings.contains { $0.kind == .warning && $0.aspect == .definition })
        #expect(tables.confidence[.definition] == 0)
        #expect(tables.findings.contains { $0.kind == .warning && $0.aspect == .processes })
    }

    @Test func anAnnouncedCountThatDiffersIsWarnedAndLowersConfidence() throws {
        var lines = try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/generic/runin.txt").lines.map(String.init)
        Edit.replace(&lines, line: 6, "協働の原則", "協働の原則（次の5つ）")
        let g = try Fixtures.read(lines, name: "runin.txt", reader: "generic")
        #expect(g.findings.contains { $0.kind == .warning && $0.message.includes("announced 5 items, found 6") })
        #expect((g.confidence[.principles] ?? 1) < 0.6)
    }

    @Test func aTableOfContentsIsNotTakenForTheSection() throws {
        let lines = ["協働の手引き", "", "目次", "協働の原則 ……… 2", "協働の形態 ……… 3", "", "協働の原則", "",
                     "① 対等の原則", "② 自主性の尊重", "", "協働の形態", "", "委託、補助、共催などがあります。"]
        let g = try Fixtures.read(lines, name: "toc.txt", reader: "generic")
        #expect(g.items(.principles).map(\.label) == ["対等の原則", "自主性の尊重"])
        #expect(g.items(.principles).first?.span.firstLine == 9)
        #expect(g.items(.forms).map(\.label) == ["委託", "補助", "共催"])
    }

    @Test func editingAnOwnLayoutChangesTheOutput() throws {
        var lines = try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/generic/webpage.txt").lines.map(String.init)
        Edit.replace(&lines, line: 18, "相互理解", "相互の信頼")
        Edit.delete(&lines, 19...19)
        let g = try Fixtures.read(lines, name: "webpage.txt")
        #expect(g.items(.principles).map(\.label) == ["目的の共有", "対等な関係", "相互の信頼"])
    }
}
