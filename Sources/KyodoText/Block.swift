import KyodoModel

/// One unit of a document's outline: a marked line (heading or enumerated item), a paragraph,
/// or a table — each with the original lines it came from.
public struct Block: Sendable, Hashable {
    /// What the block is.
    public enum Kind: Sendable, Hashable {
        /// A line opened by a marker (heading, enumerated item, bullet).
        case marked(Marker)
        /// Running text; hard-wrapped lines joined.
        case paragraph
        /// Tab-separated lines.
        case table(Table)
    }

    /// A piece of the block's text and the line it came from.
    public struct Piece: Sendable, Hashable {
        /// 1-based line number.
        public var line: Int
        /// UTF-8 byte offset of the piece in `text`.
        public var offset: Int

        public init(line: Int, offset: Int) {
            self.line = line
            self.offset = offset
        }
    }

    /// What the block is.
    public var kind: Kind
    /// The text, marker removed, wrapped lines joined; for a table, empty.
    public var text: String
    /// Whether a bullet (`- `, `・`) stood before the marker.
    public var bulleted: Bool
    /// Where each line's text starts in `text`.
    public var pieces: [Piece]
    /// First line, 1-based.
    public var firstLine: Int
    /// Last line, 1-based.
    public var lastLine: Int
    /// The display width of the spaces before the first line's text (a nested bullet is indented).
    public var indent: Int = 0
    /// Whether the marker was one enclosed character (`⑴` rather than `(1)`): another style.
    public var enclosedMarker: Bool = false
    /// Whether a number stood before a space rather than a stop (`1 総則` rather than `1. 目的`):
    /// another style.
    public var spacedNumber: Bool = false
    /// Whether a horizontal rule (`━━━━`, `=====`) stands right above the block: a title so set
    /// off heads a part of the document.
    public var ruled: Bool = false
    /// For a block read from markup, how deep the list it is an item of is nested (1 for a list
    /// in no other); 0 for any other block and for every block of a text.
    public var depth: Int = 0

    public init(kind: Kind, text: String, bulleted: Bool, pieces: [Piece], firstLine: Int, lastLine: Int, indent: Int = 0,
                enclosedMarker: Bool = false, spacedNumber: Bool = false, ruled: Bool = false, depth: Int = 0) {
        self.kind = kind
        self.text = text
        self.bulleted = bulleted
        self.pieces = pieces
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
        self.indent = indent
        self.enclosedMarker = enclosedMarker
        self.spacedNumber = spacedNumber
        self.ruled = ruled
        self.depth = depth
    }

    /// A block of one line, read as a text's line is: opened by a marker when the line opens
    /// with one (`（1）対等の原則`, `・市民`), running text when not.
    public static func line(_ text: String, number: Int, indent: Int = 0, depth: Int = 0) -> Block {
        let trimmed = text.trimmedSpaces()
        let pieces = [Piece(line: number, offset: 0)]
        guard let (marker, title, bulleted) = MarkerScanner.scan(trimmed) else {
            return Block(kind: .paragraph, text: trimmed, bulleted: false, pieces: pieces, firstLine: number, lastLine: number, indent: indent, depth: depth)
        }
        let first = trimmed.unicodeScalars.first?.value ?? 0
        var spaced = false
        if case .numbered = marker { spaced = Array(trimmed.utf8).withUnsafeBufferPointer(OutlineBuilder.numberBeforeSpace) }
        return Block(kind: .marked(marker), text: title, bulleted: bulleted, pieces: pieces, firstLine: number, lastLine: number, indent: indent,
                     enclosedMarker: (0x2474...0x2487).contains(first), spacedNumber: spaced, depth: depth)
    }

    /// The marker, for a marked block.
    public var marker: Marker? {
        if case .marked(let m) = kind { return m }
        return nil
    }

    /// The table, for a table block.
    public var table: Table? {
        if case .table(let t) = kind { return t }
        return nil
    }

    /// Whether this is a paragraph.
    public var isParagraph: Bool {
        if case .paragraph = kind { return true }
        return false
    }

    /// Running text: a paragraph, or a marked line that is a sentence of twenty characters or
    /// more (a speaker's line in minutes, `◎村長　方針では、…を掲げております。`).
    public var isProse: Bool {
        isParagraph || marker != nil && text.utf8.count >= 60 && text.hasByteSuffix("。")
    }

    /// A short line with no sentence-ending punctuation: a title standing on its own.
    public var isTitleLike: Bool {
        guard isParagraph || marker != nil else { return false }
        // At most 30 scalars: more than 120 UTF-8 bytes can never be (a scalar is at most 4).
        guard !text.isEmpty, text.utf8.count <= 120, text.scalarCount <= 30 else { return false }
        return !text.includes("。") && !text.hasByteSuffix("です") && !text.includes("\t")
    }

    /// The text line by line, as the original lines gave it (wrapped lines apart again), each
    /// trimmed of spaces, with its line number.
    public var lineTexts: [(line: Int, text: String)] {
        let utf8 = text.utf8
        return pieces.enumerated().map { k, piece in
            let end = k + 1 < pieces.count ? pieces[k + 1].offset : utf8.count
            let from = utf8.index(utf8.startIndex, offsetBy: min(piece.offset, end))
            return (piece.line, String(Substring(utf8[from..<utf8.index(utf8.startIndex, offsetBy: end)])).trimmedSpaces())
        }
    }

    /// The line on which the UTF-8 byte offset `offset` of `text` stands.
    public func line(atByteOffset offset: Int) -> Int {
        var line = firstLine
        for piece in pieces where piece.offset <= offset { line = piece.line }
        return line
    }

    /// The first and last line of the first occurrence of `fragment` in `text`, or the block's span.
    public func lines(of fragment: String) -> ClosedRange<Int> {
        occurrence(of: fragment)?.lines ?? firstLine...lastLine
    }

    /// The lines of the first occurrence of `fragment` at or after byte `offset` of `text`, and
    /// the byte offset just past it: names of a list looked up one after another (`…村民、…、
    /// そして村です` finds the last 村 where the list has it, not in the 村で… the line opens with).
    public func occurrence(of fragment: String, from offset: Int = 0) -> (lines: ClosedRange<Int>, end: Int)? {
        let utf8 = text.utf8
        guard offset <= utf8.count, !fragment.isEmpty else { return nil }
        // (The slice shares the text's indices: searched in place, not copied.)
        let rest = text[utf8.index(utf8.startIndex, offsetBy: offset)...]
        guard let range = rest.byteRange(of: fragment) else { return nil }
        let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let end = start + fragment.utf8.count - 1  // its last byte: a piece starting at or before it starts at or before its last scalar
        return (line(atByteOffset: start)...line(atByteOffset: max(start, end)), end + 1)
    }
}
