import KyodoModel
import KyodoText

/// What changed between two versions of a text, ignoring what PDF extraction does to text:
/// line wraps, block boundaries, width variants, old kanji forms, spacing, HTML markup.
public struct TextDiff: Sendable {
    /// One side of the comparison.
    public struct Side: Sendable {
        /// Document id or path, for citing.
        public var name: String
        /// The lines compared (1-based, inclusive).
        public var lines: ClosedRange<Int>
        /// The units (sentences, table rows, titles) of that side.
        public var units: [Unit]
    }

    /// A sentence, table row or title, as folded characters that remember where they came from.
    public struct Unit: Sendable {
        /// Folded characters, whitespace removed: what is compared.
        public var folded: [Character] = []
        /// For each folded character, the original grapheme (empty for the second and later
        /// characters a grapheme folds into).
        public var original: [String] = []
        /// For each folded character, its 1-based line.
        public var line: [Int] = []

        /// The text as written (spacing removed).
        public var text: String { original.joined() }
        /// First and last line.
        public var lines: ClosedRange<Int> { (line.first ?? 0)...(line.last ?? 0) }
    }

    /// A changed passage: what the old text had and what the new text has instead.
    public struct Change: Sendable, Hashable {
        /// The kind of change.
        public enum Kind: String, Sendable { case changed, added, deleted }
        /// Kind.
        public var kind: Kind
        /// The old passage as written (empty when added).
        public var old: String
        /// The new passage as written (empty when deleted).
        public var new: String
        /// The old passage's line (or where it would stand).
        public var oldLine: Int
        /// The new passage's line (or where it would stand).
        public var newLine: Int
    }

    /// A run of units that differ, with its changes and both texts marked.
    public struct Hunk: Sendable {
        /// Old text as written, changed passages in ［］.
        public var oldMarked: String
        /// New text as written, changed passages in ［］.
        public var newMarked: String
        /// Old lines.
        public var oldLines: ClosedRange<Int>?
        /// New lines.
        public var newLines: ClosedRange<Int>?
        /// The passages that changed.
        public var changes: [Change]
    }

    /// The old side.
    public var old: Side
    /// The new side.
    public var new: Side
    /// What changed, in order.
    public var hunks: [Hunk]
    /// Units that are the same on both sides.
    public var unchangedUnits: Int

    /// Compares two texts (line ranges of two sources).
    public init(old: SourceText, lines oldLines: ClosedRange<Int>, new: SourceText, lines newLines: ClosedRange<Int>) {
        let a = Side(name: old.name, lines: oldLines, units: TextDiff.units(old, oldLines))
        let b = Side(name: new.name, lines: newLines, units: TextDiff.units(new, newLines))
        self.old = a
        self.new = b
        var hunks: [Hunk] = []
        var same = 0
        for step in TextDiff.align(a.units.map { String($0.folded) }, b.units.map { String($0.folded) }) {
            switch step {
            case .same: same += 1
            case .differ(let oldRange, let newRange):
                if let hunk = TextDiff.hunk(Array(a.units[oldRange]), Array(b.units[newRange])) { hunks.append(hunk) } else { same += 1 }
            }
        }
        self.hunks = hunks
        self.unchangedUnits = same
    }

    // MARK: - Units

    /// Cuts lines into units: after 。, after each table row, after a title standing alone.
    static func units(_ source: SourceText, _ range: ClosedRange<Int>) -> [Unit] {
        var units: [Unit] = []
        var current = Unit()
        func close() {
            if !current.folded.isEmpty { units.append(current) }
            current = Unit()
        }
        // (A PDF's running headers and page numbers are no part of either version's text.)
        for number in range where number >= 1 && number <= source.lineCount && !source.furniture.contains(number) {
            var text = source.line(number)
            let isRow = text.includes("\t")
            if isRow {
                text = text.split(separator: "\t", omittingEmptySubsequences: false)
                    .map { HTMLFragment.looksLikeHTML(String($0)) ? HTMLFragment.text(String($0)) : String($0) }.joined(separator: " ")
            }
            for ch in text {
                if ch.isWhitespace { continue }
                for (k, f) in Normalizer.fold(String(ch)).enumerated() where !f.isWhitespace {
                    current.folded.append(f)
                    current.original.append(k == 0 ? String(ch) : "")
                    current.line.append(number)
                }
                if ch == "。" { close() }
            }
            let standsAlone = number + 1 > range.upperBound || source.line(number + 1).trimmedSpaces().isEmpty
            let trimmed = text.trimmedSpaces()
            if isRow || (standsAlone && trimmed.count <= 30 && !trimmed.includes("。")) { close() }
        }
        close()
        return units
    }

    // MARK: - Alignment

    enum Step: Equatable { case same, differ(Range<Int>, Range<Int>) }

    /// Aligns two sequences by longest common subsequence; runs between matches differ.
    static func align(_ a: [String], _ b: [String]) -> [Step] {
        let pairs = lcs(a, b)
        var steps: [Step] = []
        var i = 0, j = 0
        for (x, y) in pairs + [(a.count, b.count)] {
            if i < x || j < y { steps.append(.differ(i..<x, j..<y)) }
            if x < a.count { steps.append(.same) }
            i = x + 1; j = y + 1
        }
        return steps
    }

