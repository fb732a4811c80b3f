import KyodoModel
import KyodoTestSupport
import Testing

/// Editing the Higashikurume pamphlet changes what is read.
@Suite struct HigashikurumeReaderTests {
    let file = "higashikurume-pamphlet.txt"

    @Test func readsTheText() throws {
        let g = try Fixtures.readCorpus(file)
        #expect(g.labels(.principles).count == 7)
        #expect(g.labels(.principles).last == "時限性の原則")
        #expect(g.labels(.forms).count == 7)
        #expect(g.labels(.measures).count == 7)
        #expect(g.labels(.projects) == ["自治会長と市長とのはなしあい", "日本語教室開催事業", "くらしフェスタくるめ(東久留米市消費生活展)", "多摩六都サーキット講座事業"])
        #expect(g.items(.definition).first?.span.firstLine == 13)
        #expect(g.dates.map(\.iso) == ["2017-10", "2007-04"])
        #expect(g.dates.map(\.role) == [.revised, .enacted])
        #expect(g.findings.contains { $0.kind == .lostInExtraction && $0.aspect == .processes })
    }

    @Test func renamedAndReorderedPrinciplesFollow() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.replace(&$0, line: 104, "時限性の原則", "継続性の原則")
            Edit.swap(&$0, 98...98, 99...99)
            Edit.replace(&$0, line: 98, "(2)", "(1)")
            Edit.replace(&$0, line: 99, "(1)", "(2)")
        }
        #expect(g.labels(.principles).prefix(2) == ["対等の原則", "目的共有の原則"])
        #expect(g.labels(.principles).last == "継続性の原則")
    }

    @Test func addedPrincipleFollowsAndTheAnnouncedCountIsChecked() throws {
        let g = try Fixtures.readCorpus(file) { Edit.insert(&$0, after: 104, ["- (8) 協働評価の原則"]) }
        #expect(g.labels(.principles).count == 8)
        #expect(g.items(.principles).last?.span.firstLine == 105)
        #expect(g.findings.contains { $0.kind == .warning && $0.aspect == .principles && $0.message.contains("7") })
        #expect(try Fixtures.readCorpus(file).findings.allSatisfy { $0.kind != .warning })
    }

    @Test func deletedFormFollows() throws {
        let g = try Fixtures.readCorpus(file) {
            Edit.delete(&$0, 125...125)
            Edit.replace(&$0, line: 125, "(5)", "(4)")
            Edit.replace(&$0, line: 126, "(6)", "(5)")
            Edit.replace(&$0, line: 127, "(7)", "(6)")
        }
        #expect(!g.labels(.forms).contains("人的交流"))
        #expect(g.labels(.forms).count == 6)
    }

    @Test func changedDateFollows() throws {
        let g = try Fixtures.readCorpus(file) { Edit.replace(&$0, line: 5, "平成29年10月", "令和元年10月") }
        #expect(g.dates.first?.iso == "2019-10")
    }

    @Test func rewrappedLinesReadTheSame() throws {
        let original = try Fixtures.readCorpus(file)
        let g = try Fixtures.readCorpus(file) { lines in
            Edit.rewrap(&lines, line: 13, after: 40)
            // A project name wrapped differently over its short lines.
            Edit.replace(&lines, line: 31, "開催事業", "開催")
            Edit.insert(&lines, after: 31, ["事業"])
        }
        #expect(g.items(.definition)[0].description == original.items(.definition)[0].description)
        #expect(g.items(.definition)[0].span.firstLine == 13)
        #expect(g.labels(.projects) == original.labels(.projects))
        #expect(g.labels(.principles) == original.labels(.principles))
        #expect(g.items(.principles)[0].span.firstLine == 101)
    }
}
