#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        self.blocks = OutlineBuilder(options: options).build(source)
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

    /// Reads the lines over the text's bytes: a line is a byte range until it joins a block, and
    /// a block's text is made once, when the block is complete. (Per line, substrings and the
    /// block being read cost several reference-count operations each, the largest part of
    /// building an outline.)
    func build(_ source: SourceText) -> [Block] {
        var text = source.text
        return text.withUTF8 { build(source, $0) }
    }

    private func build(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> [Block] {
        var blocks: [Block] = []
        // The open block: a paragraph or marked block that may continue on the next lines.
        var openKind: Block.Kind?  // nil: no block is open
        var openBytes: [UInt8] = []  // its text so far
        var openBulleted = false
        var openPieces: [Block.Piece] = []
        var openFirst = 0, openLast = 0
        var openLastScalar: UInt32?  // the last scalar of its text
        var openMayWrap = false      // its last line looks hard-wrapped
        var blankSinceOpen = false
        var tableRows: [Table.Row] = []
        // A text without a tab has no table: one look spares a search per line.
        let hasTab = all.baseAddress.map { memchr($0, 0x09, all.count) != nil } ?? false

        func flushTable() {
            guard let first = tableRows.first, let last = tableRows.last else { return }
            blocks.append(Block(kind: .table(Table(rows: tableRows)), text: "", bulleted: false, pieces: [],
                                firstLine: first.line, lastLine: last.line))
            tableRows = []
        }
        func flushOpen() {
            if let kind = openKind {
                blocks.append(Block(kind: kind, text: Search.string(validUTF8: openBytes), bulleted: openBulleted, pieces: openPieces,
                                    firstLine: openFirst, lastLine: openLast))
            }
            openKind = nil
            openBytes.removeAll(keepingCapacity: true)
            openMayWrap = false
        }

        for (index, range) in source.lineRanges.enumerated() {
            let number = index + 1
            let raw = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(raw)
            if kept.isEmpty {
                flushTable()
                blankSinceOpen = true
                continue
            }
            // A tab makes a table row; so does any line that directly follows one (a ragged row
            // whose other cells are empty).
            if !tableRows.isEmpty || (hasTab && memchr(raw.baseAddress!, 0x09, raw.count) != nil) {
                flushOpen()
                tableRows.append(Table.Row(line: number, cells: Self.cells(source.slice(number))))
                continue
            }
            flushTable()
            let trimmed = UnsafeBufferPointer(rebasing: raw[kept])
            let first = Search.decode(trimmed, 0).0, last = Search.lastScalar(trimmed) ?? 0
            let long = isLong(trimmed)
            // Only a line whose first character can open a marker is scanned, as a substring.
            let scanned = MarkerScanner.mayStartMarker(first) ? MarkerScanner.scan(source.slice(number).trimmedSpaces()) : nil
            let continuesWrap = openMayWrap && (!blankSinceOpen || long || Self.endsSentence(last) || last == 0x3001)  // 、
            let openIsParagraph = if case .paragraph = openKind { true } else { false }
            if scanned == nil, openKind != nil, continuesWrap || (!blankSinceOpen && openIsParagraph) {
                // A hard-wrapped line, or the next line of a paragraph with no blank between.
                if let x = openLastScalar, isASCIILetter(x), isASCIILetter(first) { openBytes.append(0x20) }
                openPieces.append(Block.Piece(line: number, offset: openBytes.count))
                openBytes.append(contentsOf: trimmed)
                openLast = number
                openLastScalar = last
                openMayWrap = long && !Self.endsSentence(last)
                blankSinceOpen = false
                continue
            }
            flushOpen()
            if let (marker, title, bulleted) = scanned {
                openKind = .marked(marker)
                openBytes.append(contentsOf: title.utf8)
                openLastScalar = title.lastScalarValue
                openBulleted = bulleted
            } else {
                openKind = .paragraph
                openBytes.append(contentsOf: trimmed)
                openLastScalar = last
                openBulleted = false
            }
            openPieces = [Block.Piece(line: number, offset: 0)]
            openFirst = number
            openLast = number
            openMayWrap = long && !Self.endsSentence(last)
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

    /// At least `wrapWidth` scalars (a scalar is one to four UTF-8 bytes, so the byte count
    /// mostly decides without counting).
    private func isLong(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.count < options.wrapWidth { return false }
        if line.count >= options.wrapWidth * 4 { return true }
        return Search.scalarCount(line) >= options.wrapWidth
    }

    @inline(__always) private func isASCIILetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
}
