import KyodoModel

/// The structure of a document: its blocks in order, read from the original lines.
///
/// Blank lines separate blocks, except where PDF extraction broke a sentence: a line of at
/// least `wrapWidth` characters that does not end a sentence continues on the next text line,
/// across blank lines. Structure (markers, numbering) is read from the original characters;
/// nothing is normalised here.
public struct Outline: Sendable {
    /// Options for building an outline.
    public struct Options: Sendable {
        /// Lines at least this long that do not end a sentence are taken as hard-wrapped.
        public var wrapWidth: Int = 30
        public init() {}
        /// The defaults.
        public static let `default` = Options()
    }

    /// The source the outline was read from.
    public var source: SourceText
    /// The blocks, in document order.
    public var blocks: [Block]

    /// Reads the outline of a text.
    public init(_ source: SourceText, options: Options = .default) {
        self.source = source
        self.blocks = OutlineBuilder(options: options).build(source.lines)
    }

    /// The index of the first block at or after `start` that matches.
    public func firstIndex(from start: Int = 0, where predicate: (Block) -> Bool) -> Int? {
        guard start < blocks.count else { return nil }
        return blocks[max(0, start)...].firstIndex(where: predicate)
    }

    /// The blocks after the marked block at `index`, up to the next marker of the same or a
    /// lower rank (or a stop block), i.e. the body of a section.
    public func section(at index: Int, stop: ((Block) -> Bool)? = nil) -> ArraySlice<Block> {
        guard index < blocks.count else { return [] }
        let rank = blocks[index].marker?.rank ?? Int.max
        var end = index + 1
        while end < blocks.count {
            let b = blocks[end]
            if let m = b.marker, m.rank <= rank, !b.bulleted || m.rank <= 2 { break }
            if let stop, stop(b) { break }
            end += 1
        }
        return blocks[(index + 1)..<end]
    }

    /// A span in this outline's source.
    public func span(_ first: Int, _ last: Int) -> SourceSpan { source.span(first, last) }

    /// The span of a block.
    public func span(_ block: Block) -> SourceSpan { source.span(block.firstLine, block.lastLine) }
}

/// Turns lines into blocks.
struct OutlineBuilder {
    var options: Outline.Options

    /// Scalars that end a sentence: 。．！？!?」）)』】＞>:：
    @inline(__always) private static func endsSentence(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x300D, 0xFF09, 0x29, 0x300F, 0x3011, 0xFF1E, 0x3E, 0x3A, 0xFF1A: true
        default: false
        }
    }

    func build(_ lines: [Substring]) -> [Block] {
        var blocks: [Block] = []
        // The open block (a paragraph or marked block that may continue), held field by field:
        // an optional `Block` was copied whole, with every reference in it retained, per line.
        var openKind: Block.Kind?  // nil: no block is open
        var openText = ""
        var openBulleted = false
        var openPieces: [Block.Piece] = []
        var openFirst = 0, openLast = 0
        var openMayWrap = false    // the open block's last line looks hard-wrapped
        var blankSinceOpen = false
        var tableRows: [Table.Row] = []

        func flushTable() {
            guard let first = tableRows.first, let last = tableRows.last else { return }
            blocks.append(Block(kind: .table(Table(rows: tableRows)), text: "", bulleted: false, pieces: [],
                                firstLine: first.line, lastLine: last.line))
            tableRows = []
        }
        func flushOpen() {
            if let kind = openKind {
                blocks.append(Block(kind: kind, text: openText, bulleted: openBulleted, pieces: openPieces, firstLine: openFirst, lastLine: openLast))
            }
            openKind = nil
            openText = ""
            openPieces = []
            openMayWrap = false
        }
        func open(_ kind: Block.Kind, _ text: String, bulleted: Bool, line: Substring, _ number: Int) {
            openKind = kind
            openText = text
            openBulleted = bulleted
            openPieces = [Block.Piece(line: number, offset: 0)]
            openFirst = number
            openLast = number
            openMayWrap = mayWrap(line)
        }

        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let trimmed = raw.trimmedSpaces()
            if trimmed.isEmpty {
                flushTable()
                blankSinceOpen = true
                continue
            }
            // A tab makes a table row; so does any line that directly follows one (a ragged row
            // whose other cells are empty).
            if raw.includes("\t") || !tableRows.isEmpty {
                flushOpen()
                tableRows.append(Table.Row(line: number, cells: Self.cells(raw)))
                continue
            }
            flushTable()
            let scanned = MarkerScanner.scan(trimmed)
            let continuesWrap = openMayWrap && (!blankSinceOpen || mayContinue(trimmed))
            let openIsParagraph = if case .paragraph = openKind { true } else { false }
            if scanned == nil, openKind != nil, continuesWrap || (!blankSinceOpen && openIsParagraph) {
                // A hard-wrapped line, or the next line of a paragraph with no blank between.
                // (Appended in place: copying the growing text made long paragraphs quadratic.)
                if needsSpace(openText, trimmed) { openText += " " }
                openPieces.append(Block.Piece(line: number, offset: openText.utf8.count))
                openText.append(contentsOf: trimmed)
                openLast = number
                openMayWrap = mayWrap(trimmed)
                blankSinceOpen = false
                continue
            }
            flushOpen()
            if let (marker, title, bulleted) = scanned {
                open(.marked(marker), title, bulleted: bulleted, line: trimmed, number)
            } else {
                open(.paragraph, String(trimmed), bulleted: false, line: trimmed, number)
            }
            blankSinceOpen = false
        }
        flushTable()
        flushOpen()
        return blocks
    }

    /// The cells of a table row: the text between tabs, trimmed. (Split by bytes: a tab is a
    /// control character, a grapheme cluster of its own, so this is what splitting by
    /// `Character` gives, without walking clusters.)
    static func cells(_ row: Substring) -> [String] {
        let tabs: [Int] = row.withUTF8Bytes { b in b.indices.filter { b[$0] == 0x09 } }
        let utf8 = row.utf8
        var cells: [String] = []
        cells.reserveCapacity(tabs.count + 1)
        var start = 0
        for end in tabs + [utf8.count] {
            let cell = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            cells.append(String(cell.trimmedSpaces()))
            start = end + 1
        }
        return cells
    }

    /// A line long enough to have been wrapped and not ending a sentence.
    private func mayWrap(_ line: Substring) -> Bool {
        guard let last = line.lastScalarValue else { return false }
        return isLong(line) && !Self.endsSentence(last)
    }

    /// A line that can be the rest of a sentence wrapped across a blank line: long, or ending it.
    /// A short line without an ending is a title of its own.
    private func mayContinue(_ line: Substring) -> Bool {
        guard let last = line.lastScalarValue else { return false }
        return isLong(line) || Self.endsSentence(last) || last == 0x3001  // 、
    }

    /// At least `wrapWidth` scalars (a scalar is one to four UTF-8 bytes, so the byte count
    /// mostly decides without counting).
    private func isLong(_ line: Substring) -> Bool {
        let bytes = line.utf8.count
        if bytes < options.wrapWidth { return false }
        if bytes >= options.wrapWidth * 4 { return true }
        return line.scalarCount >= options.wrapWidth
    }

    @inline(__always) private func isASCIILetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }

    private func needsSpace(_ a: String, _ b: Substring) -> Bool {
        guard let x = a.lastScalarValue, let y = b.firstScalarValue else { return false }
        return isASCIILetter(x) && isASCIILetter(y)
    }
}
