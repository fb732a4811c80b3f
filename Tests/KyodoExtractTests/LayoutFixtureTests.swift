import Foundation
import KyodoModel
import KyodoExtract
import KyodoTestSupport
import KyodoText
import Testing

/// The extractor on guidelines written in layouts unlike the corpus, against their expected
/// items, and what it says about what it did not find.
@Suite struct LayoutFixtureTests {
    @Test(arguments: ["ordinance", "webpage", "runin", "tables"])
    func readsLayoutsUnlikeTheCorpus(name: String) throws {
        let folder = Fixtures.root + "/Tests/Fixtures/generic/"
        let lines = try TextLoader.load(path: folder + name + ".txt").lines.map(String.init)
        let g = try Fixtures.read(lines, name: name + ".txt")
        let found = Aspect.core.flatMap { aspect in g.items(aspect).map { "\(aspect.rawValue) \($0.ordinal) \($0.label) @\($0.span.firstLine)" } }
        let expected = try String(contentsOfFile: folder + name + ".expected", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(found == expected)
        #expect(g.confidence[.principles] ?? 0 >= 0.6)
    }

    @Test func saysWhatItDidNotFind() throws {
        let tables = try Fixtures.read(try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/generic/tables.txt").lines.map(String.init), name: "tables.txt")
        #expect(tables.findings.contains { $0.kind == .absent && $0.aspect == .definition })
        #expect(tables.confidence[.definition] == 0)
        #expect(tables.findings.contains { $0.kind == .absent && $0.aspect == .processes && $0.message.contains("進め方") })
    }

    @Test func anAnnouncedCountThatDiffersIsWarnedAndLowersConfidence() throws {
        var lines = try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/generic/runin.txt").lines.map(String.init)
        Edit.replace(&lines, line: 6, "協働の原則", "協働の原則（次の5つ）")
        let g = try Fixtures.read(lines, name: "runin.txt")
        #expect(g.findings.contains { $0.kind == .warning && $0.message.includes("announced 5 items, found 6") })
        #expect((g.confidence[.principles] ?? 1) < 0.6)
    }

    @Test func aTableOfContentsIsNotTakenForTheSection() throws {
        let lines = ["協働の手引き", "", "目次", "協働の原則 ……… 2", "協働の形態 ……… 3", "", "協働の原則", "",
                     "① 対等の原則", "② 自主性の尊重", "", "協働の形態", "", "委託、補助、共催などがあります。"]
        let g = try Fixtures.read(lines, name: "toc.txt")
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
