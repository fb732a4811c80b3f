import KyodoText

/// The count a text announces for the list it introduces: `7つの視点`, `次の5つ`, `次の5項目`,
/// `八つの原則`, `四つのことを掲げ`, `(1)～(7)`.
///
/// What counts is the folded text (full-width and kanji digits made ASCII), but only a few
/// places of a long section can hold a count: the scalars right before a unit, and around a
/// range's tilde. Those windows are folded, not the whole text, which was 7% of reading.
enum AnnouncedCount {
    /// Units a count stands before, in the order they are tried, each with the forms it has in
    /// unfolded text (點 folds to 点).
    static let units: [(folded: String, forms: [String])] = [("つ", ["つ"]), ("項目", ["項目"]), ("点", ["点", "點"])]
    /// What folds to `~`.
    static let tildes = ["~", "～", "〜"]

    /// The first count before a unit (every `つ` before any `項目`, as in the folded text), else
    /// the number after the first `)~(`.
    static func find(in text: String, units: [(folded: String, forms: [String])] = units) -> Int? {
        let scalars = text.unicodeScalars
        for unit in units {
            for range in occurrences(of: unit.forms, in: text) {
                // The run that may fold to digits, and two scalars before it: the fold of kanji
                // numerals looks at the two before a run (an era, 第).
                var start = range.lowerBound
                var run = 0
                while start > scalars.startIndex, run < 64 {
                    let previous = scalars.index(before: start)
                    guard mayFoldToDigits(scalars[previous]) else { break }
                    start = previous
                    run += 1
                }
                guard run > 0 else { continue }
                // Kanji numerals of two or more before つ (`四つの原則`, which the fold leaves: つ is
                // no counter it knows; `一つひとつ` counts nothing).
                let numerals = scalars[start..<range.lowerBound]
                if unit.folded == "つ", numerals.allSatisfy({ Normalizer.kanjiDigitValue($0.value) != nil }),
                   let n = Normalizer.kanjiNumber(numerals), n >= 2 { return n }
                for _ in 0..<2 where start > scalars.startIndex { start = scalars.index(before: start) }
                let folded = Normalizer.fold(String(text[start..<range.lowerBound]) + unit.folded)
                guard folded.hasByteSuffix(unit.folded) else { continue }
                let digits = folded.utf8.dropLast(unit.folded.utf8.count).reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }
                if let n = Int(String(decoding: digits.reversed(), as: UTF8.self)), n > 0 { return n }
            }
        }
        // `(1)～(7)`, `⑴～⑺`: the first tilde with a closing parenthesis before and an opening one after.
        for range in occurrences(of: tildes, in: text) {
            var before = range.lowerBound
            for _ in 0..<2 where before > scalars.startIndex { before = scalars.index(before: before) }
            var after = range.upperBound
            for _ in 0..<24 where after < scalars.endIndex { after = scalars.index(after: after) }
            let head = Normalizer.fold(String(text[before..<range.lowerBound]))
            let tail = Normalizer.fold(String(text[range.upperBound..<after]))
            guard head.hasByteSuffix(")"), tail.hasBytePrefix("(") else { continue }
            return Int(String(decoding: tail.utf8.dropFirst().prefix { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self))
        }
        return nil
    }

    /// Where any of `forms` occurs, in text order.
    static func occurrences(of forms: [String], in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        for form in forms {
            var rest = text[...]
            while let r = rest.byteRange(of: form) {
                found.append(r)
                rest = rest[r.upperBound...]
            }
        }
        return forms.count > 1 ? found.sorted { $0.lowerBound < $1.lowerBound } : found
    }

    /// Scalars whose fold may hold a digit: digits of every width, kanji numerals, circled,
    /// parenthesised and enclosed numbers, super- and subscripts, vulgar fractions, number forms.
    static func mayFoldToDigits(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0xFF10...0xFF19, 0xB2, 0xB3, 0xB9, 0xBC...0xBE, 0x2070...0x209F, 0x2150...0x218F,
             0x2460...0x24FF, 0x2776...0x2793, 0x3220...0x325F, 0x3280...0x32BF, 0x1D7CE...0x1D7FF:
            true
        default:
            Normalizer.kanjiDigitValue(s.value) != nil || s.value == 0x5143  // 元
        }
    }
}