    /// Index pairs of a longest common subsequence (dynamic programming; trims the common
    /// prefix and suffix first, which is most of two versions of one text).
    static func lcs<T: Hashable>(_ a: [T], _ b: [T]) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var result = (0..<prefix).map { ($0, $0) }
        if n > 0 && m > 0 && (n + 1) * (m + 1) > maxTableCells {
            // Too large a table (a 10 MB line once took 479 MB and 10 s): anchor on the units
            // that occur once on each side, in an order both share (patience diff).
            result += anchors(Array(a[prefix..<(prefix + n)]), Array(b[prefix..<(prefix + m)])).map { (prefix + $0, prefix + $1) }
        } else if n > 0 && m > 0 {
            // table[i][j]: LCS length of a[prefix+i...] and b[prefix+j...], in one flat array.
            var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] = a[prefix + i] == b[prefix + j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
            var i = 0, j = 0
            while i < n && j < m {
                if a[prefix + i] == b[prefix + j] { result.append((prefix + i, prefix + j)); i += 1; j += 1 }
                else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] { i += 1 }
                else { j += 1 }
            }
        }
        result += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
        return result
    }

    /// The most cells the LCS table may have (64 MB of Int32); past it, `anchors` align.
    static let maxTableCells = 16_000_000

    /// Pairs of elements unique in both sequences, the longest run of them in the same order
    /// on both sides: O(n log n), for sequences too long for the table.
    static func anchors<T: Hashable>(_ a: [T], _ b: [T]) -> [(Int, Int)] {
        var countA: [T: Int] = [:], countB: [T: Int] = [:], whereB: [T: Int] = [:]
        for s in a { countA[s, default: 0] += 1 }
        for (j, s) in b.enumerated() { countB[s, default: 0] += 1; whereB[s] = j }
        let pairs = a.enumerated().compactMap { i, s in countA[s] == 1 && countB[s] == 1 ? whereB[s].map { (i, $0) } : nil }
        // Longest increasing subsequence of the b indices (patience sorting).
        var tails: [Int] = [], previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high { let mid = (low + high) / 2; if pairs[tails[mid]].1 < pair.1 { low = mid + 1 } else { high = mid } }
            if low > 0 { previous[k] = tails[low - 1] }
            if low == tails.count { tails.append(k) } else { tails[low] = k }
        }
        var chain: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 { chain.append(pairs[k]); k = previous[k] }
        return chain.reversed()
    }

    /// The changes between two runs of units; nil when their characters are the same (the
    /// same text, only cut into units differently).
    static func hunk(_ oldUnits: [Unit], _ newUnits: [Unit]) -> Hunk? {
        let a = oldUnits.reduce(into: Unit()) { $0.folded += $1.folded; $0.original += $1.original; $0.line += $1.line }
        let b = newUnits.reduce(into: Unit()) { $0.folded += $1.folded; $0.original += $1.original; $0.line += $1.line }
        guard a.folded != b.folded else { return nil }
        var oldChanged = [Bool](repeating: true, count: a.folded.count)
        var newChanged = [Bool](repeating: true, count: b.folded.count)
        // Character-level alignment when affordable; otherwise the whole run is the change.
        if a.folded.count * b.folded.count <= 4_000_000 {
            for (x, y) in lcs(a.folded, b.folded) { oldChanged[x] = false; newChanged[y] = false }
        }
        var changes: [Change] = []
        var oldGaps = Set<Int>(), newGaps = Set<Int>()  // where the other side has text this one lacks
        var i = 0, j = 0
        while i < a.folded.count || j < b.folded.count {
            if i < a.folded.count, j < b.folded.count, !oldChanged[i], !newChanged[j] { i += 1; j += 1; continue }
            let oi = i, nj = j
            while i < a.folded.count, oldChanged[i] { i += 1 }
            while j < b.folded.count, newChanged[j] { j += 1 }
            if oi == i && nj == j { break }
            let oldText = a.original[oi..<i].joined(), newText = b.original[nj..<j].joined()
            let kind: Change.Kind = oldText.isEmpty ? .added : newText.isEmpty ? .deleted : .changed
            if kind == .added { oldGaps.insert(oi) }
            if kind == .deleted { newGaps.insert(nj) }
            changes.append(Change(kind: kind, old: oldText, new: newText,
                                  oldLine: a.line.isEmpty ? 0 : a.line[min(oi, a.line.count - 1)],
                                  newLine: b.line.isEmpty ? 0 : b.line[min(nj, b.line.count - 1)]))
        }
        return Hunk(oldMarked: marked(a, oldChanged, gaps: oldGaps), newMarked: marked(b, newChanged, gaps: newGaps),
                    oldLines: a.line.isEmpty ? nil : a.lines, newLines: b.line.isEmpty ? nil : b.lines, changes: changes)
    }

    /// The text as written with changed runs wrapped in ［］, and an empty ［］ where the
    /// other version has text this one lacks.
    static func marked(_ u: Unit, _ changed: [Bool], gaps: Set<Int>) -> String {
        var out = ""
        var open = false
        for k in u.original.indices {
            if gaps.contains(k) && !open { out += "［］" }
            if changed[k] != open { out += changed[k] ? "［" : "］"; open = changed[k] }
            out += u.original[k]
        }
        if open { out += "］" }
        if gaps.contains(u.original.count) { out += "［］" }
        return out
    }
}
