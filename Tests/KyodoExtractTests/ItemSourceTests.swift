import KyodoDocument
import KyodoModel
import KyodoText
import KyodoTestSupport
@testable import KyodoExtract
import Testing

/// The item sources and definition forms added for unseen layouts, each on a small text.
@Suite struct ItemSourceTests {
    @Test func aQAndAPageIsReadThroughItsQuestions() throws {
        let g = try Fixtures.read([
            "Q1. 協働ってなに？", "A. 協働とは、市民と市が同じ目的に向かって力を合わせることです。", "",
            "Q2. 大切なことは？", "A. 協働の原則として次の三つを定めています。", "◆目的を共有する", "◆対等な関係を保つ", "◆情報を公開する", "",
            "Q3. 誰が協働の担い手になるの？", "A. 市民のほか、自治会、事業者、そして市が担い手になります。", "",
            "Q4. どんなかたちがあるの？", "A. 主なかたちとして、委託、補助、共催があります。", "",
            "Q5. どうやって進めるの？", "A. 次の流れで進みます。", "【企画】→【実施】→【評価】",
        ], name: "qa.txt")
        #expect(g.labels(.definition) == ["協働"])
        #expect(g.labels(.principles) == ["目的を共有する", "対等な関係を保つ", "情報を公開する"])
        #expect(g.labels(.partners) == ["市民", "自治会", "事業者", "市"])
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
        #expect(g.labels(.processes) == ["企画", "実施", "評価"])
    }

    @Test func quotedNamesInARowAreAnInlineList() throws {
        let g = try Fixtures.read(["協働の原則", "", "市では、「目的の共有」「対等な関係」「相互理解」の3つを協働の原則としています。"], name: "q.txt")
        #expect(g.labels(.principles) == ["目的の共有", "対等な関係", "相互理解"])
    }

    @Test func aFlowLineUnderAProcessHeadingGivesItsSteps() throws {
        let g = try Fixtures.read(["協働の進め方", "", "①課題の発見→②協議→③実施→④評価"], name: "f.txt")
        #expect(g.labels(.processes) == ["課題の発見", "協議", "実施", "評価"])
        #expect(g.items.filter { $0.aspect == .processes }.allSatisfy { $0.span.firstLine == 3 })
    }

    @Test func labelLinesWithoutBlanksAreOneItemEach() throws {
        let g = try Fixtures.read(["協働のパートナー", "", "市民", "自治会・町内会", "事業者", "", "協働の相手は、上記のほか、すべての人や団体です。"], name: "l.txt")
        #expect(g.labels(.partners) == ["市民", "自治会・町内会", "事業者"])
        #expect(g.items.filter { $0.aspect == .partners }.map(\.span.firstLine) == [3, 4, 5])
    }

    @Test func aFlattenedTableOfLabelAndSentenceIsRead() throws {
        let g = try Fixtures.read([
            "協働を進める上での約束事", "協働の基本原則", "内容",
            "公平・公正の原則 協働のパートナーには、平等に参画の機会が提供されることが必要です。",
            "対等・相互補完の原則 協働のパートナーは、全てが対等な関係にあることが重要です。",
            "公益性の原則 協働による活動は、公共的で市民に利益をもたらすものでなければなりません。",
        ], name: "t.txt")
        #expect(g.labels(.principles) == ["公平・公正の原則", "対等・相互補完の原則", "公益性の原則"])
    }

    @Test func definitionsWithoutAStopOrOfAnyQuotedTerm() throws {
        let g = try Fixtures.read(["用語", "・「参画」とは→何かを行うときに計画から関わり参加すること", "・「協働」とは→同じ目標に向かってみんなで力を合わせること"], name: "d.txt")
        #expect(g.labels(.definition) == ["参画", "協働"])
        let h = try Fixtures.read(["協働とは一緒になって取り組むこと", "", "協働とは何か"], name: "e.txt")
        #expect(h.labels(.definition) == ["協働"])
    }

