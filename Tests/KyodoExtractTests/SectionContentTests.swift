import KyodoDocument
import KyodoModel
@testable import KyodoText
import KyodoTestSupport
@testable import KyodoExtract
import Testing

/// Which of a section's contents are the aspect's items, on small texts: a list that names none
/// of the aspect's words gives way, prose after one-line entries is the section's, sub-sections
/// and questions head their own text.
@Suite struct SectionContentTests {
    @Test func aListNamingNoFormIsPassedOverForTheFormsTheProseNames() throws {
        let g = try Fixtures.read([
            "５　協働の形態", "", "協働の形態としては、委託や補助、共催などが代表的です。", "",
            "協働によって期待される効果には、次のようなものがあります。",
            "・町民のニーズにきめ細かく応えるサービスが生まれること", "・町民の活動の場が広がること", "・職員の意識が変わること",
        ], name: "f.txt")
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
        // A list that does name them is still read before the prose.
        let h = try Fixtures.read(["協働の形態", "", "協働の形態には、次のものがあります。", "・委託", "・補助", "・共催"], name: "g.txt")
        #expect(h.labels(.forms) == ["委託", "補助", "共催"])
    }

    @Test func proseAfterOneLineEntriesIsTheSectionsNotTheLastEntrys() throws {
        let g = try Fixtures.read([
            "1　協働の基本を確認しよう", "", "市が大切にしている4つの原則を確認しておきましょう。",
            "・目的の共有", "・対等な関係", "・相互理解", "・情報の公開", "詳しくは基本方針をご覧ください。", "",
            "また、協働の形態には、委託、補助、共催などがあります。",
        ], name: "b.txt")
        let last = g.items.filter { $0.aspect == .principles }.last
        #expect(last?.label == "情報の公開")
        #expect(last?.span.lastLine == 7)
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
    }

    @Test func aTableWhoseFirstRowIsAnEntryHasNoHeader() throws {
        let g = try Fixtures.read(["●●● 協働のかたち ●●●", "", "・委託　　　市の事業を団体にお願いします", "・補助　　　団体の活動費の一部を応援します", "・共催　　　市と団体が一緒に主催します"], name: "t.txt")
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
        let header = Table(rows: [.init(line: 1, cells: ["原則", "内容"]), .init(line: 2, cells: ["対等", "互いに対等です。"])])
        #expect(header.hasHeader && header.records().count == 1)
        let entries = Table(rows: [.init(line: 1, cells: ["・委託", "お願いします。"]), .init(line: 2, cells: ["・補助", "応援します。"])])
        #expect(!entries.hasHeader && entries.header == nil && entries.records().count == 2)
    }

    @Test func aLoneSubsectionAboutTheAspectIsReadAsAHeading() throws {
        let g = try Fixtures.read([
            "2 協働のカタチ", "", "「協働」とは、お互いをパートナーとして手を取りあうことです。", "",
            "(1)協働のいろいろなカタチ", "", "そのスタイルにはいろいろあります。", "",
            "「共催」・「実行委員会・協議会」・「委託」・「補助」など…",
        ], name: "c.txt")
        #expect(g.labels(.forms) == ["共催", "実行委員会・協議会", "委託", "補助"])
    }

    @Test func aRunInTableCutOffBeforeItsLastStopKeepsItsLastRow() throws {
        let g = try Fixtures.read([
            "協働の基本原則", "内容",
            "公平・公正の原則 協働のパートナーには、平等に参画の機会が提供されることが必要です。",
            "対等・相互補完の原則 協働のパートナーは、全てが対等な関係にあることが重要です。",
            "公益性の原則 協働のパートナーによる活動は、公共的で市民に利益をもたらすものでなけれ",
        ], name: "r.txt")
        #expect(g.labels(.principles) == ["公平・公正の原則", "対等・相互補完の原則", "公益性の原則"])
        #expect(g.items.filter { $0.aspect == .principles }.map(\.span.lastLine) == [3, 4, 5])
    }

