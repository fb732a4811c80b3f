import KyodoCompare
import KyodoModel
import KyodoReports
import KyodoTestSupport
import KyodoText
import Testing

/// A researcher's alignment file: parsed against the codebook, applied over the cues, shown as
/// manual in every layout, and its rows that name nothing said.
@Suite struct AlignmentOverrideTests {
    static let vocabulary = try! VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))

    func read(_ file: String) throws -> Guideline {
        try Fixtures.readCorpus(file, municipality: file.components(separatedBy: "-")[0])
    }

    func compare(_ rows: [String], aspects: [Aspect] = [.principles]) throws -> Comparison {
        var options = AlignerOptions()
        options.overrides = try AlignmentFile.parse(rows, path: "corpus/alignments.tsv", vocabulary: Self.vocabulary)
        return Aligner(vocabulary: Self.vocabulary, options: options)
            .compare([try read("koganei-guideline.txt"), try read("hino-guideline.txt")], aspects: aspects)
    }

    @Test func aRowReplacesWhatTheCuesSaidByItemIdOrByDocumentAndLabel() throws {
        let before = Aligner(vocabulary: Self.vocabulary).compare([try read("koganei-guideline.txt"), try read("hino-guideline.txt")], aspects: [.principles])
        let third = try #require(before.items.first { $0.item.id == "koganei-guideline.txt/principles/4" })
        #expect(!third.matches.map(\.concept).contains("roles"))
        let c = try compare([
            "# kept by hand",
            "item_id\tdocument\tlabel\tconcepts\tnote",
            "koganei-guideline.txt/principles/4\t\t\tpurpose|roles\tsharing the goal is also sharing the work",
            "\thino-guideline.txt\t相互信頼を醸成する～対等な関係の構築\t-\t",
        ])
        let set = try #require(c.items.first { $0.item.id == "koganei-guideline.txt/principles/4" })
        #expect(set.matches.map(\.concept) == ["purpose", "roles"] && set.matches.allSatisfy { $0.source == .manual && $0.score == 1 })
        #expect(set.matches[0].reason == "manual, alignments.tsv:3: sharing the goal is also sharing the work" && set.manual == "alignments.tsv:3")
        let none = try #require(c.items.first { $0.item.label == "相互信頼を醸成する～対等な関係の構築" })
        #expect(none.matches.isEmpty && none.manual == "alignments.tsv:4")
        #expect(c.unusedOverrides.isEmpty)
        // A manual "no concept" is the researcher's word: not a suggestion, not resembling.
        #expect(!c.suggestions.flatMap(\.members).contains { $0.label == none.item.label })
    }

    @Test func everyLayoutShowsTheManualSource() throws {
        let c = try compare(["item_id\tconcepts", "koganei-guideline.txt/principles/4\troles"])
        let long = CompareReport.make(c, layout: .long).tables[0]
        let source = try #require(long.columns.firstIndex { $0.name == "source" })
        let rows = long.rows.filter { $0.last == .text("koganei-guideline.txt/principles/4") }
        #expect(rows.count == 1 && rows[0][source] == .text("manual"))
        #expect(long.rows.filter { $0[source] == .text("manual") }.count == 1 && long.rows.contains { $0[source] == .text("label") })
        let wide = CompareReport.make(c, layout: .wide).tables[0]
        let roles = try #require(wide.rows.first { $0[2] == .text("roles") })
        let cell = try #require(roles.first { $0.text.contains("目的・目標の共有化") }).text
        #expect(cell.split(separator: "\n").contains { $0.hasPrefix("目的・目標の共有化 (koganei-guideline.txt:") && $0.hasSuffix(") 〔手動 manual〕") })
        #expect(cell.split(separator: "\n").contains { $0.hasPrefix("役割分担・責任の明確化") && !$0.contains("manual") })
        for layout in CompareReport.Layout.allCases {
            let manual = try #require(CompareReport.make(c, layout: layout).table(named: "manual"))
            #expect(manual.rows.map { $0.map(\.text) } == [["alignments.tsv:2", "koganei-guideline.txt/principles/4", "目的・目標の共有化", "roles", "applied"]])
        }
        // No alignment file: no manual table at all.
        let plain = Aligner(vocabulary: Self.vocabulary).compare([try read("koganei-guideline.txt")], aspects: [.principles])
        #expect(CompareReport.make(plain, layout: .long).table(named: "manual") == nil)
    }

    @Test func rowsNamingNoItemAreKeptAndSaid() throws {
        let c = try compare(["item_id\tconcepts", "koganei-guideline.txt/principles/9\tequality", "koganei-guideline.txt/forms/1\tcommission"])
        // The principles row names no item; the forms row is about an aspect not compared.
        #expect(c.unusedOverrides.map(\.place) == ["alignments.tsv:2"])
        let manual = try #require(CompareReport.make(c, layout: .wide).table(named: "manual"))
        #expect(manual.rows.map { $0.last?.text } == ["matched no item compared"])
    }

    @Test func aRowAboutAnAspectNotComparedIsNotStray() throws {
        // Named by document and label, no aspect, concepts `-`: an item of principles, compared on forms.
        let c = try compare(["document\tlabel\tconcepts", "hino-guideline.txt\t相互信頼を醸成する～対等な関係の構築\t-"], aspects: [.forms])
        #expect(c.unusedOverrides.isEmpty)
        #expect(try compare(["document\tlabel\tconcepts", "hino-guideline.txt\tない項目\t-"], aspects: [.forms]).unusedOverrides.count == 1)
    }

    @Test func theSameFileGivesTheSameComparison() throws {
        let rows = ["item_id\tconcepts", "koganei-guideline.txt/principles/1\tequality|autonomy|roles"]
        #expect(try compare(rows) == compare(rows))
    }

    @Test func badRowsNameTheFileAndLine() {
        func error(_ rows: [String]) -> String? {
            do { _ = try AlignmentFile.parse(rows, path: "a.tsv", vocabulary: Self.vocabulary); return nil } catch { return error.localizedDescription }
        }
        #expect(error(["item_id\tconcepts", "koganei-guideline/principles/3\tequallity"])
            == "a.tsv:2: unknown principles concept 'equallity' (did you mean 'equality'?) in the codebook corpus/vocabulary.tsv")
        #expect(error(["item_id\tconcepts", "koganei-guideline/principle/3\tequality"])
            == "a.tsv:2: item_id 'koganei-guideline/principle/3' is not DOCUMENT/ASPECT/ORDINAL (koganei-guideline/principles/3)")
        #expect(error(["label\tconcepts", "対等\tequality"])
            == "a.tsv:1: an alignment file names items by 'item_id', or by 'document' and 'label'; its columns are label, concepts")
        #expect(error(["item_id\tdocument\tlabel\tconcepts", "\thino-guideline.txt\t\tequality"]) == "a.tsv:2: name the item: an item_id, or a document and a label")
        #expect(error(["item_id\tconcepts", "koganei-guideline/principles/3\t"]) == "a.tsv:2: missing value for 'concepts'")
        #expect(error(["item_id\tconcepts", "koganei-guideline/principles/3\tcommission"])
            == "a.tsv:2: unknown principles concept 'commission' in the codebook corpus/vocabulary.tsv")
    }
}
