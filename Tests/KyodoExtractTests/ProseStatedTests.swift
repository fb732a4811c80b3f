import KyodoDocument
import KyodoModel
import KyodoTestSupport
@testable import KyodoExtract
@testable import KyodoText
import Testing

/// Items a web page states in its prose rather than in a list: principles an ordinance's
/// introduction quotes (`「情報共有」と「住民参加」を基本原則とし`), terms defined after a lead-in
/// (`この意味において、参加とは、`) or a qualifier (`本町が目指す「協働」とは`), with either comma,
/// a question heading what answers it, partners named after a definition; and pages whose
/// heading names the items themselves (`後援・協力・共催とは`) or whose entries are stages.
@Suite struct ProseStatedTests {
    /// Quoted names right before the cue they are: `「A」と「B」を基本原則とし`.
    @Test func quotedNamesBeforeTheirCue() throws {
        let g = try Fixtures.read([
            "まちづくり基本条例の見直し", "",
            "平成十四年に施行した条例は、「情報の共有」と「町民の参加」を基本原則とし、町民が自ら考え行動するまちを目指しています。",
        ], name: "q.txt")
        #expect(g.labels(.principles) == ["情報の共有", "町民の参加"])
        // Not quoted titles a sentence names as something else.
        let other = try Fixtures.read([
            "お知らせ", "",
            "本町では「総合計画」と「協働指針」を改定しました。",
        ], name: "o.txt")
        #expect(other.labels(.principles).isEmpty)
    }

    /// A cue as the role of what follows it (`…の基本原則として、「A」「B」「C」を掲げ`), not of
    /// what precedes it (`…ことを基本理念として、A、B、Cなどを定めた`).
    @Test func aCueAsTheRoleOfWhatFollows() throws {
        let g = try Fixtures.read([
            "基本条例について", "",
            "条例では、まちづくりの基本原則として、「情報共有」「参加」「協働」「自然との共生」を掲げています。",
        ], name: "r.txt")
        #expect(g.labels(.principles) == ["情報共有", "参加", "協働", "自然との共生"])
        let object = try Fixtures.read([
            "自治基本条例とは", "",
            "市民と市が自治を担うことを基本原則として、まちづくりの仕組み、市民の役割、市政運営のあり方などを定めた条例です。",
        ], name: "s.txt")
        #expect(object.labels(.principles).isEmpty)
    }

    /// A term defined after a lead-in clause, or qualified before its quotes, or with a comma
    /// of either width.
    @Test func termsAfterLeadInsQualifiersAndCommas() throws {
        let lead = try Fixtures.read([
            "用語", "",
            "この意味において、参加とは、町の施策の企画の段階から住民の意思が反映されることをいう。",
        ], name: "l.txt")
        #expect(lead.labels(.definition) == ["参加"])
        let comma = try Fixtures.read([
            "本制度について", "",
            "本制度が目指す「共働」は,企画の段階から団体と市が対等な立場で意見を出し合い,ともに事業に取り組むことです。",
        ], name: "c.txt")
        #expect(comma.labels(.definition) == ["共働"])
        // A clause before a comma that is no lead-in leaves no term: `市民、事業者とは、`.
        let list = try Fixtures.read([
            "用語", "",
            "市民、事業者とは、市内に住み、又は事業を営む者をいう。",
        ], name: "n.txt")
        #expect(!list.labels(.definition).contains("事業者"))
    }

    /// A title asking what a phrase is, answered by a sentence defining a term it holds: the
    /// sentence's term, on the sentence's lines.
    @Test func aTitleYieldsToTheTermItsAnswerDefines() throws {
        let g = try Fixtures.read([
            "「協働のまちづくり」とは?", "",
            " 本町が目指す「協働」とは、町民と町が対等な立場で理解し合い、共通の課題のために互いの力を持ち寄って取り組むことです。",
        ], name: "t.txt")
        #expect(g.labels(.definition) == ["協働"])
        #expect(g.items.first { $0.aspect == .definition }?.span.firstLine == 3)
    }

    /// A question sentence ends a sentence like 。: the short question after it is a title.
    @Test func aQuestionAfterAQuestionSentenceIsATitle() throws {
        let g = try Fixtures.read([
            "協働のまちづくり",
            "課題を解決するには「協働」が大切だといわれますが、どんな意味があるのでしょうか?",
            "そもそも「協働」ってなに?",
            "異なる組織が一つの目標に向かって、役割を分担し、お互いに理解し合いながら取り組むことです。",
        ], name: "w.txt")
        let definition = g.items.first { $0.aspect == .definition && $0.label == "協働" }
        #expect(definition?.span.firstLine == 3)
        #expect(definition?.span.lastLine == 4)
    }

