import Foundation
import KyodoCompare
import KyodoModel
import KyodoExtract
import KyodoReports
import KyodoTestSupport
import KyodoText
import Testing

@Suite struct AlignerTests {
    static let vocabulary = try! VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))

    func read(_ file: String, edit: (inout [String]) -> Void = { _ in }) throws -> Guideline {
        try Fixtures.readCorpus(file, municipality: file.components(separatedBy: "-")[0], edit: edit)
    }

    @Test func longestCueFirstConsumesItsText() {
        let matcher = CueMatcher(Self.vocabulary.concepts(.principles))
        #expect(matcher.match(Normalizer.labelKey("情報公開の原則")).map(\.concept) == ["disclosure"])
        #expect(matcher.match(Normalizer.labelKey("情報の共有")).map(\.concept) == ["information"])
        #expect(matcher.match(Normalizer.labelKey("自主・自立の尊重")).map(\.concept) == ["autonomy", "independence"])
        #expect(matcher.match(Normalizer.labelKey("公開と評価")).map(\.concept) == ["disclosure", "evaluation"])
        #expect(matcher.match("").isEmpty)
    }

    @Test func absentFromTheDocumentIsNotTheSameAsUnaligned() throws {
        let c = Aligner(vocabulary: Self.vocabulary).compare([try read("kodaira-guideline.txt"), try read("hino-guideline.txt")],
                                                             aspects: [.principles, .processes])
        // Kodaira's guideline states no principles: not stated, with the reader's reason.
        #expect(!c.states("kodaira", .principles))
        #expect(c.notStated.first { $0.municipality == "kodaira" && $0.aspect == .principles }?.reason.contains("協働の原則") == true)
        // Hino states processes that fit no phase: stated, present, unaligned.
        #expect(c.states("hino", .processes))
        #expect(c.items("hino", .processes).count == 4 && c.items("hino", .processes).allSatisfy { $0.matches.isEmpty })
        let presence = CompareReport.make(c, layout: .presence).tables[0]
        let row = try #require(presence.rows.first { $0[1] == .text("purpose") })
        #expect(row[3] == .missing)        // kodaira: aspect not stated (NA)
        #expect(row[4] == .integer(1))    // hino: stated
        let phase = try #require(presence.rows.first { $0[1] == .text("evaluation") && $0[0] == .text("processes") })
        #expect(phase[4] == .integer(0))  // hino states processes, not this phase
    }

    @Test func anUnalignedItemResemblesSimilarItemsOrIsUnique() throws {
        let mine = Guideline(document: Fixtures.document("a", municipality: "a"), reader: "test", items: [
            Item(aspect: .principles, ordinal: 1, label: "協働の時宜性の原則", normalizedLabel: "協働の時宜性の原則", span: SourceSpan(source: "a", firstLine: 3, lastLine: 3)),
            Item(aspect: .principles, ordinal: 2, label: "地域の絆", normalizedLabel: "地域の絆", span: SourceSpan(source: "a", firstLine: 4, lastLine: 4)),
        ])
        let theirs = Guideline(document: Fixtures.document("b", municipality: "b"), reader: "test", items: [
            Item(aspect: .principles, ordinal: 1, label: "時宜性の原則", normalizedLabel: "時宜性の原則", span: SourceSpan(source: "b", firstLine: 9, lastLine: 9)),
        ])
        let c = Aligner(vocabulary: Self.vocabulary).compare([mine, theirs], aspects: [.principles])
        let timeliness = try #require(c.items.first { $0.item.label == "協働の時宜性の原則" })
        #expect(timeliness.matches.isEmpty)
        #expect(timeliness.resembles.first?.item.label == "時宜性の原則")
        #expect(try #require(c.items.first { $0.item.label == "地域の絆" }).resembles.isEmpty)
        let unique = CompareReport.make(c, layout: .long).table(named: "unique")!
        #expect(unique.rows.contains { $0[2] == .text("地域の絆") })
        #expect(!unique.rows.contains { $0[2] == .text("協働の時宜性の原則") })
    }

    @Test func resemblanceReadsTheDescriptionToo() throws {
        let mine = Guideline(document: Fixtures.document("a", municipality: "a"), reader: "test", items: [
            Item(aspect: .processes, ordinal: 1, label: "第一段階", normalizedLabel: "第1段階", description: "地域の心配事を住民と一緒に探します。",
                 span: SourceSpan(source: "a", firstLine: 1, lastLine: 1)),
        ])
        let theirs = Guideline(document: Fixtures.document("b", municipality: "b"), reader: "test", items: [
            Item(aspect: .processes, ordinal: 1, label: "はじめに", normalizedLabel: "はじめに", description: "地域の心配事を住民と探します。",
                 span: SourceSpan(source: "b", firstLine: 5, lastLine: 5)),
        ])
        let c = Aligner(vocabulary: Self.vocabulary).compare([mine, theirs], aspects: [.processes])
        #expect(c.items[0].matches.isEmpty)
        #expect(c.items[0].resembles.first?.item.label == "はじめに")
    }

    @Test func editingADocumentChangesTheComparison() throws {
        let before = Aligner(vocabulary: Self.vocabulary).compare([try read("kodaira-handbook.txt"), try read("koganei-guideline.txt")], aspects: [.principles])
        #expect(!before.concepts("koganei", .principles).contains("information"))
        let after = Aligner(vocabulary: Self.vocabulary).compare(
            [try read("kodaira-handbook.txt"), try read("koganei-guideline.txt") { Edit.replace(&$0, line: 172, "相互理解", "情報の共有") }],
            aspects: [.principles])
        #expect(after.concepts("koganei", .principles).contains("information"))
        #expect(!after.concepts("koganei", .principles).contains("understanding"))
        let summary = CompareReport.make(after, layout: .wide).table(named: "summary")!.rows.map { $0[1].text }
        #expect(!summary.contains { $0.hasPrefix("only kodaira states 情報の共有") })
    }

    @Test func aResearchersOwnCodebookChangesTheAlignment() throws {
        let own = try VocabularyFile.parse([
            "aspect\tid\tja\ten\tcues",
            "principles\ttrust\t信頼\ttrust\t信頼|理解",
        ], path: "own.tsv")
        let c = Aligner(vocabulary: own).compare([try read("hino-guideline.txt"), try read("koganei-guideline.txt")], aspects: [.principles])
        #expect(c.items.filter { !$0.matches.isEmpty }.map(\.item.label) == ["相互信頼を醸成する～対等な関係の構築", "地域課題を共有する～目標の共有", "相互理解"])
        // A label without a cue falls back to the description's first sentence, at a lower score.
        let fallback = try #require(c.items.first { $0.item.label == "地域課題を共有する～目標の共有" }?.matches.first)
        #expect(fallback.score == 0.5 && fallback.reason == "the label names no concept; its description contains 「理解」" && fallback.source == .description)
        #expect(c.vocabulary.source == "own.tsv")
    }

    @Test func aMalformedCodebookNamesFileAndLine() {
        #expect(throws: DataFileError.malformed(path: "v.tsv", line: 3, message: "unknown aspect 'princples'; known: " + Aspect.allCases.map(\.rawValue).joined(separator: ", "))) {
            try VocabularyFile.parse(["aspect\tid\tja\ten\tcues", "principles\tx\tX\tx\tx", "princples\ty\tY\ty\ty"], path: "v.tsv")
        }
        #expect(throws: DataFileError.self) { try VocabularyFile.parse(["aspect\tid\tja\ten\tcues", "forms\tx\tX\tx\t"], path: "v.tsv") }
        #expect(throws: DataFileError.self) { try VocabularyFile.parse(["aspect\tid\tja\ten\tcues", "forms\tx\tX\tx\tx", "forms\tx\tX\tx\tx"], path: "v.tsv") }
    }

    /// A CSV holds one table: the report builds only that one, and the CSV is the same bytes
    /// as from the full report; an unknown name still lists every table.
    @Test func aCSVBuildsOnlyTheTableItWrites() throws {
        let guidelines = try GoldenFiles.all.map { try read($0) }
        let c = Aligner(vocabulary: Self.vocabulary).compare(guidelines, aspects: [.principles, .forms])
        let full = CompareReport.make(c, layout: .wide)
        let main = CompareReport.make(c, layout: .wide, tables: .one(nil))
        #expect(main.tables.map(\.name) == ["matrix"])
        #expect(main.tableNames == full.tableNames)
        #expect(try CSVWriter().render(main) == CSVWriter().render(full))
        var options = WriterOptions()
        options.csvTable = "neighbours"
        let one = CompareReport.make(c, layout: .wide, tables: .one("neighbours"))
        #expect(one.tables.map(\.name) == ["neighbours"])
        #expect(try CSVWriter(options: options).render(one) == CSVWriter(options: options).render(full))
        // Every pair, the heatmap's cells and the passages are built only when asked for: the
        // full report names them but has them not; an HTML view asks for them all.
        #expect(full.table(named: "similarity") == nil && full.omittedTables == ["similarity", "heatmap", "passages"])
        let html = CompareReport.make(c, layout: .wide, tables: CompareReport.htmlTables(c))
        #expect(html.tables.map(\.name) == full.tables.map(\.name) + ["similarity", "heatmap", "passages"] && html.omittedTables.isEmpty)
        // One build serves both: the HTML report without its on-request tables is the full one.
        #expect(CompareReport.withoutOnRequestTables(html) == full)
        let pairs = try #require(CompareReport.make(c, layout: .wide, tables: .one("similarity")).table(named: "similarity"))
        let n = c.municipalities.count
        #expect(pairs.rows.count == 2 * n * (n - 1) / 2)
        options.csvTable = "nonsense"
        #expect(throws: ReportError.unknownTable("nonsense", known: full.tableNames)) {
            try CSVWriter(options: options).render(CompareReport.make(c, layout: .wide, tables: .one("nonsense")))
        }
    }

    @Test(arguments: CompareReport.Layout.allCases)
    func everyLayoutValidatesAndLongHasTheDesignColumns(layout: CompareReport.Layout) throws {
        let guidelines = try GoldenFiles.all.map { try read($0) }
        let c = Aligner(vocabulary: Self.vocabulary).compare(guidelines, aspects: [.principles, .forms, .partners, .processes])
        let report = CompareReport.make(c, layout: layout)
        #expect(try XMLValidator.validate(XMLWriter().render(report)) == [])
        if layout == .long {
            let names = report.tables[0].columns.map(\.name)
            for column in ["aspect", "concept", "municipality", "document", "label", "score", "line_start", "line_end"] { #expect(names.contains(column)) }
            // Every item appears: aligned ones once per concept, unaligned ones once with an empty concept.
            let unaligned = report.tables[0].rows.filter { $0[1] == .text("") }
            #expect(unaligned.count == c.items.filter(\.matches.isEmpty).count)
        }
    }
}

