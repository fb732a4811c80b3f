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
    static func labels(_ g: Guideline, _ aspect: Aspect) -> [String] { g.items.filter { $0.aspect == aspect }.map(\.label) }

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
        #expect(Self.labels(g, .principles) == ["ねらいをそろえること", "同じ目線で話し合うこと", "成果を知らせること"])
        #expect(g.items.first { $0.aspect == .principles }.map { $0.span.firstLine...$0.span.lastLine } == 3...5)
        #expect(Self.labels(g, .forms) == ["委託", "補助", "共催"])
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
        #expect(Self.labels(g, .processes) == ["課題を見つけよう", "計画を立てよう", "一緒に進めよう", "振り返ろう"])
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
        #expect(Self.labels(g, .principles) == ["目的の共有", "対等な関係", "相互の理解", "情報の公開"])
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
        #expect(Self.labels(g, .partners).first == "市民")
        let outline = Outline(SourceText(name: "f.txt", text: ["協働の事例", "", "自治会長と", "市長との", "はな", "しあい", "", "地域の課題を話し合う場です。"].joined(separator: "\n")))
        #expect(outline.blocks.contains { $0.text == "自治会長と市長とのはなしあい" })
    }

    /// The office and telephone lines under a 問い合わせ title are furniture like the title.
    @Test func theLinesUnderAContactTitleAreFurniture() throws {
        let g = try Fixtures.read([
            "協働の担い手", "", "協働の担い手には、市民、自治会、事業者などがあります。", "",
            "資料", "協働事業協定書の例（様式第２号）", "", "問い合わせ", "架空市 協働推進課", "電話　0000-00-0000",
        ], name: "q.txt")
        #expect(Self.labels(g, .partners) == ["市民", "自治会", "事業者"])
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
        #expect(Self.labels(g, .processes) == ["町に相談する", "目的と役割を話し合う", "取り決めを文書にする"])
    }
}
