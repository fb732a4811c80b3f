import Foundation
import KyodoTestSupport
import Testing

/// `--alignments FILE` and a corpus's own alignments.tsv, as a user meets them.
@Suite(.serialized) struct AlignmentFileTests {
    let cli = CLITests()

    @Test func aNamedFileSetsConceptsShownAsManualAndItsStrayRowsAreWarned() throws {
        let scratch = Scratch()
        let file = scratch.file("mine.tsv", "item_id\tconcepts\tnote\nkoganei-guideline/principles/4\tpurpose|roles\tsharing the goal is sharing the work\n"
                                + "koganei-guideline/principles/9\tequality\t\n")
        let r = try cli.run(["compare", "koganei", "hino", "--aspect", "principles", "--layout", "long", "--alignments", file,
                             "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        let rows = r.text.split(separator: "\n").filter { $0.hasSuffix(",koganei-guideline/principles/4") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains(",1.000,manual,") && $0.contains("manual, mine.tsv:2: sharing the goal is sharing the work") })
        #expect(r.stderr.contains("mine.tsv:3: warning: alignment: koganei-guideline/principles/9 names no item compared"))
        // The manual table says what every row did.
        let table = try cli.run(["compare", "koganei", "hino", "--aspect", "principles", "--alignments", file, "--table", "manual", "--format", "csv",
                                 "--csv-dialect", "plain", "-q"])
        #expect(table.text == "place,item_id,label,concepts,status\nmine.tsv:2,koganei-guideline/principles/4,目的・目標の共有化,purpose|roles,applied\n"
                + "mine.tsv:3,koganei-guideline/principles/9,,equality,matched no item compared\n")
        #expect(table.stderr.isEmpty)
    }

    @Test func theManualTableAskedForWithoutAFileIsThereAndEmpty() throws {
        let r = try cli.run(["compare", "koganei", "--aspect", "principles", "--table", "manual", "--format", "csv", "--csv-dialect", "plain", "-q"])
        #expect(r.status == 0 && r.text == "place,item_id,label,concepts,status\n")
    }

    @Test func thePassagesTableAloneIsAPageOfItsRows() throws {
        let r = try cli.run(["compare", "koganei", "hino", "--aspect", "principles", "--table", "passages", "--format", "html", "-q"])
        #expect(r.status == 0)
        #expect(r.text.contains("id=\"t-passages\"") && r.text.contains("koganei-guideline/principles/1"))
    }

    @Test func aBadRowIsAnErrorNamingFileAndLine() throws {
        let scratch = Scratch()
        let file = scratch.file("bad.tsv", "# mine\nitem_id\tconcepts\nkoganei-guideline/principles/4\tpurpse\n")
        let r = try cli.run(["compare", "koganei", "--alignments", file])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.tsv:3: unknown principles concept 'purpse' (did you mean 'purpose'?)"))
        #expect(r.stdout.isEmpty)
    }

    @Test func theCorpusOwnFileIsAppliedByReportAndCompareAndNeverWarnsAboutDocumentsNotCompared() throws {
        let scratch = Scratch()
        let corpus = try scratch.corpus()
        scratch.file("corpus/alignments.tsv", "document\taspect\tlabel\tconcepts\nhino-guideline\tprinciples\t相互信頼を醸成する～対等な関係の構築\tunderstanding\n")
        let r = try cli.run(["compare", "hino", "koganei", "--corpus", corpus, "--aspect", "principles", "--layout", "long", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let hino = r.text.split(separator: "\n").filter { $0.contains(",相互信頼を醸成する～対等な関係の構築,") }
        #expect(hino.count == 1 && hino[0].hasPrefix("principles,understanding,") && hino[0].contains(",manual,"))
        // Comparing other documents: the row is about none of them, so nothing is said.
        let other = try cli.run(["compare", "koganei", "kodaira", "--corpus", corpus, "--aspect", "principles"])
        #expect(other.status == 0 && other.stderr.isEmpty && !other.text.contains("manual"))
        let out = scratch.dir + "/R"
        let report = try cli.run(["report", "--corpus", corpus, "--output", out, "-q"])
        #expect(report.status == 0)
        let manual = try String(contentsOfFile: out + "/compare-principles-wide.manual.csv", encoding: .utf8)
        #expect(manual.contains("alignments.tsv:2,hino-guideline/principles/3,相互信頼を醸成する～対等な関係の構築,understanding,applied"))
    }
}

/// `compare --table suggested_concepts`: candidates whose codebook lines, pasted into a copy of
/// the codebook, make their members align.
@Suite struct SuggestedConceptsCLITests {
    let cli = CLITests()

    @Test func aSuggestedLinePastedIntoTheCodebookAlignsItsMembers() throws {
        let r = try cli.run(["compare", "Tests/Fixtures/suggest", "--aspect", "principles", "--table", "suggested_concepts", "--format", "csv",
                             "--csv-dialect", "plain", "-q"])
        #expect(r.status == 0)
        let rows = r.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { "\($0[0]) \($0[2]) \($0[5])" } == ["candidate_1 地域資源 higashiyama", "candidate_1 地域資源 kitakawa", "candidate_1 地域資源 minamino",
                                                             "candidate_2 楽しみながら higashiyama", "candidate_2 楽しみながら kitakawa"])
        let line = try #require(rows.first?.last)
        #expect(line == "principles\tcandidate_1\t地域資源\t\t地域資源")
        // Pasted (with its English label filled in) into a copy of the codebook: the three items align to it.
        let scratch = Scratch()
        let codebook = try String(contentsOfFile: Fixtures.corpusPath("vocabulary.tsv"), encoding: .utf8)
            + line.replacingOccurrences(of: "\t\t", with: "\tlocal resources\t") + "\n"
        let path = scratch.file("vocabulary.tsv", codebook)
        let long = try cli.run(["compare", "Tests/Fixtures/suggest", "--aspect", "principles", "--vocabulary", path, "--layout", "long", "--format", "csv",
                                "--csv-dialect", "plain", "-q"])
        #expect(long.text.split(separator: "\n").filter { $0.hasPrefix("principles,candidate_1,地域資源,") }.count == 3)
        let again = try cli.run(["compare", "Tests/Fixtures/suggest", "--aspect", "principles", "--vocabulary", path, "--table", "suggested_concepts",
                                 "--format", "csv", "--csv-dialect", "plain", "-q"])
        #expect(!again.text.contains("地域資源"))
    }
}