    @Test func actorsInADefinitionAreNoPartners() throws {
        let g = try Fixtures.read(["協働とは、市民、自治会、NPOなどの多様な主体と市が、対等な立場で協力することです。"], name: "a.txt")
        #expect(g.labels(.partners).isEmpty)
    }

    @Test func aListUnderNoHeadingThatNamesFormsIsTheForms() throws {
        // A 注意 box of quoted form names running into their text: no heading says 形態.
        let g = try Fixtures.read(["市の協働事業の一覧です。", "注意", "- 「共催」…市と市民が共に主催者となって事業を実施する。",
                                   "- 「後援」…市民の事業に市が名義の使用を認める。", "- 「委託」…市の事業を市民に任せて実施する。"], name: "n.txt")
        #expect(g.labels(.forms) == ["共催", "後援", "委託"])
        // Example projects are not: their entries are long and name no form by itself.
        let h = try Fixtures.read(["事例", "・南風川の桜並木を守る会と町による並木の手入れ", "・子育てサークルと町が共催する子育てフェスタ", "・商工会と町による空き店舗の活用"], name: "m.txt")
        #expect(h.labels(.forms).isEmpty)
    }

    @Test func aNumberingThatStartsAgainIsAnotherList() throws {
        let g = try Fixtures.read(["次の点に留意します。", "①サービスが向上するか", "②市民ニーズに合うか", "つぎに、協働の形態を選択します。",
                                   "①共催、実行委員会等", "②後援、情報交換等", "③事業協力(協定)", "④補助", "⑤委託"], name: "r.txt")
        #expect(g.labels(.forms) == ["共催、実行委員会等", "後援、情報交換等", "事業協力", "補助", "委託"])
    }

    @Test func numbersALossyDecodingOrAGlueLeftAreStillMarkers() throws {
        // CP932's ①②③ that lost their lead byte, and digits glued to their titles.
        let g = try Fixtures.read(["協働の形", "@共催(合同企画)", "A後援(名義の使用)", "B委託(責任を明確に)"], name: "g.txt")
        #expect(g.labels(.forms) == ["共催", "後援", "委託"])
        let h = try Fixtures.read(["協働の形態", "1参画、政策提案", "計画の段階から関わるもの。", "2委託", "市が業務を委ねるもの。", "3共催", "市と市民が共に主催するもの。"], name: "h.txt")
        #expect(h.labels(.forms) == ["参画、政策提案", "委託", "共催"])
        let tree = DocumentTree(SourceText(name: "g.txt", lines: ["協働の形態", "1参画、政策提案", "説明。", "2委託", "説明。", "3共催", "説明。", "", "3つの原則", "5年ごとに見直す"]))
        #expect(tree.blocks.compactMap(\.marker) == [.numbered(1), .numbered(2), .numbered(3)])
    }

    /// An inline list whose items name their examples (`NPOなどの市民活動団体`) runs on to the など
    /// the cue follows; each such item is the kind it names, and the item a list starts from
    /// (`個人をはじめ`) is that item.
    @Test func anInlineListRunsPastItemsNamingTheirExamples() throws {
        let g = try Fixtures.read(["まちづくりの現状", "",
                                   "そのため、個人をはじめ、自治会などの地域活動団体、NPOなどの市民活動団体、大学、企業などのさまざまな担い手が手を携えることが求められています。"],
                                  name: "x.txt")
        #expect(g.labels(.partners) == ["個人", "地域活動団体", "市民活動団体", "大学", "企業"])
        #expect(InlineList.items(in: "委託、補助などの手法") == ["委託", "補助"])
    }

