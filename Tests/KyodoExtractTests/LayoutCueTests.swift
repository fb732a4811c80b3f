import KyodoDocument
import KyodoModel
import KyodoTestSupport
import KyodoText
@testable import KyodoExtract
import Testing

/// Layout that says where a section's text runs: indentation, a second noun after と in a
/// heading, a sub-heading inside a description, short title lines one under another, a
/// footer under 問い合わせ, and where in a list each name stands.
@Suite struct LayoutCueTests {
    /// No markers: the headings at the margin, everything of theirs indented under them; an
    /// introducing sentence above label lines.
    @Test func indentationAloneShowsTheLevels() throws {
        let g = try Fixtures.read([
            "協働で大切にすること",
            "  協働を進めるうえで、次の三つを大切にします。",
            "  ねらいをそろえること",
            "    何のために取り組むのかを、はじめに確かめ合い、",
            "    双方が同じ言葉で言えるようにします。",
            "  同じ目線で話し合うこと",
            "    町も団体も、同じ机につく相手です。",
            "  成果を知らせること",
            "    何をしてどうなったかを、広報で伝えます。",
            "",
            "協働のかたち",
            "  取り組みのかたちには、次のようなものがあります。",
            "  委託",
            "  補助",
            "  共催",
            "  詳しくは窓口でお尋ねください。",
        ], name: "i.txt")
        #expect(g.labels(.principles) == ["ねらいをそろえること", "同じ目線で話し合うこと", "成果を知らせること"])
        #expect(g.items.first { $0.aspect == .principles }.map { $0.span.firstLine...$0.span.lastLine } == 3...5)
        #expect(g.labels(.forms) == ["委託", "補助", "共催"])
    }

    /// A title over indented points inside a run of titled pairs belongs to the pair above it;
    /// the pairs after it are still read.
    @Test func aSubheadingInsideADescriptionIsNoNewPair() throws {
        let g = try Fixtures.read([
            "協働事業の進め方", "",
            "課題を見つけよう", "", "日頃から地域の困りごとに目を向けることが出発点です。", "",
            "計画を立てよう", "", "双方が納得するまで話し合い、役割を決めます。", "",
            "計画を立てるときのポイント", "   目標を数で表すこと", "   費用の分け方を決めること", "",
            "一緒に進めよう", "", "決めた役割に沿って、連絡を取り合いながら進めます。", "",
            "振り返ろう", "", "終わったら集まって、よかった点と課題を話し合います。",
        ], name: "p.txt")
        #expect(g.labels(.processes) == ["課題を見つけよう", "計画を立てよう", "一緒に進めよう", "振り返ろう"])
        #expect(g.items.first { $0.label == "計画を立てよう" }?.span.lastLine == 13)
    }

    /// `協働の原則とチェック項目` is about principles; `協働の相手と話し合う` (a step) is not about
    /// partners, nor `協働の相手と方法の検討`.
    @Test func aSecondNounAfterToKeepsTheHeadingsTopic() throws {
        let g = try Fixtures.read([
            "■ 協働の４つの原則とチェック項目", "",
            "【原則１】目的の共有", "　□ 何のために取り組むかを話し合ったか", "",
            "【原則２】対等な関係", "　□ 一方的にお願いしていないか", "",
            "【原則３】相互の理解", "　□ 相手の事情を知っているか", "",
            "【原則４】情報の公開", "　□ 成果を知らせる方法を決めたか",
        ], name: "c.txt")
        #expect(g.labels(.principles) == ["目的の共有", "対等な関係", "相互の理解", "情報の公開"])
        let data = SectionData.shipped
        #expect(data.isTopic("協働の原則", of: "協働の原則とチェック項目"))
        #expect(!data.isTopic("協働の相手", of: "協働の相手と話し合う"))
        #expect(!data.isTopic("協働の相手", of: "協働の相手と方法の検討"))
        #expect(!data.isTopic("担い手", of: "多様な担い手との連携"))
    }

    /// Short title lines one under another are titles each (a slogan over the sentence naming
    /// the partners is no part of the first name); a pamphlet title broken into fragments of a
    /// few characters stays one.
    @Test func shortTitleLinesStandAloneButFragmentsJoin() throws {
        let g = try Fixtures.read([
            "施策２ 市民参画と協働", "施策の基本的な方向", "みんなで手を取り合い、支え合うまち",
            "市民、自治会、NPO、企業、学校、行政などの多様な主体が連携してまちづくりに取り組みます。",
        ], name: "s.txt")
        #expect(g.labels(.partners).first == "市民")
        let outline = Outline(SourceText(name: "f.txt", text: ["協働の事例", "", "自治会長と", "市長との", "はな", "しあい", "", "地域の課題を話し合う場です。"].joined(separator: "\n")))
        #expect(outline.blocks.contains { $0.text == "自治会長と市長とのはなしあい" })
    }

