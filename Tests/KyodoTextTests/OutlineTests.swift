import Testing
@testable import KyodoText

@Suite struct OutlineTests {
    private func outline(_ text: String) -> Outline { Outline(SourceText(name: "t", text: text)) }

    @Test func joinsSentencesHardWrappedAcrossBlankLines() {
        let o = outline("""
         近年、少子高齢社会の進展など社会経済構造が大きく変化する中、行政サービスに対する市

        民のニーズも複雑・多様なものになってきています。

        次の段落です。
        """)
        #expect(o.blocks.count == 2)
        #expect(o.blocks[0].text == "近年、少子高齢社会の進展など社会経済構造が大きく変化する中、行政サービスに対する市民のニーズも複雑・多様なものになってきています。")
        #expect(o.blocks[0].firstLine == 1 && o.blocks[0].lastLine == 3)
        #expect(o.blocks[0].lines(of: "ニーズ") == 3...3)
        #expect(o.blocks[1].firstLine == 5)
    }

    @Test func aShortTitleAfterALongLineStandsAlone() {
        let o = outline("市民活動団体、ボランティア団体、NPO、自治会等で公益的活動を行う非営利団体\n\n応募できる事業\n\n本文。")
        #expect(o.blocks.map(\.text) == ["市民活動団体、ボランティア団体、NPO、自治会等で公益的活動を行う非営利団体", "応募できる事業", "本文。"])
    }

    @Test func readsMarkersFromTheOriginalText() {
        let o = outline("第１章 背景\n⑴ 協働の背景\n① 対等性\n(2) 次\n1. 市民意識\n- (3) 原則\n●●● 7つの視点 ●●●\n【協働は手段】\n◆ 基礎編\n<目次>\n・ 活動\nII 事業実施段階\n第3条においては、定義を")
        let markers = o.blocks.map(\.marker)
        #expect(markers == [.chapter(1), .parenthesized(1), .circled(1), .parenthesized(2), .numbered(1), .parenthesized(3), .ornamented,
                            .bracketed, .diamond, .angled, .bullet, .roman(2), nil])
        #expect(o.blocks[5].bulleted)
        #expect(o.blocks[6].text == "7つの視点")
    }

    @Test func tablesKeepContinuationRowsWithTheirRecord() throws {
        let o = outline("\t課名\t事業名称\t協働相手\t協働形態\n43\t文化課\t木彫\t武蔵野美術大学\t共催\n\t\t\t文化振興財団\t共催\n44\t文化課\t展覧会\t大学\t協力")
        let table = try #require(o.blocks.first?.table)
        let records = table.records()
        #expect(records.count == 2)
        #expect(records[0].column(3) == ["武蔵野美術大学", "文化振興財団"])
        #expect(records[0].lines == 2...3)
    }

    @Test func recognisesATableOfContents() throws {
        let o = outline("前文\t1\n1. 指針の目的\t2\n(1) 指針の必要性\t\n2. 定義\t3")
        #expect(try #require(o.blocks.first?.table).isTableOfContents)
        let data = outline("年 度\t取 組 内 容\n平成16年度\t準備室設置\n平成18年度\t公募事業実施")
        #expect(try #require(data.blocks.first?.table).isTableOfContents == false)
    }

    @Test func readsHTMLCellsIntoParagraphsAndListItems() {
        let pieces = HTMLFragment.pieces("<p>協働に関する啓発</p> <p>【職員】</p> <ul style=\"list-style-type: none\"> ・研修の開催 ・ハンドブック作成 <p>【市民】</p> <ul> ・講演会開催")
        #expect(pieces.map(\.text) == ["協働に関する啓発", "【職員】", "研修の開催", "ハンドブック作成", "【市民】", "講演会開催"])
        #expect(pieces.map(\.isListItem) == [false, false, true, true, false, true])
        let li = HTMLFragment.pieces("<ul><li>一つ目</li><li>ボランティア・市民活動</li></ul>")
        #expect(li.map(\.text) == ["一つ目", "ボランティア・市民活動"])
    }
}

/// Lines that start blocks of their own in text saved without blank lines.
@Suite struct OutlineLineRulesTests {
    static func texts(_ lines: [String]) -> [String] { Outline(SourceText(name: "t.txt", lines: lines)).blocks.map(\.text) }

    @Test func aShortLineAfterASentenceIsATitle() {
        #expect(Self.texts(["次のように協働の原則を定めました。", "協働の原則", "対等の原則", "上下の関係ではないことをいいます。"])
                == ["次のように協働の原則を定めました。", "協働の原則", "対等の原則", "上下の関係ではないことをいいます。"])
    }

    @Test func aLabelRunningIntoItsSentenceIsARecord() {
        let lines = ["協働の基本原則", "公平・公正の原則 協働のパートナーには、平等に参画の機会が提供されることが必要です。",
                     "公益性の原則 協働による活動は、公共的で市民に利益をもたらすものでなければなりません。"]
        #expect(Self.texts(lines).count == 3)
    }

    @Test func aFlowStandsAlone() {
        #expect(Self.texts(["次の三つの段階で進みます。", "【企画】→【実施】→【評価】", "どの段階でも話し合います。"]).count == 3)
    }
}
