import KyodoText

/// One block of a marked-up document (a web page, a Word file) as its markup states it: a
/// heading of a level, a paragraph, a list item at a depth, a table. The readers of markup
/// produce these; `MarkupOutline` writes their text and maps them straight into the outline's
/// blocks, never reading the written text back.
struct MarkupBlock: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `<h2>`, a Word `Heading 2` style: level 1–9.
        case heading(Int)
        /// Running text; each line one of the paragraph's lines (`<br>`, a Word line break).
        case paragraph
        /// A list item at `depth` (1 for a list in no other) with the marker the list renders
        /// before it (`・`, `1.`, `（1）`), or nil when the item's text carries its own.
        case item(depth: Int, marker: String?)
        /// A table's rows, each cell's text on one line.
        case table([[String]])
    }

    var kind: Kind
    /// The lines of text, spaces collapsed (empty for a table).
    var lines: [String]
}

/// Turns a marked-up document's blocks into the text Kyodo cites (each heading, paragraph line,
/// list item and table row one line, blank lines between blocks) and into the outline's blocks
/// over that text, which the tree builder reads as it reads a text's.
enum MarkupOutline {
    /// The tree of a marked-up document.
    static func tree(_ blocks: [MarkupBlock], name: String, format: SourceFormat, encoding: TextEncoding, sha256: String) -> DocumentTree {
        var writer = Writer()
        for block in blocks { writer.add(block) }
        var source = SourceText(name: name, lines: writer.lines, encoding: encoding, sha256: sha256)
        source.format = format
        return DocumentTree(Outline(source: source, blocks: writer.blocks))
    }

    /// Writes lines and blocks together, so every block knows its lines.
    struct Writer {
        var lines: [String] = []
        var blocks: [Block] = []
        /// The kind of the last block written, to set blank lines between blocks but not
        /// between the items of one list.
        private var lastWasItem = false

        mutating func add(_ block: MarkupBlock) {
            let lines = block.lines.map { Self.oneLine($0) }.filter { !$0.isEmpty }
            switch block.kind {
            case .heading(let level):
                let title = lines.joined(separator: " ")
                guard !title.isEmpty else { return }
                separate(item: false)
                let number = write(title)
                let (marker, text) = MarkerScanner.heading(depth: level, title: title)
                blocks.append(Block(kind: .marked(marker), text: text, bulleted: false, pieces: [Block.Piece(line: number, offset: 0)],
                                    firstLine: number, lastLine: number))
            case .paragraph:
                guard !lines.isEmpty else { return }
                separate(item: false)
                paragraph(lines, indent: 0)
            case .item(let depth, let marker):
                guard let first = lines.first else { return }
                separate(item: true)
                let indent = 2 * max(depth - 1, 0)
                // The item's own marker where its text opens with one (a page's `<li>（1）…`);
                // else the one its list renders.
                let own = MarkerScanner.scan(first) != nil
                let text = own || marker == nil ? first : marker! + first
                let number = write(String(repeating: "　", count: indent / 2) + text)
                var item = Block.line(text, number: number, indent: indent, depth: depth)
                if item.marker == nil {
                    // The markup makes it an item whatever its text (`イ　NPO`, which a text's line
                    // would not be): the rendered marker's kind, else the list's bullet.
                    let scanned = own ? nil : marker.flatMap { MarkerScanner.scan($0 + "項目") }
                    item = Block(kind: .marked(scanned?.marker ?? .bullet), text: first, bulleted: scanned?.bulleted ?? true, pieces: item.pieces,
                                 firstLine: number, lastLine: number, indent: indent, depth: depth)
                }
                blocks.append(item)
                // The item's further lines (`<br>`, a second `<p>` in the `<li>`) are its text.
                if lines.count > 1 { paragraph(Array(lines.dropFirst()), indent: indent + 2) }
            case .table(let rows):
                let rows = rows.map { $0.map(Self.oneLine) }.filter { !$0.allSatisfy(\.isEmpty) }
                guard !rows.isEmpty else { return }
                separate(item: false)
                var tableRows: [Table.Row] = []
                for cells in rows {
                    // (A tab or line end inside a cell would break the row: none is left.)
                    let number = write(cells.joined(separator: "\t"))
                    tableRows.append(Table.Row(line: number, cells: cells))
                }
                blocks.append(Block(kind: .table(Table(rows: tableRows)), text: "", bulleted: false, pieces: [],
                                    firstLine: tableRows[0].line, lastLine: tableRows[tableRows.count - 1].line))
            }
        }

        /// Lines of running text: a line with a marker of its own opens a block (a `<br>` list
        /// `（1）…<br>（2）…`), a line under a sentence's end or under a short title line opens a
        /// paragraph, any other continues the paragraph above (a line broken mid-sentence).
        private mutating func paragraph(_ lines: [String], indent: Int) {
            var open: Block?
            for line in lines {
                let number = write(String(repeating: "　", count: indent / 2) + line)
                let block = Block.line(line, number: number, indent: indent)
                if var current = open, current.isParagraph, block.isParagraph, !Self.endsParagraph(current) {
                    current.pieces.append(Block.Piece(line: number, offset: current.text.utf8.count))
                    current.text += line
                    current.lastLine = number
                    open = current
                    continue
                }
                if let current = open { blocks.append(current) }
                open = block
            }
            if let current = open { blocks.append(current) }
        }

        /// Whether a paragraph's last line ends it: a sentence's end, or a line too short to have
        /// been broken for want of room (a title over its text).
        private static func endsParagraph(_ block: Block) -> Bool {
            guard let last = block.text.unicodeScalars.last else { return true }
            if "。．！？」）：:".unicodeScalars.contains(last) { return true }
            let line = block.lineTexts.last?.text ?? block.text
            return line.scalarCount <= 25
        }

        /// Text as one line: a tab, line end or other control inside it (a reader's slip, a cell's
        /// line break) as a space, the ends trimmed.
        static func oneLine(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) else {
                return text.trimmedSpaces()
            }
            var out = String.UnicodeScalarView()
            for s in text.unicodeScalars {
                out.append(s.value < 0x20 || s.value == 0x7F || s == "\u{2028}" || s == "\u{2029}" || s == "\u{85}" ? " " : s)
            }
            return String(out).trimmedSpaces()
        }

        private mutating func separate(item: Bool) {
            if !lines.isEmpty && !(item && lastWasItem) { lines.append("") }
            lastWasItem = item
        }

        private mutating func write(_ line: String) -> Int {
            lines.append(line)
            return lines.count
        }
    }
}
