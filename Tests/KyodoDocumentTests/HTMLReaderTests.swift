import KyodoDocument
@testable import KyodoText
import Testing

/// Web pages: encodings, the site's furniture dropped, markup mapped straight into the tree.
@Suite struct HTMLReaderTests {
    static func page(_ body: String, head: String = "<meta charset=\"utf-8\">") -> String {
        "<!DOCTYPE html>\n<html lang=\"ja\"><head>\(head)<title>指針</title></head><body>\n\(body)\n</body></html>\n"
    }

    static func read(_ html: String, encoding: String? = nil) throws -> DocumentReader.Read {
        let bytes = encoding.map { Iconv.encode(html, to: $0)! } ?? Array(html.utf8)
        return try DocumentReader.read(bytes: bytes, path: "page.html")
    }

    /// Each section's level and title, in document order.
    static func sections(_ read: DocumentReader.Read) -> [String] {
        read.tree.root.descendants().map { "\($0.section.level) \($0.section.title)" }
    }

    static func text(_ read: DocumentReader.Read) -> [String] {
        read.tree.source.lines.map(String.init).filter { !$0.isEmpty }
    }

    @Test func headingsListsAndTablesComeFromTheMarkup() throws {
        let read = try Self.read(Self.page("""
            <h1>協働推進指針</h1>
            <h2>協働の原則</h2>
            <ol><li>対等の原則<ul><li>互いを尊重する</li></ul></li><li>目的共有の原則</li></ol>
            <h2>協働の形態</h2>
            <table><tr><th>形態</th><th>内容</th></tr><tr><td rowspan="2">委託</td><td>市の事業を委ねる</td></tr><tr><td>契約による</td></tr></table>
            """))
        #expect(read.format == .html)
        #expect(Self.sections(read) == ["1 協働推進指針", "2 協働の原則", "3 対等の原則", "4 互いを尊重する", "3 目的共有の原則", "2 協働の形態"])
        // The rowspan's cell is blank below it: the second row continues the first record.
        let table = try #require(read.tree.outline.blocks.compactMap(\.table).first)
        #expect(table.rows.map(\.cells) == [["形態", "内容"], ["委託", "市の事業を委ねる"], ["", "契約による"]])
        #expect(table.records().count == 1)
        // The text cited: one line a heading, item or row, the list's rendered markers before its items.
        #expect(Self.text(read) == ["協働推進指針", "協働の原則", "1. 対等の原則", "　・互いを尊重する", "2. 目的共有の原則", "協働の形態",
                                    "形態\t内容", "委託\t市の事業を委ねる", "\t契約による"])
    }

    @Test func menusBreadcrumbsHeaderAndFooterAreDropped() throws {
        let read = try Self.read(Self.page("""
            <header id="site"><p>みどり市公式サイト</p></header>
            <div id="gnavi"><ul><li><a href="/">くらし</a></li><li><a href="/b">子育て</a></li></ul></div>
            <div class="tmp_pankuzu"><a href="/">トップ</a> &gt; 市政</div>
            <div id="tmp_contents"><h1>協働の定義</h1><p>協働とは、市民と市が対等な立場で協力することです。</p>
            <ul><li><a href="/x">関連ページ1</a></li><li><a href="/y">関連ページ2</a></li><li><a href="/z">関連ページ3</a></li></ul>
            <p><a href="#top">ページの先頭へ</a></p></div>
            <div id="footer"><p>みどり市役所　電話 000</p></div>
            """))
        #expect(Self.text(read) == ["協働の定義", "協働とは、市民と市が対等な立場で協力することです。"])
    }

    @Test func aPageWithoutAMainElementKeepsItsBodyLessTheFurniture() throws {
        let read = try Self.read(Self.page("""
            <nav><a href="/">トップ</a></nav><h2>協働の原則</h2><p>（1）対等の原則<br>（2）自主性の尊重</p><footer>問い合わせ先</footer>
            """))
        #expect(Self.text(read) == ["協働の原則", "（1）対等の原則", "（2）自主性の尊重"])
        #expect(Self.sections(read) == ["1 協働の原則", "2 対等の原則", "2 自主性の尊重"])
    }

    @Test func lineEndsBetweenJapaneseCharactersAreTheSourcesWrapping() throws {
        let read = try Self.read(Self.page("<p>協働とは、市民と\n    市が協力することです。 Kyodo\nworks.</p>"))
        #expect(Self.text(read) == ["協働とは、市民と市が協力することです。 Kyodo works."])
    }

    @Test func shiftJISAndEUCJPPagesAreReadByTheirCharsetOrTheirBytes() throws {
        let body = "<h1>協働の原則</h1><p>市民と市は対等な関係にあります。</p>"
        for (encoding, meta, expected) in [("CP932", "<meta charset=\"Shift_JIS\">", TextEncoding.shiftJIS),
                                           ("EUC-JP", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-JP\">", .eucJP),
                                           ("CP932", "", .shiftJIS)] {
            let read = try Self.read(Self.page(body, head: meta), encoding: encoding)
            #expect(read.tree.source.encoding == expected)
            #expect(Self.text(read) == ["協働の原則", "市民と市は対等な関係にあります。"])
            #expect(read.notes.isEmpty)
        }
        // A page whose bytes are not what its meta says is read as what they are, with a note.
        let lying = try Self.read(Self.page(body, head: "<meta charset=\"Shift_JIS\">"))
        #expect(lying.tree.source.encoding == .utf8)
        #expect(lying.notes.map(\.message) == ["the page declares charset shift_jis but is not written in it; read as UTF-8"])
    }

    @Test func scriptsAndEntitiesAreNotText() throws {
        let read = try Self.read(Self.page("<script>document.write('<p>偽</p>')</script><style>p{}</style><p>A&amp;B &lt;協働&gt;</p><p hidden>隠し</p>"))
        #expect(Self.text(read) == ["A&B <協働>"])
    }

    @Test func badPagesAreRefusedByName() {
        #expect(throws: ReadError.htmlNoText(path: "page.html")) { try Self.read(Self.page("<nav><ul><li><a href='/'>トップ</a></li></ul></nav>")) }
        let deep = Self.page(String(repeating: "<div>", count: 1000) + "協働" + String(repeating: "</div>", count: 1000))
        #expect(throws: ReadError.tooDeep(path: "page.html", format: "web page", limit: 256)) { try Self.read(deep) }
    }

    @Test func theFormatIsToldByTheBytesNotTheName() {
        #expect(SourceFormat.detect(Array("<!-- saved -->\n<!DOCTYPE HTML><html>".utf8)) == .html)
        #expect(SourceFormat.detect(Array("\u{FEFF}<html lang=ja>".utf8)) == .html)
        #expect(SourceFormat.detect(Array("<htmlx>".utf8)) == .text)
        #expect(SourceFormat.detect(Array("協働とは<html>".utf8)) == .text)
        #expect(SourceFormat.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(SourceFormat.detect([0x50, 0x4B, 0x03, 0x04, 0x14]) == .docx)
        #expect(SourceFormat.detect(Array("第1章 総則".utf8)) == .text)
    }
}
