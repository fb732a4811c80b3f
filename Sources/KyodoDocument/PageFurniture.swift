import KyodoText

/// Finds what a PDF prints on every page beside its text: page numbers (`3`, `- 3 -`, `p.3`,
/// `3/12`, `３ページ`) and running headers and footers (a title, a section name, the office
/// that wrote it), among the first and last lines of each page.
enum PageFurniture {
    /// How many lines at the top and at the bottom of a page furniture may stand on.
    static let band = 3

    /// The furniture's line numbers (1-based, of the whole text), given each page's lines and
    /// the line each page starts on.
    static func lines(pages: [[Substring]], starts: [Int]) -> Set<Int> {
        var furniture = Set<Int>()
        // Each page's band: the indices of its first and last `band` non-blank lines.
        let bands: [[Int]] = pages.map { lines in
            let printed = lines.indices.filter { !lines[$0].trimmedSpaces().isEmpty }
            return Array(Set(printed.prefix(band) + printed.suffix(band))).sorted()
        }
        for (p, band) in bands.enumerated() {
            for k in band where isPageNumber(pages[p][k]) { furniture.insert(starts[p] + k) }
        }
        // A line (its digits any digits) standing at the same place from the top or the bottom of
        // two pages or more, and of at least two pages in five, runs over the pages; a sentence
        // (ending 。) is the text's own, however often it recurs.
        guard pages.count >= 2 else { return furniture }
        func keys(_ p: Int, _ k: Int) -> [String] {
            let line = pages[p][k]
            let key = shape(line)
            guard !key.isEmpty, key.unicodeScalars.count <= 60, !key.hasSuffix("。") else { return [] }
            let printed = pages[p].indices.filter { !pages[p][$0].trimmedSpaces().isEmpty }
            guard let rank = printed.firstIndex(of: k) else { return [] }
            let fromBottom = printed.count - 1 - rank
            return (rank < Self.band ? ["t\(rank) " + key] : []) + (fromBottom < Self.band ? ["b\(fromBottom) " + key] : [])
        }
        var pagesOf: [String: Set<Int>] = [:]
        for (p, band) in bands.enumerated() {
            for k in band { for key in keys(p, k) { pagesOf[key, default: []].insert(p) } }
        }
        for (p, band) in bands.enumerated() {
            for k in band {
                guard keys(p, k).contains(where: { key in pagesOf[key].map { $0.count >= 2 && $0.count * 5 >= pages.count * 2 } ?? false }) else { continue }
                // The first line of the document is its title even where later pages repeat it —
                // unless page 1 prints it again below (a running header over the title).
                if p == 0 && k == band.first, !pages[0].indices.contains(where: { $0 != k && shape(pages[0][$0]) == shape(pages[0][k]) }) { continue }
                furniture.insert(starts[p] + k)
            }
        }
        return furniture
    }

    /// A line with its spaces removed and every run of digits as `#`: `- 3 -` and `- 4 -` are
    /// one shape.
    static func shape(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for s in line.unicodeScalars {
            if s == " " || s == "\u{3000}" || s == "\t" { continue }
            let digit = (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
            if digit { if !inDigits { out.append("#") } } else { out.append(s) }
            inDigits = digit
        }
        return String(out)
    }

    /// `3`, `- 3 -`, `－３－`, `(3)`, `p.3`, `P3`, `3/12`, `3 / 12`, `３ページ`: a page number alone.
    static func isPageNumber(_ line: Substring) -> Bool {
        let s = shape(line).lowercased()
        guard s.contains("#"), s.unicodeScalars.count <= 12 else { return false }
        var core = Substring(s)
        let dashes: Set<Character> = ["-", "–", "—", "－", "ー", "‐", "―", "−"]
        let opens: Set<Character> = ["(", "（", "〔", "[", "［"], closes: Set<Character> = [")", "）", "〕", "]", "］"]
        while let f = core.first, dashes.contains(f) || opens.contains(f) { core = core.dropFirst() }
        while let l = core.last, dashes.contains(l) || closes.contains(l) { core = core.dropLast() }
        for prefix in ["p.", "p", "ｐ", "page", "ページ"] where core.hasPrefix(prefix) { core = core.dropFirst(prefix.count); break }
        for suffix in ["ページ", "頁"] where core.hasSuffix(suffix) { core = core.dropLast(suffix.count); break }
        return core == "#" || core == "#/#" || core == "#／#"
    }

    /// Page numbers as ranges: `2–3, 5`.
    static func ranges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < pages.count {
            var j = i
            while j + 1 < pages.count, pages[j + 1] == pages[j] + 1 { j += 1 }
            parts.append(j > i ? "\(pages[i])–\(pages[j])" : "\(pages[i])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
