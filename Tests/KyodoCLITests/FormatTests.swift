import Foundation
import KyodoTestSupport
import Testing

/// Web pages, Word files and PDFs through the binary: told by their bytes, added byte for
/// byte, their text numbered as citations number it, bad ones refused with exit 65.
@Suite(.serialized) final class FormatTests {
    let cli = CLITests()
    let scratch = Scratch()

    /// A Shift_JIS web page with a menu, a breadcrumb trail and a footer.
    static let page: Data = {
        let html = """
            <!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS"><title>協働指針</title></head><body>
            <div id="gnavi"><ul><li><a href="/">くらし</a></li><li><a href="/a">子育て</a></li><li><a href="/b">市政</a></li></ul></div>
            <div class="pankuzu"><a href="/">トップ</a> &gt; 協働</div>
            <div id="tmp_contents"><h1>川辺町協働指針</h1>
            <h2>協働とは</h2><p>協働とは、町民と町が対等な立場で力を合わせ、地域の課題に取り組むことです。</p>
            <h2>協働の原則</h2><ol><li>対等の原則</li><li>相互理解の原則</li><li>情報公開の原則</li></ol></div>
            <div id="footer">川辺町役場</div></body></html>
            """
        return html.data(using: .shiftJIS)!
    }()

    @Test func aWebPageIsReadByItsBytesWhateverItsName() throws {
        // Named .txt, it is still a web page: the bytes decide.
        let path = scratch.file("kawabe.txt", Self.page)
        let r = try cli.run(["show", path, "--aspect", "principles", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[5] } == ["対等の原則", "相互理解の原則", "情報公開の原則"])
        #expect(try cli.run(["show", path]).text.contains("reader=html"))
    }

    @Test func addKeepsTheFileByteForByteNamedForItsFormat() throws {
        let corpus = try scratch.corpus()
        let path = scratch.file("page.htm", Self.page)
        let r = try cli.run(["add", path, "--municipality", "kawabe", "--name", "川辺町", "--name-en", "Kawabe", "--prefecture", "東京都",
                             "--code", "13998", "--corpus", corpus])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: corpus + "/kawabe-guideline.html") == Self.page)
        #expect(r.text.contains("kawabe-guideline.html (web page (HTML), SHA-256 "), "\(r.text)")
        let manifest = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8)
        #expect(manifest.contains("\tkawabe-guideline.html"))
        #expect(try cli.run(["show", "kawabe", "--corpus", corpus, "--aspect", "principles"]).text.contains("kawabe-guideline.html:"))
    }

    @Test func aFolderReadsItsDocumentsOfEveryFormat() throws {
        scratch.file("docs/a.html", Self.page)
        scratch.file("docs/b.txt", "協働の原則\n（1）対等の原則\n（2）自主性の尊重\n")
        scratch.file("docs/notes.md", "not a document")
        let r = try cli.run(["show", scratch.dir + "/docs", "--aspect", "principles"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("document: a file=") && r.text.contains("reader=html") && r.text.contains("document: b file=") && !r.text.contains("notes"), "\(r.text)")
    }

    @Test func textPrintsTheLinesCitationsCount() throws {
        let path = scratch.file("kawabe.html", Self.page)
        let r = try cli.run(["text", path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "text \(path) format=html encoding=CP932 lines=11")
        #expect(lines.contains(" 1   川辺町協働指針"))
        #expect(lines.contains("10   2. 相互理解の原則"))
        #expect(try cli.run(["text", path, "--plain"]).text.hasPrefix("川辺町協働指針\n\n協働とは\n"))
    }

    @Test(arguments: [
        ("book.docx", Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)), "a ZIP archive, not a Word document (it holds no word/document.xml)"),
        ("cut.pdf", Data("%PDF-1.7\n1 0 obj\n<<".utf8), "a damaged PDF that cannot be read"),
        ("menu.html", Data("<html><body><nav><a href='/'>トップ</a></nav></body></html>".utf8), "the web page holds no text outside its menus, header and footer"),
        ("old.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64)), "an old binary Office file"),
    ])
    func badFilesAreRefusedWithWhatToDo(_ name: String, _ bytes: Data, _ message: String) throws {
        let path = scratch.file(name, bytes)
        let r = try cli.run(["show", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("kyodo: error: \(path): \(message)"), "\(r.stderr)")
    }
}
