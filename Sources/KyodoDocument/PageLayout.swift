/// Lays a PDF page's words out as lines of text, from where poppler places them: words on one
/// baseline make a line; a page in two columns is read column by column (as poppler orders
/// it); a gap a table's columns leave is a tab (so a printed table reads as the tab-separated
/// rows the outline takes as a table); a line's indentation and the space between paragraphs
/// are kept.
enum PageLayout {
    struct Word {
        var text: Substring
        var x: Double, y: Double, width: Double, height: Double
        var spaceAfter: Bool
        var right: Double { x + width }
        var bottom: Double { y + height }
    }

    /// One line: its words left to right and its vertical extent.
    struct Line {
        var words: [Word]
        var top: Double, bottom: Double
        var left: Double { words.first?.x ?? 0 }
    }

    /// One line of the page's text, and whether it runs to the right edge of its column.
    struct Printed: Equatable {
        var text: String
        var full: Bool
    }

    /// The page's text.
    static func text(_ words: [Word]) -> String { lines(words).map(\.text).joined(separator: "\n") }

    /// The page's lines. Poppler's reading order decides the flows (it reads a page in two
    /// columns down the left one, then up to the top of the right one): the words are cut into
    /// flows where the order jumps up the page; each flow is laid out by where its words
    /// stand, so a table's cells, which poppler reads one after another, line up in rows again.
    static func lines(_ words: [Word]) -> [Printed] {
        let words = words.filter { $0.width >= 0 && $0.height > 0 && !$0.text.isEmpty }
        guard !words.isEmpty else { return [] }
        let size = median(words.map(\.height))
        let left = words.map(\.x).min() ?? 0
        var out: [Printed] = []
        for flow in flows(words, size: size) {
            if out.last.map({ !$0.text.isEmpty }) ?? false { out.append(Printed(text: "", full: false)) }
            let lines = group(flow)
            let flowLeft = flow.map(\.x).min() ?? left, flowRight = flow.map(\.right).max() ?? left
            // Columns poppler read across, line by line (a short second column), are parted by
            // the gutter between them.
            guard let gutter = columnGutter(lines, left: flowLeft, right: flowRight, size: size) else {
                render(lines, left: flowLeft, right: flowRight, size: size, into: &out)
                continue
            }
            // Lines crossing the gutter (a title over both columns) stand where they are; between
            // them, the left column's lines, then the right column's.
            var segment: [Line] = []
            func flush() {
                render(segment.compactMap { part($0, below: gutter) }, left: flowLeft, right: gutter.lowerBound, size: size, into: &out)
                let right = segment.compactMap { part($0, above: gutter) }
                if !right.isEmpty, out.last.map({ !$0.text.isEmpty }) ?? false { out.append(Printed(text: "", full: false)) }
                render(right, left: gutter.upperBound, right: flowRight, size: size, into: &out)
                segment = []
            }
            for line in lines {
                if crosses(line, gutter, size: size) {
                    flush()
                    render([line], left: flowLeft, right: flowRight, size: size, into: &out)
                } else {
                    segment.append(line)
                }
            }
            flush()
        }
        return out
    }