    @Test func aShortQuestionOverItsAnswerIsATitleThatCanDefine() throws {
        let g = try Fixtures.read(["「協働」ってなに?", "市民・議会・市役所の3者が、それぞれの役割に応じて、協力し合いながら、住みよいまちにしていくことです。", "", "お問い合わせ"], name: "q.txt")
        #expect(g.labels(.definition) == ["協働"])
        #expect(g.items.first { $0.aspect == .definition }?.span.firstLine == 1)
    }

    @Test func quotedNamesACountAnnouncesArePartners() throws {
        let g = try Fixtures.read(["まちづくり", "", "“私たち”とは、子供から大人までの“市民”、自治会やNPO法人などの“市民活動団体”、会社を営む“事業者”、地方公共団体である“市”の4つの主体です。"], name: "c.txt")
        #expect(g.labels(.partners) == ["市民", "市民活動団体", "事業者", "市"])
        // Not when the count differs from the quoted names.
        #expect(InlineList.countedQuotes(in: "“市民”と“市”の3つの主体", words: ["主体"]) == nil)
    }

    @Test func namesJoinedByNakaguroInParenthesesAfterACue() throws {
        #expect(InlineList.parenthesised(in: "立場の異なる主体(市民・自治区・NPO・ボランティア団体・企業・大学、市議会、市)が協力する", after: ["主体"])
            == ["市民", "自治区", "NPO", "ボランティア団体", "企業", "大学", "市議会", "市"])
        // A short piece keeps its ・ (one name).
        #expect(InlineList.parenthesised(in: "主体(自治会・町内会、事業者)", after: ["主体"]) == ["自治会・町内会", "事業者"])
    }

    @Test func anInlineListOfFormsMustNameAForm() throws {
        let g = try Fixtures.read(["事業形態", "", "実行委員会、協議会が前年度から増えています。補助は福祉分野や文化やスポーツなどの分野など幅広く行われています。"], name: "s.txt")
        #expect(!g.labels(.forms).contains("文化"))
        // A topic without its comma ends the list before the first name.
        #expect(InlineList.items(in: "協働の担い手は市民、自治会及び事業者などです") == ["市民", "自治会", "事業者"])
    }

    @Test func aStepWhoseTitleBeginsWithAKanjiNumeralIsAStep() throws {
        let g = try Fixtures.read(["協働の進め方", "", "ステップ１：課題を知る", "暮らしの中の課題を持ち寄ります。", "", "ステップ２：一緒に取り組む相手を探す", "団体に声をかけます。", "", "ステップ３：計画をつくる", "計画にまとめます。"], name: "s.txt")
        #expect(g.labels(.processes) == ["課題を知る", "一緒に取り組む相手を探す", "計画をつくる"])
    }

    @Test func aTableDrawnWithBoxCharactersIsATable() throws {
        let g = try Fixtures.read([
            "協働の主な形態", "┌────┬──────┐", "│形態　　│内容　　　　　│", "├────┼──────┤",
            "│委託　　│市の事業を実施してもらう│", "│補助・助成│経費の一部を支援する│", "│共催　　│ともに主催する　│", "└────┴──────┘",
        ], name: "b.txt")
        #expect(g.labels(.forms) == ["委託", "補助・助成", "共催"])
        #expect(g.items.filter { $0.aspect == .forms }.map(\.span.firstLine) == [5, 6, 7])
    }

    @Test func englishLinesBesideTheJapaneseNeitherJoinNorSplitIt() throws {
        let g = try Fixtures.read([
            "３．協働の原則", "3. Principles of Collaboration", "（１）目的の共有", "(1) Sharing the Purpose", "目的を確かめます。", "Both sides confirm the purpose.",
            "（２）対等な関係", "(2) Equal Partnership", "互いを尊重します。", "", "４．協働の担い手", "4. Partners",
            "市民　市内に住み、働き、学ぶ人", "Residents: people who live, work or study in the city", "事業者　市内の企業、商店など", "Businesses: companies and shops", "市　市長その他の執行機関",
        ], name: "e.txt")
        #expect(g.labels(.principles) == ["目的の共有", "対等な関係"])
        #expect(g.labels(.partners) == ["市民", "事業者", "市"])
    }

    @Test func aListMayEndAtTheRoleItIsGiven() throws {
        let g = try Fixtures.read(["3　協働の担い手", "　協働の担い手は、特定の団体に限られません。本計画では、市民、自治会、事業者、大学及び市を協働の担い手として位置づけます。"], name: "r.txt")
        #expect(g.labels(.partners) == ["市民", "自治会", "事業者", "大学", "市"])
    }

    @Test func subsectionsAboutTheAspectAreReadAsHeadings() throws {
        let g = try Fixtures.read([
            "第３章　協働の形態", "", "３－１　形態の種類", "　協働の形態は、次のように分けられます。", "　・委託（町の事業を団体の力を借りて行う）", "　・補助（経費の一部を支援する）", "　・共催（ともに主催者となる）", "",
            "３－２　形態ごとの手続き", "　形態によって、契約や申請の手続きが異なります。",
        ], name: "s.txt")
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
    }

    @Test func aBoxTitleWithNothingUnderItHeadsTheListAfterIt() throws {
        let g = try Fixtures.read([
            "●●● 協働ってなに？ ●●●", "", "【協働の３つのお約束】", "", "◇みんなで同じゴールを！（目的の共有）", "　はじめに目的を話し合いましょう。",
            "◇おたがいさまの気持ちで（対等な関係）", "　どちらが上ということはありません。", "◇やったことは、みんなに見えるように（情報の公開）", "　結果を伝えましょう。",
        ], name: "p.txt")
        #expect(g.labels(.principles) == ["みんなで同じゴールを！", "おたがいさまの気持ちで", "やったことは、みんなに見えるように"])
    }

    @Test func aSectionReferringToAnAppendixIsReadFromItWhenItsOwnTextNamesNoForm() throws {
        let g = try Fixtures.read([
            "（協働の形態）", "第４条　協働の形態は、別表第１に掲げるとおりとする。", "２　前項に規定するもののほか、市長が認めるときは、同表に準じて協働を行うことができる。", "",
            "別表第１（第４条関係）", "形態　　　　内容", "委託　　　　市の事業を相手方の専門性を生かして行わせるもの", "補助　　　　相手方の公益的な事業の経費の一部を負担するもの", "共催　　　　市と相手方がともに主催者となって行うもの",
        ], name: "a.txt")
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
    }

    @Test func aClauseBeforeAnInlineListIsNoPartOfIt() throws {
        #expect(InlineList.items(in: "協働は、事業の目的及び性質に応じ、委託、補助、共催、後援その他の適切な方法により行う", enders: ["その他の"]) == ["委託", "補助", "共催", "後援"])
        let g = try Fixtures.read(["（協働の担い手）", "第４条　協働の担い手は、村民、地域自治組織、事業者及び村とし、このうち村以外の担い手を「村民等」という。"], name: "o.txt")
        #expect(g.labels(.partners) == ["村民", "地域自治組織", "事業者", "村"])
    }

    @Test func aStepsGlossInAFlowIsItsDescription() throws {
        let g = try Fixtures.read(["協働の進め方", "", "相談 → 話し合い → 約束（協定） → 実行 → ふりかえり"], name: "f.txt")
        #expect(g.labels(.processes) == ["相談", "話し合い", "約束", "実行", "ふりかえり"])
        #expect(g.items.first { $0.label == "約束" }?.description == "協定")
    }

    @Test func aDefinitionsArticleDefinesItsTermsOfCollaborationAndActivityNotItsActors() throws {
        let g = try Fixtures.read([
            "（定義）", "第２条　この条例において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。",
            "　（１）　村民　村内に住所を有する者をいう。", "　（２）　市民活動　村民等が自主的に行う営利を目的としない公益的な活動をいう。",
            "　（３）　協働　村民等及び村が、共通の目的のために対等な立場で協力して取り組むことをいう。",
        ], name: "d.txt")
        #expect(g.labels(.definition) == ["市民活動", "協働"])
    }

    @Test func aTermOfCollaborationMayBeAPhrase() throws {
        let g = try Fixtures.read(["まちづくり", "", "「協働のまちづくり」とは、市民と行政が、お互いの立場を尊重して協力し、まちをつくることです。", "", "「市民の利益」とは、市民全体の利益のことです。"], name: "p.txt")
        #expect(g.labels(.definition) == ["協働のまちづくり"])
    }

    @Test func titledDefinitionsBulletedTrailedOrLedIn() throws {
        for title in ["●「協働」とは", "協働とは・・", "そもそも「協働」ってなに?"] {
            let g = try Fixtures.read([title, "市民と行政が、お互いの役割を自覚し、協力し合いながら地域の課題に取り組むことです。"], name: "t.txt")
            #expect(g.labels(.definition) == ["協働"], "\(title)")
        }
        // A name in quotes is no definition: `その定義を「参加の梯子」という表現で説明しています`.
        let h = try Fixtures.read(["段階", "", "協働には、多くの段階があると言われます。ある学者はその定義を「参加の梯子」という表現で説明しています。"], name: "h.txt")
        #expect(h.labels(.definition).isEmpty)
    }

    @Test func labelsOverSeveralParagraphsArePairs() throws {
        let g = try Fixtures.read([
            "3つの考え方", "", "情報共有", "", "情報を出し合えば、まちづくりへのアイデアが生まれます。", "", "地域の話し合いでは、課題を共有しています。", "",
            "参画", "", "みんなが当事者意識をもって取り組みます。", "", "企業も地域の活動に参加しています。", "",
            "協働", "", "それぞれの強みを出し合い、つながります。", "", "市は、団体と協働して機会をつくります。",
        ], name: "p.txt")
        #expect(g.labels(.principles) == ["情報共有", "参画", "協働"])
    }

    @Test func anInlineListStartsAfterAClauseOrALabel() throws {
        #expect(InlineList.items(in: "市では、こうした課題を行政だけでなく、地域や市民活動団体、事業所など様々な主体と協力します") == ["行政", "地域", "市民活動団体", "事業所"])
        #expect(InlineList.items(in: "解説:共催や補助、委託などの形態による協働事業") == ["共催", "補助", "委託"])
    }

    @Test func aTitledDefinitionStandsWhenAnotherTermIsExplainedBelowIt() throws {
        let g = try Fixtures.read(["●協働とは?", "", "町に関わるみなさんと行政が、お互いにまちづくりの担い手として協力し合うことです。", "", "「町に関わるみなさん」とは、個人としての町民をはじめ、団体や企業などです。"], name: "t.txt")
        #expect(g.labels(.definition) == ["協働"])
    }

    @Test func proseWithAStrayGapInAWordIsNoTable() throws {
        let g = try Fixtures.read([
            "第2条 この条例において使用する用語の意義は、次のとおりとします。",
            " (1) 協働 異なる立場の人や組織がそれぞれの役割を自覚して参画し、地域課題の解  決に向かって一緒に取り組むことをいいます。",
            " (2) 町民 町内に居住し、通勤し、又は通学する者及びまちづくりに関わる個人又は団  体をいいます。",
            " (3) 事業者 町内において事業を営む個人又は法人その他の団体で、まちづくりに関わる  ものをいいます。",
        ], name: "s.txt")
        #expect(g.labels(.definition) == ["協働"])
    }

    @Test func namesRightAfterTheCueTheyAre() throws {
        #expect(InlineList.afterCue(in: "本町のまちづくりの担い手である住民・企業・町がそれぞれ主体的に関わります", cues: ["担い手"]) == ["住民", "企業", "町"])
        #expect(InlineList.afterCue(in: "協働の担い手となる住民や行政はそれぞれが強みを持っています", cues: ["担い手"]) == ["住民", "行政"])
        // The rest of a clause is no list of names.
        #expect(InlineList.afterCue(in: "市と相手方のどちらが事業の主体となるのか、経費をどのように負担するのかを整理します", cues: ["主体"]) == nil)
    }

    @Test func aPageWhoseCellsAreJoinedByBarsIsReadCellByCell() throws {
        let g = try Fixtures.read([
            "ホーム｜市政情報｜市民協働", "協働の原則｜市と相手方は、次の原則を大切にします。", "目的の共有｜何のために取り組むのか確かめ合います。",
            "対等の関係｜対等なパートナーとして話し合います。", "情報の公開｜協働の過程を公開します。", "",
            "協働の担い手｜市民｜自治会・町内会｜事業者｜市", "",
            "協働事業の例｜事業名｜協働の相手", "川の清掃｜自治会連合会｜共催", "子ども食堂｜NPO法人｜補助", "",
            "参加権規定の有無 | 有 |",
        ], name: "p.txt")
        #expect(g.labels(.principles) == ["目的の共有", "対等の関係", "情報の公開"])
        #expect(g.labels(.partners) == ["市民", "自治会・町内会", "事業者", "市"])
        let tree = DocumentTree(SourceText(name: "t.txt", lines: ["a｜b｜c", "d｜e｜f", "", "g | h |"]))
        #expect(tree.blocks.compactMap(\.table).map(\.rows.count) == [2, 1])
    }

    @Test func newsletterMarkersCountsAndFlows() throws {
        let g = try Fixtures.read([
            "■協働の５つの約束", "約束１　ゴールを同じにする（目的の共有）", "　何のために取り組むのか確かめます。", "約束２　上下をつくらない（対等な関係）", "　同じテーブルにつきます。", "",
            "大切にしたい３つのこと", "❶目的の共有　　最初に確かめ合います。", "❷対等な立場　　上下はありません。", "❸成果の公開　　結果をお知らせします。", "",
            "■協働の担い手はこの皆さん", "◇市民　◇自治会・町内会　◇事業者", "",
            "■協働の始め方", "①まずは相談　▶　②話し合い　▶　③協定を結ぶ",
        ], name: "n.txt")
        #expect(g.labels(.principles) == ["ゴールを同じにする", "上下をつくらない"])
        #expect(g.labels(.partners) == ["市民", "自治会・町内会", "事業者"])
        #expect(g.labels(.processes) == ["まずは相談", "話し合い", "協定を結ぶ"])
        #expect(SectionData.withoutCount("大切にしたい６つのこと") == "大切にしたいこと")
        #expect(SectionData.withoutCount("協働の主なかたち") == "協働のかたち")
    }

    @Test func anInlineListEndsAtTheEndersPlaceThatEndsARun() throws {
        #expect(InlineList.items(in: "協働にはいくつかの形態があり、主なものに委託、補助、共催があります", enders: ["があり"], topicEnders: ["があり"]) == ["委託", "補助", "共催"])
        #expect(InlineList.items(in: "指針では五つの原則を定めており、第１に目的の共有、第２に対等な関係、第３に相互理解でございます", enders: ["でございます"]) == ["目的の共有", "対等な関係", "相互理解"])
    }

    @Test func aSpokenListMayStartFromTheNameAfterItsTopic() throws {
        #expect(InlineList.items(in: "協働の担い手といたしましては、市民一人一人をはじめ、自治会、事業者、そして市であると考えております",
                                 enders: ["であると考えております"], topicEnders: ["であると考えております"]) == ["市民一人一人", "自治会", "事業者", "市"])
    }
}
