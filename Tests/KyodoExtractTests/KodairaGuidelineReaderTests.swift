import KyodoModel
import KyodoTestSupport
import Testing

/// Editing the Kodaira guideline changes what is read.
@Suite struct KodairaGuidelineReaderTests {
    let file = "kodaira-guideline.txt"

    @Test func readsTheText() throws {
        let g = try Fixtures.readCorpus(file)
        let definition = try #require(g.items(.definition).first)
        #expect(definition.description.hasPrefix("市民等及び執行機関が"))
        #expect(definition.attribute("出典") == "自治基本条例 第3条")
        #expect(definition.span.firstLine == 19)
        #expect(g.items(.measures).count == 4)
        #expect(g.items(.measures)[0].attribute("重点") == "重点")
        #expect(g.items(.history).count == 17)
        #expect(g.items(.principles).isEmpty)
        #expect(g.findings.contains { $0.kind == .absent && $0.aspect == .principles })
        #expect(g.dates.map(\.iso) == ["2008-10", "2018-12"])
        #expect(g.dates.map(\.role) == [.enacted, .revised])
        #expect(g.items(.projects).map(\.children.count) == [4, 5, 4, 2])
    }

    @Test func theEmphasisMarkFollows() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 81, " **重点**", "")
            Edit.replace(&$0, line: 95, "環境整備", "環境整備 **重点**")
        }
        #expect(g.items(.measures).map { $0.attribute("重点") } == [nil, nil, "重点", nil])
        #expect(g.items(.measures)[2].label == "関係機関等との連携による環境整備")
    }

    @Test func renamedAndDeletedDirectionsFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 87, "仕組みづくりの支援", "仕組みの強化")
            Edit.delete(&$0, 103...112)
        }
        #expect(g.labels(.measures) == ["協働事業の積極的な推進", "市民が市民活動を支える仕組みの強化", "関係機関等との連携による環境整備"])
    }

    @Test func theQuotedPrincipleAndDefinitionFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 93, "「自主・自立の尊重」", "「相互理解」")
            Edit.replace(&$0, line: 19, "協力して行う", "共に担う")
        }
        #expect(g.findings.contains { $0.aspect == .principles && $0.message.contains("「相互理解」") })
        #expect(g.items(.definition).first?.description.contains("共に担う") == true)
    }

    @Test func chronologyAndDatesFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.delete(&$0, 116...116)
            Edit.replace(&$0, line: 7, "平成30年12月", "令和5年3月")
        }
        #expect(g.items(.history).count == 16)
        #expect(g.items(.history).first?.attribute("年") == "2006")
        #expect(g.dates.map(\.iso) == ["2008-10", "2023-03"])
    }

    @Test func reorderedAndAddedDirectionsFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.swap(&$0, 87...94, 95...102)
            Edit.replace(&$0, line: 87, "③", "②")
            Edit.replace(&$0, line: 95, "②", "③")
            Edit.insert(&$0, after: 111, ["", "⑤ 協働の担い手の育成", "", "協働の担い手を育てます。"])
        }
        #expect(g.labels(.measures) == ["協働事業の積極的な推進", "関係機関等との連携による環境整備", "市民が市民活動を支える仕組みづくりの支援",
                                        "多様な担い手との連携・協働の推進", "協働の担い手の育成"])
        #expect(g.items(.measures)[4].span.firstLine == 113)
    }

    @Test func rewrappedLinesReadTheSame() throws {
        let original = try Fixtures.readCorpus(file)
        let g = try Fixtures.readCorpus(file) { Edit.rewrap(&$0, line: 19, after: 40) }
        let definition = try #require(g.items(.definition).first)
        #expect(definition.description == original.items(.definition)[0].description)
        #expect(definition.span.firstLine == 19 && definition.span.lastLine == 21)
    }
}