    /// The gutter of two columns: an empty band in the middle of the text that no more than a
    /// tenth of the lines cross, with three lines or more on each side, the left column a third
    /// of the width or more and its lines running up to it.
    static func columnGutter(_ lines: [Line], left: Double, right: Double, size: Double) -> ClosedRange<Double>? {
        let width = right - left
        guard lines.count >= 6, width > 12 * size else { return nil }
        let bins = Int(width.rounded(.up)) + 1
        var covered = [Int](repeating: 0, count: bins)
        for line in lines {
            for word in line.words {
                let from = max(0, Int(word.x - left)), to = min(bins - 1, Int((word.right - left).rounded(.up)))
                if from <= to { for b in from...to { covered[b] += 1 } }
            }
        }
        let limit = lines.count / 10
        var best: Range<Int>?
        var b = Int(width * 0.3)
        let end = Int(width * 0.7)
        while b < end {
            guard covered[b] <= limit else { b += 1; continue }
            var e = b
            while e < end, covered[e] <= limit { e += 1 }
            if e - b > (best?.count ?? 0) { best = b..<e }
            b = e + 1
        }
        guard let run = best, Double(run.count) >= size * 0.8 else { return nil }
        let gutter = (left + Double(run.lowerBound))...(left + Double(run.upperBound))
        let leftLines = lines.compactMap { part($0, below: gutter) }, rightLines = lines.compactMap { part($0, above: gutter) }
        guard leftLines.count >= 3, rightLines.count >= 3 else { return nil }
        // (A column's paragraphs run to its edge, its headings and short lines do not: a quarter
        // of the lines reaching it is a column; a table's labels hardly ever reach the next cell.)
        let reaching = leftLines.filter { gutter.lowerBound - ($0.words.last?.right ?? 0) <= 2 * size }.count
        guard reaching * 4 >= leftLines.count, gutter.lowerBound - left >= 0.35 * width else { return nil }
        return gutter
    }

    /// Whether a line stands across both columns (a title over them, a page number between
    /// them) rather than in one: a word of it runs from well left of the gutter to well right of
    /// it, or stands in the gutter. (A line whose last stop hangs into the gutter, as
    /// Japanese setting lets it, stays in its column.)
    static func crosses(_ line: Line, _ gutter: ClosedRange<Double>, size: Double) -> Bool {
        line.words.contains { $0.x < gutter.lowerBound - size && $0.right > gutter.upperBound + size || gutter.contains(($0.x + $0.right) / 2) }
    }

    /// The words of a line left of the gutter's middle, or right of it.
    static func part(_ line: Line, below gutter: ClosedRange<Double>) -> Line? {
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        let words = line.words.filter { ($0.x + $0.right) / 2 < middle }
        return words.isEmpty ? nil : Line(words: words, top: line.top, bottom: line.bottom)
    }

    static func part(_ line: Line, above gutter: ClosedRange<Double>) -> Line? {
        let middle = (gutter.lowerBound + gutter.upperBound) / 2
        let words = line.words.filter { ($0.x + $0.right) / 2 >= middle }
        return words.isEmpty ? nil : Line(words: words, top: line.top, bottom: line.bottom)
    }

    /// The words cut where the next starts three lines or more above the last one's top (a
    /// second column) — unless what the flow holds beside the new word is narrow, a column of
    /// labels: poppler reads a table without rules column by column, and its columns belong
    /// together in rows.
    static func flows(_ words: [Word], size: Double) -> [[Word]] {
        let pageLeft = words.map(\.x).min() ?? 0, pageWidth = (words.map(\.right).max() ?? 0) - pageLeft
        var flows: [[Word]] = [[]]
        for word in words {
            if let last = flows[flows.count - 1].last, word.bottom < last.y - 2 * size {
                let beside = flows[flows.count - 1].filter { $0.bottom > word.y }
                let left = beside.map(\.x).min() ?? 0, right = beside.map(\.right).max() ?? 0
                if beside.isEmpty || right > word.x + 0.5 * size || right - left >= 0.4 * pageWidth { flows.append([]) }
            }
            flows[flows.count - 1].append(word)
        }
        // Flows poppler read one after the other over the same stretch of the page (the rest of
        // a column it read after the column's foot) are one flow, read top to bottom.
        var merged: [[Word]] = []
        for flow in flows where !flow.isEmpty {
            if let last = merged.last {
                let a = (last.map(\.x).min()!, last.map(\.right).max()!), b = (flow.map(\.x).min()!, flow.map(\.right).max()!)
                if min(a.1, b.1) - max(a.0, b.0) >= 0.5 * min(a.1 - a.0, b.1 - b.0) {
                    merged[merged.count - 1] += flow
                    continue
                }
            }
            merged.append(flow)
        }
        return merged
    }