@Suite struct ComparisonStructureTests {
    @Test func theSimilarityMatrixIsSymmetricWithNAWhereNothingIsStated() throws {
        let vocabulary = try VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))
        let guidelines = try ["kodaira-guideline.txt", "koganei-guideline.txt", "hino-guideline.txt"].map {
            try Fixtures.readCorpus($0, municipality: $0.components(separatedBy: "-")[0])
        }
        let c = Aligner(vocabulary: vocabulary).compare(guidelines, aspects: [.principles, .forms])
        let principles = try #require(c.similarity.first { $0.aspect == .principles })
        #expect(principles.municipalities == ["kodaira", "koganei", "hino"])
        for i in 0..<3 { for j in 0..<3 { #expect(principles.concepts(i, j) == principles.concepts(j, i)) } }
        #expect(principles.concepts(0, 1) == nil)          // kodaira's guideline states no principles
        #expect(principles.concepts(1, 1) == 1)
        #expect(principles.text(1, 2).map { $0 > 0 && $0 < 1 } == true)
        #expect(principles.concepts(5, 0) == nil)          // out of range is no value, not a trap
        let index = ComparisonIndex(c)
        #expect(index.holders("equality", .principles) == ["koganei", "hino"])
        #expect(index.items("hino", .principles).count == 5)
        #expect(!index.states("kodaira", .principles) && index.states("koganei", .forms))
    }
}