    /// Names in parentheses right after a cue are its items (`基本原則（A、Bなど）`).
    @Test func aParenthesisedListAfterACueGivesItsItems() throws {
        let g = try Fixtures.read(["はじめに", "", "本書では、協働を進めるための基本原則（目標一致の原則、相互理解の原則など）と職員の姿勢を紹介します。"], name: "p.txt")
        #expect(g.labels(.principles) == ["目標一致の原則", "相互理解の原則"])
        #expect(InlineList.parenthesised(in: "基本原則（これは長い説明であって項目の名前ではない文です、ほか）", after: ["基本原則"]) == nil)
    }

    /// `「協働」を「…」とし`: the quoted definition of the term the cue names; a short quote
    /// (`「協働」を「推進」する`) is none.
    @Test func aTermQuotedBeforeItsQuotedDefinitionIsDefined() throws {
        let g = try Fixtures.read(["はじめに", "", "本書では、「協働」を「市民と市が目標を共有し、対等な立場で力を合わせて取り組むこと」とします。"], name: "d.txt")
        #expect(g.labels(.definition) == ["協働"])
        #expect(g.items.first { $0.aspect == .definition }?.description == "市民と市が目標を共有し、対等な立場で力を合わせて取り組むこと")
        let short = try Fixtures.read(["はじめに", "", "市は「協働」を「推進」します。"], name: "s.txt")
        #expect(short.labels(.definition).isEmpty)
        let other = try Fixtures.read(["はじめに", "", "条例では、「協働・協治」を『区民、団体、事業者及び区が対等の関係で協力し、地域の課題を解決すること』と定義しています。"], name: "o.txt")
        #expect(other.labels(.definition) == ["協働・協治"])
    }

    /// A heading whose body only names items in passing (…など) gives way to a later heading
    /// about the same aspect whose body enumerates them.
    @Test func anEnumerationUnderALaterHeadingBeatsNamesInPassing() throws {
        let g = try Fixtures.read(["協働の形態とは？", "", "事業の目的や内容、期待する効果などに応じて、適切な協働の形態を選びます。", "",
                                   "主な協働の形態", "", "(1)委託", "市の事業を団体に任せる形態です。", "(2)共催", "共に主催する形態です。", "(3)後援", "名義の使用を認める形態です。"],
                                  name: "f.txt")
        #expect(g.labels(.forms) == ["委託", "共催", "後援"])
    }

    /// `共生とは、…をいいます。`: any short term defined by a sentence ending as definitions do;
    /// a sentence that only explains (…とは、…です) defines nothing.
    @Test func aShortTermDefinedByADefiningSentenceIsADefinition() throws {
        let g = try Fixtures.read(["用語について", "", "共生とは、違いを認め合い、共に生きていくことをいいます。", "",
                                   "協働とは、市民と市が対等な立場で協力することです。", "", "大切なこととは、互いを知ることだと考えます。"], name: "t.txt")
        #expect(g.labels(.definition) == ["共生", "協働"])
    }

    /// Under no heading and with no cue, a sentence about 協働 whose run of names is mostly
    /// partner words gives the partners; names that only set the scene, or that a definition
    /// holds, do not.
    @Test func aSentenceOfPartnerNamesAboutCollaborationGivesThePartners() throws {
        let g = try Fixtures.read(["ルールブックについて", "", "これは四者（市民、市民活動団体、事業者、行政）がそれぞれの責任のもと、対等な立場で協働を行うためのルールです。"], name: "n.txt")
        #expect(g.labels(.partners) == ["市民", "市民活動団体", "事業者", "行政"])
        #expect(g.findings.contains { $0.aspect == .partners && $0.kind == .notExhaustive })
        let scene = try Fixtures.read(["はじめに", "", "市内では自治会やボランティア団体、NPO法人などが、それぞれの活動を続けています。"], name: "s.txt")
        #expect(scene.labels(.partners).isEmpty)
        let defined = try Fixtures.read(["はじめに", "", "つまり協働とは、町内会・自治会、NPO、企業、大学、市が課題を共有し、役割を分担して解決にあたることです。"], name: "d.txt")
        #expect(defined.labels(.partners).isEmpty)
    }

