import Testing
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
}
