import KyodoText
import Testing

/// The marker styles added for layouts beyond the corpus, and the numbers that are not markers.
@Suite struct MarkerScannerTests {
    @Test func decimalOutlineNumbersAreMarkersOfTheirDepth() {
        #expect(MarkerScanner.scan("2.3 協働の原則")?.marker == .decimal(depth: 2, n: 3))
        #expect(MarkerScanner.scan("2.3.1　対等の原則")?.marker == .decimal(depth: 3, n: 1))
        #expect(MarkerScanner.scan("3.2.1. 目的の共有")?.title == "目的の共有")
        #expect(MarkerScanner.scan("１－２　協働の担い手")?.marker == .decimal(depth: 2, n: 2))
        // Quantities are not: 1.5倍, 2.3％, a date-like 4.1 before digits.
        #expect(MarkerScanner.scan("1.5倍に増えました") == nil)
        #expect(MarkerScanner.scan("2.3％の増加") == nil)
        #expect(MarkerScanner.scan("4.1 2023") == nil)
    }

    @Test func lettersAndCircledLettersAreMarkers() {
        #expect(MarkerScanner.scan("A. 目的の共有")?.marker == .letter(kind: Marker.LetterKind.upper, n: 1))
        #expect(MarkerScanner.scan("Ｂ　対等な関係")?.marker == .letter(kind: Marker.LetterKind.upper, n: 2))
        #expect(MarkerScanner.scan("(c) 共催")?.marker == .letter(kind: Marker.LetterKind.parenthesized, n: 3))
        #expect(MarkerScanner.scan("ⓓ 大学")?.marker == .letter(kind: Marker.LetterKind.circled, n: 4))
        #expect(MarkerScanner.scan("㋑ 相手と話し合う")?.marker == .letter(kind: Marker.LetterKind.circledKatakana, n: 2))
        // English text, a copyright sign and roman numerals are not letters.
        #expect(MarkerScanner.scan("A city guide") == nil)
        #expect(MarkerScanner.scan("(C) Example City") == nil)
        #expect(MarkerScanner.scan("II 協働の原則")?.marker == .roman(2))
    }

    @Test func numberedPrinciplesStagesAndCheckBoxes() {
        #expect(MarkerScanner.scan("段階１　課題の整理")?.marker == .step(1, word: 5))
        #expect(MarkerScanner.scan("【原則２】対等な関係")?.title == "対等な関係")
        #expect(MarkerScanner.scan("原則3年以内とする") == nil)
        #expect(MarkerScanner.scan("□ 目的を共有したか")?.marker == .bullet)
        #expect(MarkerScanner.scan("☑ 記録を残した")?.marker == .bullet)
        #expect(MarkerScanner.scan("□協働の原則")?.marker == .square)
    }

    @Test func leafletMarks() {
        #expect(MarkerScanner.scan("▼協働の原則")?.marker == .triangle)
        #expect(MarkerScanner.scan("〇自治会・町内会")?.marker == .bullet)
        #expect(MarkerScanner.scan("〇〇町 協働のガイドライン") == nil)
        #expect(MarkerScanner.scan("第２の原則　対等な立場に立つ")?.marker == .step(2, word: 3))
        #expect(MarkerScanner.scan("その３　後援")?.title == "後援")
        #expect(MarkerScanner.scan("その他の取組") == nil)
    }

    @Test func questionsAndAnswers() {
        #expect(MarkerScanner.scan("Q1. 協働ってなに？")?.marker == .question(1))
        #expect(MarkerScanner.scan("Ｑ　協働の相手は？")?.title == "協働の相手は？")
        #expect(MarkerScanner.scan("Quality") == nil)
        let answer = { (s: String) in Array(s.utf8).withUnsafeBufferPointer { MarkerScanner.answerPrefixLength($0) } }
        #expect(answer("A. 協働とは") == 3)
        #expect(answer("A1　協働とは") == 5)
        #expect(answer("Ａ．協働とは") == 6)
        #expect(answer("And then") == 0)
    }

    @Test func aFlowOfBracketsIsNoHeading() {
        #expect(MarkerScanner.scan("【企画】→【実施】→【評価】") == nil)
        #expect(MarkerScanner.scan("【募集→決定→実施】")?.marker == .bracketed)
        #expect(MarkerScanner.scan("〈協働の原則〉")?.marker == .angled)
        #expect(MarkerScanner.scan("《協働の担い手》")?.title == "協働の担い手")
    }
}
