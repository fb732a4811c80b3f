/// Tables that PDF extraction laid out with spaces instead of tabs: a header and rows whose
/// cells are separated by runs of two or more spaces, continuation lines indented to the
/// column they continue.
///
/// A run needs at least three such lines; its columns are where cells start in at least half
/// of them, and most rows' second cell must start at one; each cell then goes to the column it
/// starts at or after (by display width, East Asian wide characters counting two).
enum SpaceTable {
    /// A cell and the display column it starts at.
    struct Segment {
        var column: Int
        var text: String
    }

    /// The cells of every line that belongs to a space-aligned table, by 1-based line number.
    static func rows(_ source: SourceText) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        var run: [(line: Int, segments: [Segment], continuation: Bool)] = []
        func finish() {
            defer { run.removeAll() }
            let gappy = run.filter { !$0.continuation }
            guard gappy.count >= 3 else { return }
            // A table's first cells are short (labels); long ones are prose with a stray gap in
            // a word (`地域課題の解  決に向かって`, as PDF extraction leaves it).
            guard gappy.filter({ $0.segments[0].text.unicodeScalars.count <= 24 }).count * 2 >= gappy.count else { return }
            // The columns: where cells start in at least half the rows (starts two apart are one column).
            var counts: [(column: Int, rows: Int)] = []
            for row in gappy {
                for s in row.segments {
                    if let k = counts.firstIndex(where: { abs($0.column - s.column) <= 2 }) { counts[k].rows += 1 }
                    else { counts.append((s.column, 1)) }
                }
            }
            let starts = counts.filter { $0.rows * 2 >= gappy.count }.map(\.column).sorted()
            guard starts.count >= 2, starts.first.map({ $0 <= 2 }) ?? false else { return }
            let aligned = gappy.filter { row in row.segments.count >= 2 && starts.dropFirst().contains { abs($0 - row.segments[1].column) <= 2 } }
            guard aligned.count * 10 >= gappy.count * 6 else { return }
            for row in run {
                var cells = [String](repeating: "", count: starts.count)
                for s in row.segments {
                    let c = starts.lastIndex { $0 <= s.column + 2 } ?? 0
                    cells[c] = cells[c].isEmpty ? s.text : cells[c] + " " + s.text
                }
                out[row.line] = cells
            }
        }
        for number in 1...max(1, source.lineCount) where number <= source.lineCount {
            let line = source.slice(number)
            guard mayHaveGap(line), let segments = segments(line) else {
                // (A row whose label is long enough to leave one space before the column the
                // run's second cells start at is a row too: `・実行委員会　複数の…` under `・委託　　　　市の…`.)
                if let column = secondColumn(of: run), let split = split(line, at: column) {
                    run.append((number, split, false))
                    continue
                }
                finish()
                continue
            }
            let indented = segments.first.map { $0.column >= 4 } ?? false
            if indented {
                // A continuation: only inside a run.
                if run.isEmpty { continue }
                run.append((number, segments, true))
            } else if segments.count >= 2 {
                run.append((number, segments, false))
            } else {
                finish()
            }
        }
        finish()
        return out
    }

    /// The column every row of a run (three or more) starts its second cell at, if they agree.
    static func secondColumn(of run: [(line: Int, segments: [Segment], continuation: Bool)]) -> Int? {
        let rows = run.filter { !$0.continuation }
        guard rows.count >= 3, let column = rows[0].segments.dropFirst().first?.column,
              rows.allSatisfy({ $0.segments.count >= 2 && $0.segments[1].column == column }) else { return nil }
        return column
    }

    /// A line split in two at its one space right before display column `column`, or nil.
    static func split(_ line: Substring, at column: Int) -> [Segment]? {
        var c = 0
        var first = ""
        var start: Int?
        var previous: Unicode.Scalar?
        for (k, s) in line.unicodeScalars.enumerated() {
            if s == "\t" { return nil }
            if c == column {
                guard previous == " " || previous == "\u{3000}", s != " ", s != "\u{3000}" else { return nil }
                let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(k)))
                guard let start, !first.isEmpty, !rest.isEmpty else { return nil }
                return [Segment(column: start, text: first.trimmingTrailingSpaces()), Segment(column: column, text: rest)]
            }
            if s != " " && s != "\u{3000}" {
                if start == nil { start = c }
                first.unicodeScalars.append(s)
            } else if start != nil {
                first.unicodeScalars.append(s)
            }
            previous = s
            c += width(s.value)
            if c > column { return nil }
        }
        return nil
    }

    /// Whether the line holds two spaces in a row somewhere (the cheap test before splitting).
    static func mayHaveGap(_ line: Substring) -> Bool {
        var previousSpace = false
        for s in line.unicodeScalars {
            let space = s == " " || s == "\u{3000}"
            if space && previousSpace { return true }
            previousSpace = space
        }
        return false
    }

    /// The cells of a line split at runs of two or more spaces, each with its display column;
    /// nil for a line with a tab (a tab table's) or nothing but spaces.
    static func segments(_ line: Substring) -> [Segment]? {
        var out: [Segment] = []
        var column = 0
        var current = ""
        var start = 0
        var spaces = 0
        var pendingSpace = ""
        for s in line.unicodeScalars {
            if s == "\t" { return nil }
            let w = width(s.value)
            if s == " " || s == "\u{3000}" {
                spaces += 1
                pendingSpace.unicodeScalars.append(s)
            } else {
                if spaces >= 2 || current.isEmpty {
                    if !current.isEmpty { out.append(Segment(column: start, text: current)) }
                    current = ""
                    start = column
                } else if spaces == 1 {
                    current += pendingSpace
                }
                spaces = 0
                pendingSpace = ""
                current.unicodeScalars.append(s)
            }
            column += w
        }
        if !current.isEmpty { out.append(Segment(column: start, text: current)) }
        return out.isEmpty ? nil : out
    }

    /// Display columns of a scalar (UAX #11, East Asian wide and full-width as two).
    static func width(_ v: UInt32) -> Int {
        if v < 0x1100 { return 1 }
        switch v {
        case 0xFF61...0xFF9F: return 1
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD, 0x3000:
            return 2
        default: return 1
        }
    }
}
