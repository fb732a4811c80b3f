import Foundation
@testable import KyodoDocument
import KyodoTestSupport
import KyodoText
import Testing
import ZIPFoundation

/// Word files: heading styles, numbering rendered as Word renders it, tables; broken and hostile
/// files refused by name.
@Suite struct DOCXReaderTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A DOCX of these members, built in memory.
    static func docx(_ members: [String: String]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in members.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(w)><w:body>\(body)<w:sectPr/></w:body></w:document>"
    }

    static func p(_ text: String, style: String? = nil, num: (id: Int, level: Int)? = nil) -> String {
        let pPr = (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + (num.map { "<w:numPr><w:ilvl w:val=\"\($0.level)\"/><w:numId w:val=\"\($0.id)\"/></w:numPr>" } ?? "")
        return "<w:p><w:pPr>\(pPr)</w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?><w:styles \(w)>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Midashi2"><w:name w:val="見出し 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="my heading"/><w:basedOn w:val="Midashi2"/></w:style>
        </w:styles>
        """

    static let numbering = """
        <?xml version="1.0" encoding="UTF-8"?><w:numbering \(w)>
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/><w:suff w:val="nothing"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="aiueoFullWidth"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        </w:numbering>
        """

    static func read(_ body: String, extra: [String: String] = [:]) throws -> DocumentReader.Read {
        let bytes = try docx(["word/document.xml": document(body), "word/styles.xml": styles, "word/numbering.xml": numbering,
                              "[Content_Types].xml": "<Types/>"].merging(extra) { $1 })
        return try DocumentReader.read(bytes: bytes, path: "guide.docx")
    }

    static func text(_ read: DocumentReader.Read) -> [String] {
        read.tree.source.lines.map(String.init).filter { !$0.isEmpty }
    }

    @Test func headingStylesAndNumberingMakeTheTree() throws {
        let read = try Self.read([
            Self.p("協働推進指針", style: "1"),
            Self.p("協働の原則", style: "Mine"),
            Self.p("対等の原則", num: (1, 0)), Self.p("互いを尊重する", num: (1, 1)), Self.p("情報を共有する", num: (1, 1)),
            Self.p("自主性尊重の原則", num: (1, 0)), Self.p("自ら考える", num: (1, 1)),
            Self.p("協働の担い手", style: "Midashi2"),
            Self.p("自治会", num: (2, 0)), Self.p("NPO", num: (2, 0)),
            Self.p("協働の形態", style: "Midashi2"), Self.p("委託", num: (3, 0)),
        ].joined())
        #expect(read.format == .docx)
        // Word's own markers: full-width （１）, ① restarting under each item, ア, a bullet.
        #expect(Self.text(read) == ["協働推進指針", "協働の原則", "（１）対等の原則", "　①互いを尊重する", "　②情報を共有する", "（２）自主性尊重の原則",
                                    "　①自ら考える", "協働の担い手", "ア　自治会", "イ　NPO", "協働の形態", "・委託"])
        let sections = read.tree.root.descendants().map { "\($0.section.level) \($0.section.title)" }
        #expect(sections == ["1 協働推進指針", "2 協働の原則", "3 対等の原則", "4 互いを尊重する", "4 情報を共有する", "3 自主性尊重の原則",
                             "4 自ら考える", "2 協働の担い手", "3 自治会", "3 NPO", "2 協働の形態", "3 委託"])
    }

    @Test func deletedHiddenAndFieldTextIsNotRead() throws {
        let body = """
            <w:p><w:r><w:t>協働とは、</w:t></w:r><w:del><w:r><w:delText>旧い文言</w:delText></w:r></w:del>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し文字</w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
            <w:ins><w:r><w:t>市民と市が</w:t></w:r></w:ins><w:r><w:tab/><w:t>協力することです。</w:t><w:br/><w:t>次の行</w:t></w:r></w:p>
            """
        #expect(Self.text(try Self.read(body)) == ["協働とは、市民と市が　協力することです。", "次の行"])
    }

    @Test func paragraphsPartedByTabStopsAreATable() throws {
        func tabbed(_ cells: [String]) -> String { "<w:p><w:r>" + cells.map { "<w:t>\($0)</w:t>" }.joined(separator: "<w:tab/>") + "</w:r></w:p>" }
        let read = try Self.read(Self.p("協働の形態") + tabbed(["委託", "市の事業を委ねる"]) + tabbed(["補助", "経費を補助する"]) + tabbed(["後援", "名義を貸す"]))
        let table = try #require(read.tree.outline.blocks.compactMap(\.table).first)
        #expect(table.rows.map(\.cells) == [["委託", "市の事業を委ねる"], ["補助", "経費を補助する"], ["後援", "名義を貸す"]])
        // A lone one is a line, its tab an ideographic space; a tab before any text is no part of it.
        let lone = try Self.read("<w:p><w:r><w:tab/><w:t>前文</w:t></w:r></w:p>" + tabbed(["委託", "市の事業を委ねる"]))
        #expect(Self.text(lone) == ["前文", "委託　市の事業を委ねる"])
    }

    @Test func tablesKeepTheirGridThroughMergedCells() throws {
        func cell(_ text: String, _ props: String = "") -> String { "<w:tc><w:tcPr>\(props)</w:tcPr>\(Self.p(text))</w:tc>" }
        let body = "<w:tbl>"
            + "<w:tr>\(cell("形態"))\(cell("内容"))\(cell("例"))</w:tr>"
            + "<w:tr>\(cell("委託", "<w:vMerge w:val=\"restart\"/>"))\(cell("市の事業を委ねる", "<w:gridSpan w:val=\"2\"/>"))</w:tr>"
            + "<w:tr>\(cell("", "<w:vMerge/>"))\(cell("契約による"))\(cell("清掃"))</w:tr>"
            + "</w:tbl>"
        let read = try Self.read(body)
        let table = try #require(read.tree.outline.blocks.compactMap(\.table).first)
        #expect(table.rows.map(\.cells) == [["形態", "内容", "例"], ["委託", "市の事業を委ねる", ""], ["", "契約による", "清掃"]])
    }

    @Test func brokenAndHostileFilesAreRefusedByName() throws {
        // Not a Word file, though a ZIP.
        let workbook = try Self.docx(["xl/workbook.xml": "<workbook/>"])
        #expect(throws: ReadError.notWord(path: "book.xlsx", reason: "an Excel workbook, not a Word document (it holds no word/document.xml); save the guideline as DOCX, PDF or text")) {
            try DocumentReader.read(bytes: workbook, path: "book.xlsx")
        }
        // Truncated: the ZIP's directory is gone.
        let whole = try Self.docx(["word/document.xml": Self.document(Self.p("協働"))])
        #expect(throws: ReadError.zipDamaged(path: "cut.docx", reason: "its ZIP directory cannot be read")) {
            try DocumentReader.read(bytes: Array(whole.prefix(whole.count - 30)), path: "cut.docx")
        }
        // Entities: a document type declaration is refused before any entity is read.
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"協働\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document \(Self.w)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
        #expect(throws: ReadError.xmlDamaged(path: "guide.docx", member: "word/document.xml", line: 1, reason: "a document type declaration, which Word never writes")) {
            try DocumentReader.read(bytes: try Self.docx(["word/document.xml": laughs]), path: "guide.docx")
        }
        // Malformed XML names the member and its line.
        let broken = try Self.docx(["word/document.xml": "<w:document \(Self.w)>\n<w:body><w:p>\n</w:body></w:document>"])
        do {
            _ = try DocumentReader.read(bytes: broken, path: "guide.docx")
            Issue.record("a malformed document.xml was read")
        } catch let ReadError.xmlDamaged(path, member, line, _) {
            #expect(path == "guide.docx" && member == "word/document.xml" && line == 3)
        }
        // Nested a thousand deep.
        let deep = "<w:document \(Self.w)><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: 500) + Self.p("協働")
            + String(repeating: "</w:sdtContent></w:sdt>", count: 500) + "</w:body></w:document>"
        #expect(throws: ReadError.self) { try DocumentReader.read(bytes: try Self.docx(["word/document.xml": deep]), path: "deep.docx") }
        // A document of no text.
        #expect(throws: ReadError.wordNoText(path: "empty.docx")) {
            try DocumentReader.read(bytes: try Self.docx(["word/document.xml": Self.document("<w:p/>")]), path: "empty.docx")
        }
    }

    /// What the fuzzer found: ZIPs that trapped or hung ZIPFoundation's archive reader.
    @Test(arguments: [("zip-offset-past-end.docx", "its ZIP directory points past its end"), ("deflate-cut-short.docx", "word/document.xml cannot be inflated")])
    func damagedZipsFoundByTheFuzzerAreRefused(_ file: String, _ reason: String) throws {
        let path = Fixtures.root + "/Tests/Fixtures/fuzz-found/" + file
        #expect(throws: ReadError.zipDamaged(path: path, reason: reason)) { try DocumentReader.read(path: path) }
    }

    @Test func aMemberLyingAboutItsSizeIsStoppedWhileInflating() throws {
        // The directory says 100 bytes; the member inflates to 2 MB.
        var bytes = try Self.docx(["word/document.xml": Self.document(Self.p(String(repeating: "協働", count: 400_000)))])
        // (The directory's uncompressed size of its one entry: offset 24 in its header.)
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let found = (0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == signature }
        let directory = try #require(found)
        bytes.replaceSubrange((directory + 24)..<(directory + 28), with: [100, 0, 0, 0])
        #expect(throws: ReadError.zipTooLarge(path: "lie.docx", member: "word/document.xml", limit: 1_000_000)) {
            _ = try DOCXReader.read(bytes, path: "lie.docx", memberLimit: 1_000_000)
        }
    }

    @Test func aZipBombIsStoppedAtTheLimit() throws {
        // 100 MB of spaces in a member that deflates to a tenth of a megabyte.
        let size = 100_000_000
        let archive = try Archive(data: Data(), accessMode: .create)
        let prefix = Data("<w:document \(Self.w)><w:body><w:p><w:r><w:t>".utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, chunk in
            let start = Int(position)
            if start < prefix.count { return prefix.subdata(in: start..<min(prefix.count, start + chunk)) + Data(repeating: 0x20, count: max(0, start + chunk - prefix.count)) }
            return Data(repeating: 0x20, count: chunk)
        }
        let bytes = Array(try #require(archive.data))
        #expect(bytes.count < 1_000_000)
        #expect(throws: ReadError.zipTooLarge(path: "bomb.docx", member: "word/document.xml", limit: 64_000_000)) {
            try DocumentReader.read(bytes: bytes, path: "bomb.docx")
        }
    }
}
