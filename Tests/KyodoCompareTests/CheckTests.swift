import KyodoCompare
import KyodoModel
import KyodoExtract
import KyodoReports
import KyodoTestSupport
import KyodoText
import Testing

/// A draft made from the Koganei guideline (two principles deleted, one added) checked
/// against Kodaira, Higashikurume and Hino.
@Suite struct CheckTests {
    func report(aspects: [Aspect] = [.principles, .forms]) throws -> Report {
        let draftLines = try TextLoader.load(path: Fixtures.root + "/Tests/Fixtures/koganei-draft.txt").lines.map(String.init)
        let draft = try Fixtures.read(draftLines, name: "koganei-draft.txt", municipality: "draft")
        let peers = try ["kodaira-guideline.txt", "kodaira-handbook.txt", "higashikurume-pamphlet.txt", "hino-guideline.txt"].map {
            try Fixtures.readCorpus($0, municipality: $0.components(separatedBy: "-")[0])
        }
        let vocabulary = try VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))
        return CheckReport.make(Aligner(vocabulary: vocabulary).compare([draft] + peers, aspects: aspects), draft: "draft")
    }

    @Test func theDeletedPrinciplesAreReportedWithThePeersWording() throws {
        let r = try report()
        let missing = try #require(r.table(named: "missing"))
        let understanding = missing.rows.filter { $0[1] == .text("understanding") }
        #expect(understanding.map { $0[3].text } == ["kodaira", "higashikurume", "hino"])
        #expect(understanding[0][4] == .text("相互理解") && understanding[0][6] == .text("kodaira-handbook.txt:152"))
        #expect(missing.rows.contains { $0[1] == .text("purpose") && $0[4] == .text("目的共有の原則") })
        // What the draft still states is not missing.
        #expect(!missing.rows.contains { $0[1] == .text("equality") || $0[1] == .text("roles") })
    }

    @Test func theAddedPrincipleIsTheDraftsOwnAndTheVerdictSaysSo() throws {
        let r = try report()
        let own = try #require(r.table(named: "draft_only"))
        #expect(own.rows.map { $0[1].text } == ["協働の継続性"])
        let verdict = try #require(r.table(named: "verdict")?.rows.first { $0[0] == .text("principles") }?[1].text)
        #expect(verdict.hasPrefix("the draft states 3 of the 13 concept(s) its peers state; it lacks 目的・目標の共有 (kodaira, higashikurume, hino)"))
        #expect(verdict.hasSuffix("no peer has 「協働の継続性」"))
        #expect(try XMLValidator.validate(XMLWriter().render(r)) == [])
    }

    @Test func anAspectTheDraftDoesNotStateGetsItsOwnVerdict() throws {
        let r = try report(aspects: [.processes])
        #expect(r.table(named: "verdict")?.rows.first?[1] == .text("the draft states no processes; its peers state 6 concept(s)"))
    }
}
