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
        var text = text
        return text.withUTF8 { input in
            // The fold never grows text except ⑽–⒇ (3 bytes → 4): a third more is always enough.
            let capacity = input.count + input.count / 3 + 16
            var hasKanjiDigit = false
            let folded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = foldUTF8(input, into: buffer, hasKanjiDigit: &hasKanjiDigit)
            }
            guard hasKanjiDigit else { return String(decoding: folded, as: UTF8.self) }
            return folded.withUnsafeBufferPointer { numerals in
                String(unsafeUninitializedCapacity: numerals.count) { foldKanjiNumeralsUTF8(numerals, into: $0) }
            }
        }
    }

    /// Decodes the scalar at `i` of valid UTF-8 and its length (one decoder for the module).
    @inline(__always) private static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) { Search.decode(p, i) }

    /// Writes `v` as UTF-8 at `w`, returning the new write position.
    @inline(__always) private static func encode(_ v: UInt32, _ o: UnsafeMutableBufferPointer<UInt8>, _ w: Int) -> Int {
        switch v {
        case 0..<0x80:
            o[w] = UInt8(v); return w + 1
        case 0x80..<0x800:
            o[w] = UInt8(0xC0 | v >> 6); o[w + 1] = UInt8(0x80 | v & 0x3F); return w + 2
        case 0x800..<0x10000:
            o[w] = UInt8(0xE0 | v >> 12); o[w + 1] = UInt8(0x80 | (v >> 6) & 0x3F); o[w + 2] = UInt8(0x80 | v & 0x3F); return w + 3
        default:
            o[w] = UInt8(0xF0 | v >> 18); o[w + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
            o[w + 2] = UInt8(0x80 | (v >> 6) & 0x3F); o[w + 3] = UInt8(0x80 | v & 0x3F); return w + 4
        }
    }

    /// Writes the decimal digits of `n` at `w`.
    @inline(__always) private static func digits(_ n: Int, _ o: UnsafeMutableBufferPointer<UInt8>, _ w: Int) -> Int {
        var w = w
        for byte in String(n).utf8 { o[w] = byte; w += 1 }
        return w
    }

    /// The fold over valid UTF-8 (a `String`'s bytes): ASCII is copied, other scalars are
    /// decoded, mapped and re-encoded. Returns the number of bytes written.
    private static func foldUTF8(_ input: UnsafeBufferPointer<UInt8>, into o: UnsafeMutableBufferPointer<UInt8>, hasKanjiDigit: inout Bool) -> Int {
        var w = 0
        var lastStart = 0        // where the last scalar written starts
        var lastScalar: UInt32 = 0
        var i = 0
        let n = input.count
        while i < n {
            let b0 = input[i]
            if b0 < 0x80 {
                lastStart = w; lastScalar = UInt32(b0)
                o[w] = b0; w += 1; i += 1
                continue
            }
            // Kana and kanji that fold to themselves (most of a Japanese text) are copied as
            // they stand, without re-encoding.
            if b0 >= 0xE3 && b0 <= 0xE9 && i + 2 < n {
                let v = UInt32(b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                var same = false
                if v >= 0x4E00 {
                    if KanjiVariants.flat[Int(v &- 0x4E00)] == 0 {
                        if kanjiDigitValue(v) != nil || v == 0x5143 { hasKanjiDigit = true }
                        same = true
                    }
                } else if v >= 0x3040 && v <= 0x30FF && v != 0x3099 && v != 0x309A {
                    same = true
                }
                if same {
                    lastStart = w; lastScalar = v
                    o[w] = b0; o[w + 1] = input[i + 1]; o[w + 2] = input[i + 2]
                    w += 3; i += 3
                    continue
                }
            }
            var (v, length) = decode(input, i)
            i += length
            switch v {
            case 0x4E00...0x9FFF:
                let mapped = KanjiVariants.flat[Int(v &- 0x4E00)]
                if mapped != 0 { v = 0x4E00 + UInt32(mapped) - 1 }
                if kanjiDigitValue(v) != nil || v == 0x5143 { hasKanjiDigit = true }
            case 0x3007:
                hasKanjiDigit = true
            case 0xFF01...0xFF5E:
                v -= 0xFEE0
            case 0x3000, 0xA0:
                v = 0x20
            case 0xFF61...0xFF9F:
                if v >= 0xFF9E, let composed = compose(lastScalar, mark: v == 0xFF9E ? 1 : 2) {
                    w = lastStart
                    v = composed
                } else {
                    v = halfwidthKana[Int(v - 0xFF61)]
                }
            case 0x3099, 0x309A:
                if let composed = compose(lastScalar, mark: v == 0x3099 ? 1 : 2) {
                    w = lastStart
                    v = composed
                }
            case 0x2460...0x2473:
                lastStart = w
                w = digits(Int(v - 0x2460 + 1), o, w)
                lastScalar = UInt32(o[w - 1])
                continue
            case 0x2474...0x2487:
                lastStart = w
                o[w] = 0x28
                w = digits(Int(v - 0x2474 + 1), o, w + 1)
                o[w] = 0x29; w += 1
                lastScalar = 0x29
                continue
            case 0x2160...0x216B:
                lastStart = w
                for byte in romanNumerals[Int(v - 0x2160)].utf8 { o[w] = byte; w += 1 }
                lastScalar = UInt32(o[w - 1])
                continue
            case 0x2212, 0x2010, 0x2011:
                v = 0x2D
            case 0x301C:  // WAVE DASH: what EUC-JP and ISO-2022-JP decode JIS 0x2141 to; CP932 gives ～ (U+FF5E)
                v = 0x7E
            case 0xF900...0xFAFF:
                if let modern = KanjiVariants.table[v] { v = modern }
            default:
                break
            }
            lastStart = w
            lastScalar = v
            w = encode(v, o, w)
        }
        return w
    }

    /// Replaces kanji numeral runs that count — after 第 or an era name, or before a counter
    /// (年, 月, 条…) — by digits; 元 after an era and before 年 becomes 1. Over UTF-8.
    private static func foldKanjiNumeralsUTF8(_ p: UnsafeBufferPointer<UInt8>, into o: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var w = 0
        var i = 0
        var previous: (UInt32, UInt32) = (0, 0)  // the two scalars before position i
        while i < p.count {
            let (v, length) = decode(p, i)
            let isGan = v == 0x5143
            guard kanjiDigitValue(v) != nil || isGan else {
                for k in 0..<length { o[w + k] = p[i + k] }
                w += length; i += length
                previous = (previous.1, v)
                continue
            }
            // The run of numerals starting here (元 stands alone).
            var values: [Unicode.Scalar] = [Unicode.Scalar(v)!]
            var j = i + length
            var lastOfRun = v
            if !isGan {
                while j < p.count {
                    let (u, l) = decode(p, j)
                    guard kanjiDigitValue(u) != nil else { break }
                    values.append(Unicode.Scalar(u)!)
                    lastOfRun = u
                    j += l
                }
            }
            let next: UInt32 = j < p.count ? decode(p, j).0 : 0
            let afterEra = eraPairs.contains(UInt64(previous.0) << 32 | UInt64(previous.1))
            let afterDai = previous.1 == 0x7B2C  // 第
            let beforeCounter = counters.contains(next)
            if isGan, afterEra, next == 0x5E74 {  // 元年 after an era
                o[w] = 0x31; w += 1
            } else if !isGan, afterEra || afterDai || beforeCounter, let number = kanjiNumber(values) {
                w = digits(number, o, w)
            } else {
                for k in i..<j { o[w] = p[k]; w += 1 }
            }
            previous = values.count >= 2 ? (values[values.count - 2].value, lastOfRun) : (previous.1, lastOfRun)
            i = j
        }
        return w
    }

    private static let eraPairs: Set<UInt64> = Set(["平成", "令和", "昭和", "大正", "明治"].map { name in
        let s = Array(name.unicodeScalars)
        return UInt64(s[0].value) << 32 | UInt64(s[1].value)
    })

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
    public static func kanjiDigitValue(_ v: UInt32) -> Int? {
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

    /// Counters after which a kanji numeral counts something (年, 月, 条…).
    static let counters: Set<UInt32> = Set("年月日条章節項号回期次".unicodeScalars.map(\.value))
}
