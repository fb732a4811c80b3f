import KyodoDocument
import KyodoModel
import KyodoTestSupport
@testable import KyodoExtract
@testable import KyodoText
import Testing

/// Layouts of minutes, newsletters, check-sheet guides and application guides: points spoken
/// one by one (`一つ目は「…」でございます`), speakers' lines, titles between rules, flows wrapped
/// over lines, notes under tables, quoted words in headings, lists a role closes, unquoted
/// terms named by a sentence.
@Suite struct SpokenAndFramedTests {
    @Test func ordinalWordsOpenPoints() {
        #expect(MarkerScanner.scan("一つ目は「目的を共有すること」でございます。")?.marker == .step(1, word: MarkerScanner.ordinalWordGroup))
        #expect(MarkerScanner.scan("２点目として、情報を公開すること。")?.marker == .step(2, word: MarkerScanner.ordinalWordGroup))
        #expect(MarkerScanner.scan("第三に、評価を行うこと。")?.title == "評価を行うこと。")
        // A number of things is no point: `三つの原則があります`.
        #expect(MarkerScanner.scan("三つの原則があります。") == nil)
    }

    /// A speaker's line announces the points after it; each is the quote the copula follows.
    @Test func aSpeakersLineAnnouncesSpokenPoints() throws {
        let g = try Fixtures.read([
            "○議長　村長。",
            "◎村長　方針では、協働の原則として四つのことを掲げております。",
            "　一つ目は「目的を共有すること」でございます。何のために取り組むのかを確かめ合うことでございます。",
            "　二つ目は「対等な立場に立つこと」でございます。",
            "　三つ目は「互いの違いを理解すること」でございます。",
            "　四つ目は「取組の過程を公開すること」でございます。",
            "◎総務課長　協働の担い手は、村民、行政区、消防団や婦人会などの地域の団体、事業者、そして村を想定しております。",
        ], name: "m.txt")
        #expect(g.labels(.principles) == ["目的を共有すること", "対等な立場に立つこと", "互いの違いを理解すること", "取組の過程を公開すること"])
        #expect(g.labels(.partners) == ["村民", "行政区", "地域の団体", "事業者", "村"])
    }

    /// `…を協働の担い手としております`: the role after the list closes it, its last kind an item.
    @Test func aRoleClosesTheListBeforeIt() throws {
        let g = try Fixtures.read([
            "議会だより", "",
            "　指針では、村民のほか、集落、婦人会や老人クラブなどの各種団体、農業法人や商店などの事業者を協働の担い手としております。",
        ], name: "r.txt")
        #expect(g.labels(.partners) == ["村民", "集落", "各種団体", "事業者"])
    }

