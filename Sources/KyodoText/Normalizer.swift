/// Folds text for matching, never for display: full-width ASCII to half-width, half-width kana
/// to composed full-width, old kanji forms to modern ones, ideographic spaces to spaces, circled
/// and parenthesised numerals to digits, and kanji numerals to digits where they count
/// (第十九条 → 第19条, 平成三十一年 → 平成31年, 令和元年 → 令和1年).
///
/// Works on Unicode scalars in one pass plus a numeral pass; see DESIGN.md for why Foundation's
/// NFKC is neither fast nor complete enough here.
public enum Normalizer {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var hasKanjiDigit = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x21...0x7E, 0x0A, 0x09:
                out.append(scalar)
            case 0xFF01...0xFF5E:
                out.append(Unicode.Scalar(v - 0xFEE0)!)
            case 0x3000, 0xA0:
                out.append(" ")
            case 0xFF61...0xFF9F:
                appendHalfwidthKana(v, to: &out)
            case 0x3099, 0x309A:
                if let last = out.last, let composed = compose(last.value, mark: v == 0x3099 ? 1 : 2) {
                    out[out.count - 1] = Unicode.Scalar(composed)!
                } else {
                    out.append(scalar)
                }
            case 0x2460...0x2473:
                appendNumber(Int(v - 0x2460 + 1), to: &out)
            case 0x2474...0x2487:
                out.append("("); appendNumber(Int(v - 0x2474 + 1), to: &out); out.append(")")
            case 0x2160...0x216B:
                out.append(contentsOf: romanNumerals[Int(v - 0x2160)].unicodeScalars)
            case 0x2212, 0x2010, 0x2011:
                out.append("-")
            default:
                if let modern = KanjiVariants.table[v] {
                    out.append(Unicode.Scalar(modern)!)
                } else {
                    if kanjiDigitValue(v) != nil || v == 0x5143 { hasKanjiDigit = true }
                    out.append(scalar)
                }
            }
        }
        if hasKanjiDigit { out = foldKanjiNumerals(out) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: out)
        return String(result)
    }

    /// A key for comparing labels: folded, with spaces removed between non-ASCII characters,
    /// runs of spaces collapsed, and trailing punctuation trimmed.
    public static func labelKey(_ text: String) -> String {
        let folded = Array(fold(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < folded.count {
            let s = folded[i]
            if s == " " || s == "\t" {
                var j = i
                while j < folded.count, folded[j] == " " || folded[j] == "\t" { j += 1 }
                let before = out.last
                let after = j < folded.count ? folded[j] : nil
                if let before, let after, before.isASCII, after.isASCII { out.append(" ") }
                i = j
                continue
            }
            out.append(s)
            i += 1
        }
        var key = String(out)
        while let last = key.unicodeScalars.last, "。、.,:：".unicodeScalars.contains(last) { key.unicodeScalars.removeLast() }
        return key
    }

    // MARK: - Kana

    private static let halfwidthKana: [UInt32] = Array(
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜"
            .unicodeScalars.map(\.value))

    private static func appendHalfwidthKana(_ v: UInt32, to out: inout [Unicode.Scalar]) {
        let mapped = halfwidthKana[Int(v - 0xFF61)]
        if v == 0xFF9E || v == 0xFF9F, let last = out.last, let composed = compose(last.value, mark: v == 0xFF9E ? 1 : 2) {
            out[out.count - 1] = Unicode.Scalar(composed)!
            return
        }
        out.append(Unicode.Scalar(mapped)!)
    }

    /// Katakana that take a voiced mark (カ→ガ…); hiragana are these minus 0x60.
    private static let voiceable: Set<UInt32> = Set("カキクケコサシスセソタチツテトハヒフヘホ".unicodeScalars.map(\.value))
    /// Katakana that take a semi-voiced mark (ハ→パ…).
    private static let semiVoiceable: Set<UInt32> = Set("ハヒフヘホ".unicodeScalars.map(\.value))

    /// Composes a katakana or hiragana with a voiced (1) or semi-voiced (2) mark.
    private static func compose(_ base: UInt32, mark: UInt32) -> UInt32? {
        if mark == 1 && base == 0x30A6 { return 0x30F4 }  // ウ → ヴ
        let katakana = (0x3041...0x3096).contains(base) ? base + 0x60 : base
        let delta = katakana == base ? UInt32(0) : 0x60
        if mark == 1 && voiceable.contains(katakana) { return katakana + 1 - delta }
        if mark == 2 && semiVoiceable.contains(katakana) { return katakana + 2 - delta }
        return nil
    }

    // MARK: - Numerals

    private static let romanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    private static func appendNumber(_ n: Int, to out: inout [Unicode.Scalar]) {
        out.append(contentsOf: String(n).unicodeScalars)
    }

    /// The value of a kanji digit or multiplier.
    static func kanjiDigitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x3007, 0x96F6: 0  // 〇 零
        case 0x4E00: 1; case 0x4E8C: 2; case 0x4E09: 3; case 0x56DB: 4; case 0x4E94: 5
        case 0x516D: 6; case 0x4E03: 7; case 0x516B: 8; case 0x4E5D: 9
        case 0x5341: 10; case 0x767E: 100; case 0x5343: 1000
        default: nil
        }
    }

    /// Reads a run of kanji numerals (`三十一` → 31, `二〇一九` → 2019); nil if it is not a number.
    public static func kanjiNumber<S: Collection>(_ scalars: S) -> Int? where S.Element == Unicode.Scalar {
        guard !scalars.isEmpty, scalars.count <= 12 else { return nil }
        let values = scalars.compactMap { kanjiDigitValue($0.value) }
        guard values.count == scalars.count else { return nil }
        if values.allSatisfy({ $0 < 10 }) {  // positional: 二〇一九
            return values.reduce(0) { $0 * 10 + $1 }
        }
        var total = 0, current = 0
        for v in values {
            if v >= 10 {
                total += (current == 0 ? 1 : current) * v
                current = 0
            } else {
                current = current * 10 + v
            }
        }
        return total + current
    }

    private static let eraNames: [[UInt32]] = ["平成", "令和", "昭和", "大正", "明治"].map { $0.unicodeScalars.map(\.value) }
    /// Counters after which a kanji numeral counts something (年, 月, 条…).
    private static let counters: Set<UInt32> = Set("年月日条章節項号回期次".unicodeScalars.map(\.value))

    /// Replaces kanji numeral runs that count (after 第 or an era name, or before a counter).
    static func foldKanjiNumerals(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let isGan = s[i].value == 0x5143  // 元
            guard kanjiDigitValue(s[i].value) != nil || isGan else { out.append(s[i]); i += 1; continue }
            var j = i
            if isGan { j = i + 1 } else { while j < s.count, kanjiDigitValue(s[j].value) != nil { j += 1 } }
            let afterEra = i >= 2 && eraNames.contains([s[i - 2].value, s[i - 1].value])
            let afterDai = i >= 1 && s[i - 1] == "第"
            let beforeCounter = j < s.count && counters.contains(s[j].value)
            if isGan {
                if afterEra && j < s.count && s[j] == "年" { out.append("1") } else { out.append(s[i]) }
            } else if (afterEra || afterDai || beforeCounter), let n = kanjiNumber(s[i..<j]) {
                appendNumber(n, to: &out)
            } else {
                out.append(contentsOf: s[i..<j])
            }
            i = j
        }
        return out
    }
}
