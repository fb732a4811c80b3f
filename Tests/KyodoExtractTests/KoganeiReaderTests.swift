import KyodoModel
import KyodoTestSupport
import Testing

/// Editing the Koganei guideline changes what is read.
@Suite struct KoganeiReaderTests {
    let file = "koganei-guideline.txt"

    @Test func readsTheText() throws {
        let g = try Fixtures.readCorpus(file)
        #expect(g.labels(.principles) == ["対等性・自主性の尊重", "相互理解", "役割分担・責任の明確化", "目的・目標の共有化"])
        #expect(g.items(.principles)[0].span.firstLine == 164)
        #expect(g.labels(.forms) == ["後援", "共催", "委託", "補助", "実行委員会"])
        #expect(g.findings.contains { $0.kind == .notExhaustive && $0.aspect == .forms })
        #expect(g.labels(.partners) == ["ＮＰＯ等", "公益法人等", "教育・研究機関", "企業"])
        #expect(g.labels(.activities).count == 4)
        #expect(g.labels(.measures) == ["情報の共有化", "協働意識の向上", "協働の評価システムの構築", "活動拠点の設置"])
    }

    @Test func renamedPrincipleFollows() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 172, "相互理解", "相互の理解と尊重") }
        #expect(g.labels(.principles)[1] == "相互の理解と尊重")
    }

    @Test func reorderedPrinciplesFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.swap(&$0, 172...176, 180...184)
            Edit.replace(&$0, line: 172, "③", "②")
            Edit.replace(&$0, line: 180, "②", "③")
        }
        #expect(g.labels(.principles) == ["対等性・自主性の尊重", "役割分担・責任の明確化", "相互理解", "目的・目標の共有化"])
    }

    @Test func addedAndDeletedPrinciplesFollow() throws {
        let added = try Fixtures.readCorpus(file) { Edit.insert(&$0, after: 192, ["", "⑤ 協働の継続性", "", "市と市民活動団体等は、協働を継続的に見直します。"]) }
        #expect(added.labels(.principles).last == "協働の継続性")
        #expect(added.items(.principles).last?.span.firstLine == 194)
        let deleted = try Fixtures.readCorpus(file) {
            Edit.delete(&$0, 180...187)
            Edit.replace(&$0, line: 180, "④", "③")
        }
        #expect(deleted.labels(.principles) == ["対等性・自主性の尊重", "相互理解", "目的・目標の共有化"])
    }

    @Test func formsInProseFollow() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 197, "後援、共催、", "後援、共催、協定、") }
        #expect(g.labels(.forms) == ["後援", "共催", "協定", "委託", "補助", "実行委員会"])
    }

    @Test func rewrappedLinesReadTheSame() throws {
        let original = try Fixtures.readCorpus(file)
        let g = try Fixtures.readCorpus(file) { lines in
            lines[165] = lines[165].trimmingCharacters(in: .whitespaces) + lines[167]
            Edit.delete(&lines, 167...168)
        }
        #expect(g.items(.principles)[0].description == original.items(.principles)[0].description)
        #expect(g.items(.principles)[0].span.lastLine == 166)
        #expect(g.items(.principles)[1].span.firstLine == 170)
    }

    @Test func changedDateFollows() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 19, "平成１９年９月", "令和２年３月") }
        #expect(g.dates.first?.iso == "2020-03")
    }
}