    /// An ordinance's `この条例において「X」とは…をいう` defines X in an article or its 項; the
    /// definition of the partners' own term (「多様な主体」) lists them, parentheses left out and
    /// `NPO法人その他の市民活動団体` read as the kind it names.
    @Test func anOrdinanceDefiningThePartnersTermListsThem() throws {
        let g = try Fixtures.read(["（定義）",
                                   "第2条 この条例において「協働」とは、同じ目的のために対等の立場で協力して共に働くことをいう。",
                                   "2 この条例において「多様な主体」とは、住民自治組織（町内会、自治会その他の団体をいう。以下同じ。）、NPO法人その他の市民活動団体、事業者、学校等の団体並びに市をいう。"],
                                  name: "o.txt")
        #expect(g.labels(.definition) == ["協働", "多様な主体"])
        #expect(g.labels(.partners) == ["住民自治組織", "市民活動団体", "事業者", "学校", "市"])
    }

    /// A definition of who a term covers (`市民等とは、…を含めます`) is a sentence of partner names;
    /// a gloss in parentheses is left out, and each `などの` segment is the kind it names.
    @Test func aDefinitionOfWhoATermCoversNamesThePartners() throws {
        let g = try Fixtures.read(["用語", "", "※市民等とは、老人会などの地縁組織や、NPO法人、ボランティア団体などの市民活動団体、企業（商店を含む。）や大学等を含めます。"], name: "c.txt")
        #expect(g.labels(.partners) == ["地縁組織", "NPO法人", "市民活動団体", "企業", "大学等"])
        #expect(InlineList.collapsingExamples("ボランティア団体、NPO等の市民活動団体、企業などのさまざまな主体") == "ボランティア団体、市民活動団体、企業などのさまざまな主体")
    }

    /// More ways of naming a term defined: `…ことを『市民協働』と定義します`, `市民協働を「…」と定義`
    /// (an unquoted term only before と定義), and a title `▽協働とは…` over its definition.
    @Test func definitionsNamedWithDoubleQuotesOrDefinedByName() throws {
        let named = try Fixtures.read(["はじめに", "", "市民と市が共通の目的に対して対等な立場で協力し合うことを『市民協働』と定義します。"], name: "a.txt")
        #expect(named.labels(.definition) == ["市民協働"])
        let byName = try Fixtures.read(["はじめに", "", "市では、市民協働を「市民と市が共通の目的を達成するために、協力して働くこと」と定義しています。",
                                        "", "将来像を「誰もが住み続けたいと思える元気なまちであること」と定めています。"], name: "b.txt")
        #expect(byName.labels(.definition) == ["市民協働"])
        let titled = try Fixtures.read(["▽協働とは…", "市民をはじめ団体、企業、行政がそれぞれの力を合わせて取り組むことです。"], name: "c.txt")
        #expect(titled.labels(.definition) == ["協働"])
    }

    /// A list of partner names under a heading about principles is no list of principles; a
    /// gloss in parentheses is no part of an inline list; a term holding 協働 that a sentence
    /// defines (`協働のまちづくりとは、…`) names no partners.
    @Test func namesOfAnotherAspectAndGlossesInAListAreKeptApart() throws {
        let g = try Fixtures.read(["協働の考え方", "", "町民と町、自治会、NPO、ボランティア、学校、企業などが良きパートナーとなり、力を合わせます。"], name: "a.txt")
        #expect(g.labels(.principles).isEmpty)
        #expect(InlineList.items(in: "市民（市民活動団体及び事業者を含む）や行政などの主体") == ["市民", "行政"])
        let defined = try Fixtures.read(["はじめに", "", "協働のまちづくりとは、市民や事業者、市民活動団体、教育機関などや行政がお互いの得意分野を生かして取り組むことです。"], name: "d.txt")
        #expect(defined.labels(.partners).isEmpty)
    }

