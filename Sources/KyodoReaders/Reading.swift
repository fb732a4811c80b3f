import KyodoModel
import KyodoText

/// The working state of one reading, with the helpers every reader shares: finding headings
/// by cue words, collecting enumerations, turning table rows and blocks into items.
struct Reading {
    /// One enumerated entry: its marked block and the blocks of its body.
    struct Entry {
        var index: Int
        var block: Block
        var body: [Block]
        /// The last line of the entry and its body.
        var lastLine: Int { body.last?.lastLine ?? block.lastLine }
    }

    let outline: Outline
    let document: Document
    var items: [Item] = []
    var findings: [Finding] = []
    var dates: [DocumentDate] = []

    init(_ outline: Outline, _ document: Document) {
        self.outline = outline
        self.document = document
    }

    var blocks: [Block] { outline.blocks }

    // MARK: - Finding places

    /// The first marked block at or after `from` whose title contains one of `cues`
    /// (and, when given, satisfies `where`).
    func marked(_ cues: [String], from: Int = 0, where extra: (Block) -> Bool = { _ in true }) -> Int? {
        outline.firstIndex(from: from) { b in b.marker != nil && !b.bulleted && cues.contains { b.text.includes($0) } && extra(b) }
    }

    /// The first title-like paragraph at or after `from` whose text contains one of `cues`.
    func titleParagraph(_ cues: [String], from: Int = 0) -> Int? {
        outline.firstIndex(from: from) { b in b.isParagraph && b.isTitleLike && cues.contains { b.text.includes($0) } }
    }

    /// The range of block indices forming the body of the section headed at `index`.
    func sectionRange(_ index: Int) -> Range<Int> {
        let body = outline.section(at: index)
        return body.startIndex..<body.endIndex
    }

    /// The body of a section headed by a title paragraph: up to the next title-like paragraph
    /// or marked block of rank at most `rank`.
    func paragraphSectionRange(_ index: Int, rank: Int = 2) -> Range<Int> {
        var end = index + 1
        while end < blocks.count {
            let b = blocks[end]
            if b.isParagraph && b.isTitleLike { break }
            if let m = b.marker, m.rank <= rank, !b.bulleted { break }
            end += 1
        }
        return (index + 1)..<end
    }

    /// The first table in a range of blocks, as (index, table).
    func firstTable(in range: Range<Int>, where extra: (Table) -> Bool = { _ in true }) -> (Int, Table)? {
        for i in range where i < blocks.count {
            if let t = blocks[i].table, !t.isTableOfContents, extra(t) { return (i, t) }
        }
        return nil
    }

    /// The enumeration that starts at the first marked block in `range` matching `style`:
    /// successive markers of the same style, numbered in sequence, each with its body.
    /// (Plain loops only: a closure over the non-escaping `style` here crashed the Swift 6.3.1
    /// optimiser, CopyPropagation, in release builds.)
    /// When `endsAtTitle` is set, the last entry's body ends at a title-like paragraph that follows
    /// its text (a new untitled section); entries whose bodies are made of titled fields pass false.
    func enumeration(in range: Range<Int>, endsAtTitle: Bool = true, style: (Marker) -> Bool = { _ in true }) -> [Entry] {
        var found: (Int, Marker)?
        for i in range where i < blocks.count {
            if let m = blocks[i].marker, style(m) { found = (i, m); break }
        }
        guard let (start, first) = found else { return [] }
        var entries: [Entry] = []
        var expected: Int? = first.number
        var i = start
        while i < range.upperBound {
            let b = blocks[i]
            if let m = b.marker, m.sameStyle(as: first), m.number == expected || first.number == nil {
                entries.append(Entry(index: i, block: b, body: []))
                expected = m.number.map { $0 + 1 }
            } else if let m = b.marker, m.rank < first.rank, !b.bulleted || m.rank <= 2 {
                break
            } else if let m = b.marker, m.sameStyle(as: first) {
                break  // same style, out of sequence: another enumeration
            } else if b.isParagraph, i + 1 < blocks.count, case .article = blocks[i + 1].marker,
                      b.text.hasPrefix("（") || b.text.hasPrefix("(") {
                break  // the caption of the next article: a new section
            } else if !entries.isEmpty {
                entries[entries.count - 1].body.append(b)
            }
            i += 1
        }
        // The last entry ends where a title standing on its own follows its text.
        if endsAtTitle, let lastIndex = entries.indices.last {
            let body = entries[lastIndex].body
            var cut: Int?
            for k in body.indices.dropFirst() where body[k].isParagraph && body[k].isTitleLike && !body[k - 1].isTitleLike {
                cut = k
                break
            }
            if let cut { entries[lastIndex].body = Array(body[..<cut]) }
        }
        return entries
    }