    /// A heading naming the items one after another heads them: the label lines under it.
    @Test func aHeadingNamingItsItems() throws {
        let g = try Fixtures.read([
            "申請の手引き", "",
            "1 後援・協力・共催とは", "",
            "本町の「後援」「協力」「共催」はそれぞれ次のとおりです。", "",
            "後援", "", "催しの趣旨に町が賛同し、支援の意思を示すものです。", "",
            "協力", "", "催しの趣旨に町が賛同し、人や物の面で支えるものです。", "",
            "共催", "", "町が共同の主催者となり、催しを一緒に行うものです。", "",
            "2 申請の期間", "", "催しの三十日前までに申請してください。",
        ], name: "h.txt")
        #expect(g.labels(.forms) == ["後援", "協力", "共催"])
        // A heading naming partners over projects heads no partners.
        let projects = try Fixtures.read([
            "協働事業の状況", "",
            "NPO・ボランティア等との協働事業", "",
            "1『講座の開催』", "市と団体がともに講座を開きます。", "",
            "2『相談の窓口』", "団体の相談に市が応じます。", "",
            "3『情報の発信』", "団体の活動を市が広く知らせます。",
        ], name: "p.txt")
        #expect(projects.labels(.partners).isEmpty)
    }

    /// Entries that are stages (`…の段階`) are a process, wherever they stand.
    @Test func entriesThatAreStagesAreAProcess() throws {
        let g = try Fixtures.read([
            "段階ごとに考える協働",
            "1.課題発見の段階",
            "解説:市民の声から課題を拾います。",
            "2.事業企画の段階",
            "解説:団体と一緒に企画します。",
            "3.事業実施の段階",
            "解説:役割を分けて実施します。",
            "4.事業評価の段階",
            "解説:ともに振り返ります。",
        ], name: "s.txt")
        #expect(g.labels(.processes) == ["課題発見の段階", "事業企画の段階", "事業実施の段階", "事業評価の段階"])
    }

    /// A definition list saved as text: term lines over description lines without 。, one pair
    /// each, the last description as short as a title.
    @Test func aDefinitionListSavedAsText() throws {
        let g = try Fixtures.read([
            "協働のパートナーって?",
            "",
            "印刷大きな文字で印刷",
            "",
            " まちづくりを担う主体である市民等とは、次のとおりです。",
            "",
            "市民",
            "市内に住み、働き、学ぶ人のほか、市内で公共的な活動を行う人",
            "地域組織",
            "自治会、町内会など、地域のつながりで活動する組織",
            "市民活動団体",
            "ボランティア団体、NPOなど、公益的な活動を自主的に行う組織",
            "*政治的な活動を行うものを除く。",
            "事業者",
            "営利を目的に活動する企業や商店など",
        ], name: "d.txt")
        #expect(g.labels(.partners) == ["市民", "地域組織", "市民活動団体", "事業者"])
        #expect(g.items(.partners).map(\.span.firstLine) == [7, 9, 11, 14])
    }

    /// Sections naming the aspect itself (`1 原則の位置付け`, `2 各原則の説明`) are no items: the
    /// list under the one that explains each is.
    @Test func sectionsNamingTheAspectItself() throws {
        let g = try Fixtures.read([
            "協働事業を進める上での原則",
            "1 原則の位置付け",
            "協働の考え方で定めた原則を、事業の場面に当てはめます。",
            "",
            "2 各原則の説明",
            "(1)目的の共有",
            "団体と市が、解決したい課題を確かめ合います。",
            "ポイント",
            "同じ事業だから一緒にするのではなく、目的を一致させます。",
            "(2)対等の関係",
            "どちらかが上に立つことなく、対等に話し合います。",
        ], name: "m.txt")
        #expect(g.labels(.principles) == ["目的の共有", "対等の関係"])
    }

    /// `5つのポイント` is about points though the count is left out to find other cues; a bullet
    /// alone on its line marks the line after it.
    @Test func countedPointsAndLoneBullets() throws {
        let g = try Fixtures.read([
            "協働 3つのポイント",
            "",
            "(1)目的を共有しよう",
            "課題を明らかにし、共有しましょう。",
            "(2)互いの立場を尊重しよう",
            "対等な関係であることを意識しましょう。",
            "(3)信頼関係を築こう",
            "情報を共有し、信頼を育てましょう。",
        ], name: "p.txt")
        #expect(g.labels(.principles) == ["目的を共有しよう", "互いの立場を尊重しよう", "信頼関係を築こう"])
        let lone = try Fixtures.read([
            "協働の主なポイント",
            "-",
            "協働は目的を果たすための手段",
            "- 目的の共有が第一歩",
            "- 思いを伝え合う役割が大切",
        ], name: "b.txt")
        #expect(lone.labels(.principles) == ["協働は目的を果たすための手段", "目的の共有が第一歩", "思いを伝え合う役割が大切"])
    }