    /// `…のとおり、『協働』とは…`, `基本計画に掲げる協働とは…`, and a short term defined by a sentence
    /// ending in ものです.
    @Test func definitionsAfterAClauseOrAFrameNamingAPlan() throws {
        let clause = try Fixtures.read(["はじめに", "", "図のとおり、『協働』とは、住民の声を住民組織や行政が受け止めて、共に応えていくことです。"], name: "a.txt")
        #expect(clause.labels(.definition) == ["協働"])
        let plan = try Fixtures.read(["注釈", "", "注1：基本計画に掲げる協働とは、区民、団体や事業者が地域社会を良くしようと力を合わせることです。"], name: "b.txt")
        #expect(plan.labels(.definition) == ["協働"])
        let thing = try Fixtures.read(["はじめに", "", "市民協働のまちづくりとは、市民と行政が共に地域の課題に取り組み、活力ある地域社会を目指すものです。"], name: "c.txt")
        #expect(thing.labels(.definition) == ["市民協働のまちづくり"])
    }

    /// Half the names holding an item word is enough when a cue follows the run closely.
    @Test func aRunOfNamesACueFollowsNeedsOnlyHalfItsNamesKnown() throws {
        let g = try Fixtures.read(["市民活動推進指針", "", "市民活動を推進するには、『市民、市民活動団体、教育機関、事業者、市』のそれぞれの主体が役割の下に連携することが必要です。"], name: "m.txt")
        #expect(g.labels(.partners) == ["市民", "市民活動団体", "教育機関", "事業者", "市"])
    }

    /// An ordinance printed with its captions only: the run of captions about principles gives
    /// them, even when the chapter heading about principles (a contents line) gave nothing;
    /// captions between articles are no run.
    @Test func captionsStandingAloneGiveTheOrdinancesPrinciples() throws {
        let g = try Fixtures.read(["目次", "第1章 総則(第1条-第3条)", "第2章 基本原則(第4条-第7条)", "附則", "",
                                   "(目的)", "(定義)", "(住民主体の原則)", "(協働の原則)", "(情報共有の原則)", "(対等の原則)", "(村民の権利)"], name: "c.txt")
        #expect(g.labels(.principles) == ["住民主体の原則", "協働の原則", "情報共有の原則", "対等の原則"])
        #expect(g.items.filter { $0.aspect == .principles }.map(\.span.firstLine) == [8, 9, 10, 11])
        let articles = try Fixtures.read(["協働のまちづくり条例", "", "(住民主体の原則)", "第4条 まちづくりは住民が主体となって進める。", "(協働の原則)", "第5条 村民と村は協働して進める。"], name: "a.txt")
        #expect(!articles.findings.contains { $0.message.contains("captions standing alone") })
    }

    /// Sentences end at 。 but not inside parentheses (a piece left open joins the next, three
    /// at most); a blank remainder is dropped; the slices are the sentences as written.
    @Test func sentencesEndAtStopsOutsideParentheses() {
        #expect(InlineList.sentences("市民が主体です。市は支えます。") == ["市民が主体です。", "市は支えます。"])
        #expect(InlineList.sentences("企業（商店を含む。）や団体が担う。次に。") == ["企業（商店を含む。）や団体が担う。", "次に。"])
        #expect(InlineList.sentences("（一。二。三。四。五。") == ["（一。二。三。四。", "五。"])
        #expect(InlineList.sentences("終わり。　 ") == ["終わり。"] && InlineList.sentences("続きのない文") == ["続きのない文"])
        #expect(InlineList.sentences("") == [])
        let text = "前文。自治会(町内会。)、NPO、企業などです。"
        #expect(InlineList.sentenceSlices(text).map(String.init) == InlineList.sentences(text))
        #expect(InlineList.sentenceSlices(text).last.map { text[$0.startIndex...] == $0 } == true)
    }
}
