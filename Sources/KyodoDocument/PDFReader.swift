import CPDFText
import KyodoText

/// Reads a PDF's text through poppler: each page's text in reading order (columns one after
/// the other), the pages' lines one text, every line knowing its page and its line on the
/// page; running headers, footers and page numbers marked as furniture (`PageFurniture`).
enum PDFReader {
    /// The text of a PDF and what the reader noticed (pages without text).
    static func read(_ bytes: [UInt8], name: String, path: String, sha256: String) throws -> (SourceText, [ReadNote]) {
        let pages = try pageTexts(bytes, path: path)
        var lines: [Substring] = []
        var pageStarts: [Int] = [], pageLines: [Int] = []
        var pageRanges: [Range<Int>] = []  // 0-based line indices of each page
        var blank: [Int] = [], garbled: [Int] = []
        var wrapped = Set<Int>()
        for (p, page) in pages.enumerated() {
            var own = page.map { PageLayout.Printed(text: clean($0.text).trimmingTrailingSpaces(), full: $0.full) }
            // A page whose fonts map no glyph to Unicode comes out as private-use characters:
            // no text to read, like a scan's.
            if isGarbled(own.map(\.text).joined()) { garbled.append(p + 1); own = [] }
            while let last = own.last, last.text.trimmedSpaces().isEmpty { own.removeLast() }
            while let first = own.first, first.text.trimmedSpaces().isEmpty { own.removeFirst() }
            if own.isEmpty && !garbled.contains(p + 1) { blank.append(p + 1) }
            pageStarts.append(lines.count + 1)
            let start = lines.count
            var printed = 0
            for line in own {
                if !line.text.trimmedSpaces().isEmpty { printed += 1 }
                lines.append(Substring(line.text))
                if line.full { wrapped.insert(lines.count) }
                pageLines.append(max(printed, 1))
            }
            pageRanges.append(start..<lines.count)
        }
        if blank.count == pages.count { throw ReadError.pdfNoText(path: path, pages: pages.count) }
        if blank.count + garbled.count == pages.count { throw ReadError.pdfGarbled(path: path, pages: PageFurniture.ranges(garbled)) }
        var source = SourceText(name: name, lines: lines, encoding: .utf8, sha256: sha256)
        source.format = .pdf
        source.pageStarts = pageStarts
        source.pageLines = pageLines
        source.furniture = PageFurniture.lines(pages: pageRanges.map { Array(lines[$0]) }, starts: pageStarts)
        source.wrapped = wrapped
        var notes: [ReadNote] = []
        if !blank.isEmpty {
            notes.append(ReadNote("page\(blank.count == 1 ? "" : "s") \(PageFurniture.ranges(blank)) of \(pages.count) hold\(blank.count == 1 ? "s" : "") no text (scanned images?): what they say is not read; run OCR on the PDF to read it all",
                                  line: nil))
        }
        if !garbled.isEmpty {
            notes.append(ReadNote("page\(garbled.count == 1 ? "" : "s") \(PageFurniture.ranges(garbled)) of \(pages.count): the fonts map their characters to no Unicode, so the text cannot be read; run OCR on those pages",
                                  line: nil))
        }
        return (source, notes)
    }

    /// Whether a page's text is mostly private-use characters or U+FFFD: what poppler gives for
    /// glyphs of fonts without a Unicode map.
    static func isGarbled(_ text: String) -> Bool {
        var printed = 0, bad = 0
        for s in text.unicodeScalars where s.value > 0x20 && s != "\u{3000}" {
            printed += 1
            if (0xE000...0xF8FF).contains(s.value) || s.value == 0xFFFD || (0xF0000...0x10FFFF).contains(s.value) { bad += 1 }
        }
        return printed >= 20 && bad * 10 >= printed * 3
    }

    /// Each page's lines, in reading order.
    static func pageTexts(_ bytes: [UInt8], path: String) throws -> [[PageLayout.Printed]] {
        var handle: OpaquePointer?
        // poppler copies the bytes: no pointer of this buffer outlives the call.
        let status = bytes.withUnsafeBufferPointer { kyodo_pdf_open($0.baseAddress, $0.count, &handle) }
        switch Int(status) {
        case Int(KYODO_PDF_OK.rawValue): break
        case Int(KYODO_PDF_LOCKED.rawValue): throw ReadError.pdfLocked(path: path)
        default: throw ReadError.pdfDamaged(path: path)
        }
        guard let pdf = handle else { throw ReadError.pdfDamaged(path: path) }
        defer { kyodo_pdf_close(pdf) }
        let count = Int(kyodo_pdf_page_count(pdf))
        guard count > 0 else { throw ReadError.pdfNoPages(path: path) }
        var pages: [[PageLayout.Printed]] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            pages.append(pageLines(pdf, index))
        }
        return pages
    }

    /// A page's text laid out from its words (`PageLayout`); a page set in vertical writing
    /// (縦書き) as poppler reads it.
    static func pageLines(_ pdf: OpaquePointer, _ index: Int) -> [PageLayout.Printed] {
        var words: UnsafeMutablePointer<kyodo_pdf_word>?
        var count = 0
        var text: UnsafeMutablePointer<CChar>?
        var length = 0
        guard kyodo_pdf_page_words(pdf, Int32(index), &words, &count, &text, &length) == 0, let words, let text else { return [] }
        defer {
            kyodo_pdf_free(words)
            kyodo_pdf_free(text)
        }
        // The words' text is copied out: no pointer of these buffers outlives this call.
        let all = String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self)
        let bytes = Array(all.utf8)
        let boxes = UnsafeBufferPointer(start: words, count: count)
        if boxes.filter({ $0.vertical != 0 }).count * 2 > boxes.count {
            var length = 0
            guard let vertical = kyodo_pdf_page_text(pdf, Int32(index), &length) else { return [] }
            defer { kyodo_pdf_free(vertical) }
            return String(decoding: UnsafeRawBufferPointer(start: vertical, count: length), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map { PageLayout.Printed(text: String($0), full: false) }
        }
        let placed = boxes.map { w -> PageLayout.Word in
            let start = min(w.offset, bytes.count), end = min(w.offset + w.length, bytes.count)
            return PageLayout.Word(text: Substring(String(decoding: bytes[start..<end], as: UTF8.self)), x: w.x, y: w.y, width: w.width, height: w.height,
                                   spaceAfter: w.space_after != 0)
        }
        return PageLayout.lines(placed)
    }

    /// The page's text with form feeds and other controls (but tab and line ends) as spaces.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" || $0.value == 0x7F }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(s.value < 0x20 && s != "\n" && s != "\t" && s != "\r" || s.value == 0x7F ? " " : s)
        }
        return String(out)
    }
}

/// Something a reader noticed about a file that is no error: a note for the guideline's findings.
public struct ReadNote: Sendable, Hashable {
    public var message: String
    /// The line of the extracted text it concerns, if any.
    public var line: Int?

    public init(_ message: String, line: Int?) {
        self.message = message
        self.line = line
    }
}