    // MARK: - Making items

    /// An item with its label folded for matching.
    func item(_ aspect: Aspect, _ ordinal: Int, label: String, description: String = "", attributes: [Attribute] = [],
              children: [Item] = [], lines: ClosedRange<Int>) -> Item {
        Item(aspect: aspect, ordinal: ordinal, label: label, normalizedLabel: Normalizer.labelKey(label),
             description: description, attributes: attributes, children: children,
             span: outline.span(lines.lowerBound, lines.upperBound))
    }

    /// The running text of a body: paragraphs and bullet lines, one per line.
    func text(of body: [Block]) -> String {
        body.compactMap { b -> String? in
            if b.table != nil { return nil }
            if b.marker != nil && !b.bulleted { return nil }
            return b.bulleted ? "・" + b.text : b.text
        }.joined(separator: "\n")
    }

    /// Items for each entry of an enumeration: the marked title as label, its body as description.
    func items(_ aspect: Aspect, from entries: [Entry]) -> [Item] {
        entries.enumerated().map { n, e in
            item(aspect, n + 1, label: e.block.text, description: text(of: e.body), lines: e.block.firstLine...e.lastLine)
        }
    }

    /// The label of a table cell with its marker (①, (1)) removed, and the marker's number.
    func cellLabel(_ cell: String) -> (label: String, number: Int?) {
        if let (marker, title, _) = MarkerScanner.scan(cell.trimmedSpaces()), marker.number != nil {
            return (title, marker.number)
        }
        return (cell, nil)
    }

    /// Reads a definition stated as a sentence `協働とは…` (or `「協働」とは…`); a following
    /// paragraph that continues it (そうすることにより…, これにより…, つまり…) is part of it.
    /// Returns whether one was found.
    mutating func readDefinitionSentence() -> Bool {
        guard let i = outline.firstIndex(where: { $0.isParagraph && ($0.text.hasBytePrefix("協働とは") || $0.text.hasBytePrefix("「協働」とは")) }) else {
            return false
        }
        var text = blocks[i].text
        var last = blocks[i].lastLine
        if i + 1 < blocks.count, blocks[i + 1].isParagraph, ["そうすることにより", "これにより", "つまり"].contains(where: blocks[i + 1].text.hasPrefix) {
            text += "\n" + blocks[i + 1].text
            last = blocks[i + 1].lastLine
        }
        items.append(item(.definition, 1, label: "協働", description: text, lines: blocks[i].firstLine...last))
        return true
    }

    // MARK: - Findings

    /// Records that the document does not state an aspect.
    mutating func absent(_ aspect: Aspect, _ message: String, line: Int? = nil) {
        findings.append(Finding(.absent, aspect: aspect, message, span: line.map { outline.span($0, $0) }))
    }

    /// Records a warning.
    mutating func warn(_ aspect: Aspect?, _ message: String, line: Int? = nil) {
        findings.append(Finding(.warning, aspect: aspect, message, span: line.map { outline.span($0, $0) }))
    }

    /// Compares a count the text announces (`7つの視点`, `8つの基本原則`) with what was found.
    mutating func checkAnnounced(_ aspect: Aspect, in text: String, found: Int, line: Int) {
        guard let n = announcedCount(text), n != found else { return }
        warn(aspect, "the text announces \(n) \(aspect.rawValue) but \(found) were found", line: line)
    }

    /// The count a text announces: `7つの視点`, `次の5つ`, `次の5項目`, `(1)～(7)`.
    func announcedCount(_ text: String) -> Int? { AnnouncedCount.find(in: text) }

    /// A figure the text refers to (上の図, 上のプロセス) but that extraction lost.
    mutating func noteLostFigure(_ aspect: Aspect, in range: Range<Int>) -> Bool {
        for i in range where i < blocks.count && blocks[i].isParagraph {
            let t = blocks[i].text
            if ["上の図", "上のプロセス", "下の図", "下図", "上図", "次の図"].contains(where: t.contains) {
                findings.append(Finding(.lostInExtraction, aspect: aspect,
                                        "the text refers to a figure that did not survive extraction; \(aspect.rawValue) are not listed in the text",
                                        span: outline.span(blocks[i].firstLine, blocks[i].lastLine)))
                return true
            }
        }
        return false
    }

    // MARK: - Result

    /// The guideline read.
    func guideline(reader: String, title: String?) -> Guideline {
        let sorted = items.enumerated().sorted { a, b in
            a.element.aspect != b.element.aspect ? a.element.aspect < b.element.aspect : a.offset < b.offset
        }.map(\.element)
        return Guideline(document: document, reader: reader, title: title, dates: dates, items: sorted, findings: findings)
    }
}