    /// The office and telephone lines under a 問い合わせ title are furniture like the title.
    @Test func theLinesUnderAContactTitleAreFurniture() throws {
        let g = try Fixtures.read([
            "協働の担い手", "", "協働の担い手には、市民、自治会、事業者などがあります。", "",
            "資料", "協働事業協定書の例（様式第２号）", "", "問い合わせ", "架空市 協働推進課", "電話　0000-00-0000",
        ], name: "q.txt")
        #expect(g.labels(.partners) == ["市民", "自治会", "事業者"])
    }

    /// Each name of an inline list is found after the one before it: the 村 ending the list is
    /// on the second line, not where the line before opens with 村で….
    @Test func eachNameStandsWhereTheListHasIt() throws {
        let g = try Fixtures.read([
            "■ 協働の担い手", "村で協働を担うのは、村民、自治会、消防団、ボランティアグループ、", "農業協同組合、村内の事業者、そして村です。",
        ], name: "n.txt")
        #expect(g.items.first { $0.aspect == .partners && $0.label == "村" }?.span.firstLine == 3)
        #expect(g.items.first { $0.aspect == .partners && $0.label == "村民" }?.span.firstLine == 2)
    }

    /// Of two sources, the one whose items come first in the section is its content: label
    /// lines under the heading, not the `日時　…` lines of a notice further down.
    @Test func theContentNearestTheHeadingWins() throws {
        let g = try Fixtures.read([
            "協働の進め方", "町に相談する", "　↓", "目的と役割を話し合う", "　↓", "取り決めを文書にする", "",
            "◇お知らせ", "秋の健康まつり", "日時　11月3日午前9時30分から。", "場所　町民体育館。",
        ], name: "o.txt")
        #expect(g.labels(.processes) == ["町に相談する", "目的と役割を話し合う", "取り決めを文書にする"])
    }

    /// `◎` is a style of its own: `◎基本理念` heads the `・` sentences under it; `◎` entries that
    /// are each a principle (`◎ 対等の原則`, `◎ 目的共有の原則`) under a title about something else
    /// are the items, not headings over their check boxes.
    @Test func aDoubleCircleHeadsOrIsAnEntry() throws {
        let g = try Fixtures.read([
            "【条例の内容】", "◎基本理念", "市が目指す協働の姿を次のとおり定めています。",
            "・ふさわしい主体が担うことで良い成果を得ること", "・対等で長続きする関係のもとで行われること", "・様々な分野で行われること",
            "◎市の責務", "市は協働を進める仕組みを整えます。",
        ], name: "d.txt")
        #expect(g.labels(.principles) == ["ふさわしい主体が担うことで良い成果を得ること", "対等で長続きする関係のもとで行われること", "様々な分野で行われること"])
        let h = try Fixtures.read([
            "◆ 確かめておきたいこと", "◎ 対等の原則", "　□ 相手を下請けと見ていないか", "　□ 日程を相手と決めたか", "",
            "◎ 目的共有の原則", "　□ 目的を文書にしたか", "", "◎ 公開の原則", "　□ 成果を知らせたか",
        ], name: "e.txt")
        #expect(h.labels(.principles) == ["対等の原則", "目的共有の原則", "公開の原則"])
    }

    /// Definitions with は: a term ending in 協働, quoted or not, in a sentence long enough to say
    /// who does what; a title asking `…って?` of a term of 協働 (not of ボランティア).
    @Test func definitionsWithWaAndAskingTitles() throws {
        let g = try Fixtures.read([
            "市民協働について", "", "「市民協働」は、市民と行政がそれぞれの特性を生かし、共通する目標に向けて連携して地域の課題に取り組むものです。", "",
            "3 協働の視点", "", "協働は、相手があって初めて成り立つものです。",
        ], name: "w.txt")
        #expect(g.labels(.definition) == ["市民協働"])
        let h = try Fixtures.read([
            "「市民協働のまちづくり」って?", "", "住み続けたいまちを実現するために、市民や行政や様々な組織が互いの違いを認め、力を合わせて取り組むことです。", "",
            "<ボランティアって?>", "", "自発的に社会のために活動することです。",
        ], name: "t.txt")
        #expect(h.labels(.definition) == ["市民協働のまちづくり"])
    }

