import KyodoModel
import KyodoTestSupport
import Testing

/// Editing the Kodaira handbook changes what is read.
@Suite struct KodairaHandbookReaderTests {
    let file = "kodaira-handbook.txt"

    @Test func readsTheText() throws {
        let g = try Fixtures.readCorpus(file)
        #expect(g.items(.principles).count == 8)
        #expect(g.items(.principles).allSatisfy { $0.attribute("原則に基づく市の姿勢・体制")?.hasPrefix("市は") == true })
        #expect(g.items(.forms).map(\.normalizedLabel) == ["後援", "補助・助成", "協力", "共催", "実行委員会協議会", "委託"])
        #expect(g.items(.partners).count == 5)
        #expect(g.items(.processes).count == 6)
        #expect(g.items(.processes).map(\.children.count) == [2, 0, 5, 2, 0, 5])
        #expect(g.items(.checks).map(\.children.count) == [4, 4, 4])
        #expect(g.items(.programmes).map { $0.attribute("流れ") } == ["募集→決定→実施→報告", "提案→決定→実施→評価"])
        #expect(g.items(.programmes)[1].attribute("協働事業の予算") == "上限100万円（消費税込）")
        // A short value line is a value, not a field name.
        #expect(g.items(.programmes)[1].attribute("提案できる事業") == "市が協働により課題解決を図りたい事業（新規事業・既存事業）")
        #expect(g.items(.programmes)[0].attribute("応募できる事業")?.hasPrefix("市内の市民活動団体等が") == true)
        #expect(g.items(.projects).count == 168)
        #expect(g.dates.map(\.iso) == ["2024-04", "2019-04"])
        #expect(g.dates.map(\.role) == [.published, .foreword])
    }

    @Test func projectRowsJoinTheirContinuationLines() throws {
        let g = try Fixtures.readCorpus(file)
        let row43 = try #require(g.items(.projects).first { $0.attribute("番号") == "43" })
        #expect(row43.attribute("協働相手(団体名)") == "武蔵野美術大学彫刻学科研究室\n小平市文化振興財団")
        #expect(row43.span.firstLine == 1014 && row43.span.lastLine == 1015)
        let row76 = try #require(g.items(.projects).first { $0.attribute("番号") == "76" })
        #expect(row76.attribute("課名") == "水と緑と公園課")
        #expect(row76.label == "小平市公園等アダプト制度")
    }

    @Test func principlesTableEditsFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 153, "④対等関係", "④対等な関係")
            Edit.swap(&$0, 150...150, 151...151)
            Edit.insert(&$0, after: 157, ["⑨時限性\t市は、協働事業の期間を定め、見直す。"])
            Edit.delete(&$0, 156...156)
        }
        #expect(g.labels(.principles) == ["自主・自立の尊重", "目的の共有", "相互理解", "対等な関係", "情報の共有", "役割分担と責任の明確化", "公開と評価", "時限性"])
    }

    @Test func formsPartnersAndProcessEditsFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 166, "後 援", "後援・名義使用")
            Edit.replace(&$0, line: 266, "協働パートナーの選択", "協働相手の選択")
            Edit.insert(&$0, after: 84, ["NPO法人\t特定非営利活動促進法に基づく法人"])
        }
        #expect(g.labels(.forms).first == "後援・名義使用")
        #expect(g.labels(.partners).last == "NPO法人")
        #expect(g.labels(.processes)[2] == "協働相手の選択")
    }

    @Test func aMissingProjectRowIsNoticed() throws {
        let g = try Fixtures.readCorpus(file) { Edit.delete(&$0, 1156...1156) }
        #expect(g.items(.projects).count == 167)
        #expect(g.findings.contains { $0.kind == .warning && $0.aspect == .projects && $0.message.contains("168") })
    }

    @Test func changedDateFollows() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 8, "令和6年4月", "令和7年4月") }
        #expect(g.dates.first?.iso == "2025-04")
    }

    @Test func rewrappedLinesReadTheSame() throws {
        let original = try Fixtures.readCorpus(file)
        let g = try Fixtures.readCorpus(file) { Edit.rewrap(&$0, line: 69, after: 35) }
        #expect(g.items(.definition)[0].description == original.items(.definition)[0].description)
        #expect(g.items(.definition)[0].span.lastLine == 71)
        #expect(g.items(.principles)[0].span.firstLine == 152)
    }
}