    /// Words into lines: a word whose middle falls within a line's height joins it.
    static func group(_ words: [Word]) -> [Line] {
        let sorted = words.sorted { ($0.y + $0.height / 2, $0.x) < ($1.y + $1.height / 2, $1.x) }
        var lines: [Line] = []
        for word in sorted {
            let middle = word.y + word.height / 2
            if var last = lines.last, middle >= last.top, middle <= last.bottom {
                last.words.append(word)
                last.top = min(last.top, word.y)
                last.bottom = max(last.bottom, word.bottom)
                lines[lines.count - 1] = last
            } else {
                lines.append(Line(words: [word], top: word.y, bottom: word.bottom))
            }
        }
        for k in lines.indices { lines[k].words.sort { $0.x < $1.x } }
        return lines
    }

    /// Lines as text: indentation as spaces (one a half character), a blank line where more
    /// than a line's height of space stands between two, a table's gap a tab, a table row's
    /// continuation (a wrapped cell) opening with tabs for the cells it leaves empty.
    static func render(_ lines: [Line], left: Double, right: Double, size: Double, into out: inout [Printed]) {
        var previous: Line?
        var previousCells: [Double] = []  // where the previous line's cells begin
        // A line set lower under the one above than the flow's lines usually are (by their tops:
        // poppler's boxes, a font's full height, overlap in tight text) opens a paragraph.
        let pitches = zip(lines, lines.dropFirst()).map { $1.top - $0.top }.filter { $0 > 0.5 * size }
        let typical = pitches.count >= 4 ? median(pitches) : pitches.min() ?? size
        for line in lines {
            // (Not between a table's rows, which their cells' padding sets apart.)
            if let previous, line.top - previous.top >= 1.45 * typical, line.top - previous.bottom >= 0.2 * size, out.last.map({ !$0.text.isEmpty }) ?? false,
               !(previousCells.count > 1 && isRow(line, size: size)) {
                out.append(Printed(text: "", full: false))
                previousCells = []
            }
            var text = ""
            var cells: [Double] = [line.left]
            // A line starting under a cell of the row above, not its first: the rest of that row.
            if previousCells.count > 1, line.left - left >= 1.5 * size,
               let column = previousCells.indices.dropFirst().first(where: { abs(previousCells[$0] - line.left) <= size }) {
                text = String(repeating: "\t", count: column)
                cells = Array(previousCells.prefix(column + 1))
            } else {
                text = String(repeating: " ", count: min(40, max(0, Int(((line.left - left) / (size / 2)).rounded()))))
            }
            for (k, word) in line.words.enumerated() {
                if k > 0 {
                    let before = line.words[k - 1]
                    let gap = word.x - before.right
                    if gap >= 1.2 * size {
                        text += "\t"
                        cells.append(word.x)
                    } else {
                        let a = wide(before.text.unicodeScalars.last), b = wide(word.text.unicodeScalars.first)
                        if a && b, before.spaceAfter || gap > 0.25 * size {
                            // Between two Japanese words, the space poppler parted them at is an
                            // ideographic one (`（2）目的共有の原則　何のための…`): Japanese text puts
                            // no other between its own characters.
                            text += "\u{3000}"
                        } else if a != b ? gap > 0.45 * size || before.spaceAfter && gap > 0.2 * size : before.spaceAfter || gap > 0.2 * size {
                            // (Between Latin and Japanese, typesetters leave a quarter of a character
                            // that is no space: `NPO法人`.)
                            text += " "
                        }
                    }
                }
                text += word.text
            }
            out.append(Printed(text: text, full: (line.words.last?.right ?? 0) >= right - size))
            previousCells = cells.count > 1 ? cells : []
            previous = line
        }
    }

    /// Whether a character is a wide (Japanese) one.
    static func wide(_ scalar: Unicode.Scalar?) -> Bool {
        guard let v = scalar?.value else { return false }
        return v >= 0x2E80 && v < 0xFF61 || v >= 0x20000
    }

    /// Whether a line has a table's gap between two of its words.
    static func isRow(_ line: Line, size: Double) -> Bool {
        zip(line.words, line.words.dropFirst()).contains { $1.x - $0.right >= 1.2 * size }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 10 : sorted[sorted.count / 2]
    }
}
