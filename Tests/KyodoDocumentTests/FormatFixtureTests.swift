import Foundation
import KyodoDocument
import KyodoTestSupport
import KyodoText
import Testing

/// The special and bad files of `Tests/Formats/` (see its README): scans and encrypted PDFs
/// refused or noted, running headers set aside, pages in Shift_JIS and EUC-JP, and every
/// hostile file refused by name, never a crash or a hang.
@Suite struct FormatFixtureTests {
    static func path(_ file: String) -> String { Fixtures.root + "/Tests/Formats/" + file }

    @Test func anEncryptedPDFIsRefusedAndOneWithRestrictionsOnlyIsRead() throws {
        let locked = Self.path("special/encrypted.pdf")
        #expect(throws: ReadError.pdfLocked(path: locked)) { try DocumentReader.read(path: locked) }
        let read = try DocumentReader.read(path: Self.path("special/owner-only.pdf"))
        #expect(read.tree.source.lines.contains { $0.contains("協働の原則") })
    }

    @Test func aScanIsRefusedAndAPartlyScannedPDFNamesItsPages() throws {
        let scan = Self.path("special/scanned.pdf")
        #expect(throws: ReadError.pdfNoText(path: scan, pages: 3)) { try DocumentReader.read(path: scan) }
        let mixed = try DocumentReader.read(path: Self.path("special/scanned-mixed.pdf"))
        #expect(mixed.notes.map(\.message) == ["page 2 of 3 holds no text (scanned images?): what they say is not read; run OCR on the PDF to read it all"])
        #expect(mixed.tree.source.pageStarts.count == 3)
        // Pages 1 and 3 are read, and cited as themselves.
        let pages = Set(mixed.tree.source.lines.indices.compactMap { mixed.tree.source.page(ofLine: $0 + 1).map(\.page) })
        #expect(pages.isSuperset(of: [1, 3]))
    }

    @Test func runningHeadersFootersAndPageNumbersAreSetAside() throws {
        let read = try DocumentReader.read(path: Self.path("special/running-header.pdf"))
        let source = read.tree.source
        let pages = source.pageStarts.count
        try #require(pages >= 2)
        // Every page has furniture, and its most frequent line is on every page (the header).
        let furniture = source.furniture.sorted()
        #expect(Set(furniture.compactMap { source.page(ofLine: $0)?.page }).count == pages)
        let counts = Dictionary(grouping: furniture.map { String(source.slice($0)).trimmedSpaces() }, by: { $0 }).mapValues(\.count)
        let header = try #require(counts.max { $0.value < $1.value })
        #expect(header.value >= pages - 1, "\(counts)")
        // It is read as no block (but once, where it is page 1's own title).
        #expect(read.tree.outline.blocks.filter { $0.text.trimmedSpaces() == header.key }.count <= 1)
    }

    @Test(arguments: [("special/sjis-menu.html", TextEncoding.shiftJIS), ("special/eucjp.html", .eucJP), ("special/nometa-sjis.html", .shiftJIS)])
    func japaneseEncodedPagesAreReadInTheirEncoding(_ file: String, _ encoding: TextEncoding) throws {
        let read = try DocumentReader.read(path: Self.path(file))
        #expect(read.tree.source.encoding == encoding)
        #expect(read.notes.isEmpty)
        // The menus are gone: nothing of the site's navigation is in the text.
        let text = read.tree.source.text
        #expect(!text.contains("くらし・手続き") && !text.contains("ページの先頭へ") && !text.contains("Copyright"))
    }

    @Test func theThirtyPagePDFHasItsThirtyPages() throws {
        let read = try DocumentReader.read(path: Self.path("bench/thirty-pages.pdf"))
        #expect(read.tree.source.pageStarts.count == 30)
        #expect(read.notes.isEmpty)
    }

    static func refusal(_ file: String) -> String? {
        do {
            _ = try DocumentReader.read(path: path(file))
            return nil
        } catch let error as LocalizedError {
            return error.errorDescription
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("bad/truncated.pdf", "a damaged PDF that cannot be read"),
        ("bad/not-really.pdf", "a damaged PDF that cannot be read"),
        ("bad/truncated.docx", "a damaged Word file"),
        ("bad/zip-bomb.docx", "word/document.xml inflates beyond 64 MB (a ZIP bomb?); not read"),
        ("bad/billion-laughs.docx", "word/document.xml:"),
        ("bad/xxe.docx", "word/document.xml:"),
        ("bad/deep.docx", "word/document.xml:"),
        ("bad/no-document.docx", "a ZIP archive, not a Word document (it holds no word/document.xml)"),
        ("bad/deep.html", "the web page nests elements more than 256 deep"),
        ("bad/empty.html", "the web page holds no text outside its menus, header and footer"),
        ("bad/binary.html", "looks binary"),
    ])
    func badFilesAreRefusedByName(_ file: String, _ message: String) {
        let said = Self.refusal(file)
        #expect(said?.hasPrefix(Self.path(file) + ": ") == true, "\(said ?? "read")")
        #expect(said?.contains(message) == true, "\(said ?? "read")")
    }

    @Test func anExternalEntityInAWebPageIsNeverFetched() throws {
        let read = try DocumentReader.read(path: Self.path("bad/xxe.html"))
        #expect(!read.tree.source.text.contains("root:"))
        #expect(read.tree.source.lines.contains { $0.contains("対等の原則") })
    }
}
