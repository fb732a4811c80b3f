import Testing
import KyodoModel
@testable import KyodoText
import KyodoTestSupport

@Suite struct ManifestTests {
    let header = "id\tmunicipality\tname\tname_en\tprefecture\tcode\ttitle\tkind\tfile"

    @Test func readsTheBundledManifest() throws {
        let m = try Manifest.load(path: Fixtures.corpusPath("manifest.tsv"))
        #expect(m.documents.map(\.id) == ["kodaira-guideline", "kodaira-handbook", "koganei-guideline", "higashikurume-pamphlet", "hino-guideline"])
        #expect(m.documents[0].municipality.code == "13211")
        #expect(m.documents[2].municipality.name == "小金井市")
    }

    /// Acknowledged findings are `aspect:kind` pairs; anything else is refused with its line.
    @Test func readsAcknowledgedFindingsAndRefusesMalformedOnes() throws {
        let head = header + "\tacknowledged"
        let row = "a\tkodaira\t小平市\tKodaira\t東京都\t13211\tT\tguideline\ta.txt\t"
        let m = try Manifest.parse([head, row + "forms:lostInExtraction; -:warning"], path: "m.tsv")
        #expect(m.documents[0].acknowledged == ["forms:lostInExtraction", "-:warning"])
        #expect(m.documents[0].acknowledges(Finding(.lostInExtraction, aspect: .forms, "x")) && !m.documents[0].acknowledges(Finding(.lostInExtraction, aspect: .processes, "x")))
        for bad in ["forms", "form:lostInExtraction", "forms:lost"] {
            #expect(throws: DataFileError.self) { try Manifest.parse([head, row + bad], path: "m.tsv") }
        }
        let bundled = try Manifest.load(path: Fixtures.corpusPath("manifest.tsv"))
        #expect(bundled.documents.first { $0.id == "hino-guideline" }?.acknowledged == ["forms:lostInExtraction"])
    }

    @Test func namesTheFileAndLineOfAMissingValue() {
        let lines = [header, "a\tkodaira\t小平市\tKodaira\t東京都\t13211\tT\tguideline\ta.txt", "b\tkodaira\t小平市\tKodaira\t東京都\t13211\t\tguideline\tb.txt"]
        #expect(throws: DataFileError.malformed(path: "m.tsv", line: 3, message: "missing value for 'title'")) { try Manifest.parse(lines, path: "m.tsv") }
    }

    @Test func rejectsMissingColumnsDuplicatesAndBadCodes() {
        #expect(throws: DataFileError.self) { try Manifest.parse(["id\tfile"], path: "m.tsv") }
        let row = "a\tkodaira\t小平市\tKodaira\t東京都\t13211\tT\tguideline\ta.txt"
        #expect(throws: DataFileError.malformed(path: "m.tsv", line: 3, message: "duplicate document id 'a'")) {
            try Manifest.parse([header, row, row], path: "m.tsv")
        }
        #expect(throws: DataFileError.self) { try Manifest.parse([header, row.replacingOccurrences(of: "13211", with: "13x11")], path: "m.tsv") }
        #expect(throws: DataFileError.self) { try Manifest.parse([], path: "m.tsv") }
    }

    @Test func skipsBlankAndCommentLines() throws {
        let m = try Manifest.parse([header, "", "# a comment", "a\tkodaira\t小平市\tKodaira\t東京都\t132110\tT\tguideline\ta.txt"], path: "m.tsv")
        #expect(m.documents.count == 1)
        #expect(m.documents[0].municipality.code == "13211")
    }

    @Test func idsKindsAndFilesStayInsideTheirFolders() {
        let row = { (id: String, municipality: String, kind: String, file: String) in
            "\(id)\t\(municipality)\t小平市\tKodaira\t東京都\t13211\tT\t\(kind)\t\(file)"
        }
        for (bad, column) in [(row("x/../../evil", "kodaira", "guideline", "a.txt"), "id"), (row("a", "..", "guideline", "a.txt"), "municipality"),
                              (row("a", "kodaira", "../x", "a.txt"), "kind"), (row("a", "kodaira", "guideline", "../../etc/passwd"), "file"),
                              (row("a", "kodaira", "guideline", "/etc/passwd"), "file")] {
            #expect(throws: DataFileError.self, "\(column)") { try Manifest.parse([header, bad], path: "m.tsv") }
        }
        #expect(throws: Never.self) { try Manifest.parse([header, row("a", "kodaira", "guideline", "texts/a.txt")], path: "m.tsv") }
    }

    @Test func oneMunicipalityHasOneNameAndNoDocumentShadowsOne() {
        let a = "a\tkodaira\t小平市\tKodaira\t東京都\t13211\tT\tguideline\ta.txt"
        let conflicting = "b\tkodaira\t国分寺市\tKokubunji\t東京都\t13214\tT\tguideline\tb.txt"
        #expect(throws: DataFileError.malformed(path: "m.tsv", line: 3, message: "municipality 'kodaira' is 国分寺市 (Kokubunji, 東京都, 13214) here but 小平市 (Kodaira, 東京都, 13211) for a")) {
            try Manifest.parse([header, a, conflicting], path: "m.tsv")
        }
        let shadow = "kodaira\tkoganei\t小金井市\tKoganei\t東京都\t13210\tT\tguideline\tk.txt"
        #expect(throws: DataFileError.malformed(path: "m.tsv", line: 3, message: "document id 'kodaira' is also a municipality's id: a name would stand for both")) {
            try Manifest.parse([header, a, shadow], path: "m.tsv")
        }
    }
}