    /// A line of names and nothing else under a heading is its list.
    @Test func aLineOfNamesUnderAHeading() throws {
        let g = try Fixtures.read([
            "協働評価の対象",
            "▼協働の形態",
            "共催、事業協力・協定、実行委員会・協議会、委託",
            "▼評価の方法",
            "当事者同士で振り返ります。",
        ], name: "n.txt")
        #expect(g.labels(.forms) == ["共催", "事業協力・協定", "実行委員会・協議会", "委託"])
    }

    /// Definitions after a note closing on its 。, in a sentence ending 取り組みです, and under a
    /// title qualifying the term.
    @Test func definitionsAfterNotesInTitlesAndEndings() throws {
        let note = try Fixtures.read([
            "- 会員名簿 など",
            "(様式は任意です。)",
            "協働とは",
            "協働とは、町民、団体、事業者と町が、共通の目的に向かって力を合わせることです。",
        ], name: "a.txt")
        #expect(note.items(.definition).map(\.span.firstLine) == [4])
        let ending = try Fixtures.read([
            "市民協働の取り組み方", "",
            "協働は、市民と行政が、相互の理解と信頼のもとで目的を共有し、地域の課題を解決する取り組みです。",
        ], name: "b.txt")
        #expect(ending.labels(.definition) == ["協働"])
        let qualified = try Fixtures.read([
            "わたしたちの考える協働とは", "",
            "異なる団体同士が、同じ目的のために、対等な立場で力を合わせて取り組むことです。",
        ], name: "c.txt")
        #expect(qualified.labels(.definition) == ["協働"])
        // Not a title asking about something else (`協働が注目されている背景とは`).
        let background = try Fixtures.read([
            "協働が注目されている背景とは", "",
            "暮らし方の変化により、地域の課題が多様になっています。",
        ], name: "d.txt")
        #expect(background.labels(.definition).isEmpty)
    }

    /// One item word standing for the rest (`共催等の違い`) heads the label lines under it; a cue
    /// qualifying a noun (`…を原則とする行政`) is no list's role.
    @Test func anItemWordStandingForTheRest() throws {
        let g = try Fixtures.read([
            "イベントの申請", "",
            "共催等の違い", "",
            "違いは次のとおりです。", "",
            "共催", "", "町が団体とともに主催者となって事業を行います。", "",
            "協力", "", "町が事業の趣旨に賛同し、物品の貸出などで支えます。",
        ], name: "k.txt")
        #expect(g.labels(.forms) == ["共催", "協力"])
        let clause = try Fixtures.read([
            "背景", "",
            "地域の課題は多様になり、公平性や平等性を原則とする行政だけでは応えきれなくなっています。",
        ], name: "c.txt")
        #expect(clause.labels(.principles).isEmpty)
    }

    /// A gloss inside the term (`NPO(Non Profit Organization)とは、`) and an answer's mark before a
    /// quoted term (`A.「市民活動」とは`) leave the term.
    @Test func glossesInTermsAndAnswerMarks() throws {
        let gloss = try Fixtures.read([
            "用語の解説", "",
            "NPO(Non Profit Organization)とは、民間の非営利組織のことで、社会的な課題に市民が取り組む組織を指します。",
        ], name: "g.txt")
        #expect(gloss.labels(.definition) == ["NPO"])
        let inside = try Fixtures.read([
            "用語の解説", "",
            "ボランティア(volunteer)活動とは、原則として自発性、無償性、公益性に基づく活動とされています。",
        ], name: "v.txt")
        #expect(inside.labels(.definition) == ["ボランティア活動"])
        let answer = try Fixtures.read([
            "Q.市民活動とは何ですか?",
            "A.「市民活動」とは営利を目的とせず、社会的な課題の解決に向けて、市民が自発的に行う活動です。",
        ], name: "a.txt")
        #expect(answer.labels(.definition).contains("市民活動"))
    }

    /// A pair's name asking what it is (`共催とは`) is the name.
    @Test func aPairNameAskingWhatItIs() throws {
        let g = try Fixtures.read([
            "共催・後援について",
            "町と事業を行いたい団体は、次をご覧ください。",
            "共催とは",
            "団体と町がともに主催者となって事業を行うことです。",
            "後援とは",
            "団体の事業の趣旨に町が賛同し、名義の使用を認めることです。",
        ], name: "q.txt")
        #expect(g.labels(.forms) == ["共催", "後援"])
    }
}
