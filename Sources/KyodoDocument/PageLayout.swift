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

    /// The page's text. Poppler's reading order decides the flows (it reads a page in two
    /// columns down the left one, then up to the top of the right one): the words are cut into
    /// flows where the order jumps up the page; each flow is laid out by where its words
    /// stand, so a table's cells, which poppler reads one after another, line up in rows again.
    static func text(_ words: [Word]) -> String {
        let words = words.filter { $0.width >= 0 && $0.height > 0 && !$0.text.isEmpty }
        guard !words.isEmpty else { return "" }
        let size = median(words.map(\.height))
        let left = words.map(\.x).min() ?? 0
        var out: [String] = []
        for flow in flows(words, size: size) {
            if out.last.map({ !$0.isEmpty }) ?? false { out.append("") }
            render(group(flow), left: flow.map(\.x).min() ?? left, size: size, into: &out)
        }
        return out.joined(separator: "\n")
    }

    /// The words cut where the next starts three lines or more above the last one's top.
    static func flows(_ words: [Word], size: Double) -> [[Word]] {
        var flows: [[Word]] = [[]]
        for word in words {
            if let last = flows[flows.count - 1].last, word.bottom < last.y - 2 * size { flows.append([]) }
            flows[flows.count - 1].append(word)
        }
        return flows.filter { !$0.isEmpty }
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
    static func render(_ lines: [Line], left: Double, size: Double, into out: inout [String]) {
        var previous: Line?
        var previousCells: [Double] = []  // where the previous line's cells begin
        for line in lines {
            // (Not between a table's rows, which their cells' padding sets apart.)
            if let previous, line.top - previous.bottom >= 1.3 * size, out.last.map({ !$0.isEmpty }) ?? false,
               !(previousCells.count > 1 && line.words.count > 1) {
                out.append("")
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
                    } else if before.spaceAfter || gap > 0.25 * size {
                        text += " "
                    }
                }
                text += word.text
            }
            out.append(text)
            previousCells = cells.count > 1 ? cells : []
            previous = line
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 10 : sorted[sorted.count / 2]
    }
}
