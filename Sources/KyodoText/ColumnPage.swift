#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pages set in two columns that text extraction read row by row: each line holds the left
/// column's text, a gap of spaces, then the right column's text, the gap at the same display
/// column line after line. Such a run is read column by column: the left parts of all its lines
/// first, then the right parts, each part with its own line number.
///
/// A run needs three or more lines with a gap (four or more display columns of spaces) whose
/// right text starts at the same column (two either way). Lines between them may be blank,
/// hold the left column only (ending before that column), or the right column only (starting
/// at it); a line whose text crosses the column, or a page number, ends the run.
enum ColumnPage {
    /// A line's parts, as byte ranges in the text (nil: that column is blank on this line).
    struct Parts {
        var left: Range<Int>?
        var right: Range<Int>?
    }

    /// A run of lines read as two columns.
    struct Run {
        var lines: ClosedRange<Int>
        var parts: [Int: Parts]
    }

    /// What one line is, seen from a column at `column`.
    private enum Shape {
        case blank
        case gap(column: Int, left: Range<Int>, right: Range<Int>)
        case leftOnly(end: Int, range: Range<Int>)
        case rightOnly(column: Int, range: Range<Int>)
        /// A line no column page holds (a tab table's row).
        case foreign
    }

    /// The runs of a text, in order.
    static func runs(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>, pageNumbers: Set<Int>) -> [Run] {
        // Only a text with four spaces in a row somewhere can have a column gap.
        guard let base = all.baseAddress, hasWideGap(base, all.count) else { return [] }
        var out: [Run] = []
        var open: (first: Int, column: Int, gaps: Int, lastGap: Int, lastText: Int, parts: [Int: Parts])?
        func close() {
            if let o = open, o.gaps >= 3, isProse(o.parts, all) {
                out.append(Run(lines: o.first...o.lastText, parts: o.parts.filter { $0.key <= o.lastText }))
            }
            open = nil
        }
        for (index, range) in source.lineRanges.enumerated() {
            let number = index + 1
            if pageNumbers.contains(number) { close(); continue }
            // Outside a run only a line with a gap can start one: one look for four spaces.
            if open == nil, !hasWideGap(base + range.lowerBound, range.count) { continue }
            let shape = Self.shape(all, range)
            switch shape {
            case .blank:
                if open != nil { open!.parts[number] = Parts(left: nil, right: nil) }
            case .gap(let column, let left, let right):
                if let o = open, abs(o.column - column) <= 2 {
                    open!.gaps += 1
                    open!.lastGap = number
                    open!.lastText = number
                    open!.parts[number] = Parts(left: left, right: right)
                } else {
                    close()
                    open = (number, column, 1, number, number, [number: Parts(left: left, right: right)])
                }
            case .leftOnly(let end, let r):
                guard let o = open, end <= o.column - 2 else { close(); continue }
                open!.parts[number] = Parts(left: r, right: nil)
                open!.lastText = number
            case .foreign:
                close()
            case .rightOnly(let column, let r):
                guard let o = open, abs(o.column - column) <= 2 else { close(); continue }
                open!.parts[number] = Parts(left: nil, right: r)
                open!.lastText = number
            }
        }
        close()
        return out
    }

    /// Whether the left parts read as prose, not as a table's label column: of the lines with
    /// both parts, at least one in three has a left part of eight characters or more and at
    /// least one in ten holds 、 or 。 (a table's labels are short and unpunctuated).
    private static func isProse(_ parts: [Int: Parts], _ all: UnsafeBufferPointer<UInt8>) -> Bool {
        var both = 0, long = 0, punctuated = 0
        for p in parts.values {
            guard let left = p.left, p.right != nil else { continue }
            both += 1
            let text = UnsafeBufferPointer(rebasing: all[left])
            if Search.scalarCount(text) >= 8 { long += 1 }
            var i = 0
            while i + 2 < text.count {
                if text[i] == 0xE3, text[i + 1] == 0x80, text[i + 2] == 0x81 || text[i + 2] == 0x82 { punctuated += 1; break }
                i += 1
            }
        }
        return both > 0 && long * 3 >= both && punctuated * 10 >= both && punctuated > 0
    }

    /// Whether four spaces (or two ideographic ones) stand in a row anywhere.
    private static func hasWideGap(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 4 else { return false }
        let line = UnsafeBufferPointer(start: base, count: count)
        if fourSpaces.withUnsafeBufferPointer({ Search.firstOffset(line, $0) }) != nil { return true }
        return twoIdeographicSpaces.withUnsafeBufferPointer { Search.firstOffset(line, $0) } != nil
    }

    private static let fourSpaces: [UInt8] = [0x20, 0x20, 0x20, 0x20]
    private static let twoIdeographicSpaces: [UInt8] = [0xE3, 0x80, 0x80, 0xE3, 0x80, 0x80]

    /// The shape of one line: where its text and its gap stand, by display column.
    private static func shape(_ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Shape {
        var i = range.lowerBound
        var column = 0
        var leading = true
        var textStart = -1, textStartColumn = 0
        var lastTextEnd = range.lowerBound, lastTextColumn = 0
        var spaceStart = -1, spaceWidth = 0
        // Where the run's ASCII spaces end: an ideographic space after them indents the right
        // column's own text (`…です。      　各課に…`), it is not part of the gap.
        var asciiEnd: (column: Int, byte: Int)?
        var gap: (column: Int, leftEnd: Int, rightStart: Int)?
        while i < range.upperBound {
            let (v, w) = Search.decode(UnsafeBufferPointer(rebasing: all[i..<range.upperBound]), 0)
            let width = SpaceTable.width(v)
            if v == 0x20 || v == 0x3000 {
                if spaceStart < 0 { spaceStart = i; spaceWidth = 0; asciiEnd = nil }
                spaceWidth += width
                if v == 0x20, asciiEnd == nil || asciiEnd!.byte == i { asciiEnd = (column + 1, i + 1) }
            } else if v == 0x09 {
                return .foreign
            } else {
                if leading {
                    leading = false
                    textStart = i
                    textStartColumn = column
                } else if spaceStart >= 0, spaceWidth >= 4, gap == nil, lastTextColumn >= 2 {
                    gap = asciiEnd.map { ($0.column, lastTextEnd, $0.byte) } ?? (column, lastTextEnd, i)
                }
                spaceStart = -1
                lastTextEnd = i + w
                lastTextColumn = column + width
            }
            column += width
            i += w
        }
        guard textStart >= 0 else { return .blank }
        if let g = gap, textStartColumn < 8 {
            return .gap(column: g.column, left: textStart..<g.leftEnd, right: g.rightStart..<lastTextEnd)
        }
        if textStartColumn >= 16 { return .rightOnly(column: textStartColumn, range: textStart..<lastTextEnd) }
        return .leftOnly(end: lastTextColumn, range: textStart..<lastTextEnd)
    }
}
