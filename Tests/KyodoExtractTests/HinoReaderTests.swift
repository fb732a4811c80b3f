import KyodoModel
import KyodoTestSupport
import Testing

/// Editing the Hino guideline changes what is read.
@Suite struct HinoReaderTests {
    let file = "hino-guideline.txt"

    @Test func readsTheText() throws {
        let g = try Fixtures.readCorpus(file)
        #expect(g.labels(.definition) == ["市民活動", "市民活動団体", "協働"])
        #expect(g.items(.principles).map { $0.attribute("考え方") ?? "" } == ["自主性・自立性の尊重", "市民と行政職員の意識改革", "対等な関係の構築", "目標の共有", "協働の心構え"])
        #expect(g.items(.processes).map(\.children.count) == [4, 3, 3, 4])
        #expect(g.items(.forms).isEmpty)
        #expect(g.findings.contains { $0.kind == .lostInExtraction && $0.aspect == .forms && $0.span?.firstLine == 107 })
        #expect(g.dates.map(\.iso) == ["2007-03"])
    }

    @Test func theTableOfContentsIsNotTakenForSections() throws {
        let g = try Fixtures.readCorpus(file)
        #expect(g.items.allSatisfy { $0.span.firstLine > 46 })
    }

    @Test func renamedIdeaFollows() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 123, "対等な関係の構築", "対等なパートナーシップ") }
        #expect(g.items(.principles)[2].attribute("考え方") == "対等なパートナーシップ")
    }

    @Test func deletedPrincipleAndAddedStepFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.insert(&$0, after: 167, ["", "⑤「協働を学ぶ」きっかけづくり", "", "学ぶ機会を提供します。"])
            Edit.delete(&$0, 139...146)
        }
        #expect(g.items(.principles).count == 4)
        #expect(g.items(.processes)[0].children.map(\.label).last == "「協働を学ぶ」きっかけづくり")
    }

    @Test func theLostFigureFindingFollowsTheText() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 107, "上の図のように", "このように") }
        #expect(!g.findings.contains { $0.kind == .lostInExtraction })
        // Without the figure, a forms section with no items is something that looked wrong: said, with its line.
        #expect(g.findings.contains { $0.kind == .warning && $0.aspect == .forms && $0.message.contains("市民活動団体と行政の協働の形態") && $0.span?.firstLine == 99 })
    }

    @Test func changedDateFollows() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 5, "平成19年3月", "平成20年4月")
            Edit.replace(&$0, line: 231, "平成19年3月", "平成20年4月")
        }
        #expect(g.dates.map(\.iso) == ["2008-04"])
    }

    @Test func reorderedDefinitionsFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.swap(&$0, 84...87, 88...91)
            Edit.replace(&$0, line: 84, "(2)", "(1)")
            Edit.replace(&$0, line: 88, "(1)", "(2)")
        }
        #expect(g.labels(.definition) == ["市民活動団体", "市民活動", "協働"])
    }

    @Test func rewrappedLinesReadTheSame() throws {
        let original = try Fixtures.readCorpus(file)
        let g = try Fixtures.readCorpus(file) { Edit.rewrap(&$0, line: 115, after: 35) }
        #expect(g.items(.principles)[0].description == original.items(.principles)[0].description)
        #expect(g.items(.principles)[1].span.firstLine == 121)
    }
}
