import KyodoCompare
import KyodoModel
import KyodoReports
import KyodoTestSupport
import KyodoText
import Testing

/// Items no concept fits, grouped across municipalities into candidates for the codebook.
@Suite struct SuggestionTests {
    static let vocabulary = try! VocabularyFile.parse([
        "aspect\tid\tja\ten\tcues", "principles\tequality\t対等\tequality\t対等",
    ], path: "small.tsv")

    @Test func alikeLooseItemsOfSeveralMunicipalitiesBecomeOneCandidateWithTheirSharedWording() throws {
        let a = LabelFormsTests.guideline("a", [("相互補完の原則", "互いの足りないところを補います。"), ("対等の原則", ""), ("地域性の尊重", "")])
        let b = LabelFormsTests.guideline("b", [("補完性の原則", "足りないところを補い合います。"), ("時限性", "")])
        let c = LabelFormsTests.guideline("c", [("相互に補完し合うこと", "")])
        let d = LabelFormsTests.guideline("d", [("時限性を持つこと", "")])
        let comparison = Aligner(vocabulary: Self.vocabulary).compare([a, b, c, d], aspects: [.principles])
        #expect(comparison.suggestions.map(\.cue) == ["補完", "時限性"])
        let first = comparison.suggestions[0]
        #expect(first.id == "candidate_1" && first.municipalities == 3 && first.members.map(\.label) == ["相互補完の原則", "補完性の原則", "相互に補完し合うこと"])
        // An item alone in its idea (地域性), and the aligned one, are no candidates.
        #expect(!comparison.suggestions.flatMap(\.members).contains { $0.label == "地域性の尊重" || $0.label == "対等の原則" })
        let table = try #require(CompareReport.make(comparison, layout: .long).table(named: "suggested_concepts"))
        #expect(table.rows.count == 5 && table.rows[0].map(\.text).prefix(5) == ["candidate_1", "principles", "補完", "3", "3"])
        // The line to paste into the codebook: aspect, id, ja, en (to fill in), cues.
        #expect(table.rows[0].last == .text("principles\tcandidate_1\t補完\t\t補完"))
        #expect(table.rows[0][7] == .text("a.txt:10-11"))
    }

    @Test func oneMunicipalityAloneSuggestsNothing() {
        let a = LabelFormsTests.guideline("a", [("補完性", ""), ("相互補完", "")])
        #expect(Aligner(vocabulary: Self.vocabulary).compare([a], aspects: [.principles]).suggestions.isEmpty)
    }
}