    /// A narrow column's lines hold commas and open with particles: they are one paragraph (its
    /// definition read), not a menu of titles; a marked title does not run on across a blank
    /// line into the sentence below it, whose names are then read.
    @Test func narrowColumnsAndTitlesOverSentences() throws {
        let g = try Fixtures.read([
            "…を策定しました。", "市民協働とは?", "市民活動を行うものと市が,社会的な課題", "の解決など,共通の目的に対して高い成果",
            "を上げるために,お互いを尊重し合いながら,", "連携・協力し合うことを『市民協働』", "と定義します。",
        ], name: "n.txt")
        #expect(g.labels(.definition) == ["市民協働"])
        let h = try Fixtures.read([
            "1 概要", "", "(1)協働によるまちづくりを進めるために各主体に期待される取り組み", "",
            "まちづくりの担い手である町内会などの地域団体、市民活動団体、教育機関、事業者など多様な主体に期待される取り組みを掲げています。",
        ], name: "m.txt")
        #expect(h.labels(.partners) == ["地域団体", "市民活動団体", "教育機関", "事業者"])
    }

    /// A paragraph inside `(1)` that counts what it names does not announce `(2)`, `(3)`, `(4)`,
    /// the next entries of its own list.
    @Test func aParagraphDoesNotAnnounceItsOwnSiblings() throws {
        let g = try Fixtures.read([
            "1 概要", "", "(1)市の基本的な考え方", "", "協働の基本理念について3つのキーワードで説明しています。", "",
            "(2)市の施策", "", "施策を掲げています。", "", "(3)主体の取り組み", "", "取り組みを掲げています。", "", "(4)着実な推進", "", "推進の方法を示しています。",
        ], name: "k.txt")
        #expect(!g.labels(.principles).contains("市の施策"))
    }

    /// A term defined twice in different words is two items (the guideline's own and the
    /// ordinance's); the same words printed again, or a contents line, are none more.
    @Test func aTermDefinedTwiceGivesTwoItems() throws {
        let g = try Fixtures.read([
            "目次", "協働とは ……………… 2", "", "1 協働とは", "", "協働とは、市民と市が共通の目的のために対等な立場で力を合わせることです。", "",
            "2 条例での定め", "", "まちづくり条例では、協働を「市民及び市がそれぞれの責任の下で協力して公共的な課題に取り組むこと」と定義しています。", "",
            "3 チェックシート", "", "協働とは、市民と市が共通の目的のために対等な立場で力を合わせることです。",
        ], name: "d.txt")
        #expect(g.items.filter { $0.aspect == .definition }.map(\.span.firstLine) == [6, 10])
    }

    /// A flow line with dates after its steps (a schedule), a note joined below it: the steps
    /// without their dates.
    @Test func aScheduledFlowGivesItsSteps() throws {
        let g = try Fixtures.read([
            "◆全体の流れ", "事業の提案7/31(月)まで⇒協議の場(団体と市) 8/31(木)⇒実施時期の決定", "※協議で合意した事業でも、予算の都合で実施できないことがあります。",
        ], name: "s.txt")
        #expect(g.labels(.processes) == ["事業の提案", "協議の場", "実施時期の決定"])
    }

    /// `Ⅱ-2` numbers a section of chapter Ⅱ (a decimal outline), `ⅰ ⅱ ⅲ` are a style of their
    /// own; an entry about the aspect by a cue that ends no item label, over a list of its own
    /// (`Ⅲ-1 協働の手順` over ① steps), is a sub-section whose list gives the items.
    @Test func romanSectionsSmallRomanItemsAndSubsections() throws {
        let g = try Fixtures.read([
            "Ⅱ　協働の考え方", "Ⅱ-1　協働の原則", "　次の原則を守ります。",
            "ⅰ　対等の原則　村と村民は同じ立場で話し合います。", "ⅱ　相互理解の原則　互いの違いを知り、尊重し合います。", "ⅲ　公開の原則　協働の内容を誰もが知ることができるようにします。",
            "Ⅲ　協働の進め方", "Ⅲ-1　協働の手順", "　協働は、次の手順で進めます。", "①　困りごとを見つける", "②　一緒に考える", "③　ふりかえる",
            "Ⅲ-2　村の支援", "　村は相談の窓口を設けます。",
        ], name: "r.txt")
        #expect(g.labels(.principles) == ["対等の原則", "相互理解の原則", "公開の原則"])
        #expect(g.labels(.processes) == ["困りごとを見つける", "一緒に考える", "ふりかえる"])
    }
}
