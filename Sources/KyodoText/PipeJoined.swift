/// Lines whose cells a saved web page joined with a bar: `｜`, `│` or ` | ` between them
/// (`協働の原則｜市と協働の相手方は…`, `ホーム｜市政情報｜市民協働`). A line beginning with a bar is a
/// Markdown or box-drawn table row, read as such elsewhere.
enum PipeJoined {
    /// For each such line (1-based), its cells as byte ranges of the text; for lines in a run of
    /// two or more with the same count of three cells or more, the cells as a table row instead.
    static func lines(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> (cells: [Int: [Range<Int>]], tableRows: [Int: [String]]) {
        var found: [(line: Int, cells: [Range<Int>])] = []
        var tableRows: [Int: [String]] = [:]
        for (index, range) in source.lineRanges.enumerated() {
            let cells = self.cells(all, range)
            // A row closed by a bar (`参加権規定の有無 | 有 |`) is a table's, whatever its neighbours.
            var end = range.upperBound
            while end > range.lowerBound, all[end - 1] == 0x20 || all[end - 1] == 0x0D { end -= 1 }
            if !cells.isEmpty, end - range.lowerBound >= 2, all[end - 1] == 0x7C, all[end - 2] == 0x20 {
                tableRows[index + 1] = cells.map { text(all, $0) }
                continue
            }
            if cells.count >= 2 { found.append((index + 1, cells)) }
        }
        var cellLines: [Int: [Range<Int>]] = [:]
        var k = 0
        while k < found.count {
            // A run: consecutive lines with the same count of cells.
            var end = k + 1
            while end < found.count, found[end].line == found[end - 1].line + 1, found[end].cells.count == found[k].cells.count { end += 1 }
            if end - k >= 2, found[k].cells.count >= 3 {
                for row in found[k..<end] { tableRows[row.line] = row.cells.map { text(all, $0) } }
            } else {
                for row in found[k..<end] { cellLines[row.line] = row.cells }
            }
            k = end
        }
        return (cellLines, tableRows)
    }

    /// The cells of one line, trimmed of spaces, empty ones dropped; [] for a line without a
    /// joining bar or beginning with one.
    static func cells(_ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var start = range.lowerBound
        while start < range.upperBound, all[start] == 0x20 { start += 1 }
        guard start < range.upperBound, all[start] != 0x7C, !(all[start] == 0xE2 && start + 2 < range.upperBound && all[start + 1] == 0x94 && all[start + 2] == 0x82) else { return [] }
        var cells: [Range<Int>] = []
        var cellStart = start
        var i = start
        func close(_ end: Int) {
            var a = cellStart, b = end
            while a < b, all[a] == 0x20 || all[a] == 0x09 { a += 1 }
            while b > a, all[b - 1] == 0x20 || all[b - 1] == 0x09 { b -= 1 }
            // (An ideographic space, E3 80 80, trims too.)
            while b - a >= 3, all[a] == 0xE3, all[a + 1] == 0x80, all[a + 2] == 0x80 { a += 3 }
            while b - a >= 3, all[b - 3] == 0xE3, all[b - 2] == 0x80, all[b - 1] == 0x80 { b -= 3 }
            if a < b { cells.append(a..<b) }
        }
        while i < range.upperBound {
            let b = all[i]
            if b == 0xEF, i + 2 < range.upperBound, all[i + 1] == 0xBD, all[i + 2] == 0x9C {  // ｜
                close(i); i += 3; cellStart = i; continue
            }
            if b == 0xE2, i + 2 < range.upperBound, all[i + 1] == 0x94, all[i + 2] == 0x82 {  // │
                close(i); i += 3; cellStart = i; continue
            }
            if b == 0x7C, i > range.lowerBound, all[i - 1] == 0x20, i + 1 == range.upperBound || all[i + 1] == 0x20 || all[i + 1] == 0x0D {  // " | ", or a closing " |"
                close(i); i += 1; cellStart = i; continue
            }
            i += 1
        }
        guard cellStart > start else { return [] }
        close(range.upperBound)
        return cells
    }

    static func text(_ all: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: all[range]), as: UTF8.self)
    }
}
