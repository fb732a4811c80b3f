/// A Japanese era date found in text (平成20年10月, 令和元年, 平成２８年度).
public struct EraDate: Sendable, Hashable {
    /// Gregorian year.
    public var year: Int
    /// Month, if stated.
    public var month: Int?
    /// Whether the date names a fiscal year (年度).
    public var isFiscalYear: Bool
    /// The date as written in the text.
    public var text: String
    /// Offset of the match in the line, in Unicode scalars.
    public var scalarOffset: Int

    /// `2008-10`, or `2019` when no month is stated.
    public var iso: String {
        guard let month else { return String(format4(year)) }
        return "\(format4(year))-\(month < 10 ? "0" : "")\(month)"
    }

    private func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// The eras and the Gregorian year of their first year.
    public static let eras: [(name: String, start: Int)] = [("令和", 2019), ("平成", 1989), ("昭和", 1926), ("大正", 1912), ("明治", 1868)]

    /// The eras' two scalars and first year, for scanning.
    private static let eraScalars: [(first: Unicode.Scalar, second: Unicode.Scalar, start: Int)] = eras.map { era in
        let scalars = Array(era.name.unicodeScalars)
        return (scalars[0], scalars[1], era.start)
    }

    /// Every era date in a line, in order.
    /// Whether the text names an era at all (a byte search: most text does not).
    public static func mentionsEra(_ text: some StringProtocol) -> Bool {
        text.includes("平成") || text.includes("令和") || text.includes("昭和") || text.includes("大正") || text.includes("明治")
    }

    public static func find(in line: String) -> [EraDate] {
        // Most lines hold no era name: look for one before doing any work.
        guard mentionsEra(line) else { return [] }
        let s = Array(line.unicodeScalars)
        var found: [EraDate] = []
        var i = 0
        while i + 1 < s.count {
            guard let era = eraScalars.first(where: { s[i] == $0.first && s[i + 1] == $0.second }).map({ (start: $0.start, name: "") }) else { i += 1; continue }
            var j = i + 2
            skipSpaces(s, &j)
            guard let (yearInEra, afterYear) = readNumber(s, j, allowGan: true) else { i += 1; continue }
            j = afterYear
            skipSpaces(s, &j)
            guard j < s.count, s[j] == "年" else { i += 1; continue }
            j += 1
            var fiscal = false
            if j < s.count, s[j] == "度" { fiscal = true; j += 1 }
            var month: Int?
            var end = j
            if !fiscal {
                var k = j
                skipSpaces(s, &k)
                if let (m, afterNumber) = readNumber(s, k, allowGan: false), (1...12).contains(m) {
                    var afterMonth = afterNumber
                    skipSpaces(s, &afterMonth)
                    if afterMonth < s.count, s[afterMonth] == "月" {
                        month = m
                        end = afterMonth + 1
                    }
                }
            }
            guard yearInEra >= 1, yearInEra < 100 else { i = end; continue }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[i..<end])
            found.append(EraDate(year: era.start + yearInEra - 1, month: month, isFiscalYear: fiscal, text: String(view), scalarOffset: i))
            i = end
        }
        return found
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ j: inout Int) {
        while j < s.count, s[j] == " " || s[j] == "\u{3000}" { j += 1 }
    }

    /// Reads ASCII, full-width or kanji digits (and 元 when allowed) at `j`.
    private static func readNumber(_ s: [Unicode.Scalar], _ j: Int, allowGan: Bool) -> (Int, Int)? {
        guard j < s.count else { return nil }
        if allowGan, s[j] == "元" { return (1, j + 1) }
        var k = j
        var value = 0
        while k < s.count, k - j < 4 {
            let v = s[k].value
            if (0x30...0x39).contains(v) { value = value * 10 + Int(v - 0x30) }
            else if (0xFF10...0xFF19).contains(v) { value = value * 10 + Int(v - 0xFF10) }
            else { break }
            k += 1
        }
        if k > j { return (value, k) }
        while k < s.count, Normalizer.kanjiDigitValue(s[k].value) != nil, k - j < 6 { k += 1 }
        guard k > j, let n = Normalizer.kanjiNumber(s[j..<k]) else { return nil }
        return (n, k)
    }
}