    /// A title under a rule heads a part: the list after it is its, not the last entry's above.
    @Test func aTitleUnderARuleHeadsAPart() throws {
        let lines = [
            "■ 使い方",
            "　1. シートを配ります。",
            "　2. 記入して提出します。",
            "　　△ … 見直しが必要",
            "",
            "━━━━━━━━━━━━━━━━━━",
            "チェック１　協働の原則",
            "━━━━━━━━━━━━━━━━━━",
            "",
            "◆ 対等の原則",
            "　市と相手方は対等なパートナーです。",
            "◆ 公開の原則",
            "　取組の経過を公表します。",
        ]
        let tree = DocumentTree(SourceText(name: "c.txt", lines: lines))
        #expect(tree.blocks.first { $0.text == "チェック１　協働の原則" }?.ruled == true)
        // (It stands in the document itself, not in the last entry of the list above it.)
        #expect(tree.root.children.contains { node in
            if case .paragraph(let p) = node { return p.text == "チェック１　協働の原則" } else { return false }
        })
        let g = try Fixtures.read(lines, name: "c.txt")
        #expect(g.labels(.principles) == ["対等の原則", "公開の原則"])
        // The rule closing a framed title is above nothing.
        let framed = DocumentTree(SourceText(name: "f.txt", lines: ["━━━━━━", "１　協働の原則", "━━━━━━", "", "〔対等〕", "　対等であること。"]))
        #expect(framed.blocks.first { $0.text == "〔対等〕" }?.ruled == false)
    }

    /// A flow wrapped over two lines is one flow; a note under a table is no row of it.
    @Test func aWrappedFlowAndANoteUnderATable() throws {
        let g = try Fixtures.read([
            "【６】選考の流れ",
            "　協働事業は、次の流れで進めます。",
            "　〔事前相談〕⇒〔提案書の提出〕⇒〔審査〕⇒",
            "　〔協定締結〕⇒〔事業の実施〕⇒〔事業評価〕",
            "",
            "【４】協働の形態",
            "　形態\t内容",
            "　委託\t市の業務を任せる",
            "　共催\tともに主催する",
            "　※同じ事業で、市の他の補助金と重ねて申請することはできません。",
        ], name: "f.txt")
        #expect(g.labels(.processes) == ["事前相談", "提案書の提出", "審査", "協定締結", "事業の実施", "事業評価"])
        #expect(g.items.first { $0.label == "協定締結" }?.span.firstLine == 4)
        #expect(g.labels(.forms) == ["委託", "共催"])
    }

    /// A row whose label leaves one space before the column the others' text starts at.
    @Test func aLongLabelLeavesOneSpaceInAnAlignedTable() throws {
        let rows = SpaceTable.rows(SourceText(name: "x", lines: [
            "　・委託　　　　市の業務を任せる",
            "　・補助　　　　経費の一部を支援する",
            "　・共催　　　　ともに主催者となる",
            "　・実行委員会　組織をつくって運営する",
        ]))
        #expect(rows[4] == ["・実行委員会", "組織をつくって運営する"])
    }

    /// Quote marks in a heading say nothing of its topic: `いろいろな「かたち」があります`.
    @Test func quoteMarksInAHeadingAreLookedThrough() throws {
        let g = try Fixtures.read([
            "■協働にはいろいろな「かたち」があります",
            "　◎委託：市の事業を団体にお願いする",
            "　◎共催：市と団体が一緒に主催する",
            "　◎後援：団体の催しを市が応援する",
        ], name: "q.txt")
        #expect(g.labels(.forms) == ["委託", "共催", "後援"])
        #expect(SectionData.withoutQuotes("いろいろな「かたち」があります") == "いろいろなかたちがあります")
    }

    /// An unquoted term a sentence names its object (`…活動を市民活動といい`), a tag before a
    /// title's term, a definition quoted and 位置付け'd, a short …とは title standing alone.
    @Test func termsNamedInSentencesAndTitles() throws {
        let g = try Fixtures.read([
            "用語について", "",
            "　市民が主体となって行う公益的な活動を市民活動といい、市はこれを支援します。",
            "",
            "協働事業とは",
            "協働事業とは、市民と行政が協力し合い、共通の目標に向けて取り組む事業のことです。",
            "",
            "（参考）協働とは",
            "　指針では、協働を「市民と市が対等な立場で、共通の目的のために力を合わせること」と位置付けています。",
        ], name: "d.txt")
        #expect(g.labels(.definition) == ["市民活動", "協働事業", "協働"])
        #expect(g.items.first { $0.label == "協働事業" }?.span.firstLine == 5)
    }

    /// An enumeration written inline after a cue, each name after its marker.
    @Test func anEnumerationWrittenInline() throws {
        #expect(InlineList.markedRun(in: "具体的な形態としては、ア)協働委託 イ)補助 ウ)実行委員会・協議会 エ)物的支援(公の財産の使用等) などがあります")
                == ["協働委託", "補助", "実行委員会・協議会", "物的支援"])
        #expect(InlineList.markedRun(in: "①委託、②補助、③共催") == ["委託", "補助", "共催"])
        // Two entries, or numbers out of sequence, are no run.
        #expect(InlineList.markedRun(in: "ア)委託 イ)補助") == nil)
        #expect(InlineList.markedRun(in: "(1)委託 (3)補助 (4)共催") == nil)
        let g = try Fixtures.read(["協働の調査", "", "　具体的な形態としては、ア)協働委託 イ)補助 ウ)共催 エ)後援 などがあります。"], name: "e.txt")
        #expect(g.labels(.forms) == ["協働委託", "補助", "共催", "後援"])
    }

    /// The actors named in a definition under a title asking what 協働 is are no partners.
    @Test func actorsInADefinitionUnderATitleAreNoPartners() throws {
        let g = try Fixtures.read([
            "「協働」って何?",
            "「県民、NPO、企業、行政などがそれぞれの主体性のもとに、互いの特性を尊重し合いながら、共通の目的のために協力すること」",
        ], name: "t.txt")
        #expect(g.labels(.definition) == ["協働"])
        #expect(g.labels(.partners).isEmpty)
    }

    @Test func spokenCountsAreAnnounced() {
        #expect(Extraction.withoutAdverb("協働の原則として四つのことを掲げ、原則として毎年見直します") == "協働の原則として四つのことを掲げ、毎年見直します")
        #expect(AnnouncedCount.find(in: "協働の原則として四つのことを掲げております") == 4)
        #expect(AnnouncedCount.find(in: "一つひとつの事業") == nil)
    }
}
