import Testing
@testable import KyodoText

/// The byte-level primitives the hot paths use instead of `Character` operations.
@Suite struct SearchTests {
    @Test func sha256AtEveryPaddingBoundary() {
        // Digests from Python's hashlib over bytes (i * 7 + 3) % 256: lengths around the 55/56
        // and 64-byte padding boundaries and several blocks.
        let expected: [(Int, String)] = [
            (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
            (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
            (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
            (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
            (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
            (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
            (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
            (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
            (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
        ]
        for (count, digest) in expected {
            let bytes = (0..<count).map { UInt8(($0 * 7 + 3) % 256) }
            #expect(SHA256.hex(bytes) == digest, "length \(count)")
        }
    }

    @Test func byteSearchFindsTheFirstOccurrenceAnywhere() {
        #expect("協働の原則について".includes("原則"))
        #expect(!"協働の原則について".includes("原理"))
        #expect("原則".includes("原則") && "a原則".includes("原則") && !"原".includes("原則"))
        #expect("".includes("") && "x".includes(""))
        // The anchor is the needle's last byte: a match at the very start and at the very end.
        #expect("則原則".byteRange(of: "原則").map { "則原則".utf8.distance(from: "則原則".startIndex, to: $0.lowerBound) } == 3)
        #expect("ab\tc".byteRange(of: "\t") != nil && "abc".byteRange(of: "c") != nil)
        let text = "一。二。"
        let sub = text[text.index(after: text.startIndex)...]  // "。二。"
        #expect(sub.byteRange(of: "二").map { String(sub[$0]) } == "二")
        #expect(sub.includes("二。") && !sub.includes("一"))
    }

    /// Every piece of a few texts (one byte, two, many; ASCII, Japanese, mixed, with runs of
    /// spaces where the needle's bytes repeat) is found where Foundation finds it, and pieces
    /// the text lacks are not.
    @Test func byteSearchAgreesWithFoundationOnEveryPiece() {
        let texts = ["協働の原則　　対等 | 自主  a:b", "ああいあいう", "  x  ", "原則原則則"]
        for t in texts {
            let scalars = Array(t.unicodeScalars)
            for a in 0..<scalars.count {
                for b in (a + 1)...min(scalars.count, a + 5) {
                    var piece = ""
                    piece.unicodeScalars.append(contentsOf: scalars[a..<b])
                    let found = t.byteRange(of: piece).map { t.utf8.distance(from: t.startIndex, to: $0.lowerBound) }
                    let expected = t.utf8.firstRange(of: piece.utf8).map { t.utf8.distance(from: t.utf8.startIndex, to: $0.lowerBound) }
                    #expect(found == expected, "\(piece) in \(t)")
                }
            }
            for absent in ["原理", "   x", "いい", "則原則則"] { #expect(t.includes(absent) == (t.utf8.firstRange(of: absent.utf8) != nil)) }
        }
    }

    /// A count compared with a small number stops counting past it, and agrees with `count`.
    @Test func characterCountComparedWithoutCountingAll() {
        for t in ["", "a", "協働", "が\u{3099}ぎ", "🇯🇵🇯🇵", String(repeating: "協", count: 50)] {
            for n in -1...52 { #expect(t.hasCharacters(moreThan: n) == (t.count > n), "\(t) \(n)") }
        }
        #expect("協働の原則"[...].hasCharacters(moreThan: 4) && !"協働の原則"[...].hasCharacters(moreThan: 5))
    }

    @Test func byteSplitMatchesSplitBySeparator() {
        for text in ["", "。", "一。二", "一。。二。", "。一", "一", "原則。対等の原則。自主性の尊重"] {
            #expect(text.byteSplit("。").map(String.init) == text.split(separator: "。").map(String.init), "\(text)")
        }
        #expect("一。二。三".byteSplit("。", keepingSeparator: true).map(String.init) == ["一。", "二。", "三"])
        #expect("a、b".byteSplit("、", omittingEmpty: false).map(String.init) == ["a", "b"])
        #expect("、".byteSplit("、", omittingEmpty: false).map(String.init) == ["", ""])
    }

    @Test func trimmingSpacesLooksAtBothEnds() {
        let cases: [(String, String)] = [("", ""), ("協働", "協働"), (" 協働", "協働"), ("協働\t", "協働"), ("\u{3000}協働\u{3000}", "協働"),
                                         ("\u{3000}", ""), ("  ", ""), ("a b", "a b"), ("協\u{3000}働", "協\u{3000}働"), ("々", "々")]
        for (text, trimmed) in cases { #expect(text.trimmedSpaces() == trimmed, "\(text)") }
    }

    @Test func firstAndLastScalarsAreReadFromTheBytes() {
        for text in ["", "a", "協働", "ｶﾞ", "👍🏽x", "xé", "協働です。", "A👍"] {
            #expect(text.firstScalarValue == text.unicodeScalars.first?.value, "\(text)")
            #expect(text.lastScalarValue == text.unicodeScalars.last?.value, "\(text)")
        }
    }

    @Test func scalarCountCountsScalarsNotBytes() {
        for text in ["", "abc", "協働", "ｶﾞ", "が", "👍🏽x", "é"] {
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text)")
        }
        // Every length and alignment across the eight-byte steps, with one- to four-byte scalars.
        let mixed = Array("a協é👍働ｶbc市民と行政の協働😀".unicodeScalars)
        for start in 0..<mixed.count {
            for end in start...mixed.count {
                var text = ""
                text.unicodeScalars.append(contentsOf: mixed[start..<end])
                #expect(text.scalarCount == end - start, "\(text)")
            }
        }
    }

    @Test func lastByteRangeIsTheLastOfTheRangesFoundFromTheStart() {
        let cases: [(String, String)] = [("協働の原則と基本原則", "原則"), ("aaaa", "aa"), ("aaa", "aa"), ("原則", "原則"), ("原則", "の原則"),
                                         ("", "x"), ("視点・視点）", "視点"), ("ababab", "abab"), ("パートナーとパートナー", "パートナー")]
        for (text, needle) in cases {
            let expected = text.ranges(of: needle).last.map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
            let found = text.lastByteRange(of: needle).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
            #expect(found == expected, "\(text) / \(needle)")
        }
    }

    @Test func bytePrefixAndSuffixCompareCodePointsAsWritten() {
        #expect("協働とは、市民と市が".hasBytePrefix("協働とは") && !"協働の定義".hasBytePrefix("協働とは"))
        #expect("協働の定義".hasByteSuffix("の定義") && !"の定義について".hasByteSuffix("の定義"))
        #expect("".hasBytePrefix("") && "".hasByteSuffix("") && !"定義".hasByteSuffix("の定義") && !"協".hasBytePrefix("協働"))
        // Written as code points, not compared as characters: a decomposed が is not が here.
        #expect(!"か\u{3099}いう".hasBytePrefix("がいう") && "か\u{3099}いう".hasPrefix("がいう"))
    }

    /// A sieve never says no to a word the texts hold (every piece of every text, ASCII,
    /// Japanese, mixed, cut at the end); it says no to words they lack, and asks nothing of a
    /// word of one character.
    @Test func pairSieveNeverMissesAWordTheTextsHold() {
        let texts = ["協働の原則は対等と相互理解です", "NPO・市民活動団体、事業者", "(1)目的共有 ①②", "é😀x"]
        var sieve = PairSieve()
        for t in texts { sieve.add(t) }
        for t in texts {
            let scalars = Array(t.unicodeScalars)
            for a in 0..<scalars.count {
                for b in (a + 1)...scalars.count {
                    var piece = ""
                    piece.unicodeScalars.append(contentsOf: scalars[a..<b])
                    #expect(sieve.mayHold(piece), "\(piece)")
                }
            }
        }
        #expect(!sieve.mayHold("協働の形態") && !sieve.mayHold("担い手") && !sieve.mayHold("原則は対等で"))
        #expect(sieve.mayHold("担") && sieve.mayHold(""))
        #expect(sieve.mayHold(["担い手", "相互理解", "形態"]) == ["相互理解"])
        #expect(!PairSieve().mayHold("協働"))
    }
    /// A prefix set answers as comparing every word would: words of one byte, of one
    /// character, sharing their first two bytes, and texts shorter than a word.
    @Test func prefixSetAnswersAsComparingEveryWordWould() {
        let words = ["更新日：", "更新", "ページの先頭へ", "*", "※", "印刷"]
        let set = PrefixSet(words)
        let texts = ["更新日：2024年", "更新", "更", "ページの先頭へ戻る", "ページ", "*注", "**協働**", "※市民等", "印刷する", "協働の原則", "", "a", "ﾍﾟｰｼﾞ"]
        for t in texts {
            #expect(set.beginsSome(t) == words.contains(where: t.hasBytePrefix), "\(t)")
        }
        #expect(!PrefixSet([]).beginsSome("更新日") && PrefixSet([""]).beginsSome("協働") && PrefixSet(["a"]).beginsSome("a"))
    }

    /// A line's traits read byte by byte: separators of a breadcrumb, a field line's colon,
    /// the scalar count and the last scalar, for ASCII, Japanese and mixed lines.
    @Test func lineTraitsCountScalarsAndSeparators() {
        func traits(_ s: String) -> (separators: Int, fieldLine: Bool, scalars: Int, last: UInt32) {
            var s = s
            return s.withUTF8 { OutlineBuilder.traits($0) }
        }
        let crumb = traits("ホーム > 市政 ＞ 協働 » 指針")
        #expect(crumb.separators == 3 && crumb.scalars == 18 && crumb.last == 0x91DD)
        #expect(traits("a>b").separators == 0)
        #expect(traits("電話：0000-00-0000").fieldLine && traits("ページID:4521").fieldLine)
        #expect(!traits("協働とは：市民と市が協力することです。").fieldLine)  // a sentence
        #expect(!traits("：先頭のコロン").fieldLine && !traits("電話：").fieldLine)
        let mixed = traits("é😀x。")
        #expect(mixed.scalars == 4 && mixed.last == 0x3002 && !mixed.fieldLine)
        #expect(traits("").scalars == 0)
    }
}
