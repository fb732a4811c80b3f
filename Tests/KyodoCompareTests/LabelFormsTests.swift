import KyodoCompare
import KyodoModel
import KyodoReports
import KyodoTestSupport
import KyodoText
import Testing

/// Each form a label takes before its cues are looked up, and what alignment makes of it.
@Suite struct LabelFormsTests {
    static let vocabulary = try! VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))
    let forms = LabelForms.shipped

    /// A guideline whose principles are these labels (one line each, a description under it when given).
    static func guideline(_ name: String, _ principles: [(label: String, description: String)]) -> Guideline {
        let items = principles.enumerated().map { k, p in
            Item(aspect: .principles, ordinal: k + 1, label: p.label, normalizedLabel: Normalizer.labelKey(p.label), description: p.description,
                 span: SourceSpan(source: name + ".txt", firstLine: 10 + 2 * k, lastLine: 11 + 2 * k))
        }
        return Guideline(document: Fixtures.document(name), reader: "test", items: items)
    }

    static func concepts(_ labels: [String]) -> [[String]] {
        let c = Aligner(vocabulary: vocabulary).compare([guideline("a", labels.map { ($0, "") })], aspects: [.principles])
        return c.items.map { $0.matches.map(\.concept) }
    }

    @Test func objectAndSubjectParticlesBetweenKanjiAreDroppedSoAVerbPhraseMeetsItsNoun() {
        #expect(forms.compact("情報を共有すること") == "情報共有すること")
        // Not の: 市民の主体性 is no 市民主体.
        #expect(forms.compact("市民の主体性") == "市民の主体性")
        #expect(forms.compact("役割が明確") == "役割明確")
        // Not between kana, nor at the ends.
        #expect(forms.compact("お互いを知る") == "お互いを知る")
        #expect(forms.compact("の原則") == "の原則")
        // The cue 情報共有 now finds the verb form, which no cue was a substring of.
        #expect(Self.concepts(["情報を共有すること", "情報が共有されていること"]) == [["information"], ["information"]])
    }

    @Test func predicateAndFrameEndingsComeOffForTheCore() {
        #expect(forms.core(Normalizer.labelKey("対等であること")) == "対等")
        #expect(forms.core(Normalizer.labelKey("目的を共有すること")) == "目的共有")
        #expect(forms.core(Normalizer.labelKey("相互補完の原則")) == "相互補完")
        #expect(forms.core(Normalizer.labelKey("透明性のルール")) == "透明性")
        #expect(forms.core(Normalizer.labelKey("情報の共有化")) == "情報の共有")
        #expect(forms.core(Normalizer.labelKey("自主性の尊重")) == "自主性")
        // Never below two characters: 文化 stays 文化, 原則 stays 原則.
        #expect(forms.core("文化") == "文化" && forms.core("原則") == "原則")
        // Verb, sentence and …の原則 forms of one idea find the same concept.
        #expect(Self.concepts(["対等であること", "対等の原則", "対等性", "市と市民が対等な立場で協力する"]) == [["equality"], ["equality"], ["equality"], ["equality"]])
    }

    @Test func aGlossInParenthesesIsReadOnlyWhenTheLabelNamesNoConcept() throws {
        #expect(forms.splitGloss(Normalizer.labelKey("対等性（互いの立場を尊重）")) == ("対等性", "互いの立場を尊重"))
        #expect(forms.splitGloss(Normalizer.labelKey("〔協働の心構え〕")).gloss == nil)
        #expect(forms.splitGloss("(全部が注記)") == ("全部が注記", nil))
        let c = Aligner(vocabulary: Self.vocabulary).compare(
            [Self.guideline("a", [("対等性（互いの自主性を尊重する）", ""), ("心構え（お互いの自立を大切に）", "")])], aspects: [.principles])
        // The label's own concept; the gloss does not add autonomy.
        #expect(c.items[0].matches.map(\.concept) == ["equality"] && c.items[0].matches[0].source == .label)
        // The label names none: the gloss's, at the gloss score, saying so.
        let gloss = try #require(c.items[1].matches.first)
        #expect(gloss.concept == "independence" && gloss.source == .gloss && gloss.score == 0.8 && gloss.reason.contains("gloss contains 「自立」"))
    }

    @Test func aLabelJoiningIdeasGivesEveryConcept() {
        #expect(Self.concepts(["目的共有・役割分担", "公平・公正・公開", "自主・自立の尊重", "情報公開・情報共有"])
            == [["purpose", "roles"], ["fairness", "disclosure"], ["autonomy", "independence"], ["disclosure", "information"]])
    }

    @Test func noConceptIsCreditedFromACueInsideAnotherCompound() {
        // 情報公開 is disclosure only; compaction does not make 情報の公開 information sharing.
        #expect(Self.concepts(["情報公開の原則", "情報の公開"]) == [["disclosure"], ["disclosure"]])
    }

    @Test func theDescriptionSpeaksOnlyWhenTheLabelGivesNothingAtALowerScore() throws {
        let c = Aligner(vocabulary: Self.vocabulary).compare(
            [Self.guideline("a", [("協働の第一歩", "互いの立場を理解し合います。対等な関係を築きます。"), ("対等", "互いを理解します。")])], aspects: [.principles])
        let first = try #require(c.items[0].matches.first)
        #expect(c.items[0].matches.count == 1 && first.concept == "understanding" && first.source == .description && first.score == 0.5)
        #expect(first.reason == "the label names no concept; its description contains 「理解」")
        // Only the first sentence: 対等 in the second is not read.
        #expect(!c.items[0].matches.contains { $0.concept == "equality" })
        // A label with a concept keeps it alone.
        #expect(c.items[1].matches.map(\.concept) == ["equality"])
    }

    @Test func splitCuesWantTheirPartsCloseAndInOneSentenceAndWholeCuesTheWholeLabel() throws {
        let codebook = try VocabularyFile.parse([
            "aspect\tid\tja\ten\tcues",
            "principles\tinformation\t情報の共有\tinformation\t情報…共有",
            "partners\tgovernment\t行政\tgovernment\t行政|=市",
            "partners\tcitizens\t市民\tcitizens\t市民",
        ], path: "c.tsv")
        let principles = CueMatcher(codebook.concepts(.principles))
        #expect(principles.match(Normalizer.labelKey("協働の過程で得た情報を、相手と速やかに共有すること")).map(\.concept) == ["information"])
        // Not across a sentence stop, not too far apart, not in the other order.
        #expect(principles.match(Normalizer.labelKey("情報を集めます。成果を共有します")).isEmpty)
        #expect(principles.match(Normalizer.labelKey("情報については、時間をかけて関係する全ての人々と最後には共有する")).isEmpty)
        #expect(principles.match(Normalizer.labelKey("共有された情報")).isEmpty)
        let partners = CueMatcher(codebook.concepts(.partners))
        #expect(partners.match("市").map(\.concept) == ["government"])
        #expect(partners.match("市民").map(\.concept) == ["citizens"])
        #expect(partners.match("都市計画の団体").isEmpty)
        let names = CueMatcher(try VocabularyFile.parse(["aspect\tid\tja\ten\tcues", "partners\tgovernment\t行政\tgovernment\t=…市"], path: "n.tsv").concepts(.partners))
        #expect(names.match("つくば市").map(\.concept) == ["government"])
        // Not the cue alone, not a long phrase ending so, not 市 inside.
        #expect(names.match("市").isEmpty && names.match("市民活動を支える全ての人と市").isEmpty && names.match("市民").isEmpty)
    }

    @Test func aMalformedFormsFileNamesFileAndLine() {
        #expect(throws: DataFileError.malformed(path: "f.tsv", line: 3, message: "unknown kind 'suffix'; known: particle, ending, filler, gloss")) {
            try LabelForms(lines: ["kind\ttext", "particle\tの", "suffix\tこと"], path: "f.tsv")
        }
        #expect(throws: DataFileError.malformed(path: "f.tsv", line: 2, message: "a particle is one character, not 'のを'")) {
            try LabelForms(lines: ["kind\ttext", "particle\tのを"], path: "f.tsv")
        }
    }
}
