/// Recognises the marker at the start of a line and returns it with the rest of the line.
public enum MarkerScanner {
    /// Whether a marker can begin with this scalar; any other first scalar means plain text:
    /// -–・•■□➤○◯▪◎◆◇【●＜<第(（IVX附, digits of both widths, circled and parenthesised
    /// numbers, roman numerals, katakana, kanji numerals, the first letters of step words
    /// (STEP, Point, 手順). (A switch: hashing a set for every line cost more.)
    static func mayStartMarker(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2013, 0x30FB, 0x2022, 0x25A0, 0x25A1, 0x27A4, 0x25CB, 0x25EF, 0x25AA, 0x25CE, 0x25C6, 0x25C7, 0x3010, 0x25CF,
             0xFF1C, 0x3C, 0x7B2C, 0x28, 0xFF08, 0x49, 0x56, 0x58, 0x9644, 0x51, 0xFF31,
             0x2193, 0x21E9, 0x2B07, 0x21D3, 0x23, 0x2A, 0x2B, 0x30A2...0x30F3, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x53, 0x50, 0x73, 0x70, 0x624B, 0x539F, 0x8996, 0x6BB5, 0x305D,
             0x30...0x39, 0xFF10...0xFF19, 0x2460...0x2487, 0x2160...0x216B, 0x2170...0x217B, 0x2776...0x2793, 0x7D04,
             0x3008, 0x300A, 0x3007, 0x25BC, 0x25B2, 0x25BD, 0x25B3, 0x25B6, 0x2610...0x2612, 0x2713, 0x2714, 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x24B6...0x24E9, 0x32D0...0x32FE:
            true
        default:
            false
        }
    }

    /// Whether a symbol marker (■□・•➤○◯▪◎◆◇【●＜<) can begin with this scalar.
    static func mayStartSymbolMarker(_ v: UInt32) -> Bool {
        switch v {
        case 0x25A0, 0x25A1, 0x30FB, 0x2022, 0x27A4, 0x25CB, 0x25EF, 0x25AA, 0x25CE, 0x25C6, 0x25C7, 0x3010, 0x25CF, 0xFF1C, 0x3C, 0x3008, 0x300A,
             0x2610, 0x2611, 0x2612, 0x2713, 0x2714, 0x3007, 0x25BC, 0x25B2, 0x25BD, 0x25B3, 0x25B6: true
        default: false
        }
    }

    /// A heading of a depth that markup gives (`## …` in Markdown, `<h2>` in a web page, a
    /// Word heading style), with the number its title carries (`1. 見出し`, `第2章 …`) kept
    /// as the marker's and removed from the title.
    public static func heading(depth: Int, title: String) -> (marker: Marker, title: String) {
        var title = Substring(title)
        var number: Int?
        if let (m, t) = scanNumbered(title), let n = m.number { number = n; title = Substring(trim(t)) }
        // A heading's ornaments (◆…◆, 【…】, ■) are no part of its title, as on a text's line.
        else if !title.hasPrefix("#"), let (m, t, _) = scan(title), m.number == nil, !t.isEmpty { title = Substring(t) }
        return (.hash(depth: depth, number: number), Self.unbolded(String(title)))
    }

    /// The marker of a trimmed line and the title after it, or nil for plain text.
    public static func scan(_ line: String) -> (marker: Marker, title: String, bulleted: Bool)? {
        scan(Substring(line))
    }

    /// The marker of a trimmed line and the title after it, or nil for plain text.
    public static func scan(_ line: Substring) -> (marker: Marker, title: String, bulleted: Bool)? {
        guard let first = line.firstScalarValue, mayStartMarker(first) else { return nil }
        var s = line
        var bulleted = false
        // `Character` tests walk grapheme clusters and cost hundreds of instructions a line; each
        // is put behind a test of the scalars it needs, which a match implies (none of these
        // characters has a canonical decomposition), so the answer is the `Character` test's.
        if (first == 0x2D || first == 0x2013 || first == 0x2A || first == 0x2B) && (s.hasPrefix("- ") || s.hasPrefix("– ") || s.hasPrefix("* ") || s.hasPrefix("+ ")) {
            bulleted = true
            s = s.dropFirst(2).drop { $0 == " " }
        }
        // A Markdown heading: `## 協働の原則`, `### 1. 見出し` (the number its title carries kept).
        if first == 0x23 {
            let hashes = s.prefix { $0 == "#" }
            let rest = s.dropFirst(hashes.count)
            guard (1...6).contains(hashes.count), rest.first == " " else { return nil }
            let (marker, title) = heading(depth: hashes.count, title: trim(rest))
            return (marker, title, false)
        }
        // An arrow leading into a step (↓ステップ２) leads nowhere of its own.
        if first == 0x2193 || first == 0x21E9 || first == 0x2B07 || first == 0x21D3 {
            let rest = s.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
            if !rest.isEmpty, rest.count < s.count, let (marker, title) = scanNumbered(rest) { return (marker, trim(title), bulleted) }
        }
        if let (marker, rest) = scanNumbered(s) {
            let title = trim(rest)
            // `(1) Sharing the Purpose` under `（１）見出し`: an English line translating the
            // entry above it, not an entry of its own.
            if marker.number != nil, !bulleted, isEnglish(title) { return nil }
            return (marker, title, bulleted)
        }
        guard let firstScalar = s.firstScalarValue else { return bulleted ? (.bullet, "", true) : nil }
        guard mayStartSymbolMarker(firstScalar), let first = s.first else { return bulleted ? (.bullet, trim(s), true) : nil }
        switch first {
        case "■", "□":
            // `□ 事業の目的を共有したか`: a check box before its item is a bullet, not a heading.
            if first == "□", let next = s.dropFirst().first, next == " " || next == "\u{3000}" { return (.bullet, trim(s.dropFirst()), true) }
            return (.square, trim(s.dropFirst()), bulleted)
        case "☐", "☑", "☒", "✓", "✔":
            return (.bullet, trim(s.dropFirst()), true)
        case "▼", "▲", "▽", "△", "▶":
            // ▼協働の原則: a heading; an arrow alone is a rule, read before this.
            let rest = trim(s.dropFirst())
            return rest.isEmpty ? nil : (.triangle, rest, bulleted)
        case "〇":
            // 〇〇町, 〇〇課: a placeholder for a name, not a bullet.
            if s.dropFirst().first == "〇" { return nil }
            return (.bullet, trim(s.dropFirst()), true)
        case "・", "•", "➤", "○", "◯", "▪":
            return (.bullet, trim(s.dropFirst()), true)
        case "◎":
            let rest = trim(s.dropFirst())
            return rest.isEmpty ? nil : (.doubleCircle, rest, bulleted)
        case "◆", "◇":
            // ◆協働の原則◆, ◇◆ 見出し ◆◇: a framed heading, as ●●● … ●●●.
            if s.count > 2, let last = s.last, last == "◆" || last == "◇" {
                let inner = s.drop { $0 == "◆" || $0 == "◇" || $0 == " " || $0 == "\u{3000}" }
                var body = inner
                while let l = body.last, l == "◆" || l == "◇" || l == " " || l == "\u{3000}" { body = body.dropLast() }
                if !body.isEmpty { return (.ornamented, trim(body), bulleted) }
            }
            return (first == "◆" ? .diamond : .hollowDiamond, trim(s.dropFirst()), bulleted)
        case "【":
            // 【企画】→【実施】→【評価】 is a flow, not a heading (【募集→決定→実施】 heads its steps).
            if s.includes("】→") || s.includes("→【") { return nil }
            if s.hasSuffix("】") { return (.bracketed, trim(s.dropFirst().dropLast()), bulleted) }
            // 【原則１】見出し, 【ステップ２】見出し: a numbered step in brackets, its title after them.
            if let close = s.firstIndex(of: "】"), case let inner = s[s.index(after: s.startIndex)..<close],
               let (m, rest) = scanNumbered(inner), case .step = m, rest.trimmedSpaces().isEmpty {
                let title = trim(s[s.index(after: close)...])
                if !title.isEmpty { return (m, title, bulleted) }
            }
            // 【委託】市の事業を…: a bracketed label running into its text.
            if let close = s.firstIndex(of: "】"), s.distance(from: s.startIndex, to: close) <= 16, s.index(after: close) < s.endIndex {
                let label = trim(s[s.index(after: s.startIndex)..<close])
                let rest = trim(s[s.index(after: close)...])
                if !label.isEmpty, !rest.isEmpty, !label.contains("】") { return (.bracketed, label + "\u{3000}" + rest, bulleted) }
            }
        case "●":
            let inner = s.drop { $0 == "●" }
            if inner.count < s.count - 1 || s.hasSuffix("●") {
                var body = inner
                while body.last == "●" || body.last == " " { body = body.dropLast() }
                return (.ornamented, trim(body), bulleted)
            }
            return (.bullet, trim(s.dropFirst()), true)
        case "＜", "<", "〈", "《":
            let close: Character = first == "＜" ? "＞" : first == "〈" ? "〉" : first == "《" ? "》" : ">"
            if s.hasSuffix(String(close)), !s.includes("</"), s.count < 40 {
                return (.angled, trim(s.dropFirst().dropLast()), bulleted)
            }
        default:
            break
        }
        return bulleted ? (.bullet, trim(s), true) : nil
    }

    /// Text in English: ASCII only, beginning with a letter, holding a lowercase one (`NPO` and
    /// `STEP` are names, `Sharing the Purpose` is English).
    public static func isEnglish(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { OutlineBuilder.isEnglishLine($0) }
    }

    private static func trim(_ s: Substring) -> String {
        String(s.drop { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).trimmingTrailingSpaces()
    }

    /// Numbered, parenthesised, circled, roman, chapter and article markers.
    private static func scanNumbered(_ s: Substring) -> (Marker, Substring)? {
        guard let first = s.unicodeScalars.first else { return nil }
        let v = first.value
        if (0x2460...0x2473).contains(v) { return (.circled(Int(v - 0x2460) + 1), s.dropFirst()) }
        if (0x2474...0x2487).contains(v) { return (.parenthesized(Int(v - 0x2474) + 1), s.dropFirst()) }
        // ❶ ➀ ➊: the dingbat circled digits read as ①.
        if (0x2776...0x2793).contains(v) { return (.circled(Int(v - 0x2776) % 10 + 1), s.dropFirst()) }
        if (0x2160...0x216B).contains(v) {
            let n = Int(v - 0x2160) + 1
            // Ⅱ-2: a section of chapter Ⅱ, numbered as decimal outlines are.
            if let (depth, last, rest) = decimal(n, s.dropFirst()) { return (.decimal(depth: depth, n: last), rest) }
            // (`Ⅱ．協働の考え方`: the point after the numeral is the marker's.)
            let rest = s.dropFirst()
            return (.roman(n), rest.first == "．" || rest.first == "." || rest.first == "、" ? rest.dropFirst() : rest)
        }
        // ⅰ ⅱ ⅲ: small roman numerals, a style of their own.
        if (0x2170...0x217B).contains(v) { return (.letter(kind: Marker.LetterKind.smallRoman, n: Int(v - 0x2170) + 1), s.dropFirst()) }
        // ⓐ Ⓐ ㋐: circled letters and katakana.
        if (0x24D0...0x24E9).contains(v) { return (.letter(kind: Marker.LetterKind.circled, n: Int(v - 0x24D0) + 1), s.dropFirst()) }
        if (0x24B6...0x24CF).contains(v) { return (.letter(kind: Marker.LetterKind.circled, n: Int(v - 0x24B6) + 1), s.dropFirst()) }
        if (0x32D0...0x32FE).contains(v) { return (.letter(kind: Marker.LetterKind.circledKatakana, n: Int(v - 0x32D0) + 1), s.dropFirst()) }
        if first == "附" {
            // 附則 standing alone (spaced 附 則, or with its caption): the supplementary provisions.
            let rest = s.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
            guard rest.first == "則" else { return nil }
            let after = rest.dropFirst()
            if after.isEmpty || after.first == "（" || after.first == "(" || after.first == " " || after.first == "\u{3000}" { return (.supplementary, after) }
            return nil
        }
        if first == "第" {
            let rest = s.dropFirst()
            if let (n, after) = readNumber(rest), let unit = after.first {
                let rest = after.dropFirst()
                let standsAlone = rest.isEmpty || rest.first == " " || rest.first == "\u{3000}"
                if unit == "章", standsAlone { return (.chapter(n), rest) }
                // 第１の原則　目的を共有する: a numbered principle (or rule, viewpoint) before its title.
                if unit == "の", let space = rest.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }), rest.distance(from: rest.startIndex, to: space) <= 4,
                   !rest[space...].trimmedSpaces().isEmpty {
                    let word = rest[..<space]
                    return (.step(n, word: stepWordGroups.firstIndex { $0.contains(String(word)) }.map { $0 } ?? 8), rest[space...])
                }
                if unit == "部" || unit == "編", standsAlone { return (.part(n), rest) }
                if unit == "条", standsAlone { return (.article(n), rest) }
                if after.hasPrefix("段階") { return (.step(n, word: 5), after.dropFirst(2)) }
                // 第一に、…: the ordinal a spoken or written enumeration opens each point with.
                if unit == "に", let next = rest.drop(while: { $0 == "、" || $0 == "，" || $0 == " " || $0 == "\u{3000}" }).first, !next.isASCII {
                    return (.step(n, word: ordinalWordGroup), rest.drop { $0 == "、" || $0 == "，" || $0 == " " || $0 == "\u{3000}" })
                }
                // 第1　総則: a part numbered on its own.
                if unit == " " || unit == "\u{3000}", let next = rest.first, !next.isDecimalDigit { return (.chapter(n), after) }
            }
            return nil
        }
        if first == "(" || first == "（" {
            let rest = s.dropFirst()
            if let (n, after) = readNumber(rest), let close = after.first, close == ")" || close == "）" {
                return (.parenthesized(n), after.dropFirst())
            }
            if let k = rest.unicodeScalars.first.flatMap({ katakanaNumber($0.value) }), let close = rest.dropFirst().first, close == ")" || close == "）" {
                return (.parenthesizedKatakana(k), rest.dropFirst(2))
            }
            if let n = rest.unicodeScalars.first.flatMap({ letterNumber($0.value) }), let close = rest.dropFirst().first, close == ")" || close == "）",
               let next = rest.dropFirst(2).drop(while: { $0 == " " || $0 == "\u{3000}" }).first, !next.isASCII {
                return (.letter(kind: Marker.LetterKind.parenthesized, n: n.n), rest.dropFirst(2))
            }
            return nil
        }
        if let k = katakanaNumber(v) {
            // ア　対等の原則, イ．…: a katakana standing alone before a space or a stop.
            let after = s.dropFirst()
            if let sep = after.first, sep == " " || sep == "\u{3000}" || sep == "．" || sep == "." || sep == "、",
               let next = after.dropFirst().drop(while: { $0 == " " || $0 == "\u{3000}" }).first, !next.isASCII {
                return (.katakana(k), sep == " " || sep == "\u{3000}" ? after : after.dropFirst())
            }
        }
        if Normalizer.kanjiDigitValue(v) != nil {
            // 一　市民等と市は…, 二、: kanji numerals standing alone before a space or 、.
            let run = s.unicodeScalars.prefix { Normalizer.kanjiDigitValue($0.value) != nil }
            guard run.count <= 3, let n = Normalizer.kanjiNumber(Array(run)), (1...30).contains(n) else { return nil }
            let after = s.dropFirst(run.count)
            if let title = afterOrdinalWord(after) { return (.step(n, word: ordinalWordGroup), title) }
            guard let sep = after.first, sep == " " || sep == "\u{3000}" || sep == "、" || sep == "．" else { return nil }
            guard let next = after.dropFirst().drop(while: { $0 == " " || $0 == "\u{3000}" }).first, !next.isASCII else { return nil }
            return (.kanji(n), sep == " " || sep == "\u{3000}" ? after : after.dropFirst())
        }
        if first == "Q" || first == "Ｑ" {
            // Q1. 協働ってなに？, Ｑ２　…, Q：…: a question, whatever follows it.
            let rest = s.dropFirst()
            let numbered = readNumber(rest, kanji: false)
            let after = numbered?.1 ?? rest
            guard let sep = after.first, " \u{3000}.．:：".contains(sep) else { return nil }
            let body = after.dropFirst().drop { $0 == " " || $0 == "\u{3000}" }
            guard let next = body.first, !next.isASCII else { return nil }
            return (.question(numbered?.0), body)
        }
        // (Compared as bytes, and only for words the line's first scalar can begin.)
        for word in stepWords where word.unicodeScalars.first?.value == v && s.utf8.starts(with: word.utf8) {
            // STEP1 課題の発見, ステップ２：…, 手順３ 事業の実施, ルール１　見出し.
            let rest = s.dropFirst(word.count).drop { $0 == " " }
            guard let (n, after) = readNumber(rest, kanji: false) else { continue }
            var body = after
            if let sep = body.first, "：:．.、".contains(sep) { body = body.dropFirst() }
            let group = stepWordGroups.firstIndex { $0.contains(word) } ?? 0
            if body.isEmpty { return (.step(n, word: group), body) }
            // (An English line, `Step 1: Sharing the issue`, translates the step above it.)
            guard let next = body.drop(while: { $0 == " " || $0 == "\u{3000}" }).first, !next.isDecimalDigit, !next.isASCII || next == "「" else { continue }
            // 原則3年以内: a quantity after the word, not a number of a step.
            if body.first == next, OutlineBuilder.gluedUnits.contains(next) { continue }
            return (.step(n, word: group), body)
        }
        if let (n, after) = readNumber(s, kanji: false) {
            if let title = afterOrdinalWord(after) { return (.step(n, word: ordinalWordGroup), title) }
            if let (depth, last, rest) = decimal(n, after) { return (.decimal(depth: depth, n: last), rest) }
            if let dot = after.first, dot == "." || dot == "．" {
                let rest = after.dropFirst()
                if rest.first.map({ !$0.isDecimalDigit }) ?? true { return (.numbered(n), rest) }
            }
            if let space = after.first, space == " " || space == "\u{3000}",
               let next = after.dropFirst().drop(while: { $0 == " " }).first, !next.isDecimalDigit, !next.isASCII {
                return (.numbered(n), after)
            }
            return nil
        }
        if let letter = letterNumber(v), !(letter.upper && (first == "I" || first == "V" || first == "X")) {
            // A. 対等の原則, Ａ　…, a. …: a letter standing alone before a stop or a space, then Japanese.
            let after = s.dropFirst()
            if let sep = after.first, " \u{3000}.．".contains(sep),
               let next = after.dropFirst().drop(while: { $0 == " " || $0 == "\u{3000}" }).first, !next.isASCII, !next.isDecimalDigit {
                return (.letter(kind: letter.upper ? Marker.LetterKind.upper : Marker.LetterKind.lower, n: letter.n), after.dropFirst())
            }
        }
        if first == "I" || first == "V" || first == "X" {
            let letters = s.prefix { $0 == "I" || $0 == "V" || $0 == "X" }
            let after = s.dropFirst(letters.count)
            if let space = after.first, space == " ", let next = after.dropFirst().first, !next.isASCII,
               let n = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].firstIndex(of: String(letters)) {
                return (.roman(n + 1), after)
            }
        }
        return nil
    }

    /// The length in bytes of an answer's mark at the start of a trimmed line (`A.`, `A1　`,
    /// `Ａ．`, `A：` before Japanese text), or 0: the answer is a paragraph without it.
    public static func answerPrefixLength(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        if line.count > 1, line[0] == 0x41 { i = 1 }
        else if line.count > 3, line[0] == 0xEF, line[1] == 0xBC, line[2] == 0xA1 { i = 3 }
        else { return 0 }
        while i < line.count, (0x30...0x39).contains(line[i]) { i += 1 }
        while i + 2 < line.count, line[i] == 0xEF, line[i + 1] == 0xBC, (0x90...0x99).contains(line[i + 2]) { i += 3 }
        if i < line.count, line[i] == 0x2E || line[i] == 0x3A || line[i] == 0x20 { i += 1 }
        else if i + 2 < line.count, line[i] == 0xEF, line[i + 1] == 0xBC, line[i + 2] == 0x8E || line[i + 2] == 0x9A { i += 3 }
        else if i + 2 < line.count, line[i] == 0xE3, line[i + 1] == 0x80, line[i + 2] == 0x80 { i += 3 }
        else { return 0 }
        while i < line.count, line[i] == 0x20 { i += 1 }
        while i + 2 < line.count, line[i] == 0xE3, line[i + 1] == 0x80, line[i + 2] == 0x80 { i += 3 }
        return i < line.count && line[i] >= 0x80 ? i : 0
    }

    /// A title without Markdown's bold marks around it (`**協働の原則**` → `協働の原則`).
    static func unbolded(_ title: String) -> String {
        guard title.hasPrefix("**"), title.hasSuffix("**"), title.count > 4 else { return title }
        return String(title.dropFirst(2).dropLast(2)).trimmedSpaces()
    }

    /// A letter's place in the alphabet (ASCII or full-width) and whether it is upper case.
    static func letterNumber(_ v: UInt32) -> (n: Int, upper: Bool)? {
        switch v {
        case 0x41...0x5A: (Int(v - 0x41) + 1, true)
        case 0x61...0x7A: (Int(v - 0x61) + 1, false)
        case 0xFF21...0xFF3A: (Int(v - 0xFF21) + 1, true)
        case 0xFF41...0xFF5A: (Int(v - 0xFF41) + 1, false)
        default: nil
        }
    }

    /// A decimal outline number after its first part `n` (`2.3 `, `2.3.1.`, `１－２　`): its
    /// depth, last part and the text after it; nil unless two parts or more stand before a space
    /// or before Japanese text that is no unit (1.5倍, 2.3％ are numbers).
    static func decimal(_ n: Int, _ after: Substring) -> (Int, Int, Substring)? {
        guard let sep = after.first, ".．-－‐−".contains(sep), n <= 99 else { return nil }
        var rest = after
        var depth = 1
        var last = n
        while let sep = rest.first, ".．-－‐−".contains(sep), let (m, more) = readNumber(rest.dropFirst(), kanji: false), m <= 99 {
            depth += 1
            last = m
            rest = more
        }
        guard depth >= 2 else { return nil }
        if let dot = rest.first, dot == "." || dot == "．" { rest = rest.dropFirst() }
        guard let next = rest.first else { return nil }
        if next == " " || next == "\u{3000}" {
            let body = rest.drop { $0 == " " || $0 == "\u{3000}" }
            guard let b = body.first, !b.isASCII || b == "「" else { return nil }
            return (depth, last, body)
        }
        guard !next.isASCII, !next.isNumber, !"倍万億千円年月日時分秒点％人件回個か割度".contains(next) else { return nil }
        return (depth, last, rest)
    }

    /// Words that number steps and rules, in groups: each group is a style of its own.
    static let stepWordGroups: [[String]] = [["STEP", "Step", "step", "ステップ", "手順", "フェーズ", "Phase", "PHASE"], ["ルール"], ["POINT", "Point", "ポイント"], ["原則"], ["視点"], ["段階"],
                                             ["その"], ["No.", "NO.", "No．"], ["約束"]]

    /// The style of points opened by an ordinal word (`一つ目は…`, `２点目は…`, `第一に、…`).
    static let ordinalWordGroup = stepWordGroups.count

    /// The title after an ordinal word following a number (`つ目は`, `点目として、`), or nil.
    static func afterOrdinalWord(_ after: Substring) -> Substring? {
        guard after.hasPrefix("つ目") || after.hasPrefix("点目") || after.hasPrefix("番目") else { return nil }
        var rest = after.dropFirst(2)
        for particle in ["として", "は", "に", "が"] where rest.hasPrefix(particle) {
            rest = rest.dropFirst(particle.count)
            break
        }
        rest = rest.drop { $0 == "、" || $0 == "，" || $0 == " " || $0 == "\u{3000}" }
        guard let next = rest.first, !next.isASCII else { return nil }
        return rest
    }

    /// Words that number steps and rules.
    static let stepWords = stepWordGroups.flatMap { $0 }

    /// The katakana's place in the order ア イ ウ エ オ カ キ … (small kana and ヲ ン excluded).
    public static func katakanaNumber(_ v: UInt32) -> Int? {
        guard (0x30A2...0x30F3).contains(v) else { return nil }
        let order: [UInt32] = [0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9,
                               0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE]
        return order.firstIndex(of: v).map { $0 + 1 }
    }

    /// ASCII or full-width digits (and kanji numerals when allowed) at the start.
    static func readNumber(_ s: Substring, kanji: Bool = true) -> (Int, Substring)? {
        var value = 0
        var count = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if (0x30...0x39).contains(v) { value = value * 10 + Int(v - 0x30) }
            else if (0xFF10...0xFF19).contains(v) { value = value * 10 + Int(v - 0xFF10) }
            else { break }
            count += 1
            if count > 4 { return nil }
        }
        if count > 0 { return (value, s.dropFirst(count)) }
        guard kanji else { return nil }
        let run = s.unicodeScalars.prefix { Normalizer.kanjiDigitValue($0.value) != nil }
        guard !run.isEmpty, let n = Normalizer.kanjiNumber(Array(run)) else { return nil }
        return (n, s.dropFirst(run.count))
    }
}

extension String {
    /// The string without trailing spaces, ideographic spaces and tabs (compared as scalars:
    /// `Character` equality on Japanese text goes through normalisation and is slow).
    public func trimmingTrailingSpaces() -> String {
        var end = unicodeScalars.endIndex
        while end > unicodeScalars.startIndex {
            let previous = unicodeScalars.index(before: end)
            guard Self.isSpace(unicodeScalars[previous]) else { break }
            end = previous
        }
        return end == unicodeScalars.endIndex ? self : String(unicodeScalars[..<end])
    }

    /// The string without leading and trailing spaces, ideographic spaces and tabs.
    public func trimmedSpaces() -> String {
        let kept = Search.spaceTrimmed(self)
        if kept.count == utf8.count { return self }
        return String(Substring(utf8[utf8.index(startIndex, offsetBy: kept.lowerBound)..<utf8.index(startIndex, offsetBy: kept.upperBound)]))
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\t" }

    /// The string without leading and trailing characters in `set`.
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }

}

extension Substring {
    /// The slice without leading and trailing spaces, ideographic spaces and tabs.
    public func trimmedSpaces() -> Substring {
        let kept = Search.spaceTrimmed(self)
        if kept.count == utf8.count { return self }
        return Substring(utf8[utf8.index(startIndex, offsetBy: kept.lowerBound)..<utf8.index(startIndex, offsetBy: kept.upperBound)])
    }
}

extension Character {
    /// A decimal digit, half- or full-width (`3`, `３`) — not a kanji numeral: `ステップ２：一緒に…`
    /// is a step whose title begins with 一.
    var isDecimalDigit: Bool {
        unicodeScalars.count == 1 && unicodeScalars.first!.properties.generalCategory == .decimalNumber
    }
}
