import KyodoDocument
import KyodoText
import Testing

/// Levels inferred per document from the order marker styles first appear, the fixed rank
/// only as tie-breaker.
@Suite struct TreeBuilderTests {
    /// Each section's title with its level, in document order (through the walker).
    static func levels(_ lines: [String]) -> [String] {
        DocumentTree(SourceText(name: "t.txt", lines: lines)).root.descendants().map { "\($0.section.level) \($0.section.title)" }
    }

    @Test func theOrderStylesFirstAppearInDecidesTheirLevels() {
        // (1) under 1. in one document …
        #expect(Self.levels(["1. 総則", "(1) 目的", "(2) 定義", "2. 原則", "(1) 対等"]) == ["1 総則", "2 目的", "2 定義", "1 原則", "2 対等"])
        // … and ■ over ① in another, though the fixed rank puts ① above ■.
        #expect(Self.levels(["■協働の原則", "①対等", "②相互理解", "■協働の形態", "①委託"]) == ["1 協働の原則", "2 対等", "2 相互理解", "1 協働の形態", "2 委託"])
    }

    @Test func aStrongerStyleAfterAClosedListIsNotNestedInIt() {
        // ① … ③ in the introduction, then chapters: 第1章 is not inside ③ (the tie-breaker).
        #expect(Self.levels(["①はじめに", "②背景", "③目的", "第1章 総則", "第2章 原則"]) == ["1 はじめに", "1 背景", "1 目的", "1 総則", "1 原則"])
    }

    @Test func bulletsNestByIndentAndATitleEndsThem() {
        let tree = DocumentTree(SourceText(name: "t.txt", lines: ["■協働の原則", "・対等", "  ・互いを尊重する", "・相互理解", "協働の担い手", "・自治会"]))
        let found = tree.root.descendants().map { "\($0.section.level) \($0.section.title)" }
        #expect(found == ["1 協働の原則", "2 対等", "3 互いを尊重する", "2 相互理解", "2 自治会"])
    }

    @Test func aCaptionStandsWithItsArticle() {
        let tree = DocumentTree(SourceText(name: "t.txt", lines: ["第1条 この条例は…", "一 市民", "（基本原則）", "第2条 協働は、次の原則による。", "一 対等"]))
        // The caption is not the last 号 of 第1条: it stands beside 第2条.
        let first = tree.root.descendants().first { $0.section.title.hasPrefix("この条例") }?.section
        #expect(first?.lastLine == 2)
        #expect(tree.root.descendants().map(\.section.level) == [1, 2, 1, 2])
    }

    @Test func enclosedAndTypedParenthesesAreTwoStyles() {
        #expect(Self.levels(["⑴ 背景", "(1) 社会", "(2) 市", "⑵ 原則"]) == ["1 背景", "2 社会", "2 市", "1 原則"])
    }
}

/// Q&A pages, decimal numbers and letters in the tree.
@Suite struct NewStyleTreeTests {
    @Test func aQuestionHoldsItsWholeAnswer() {
        // The ◆ list under Q2 is its answer's, though ◆ ranks above a question.
        let lines = ["よくある質問", "Q1. 協働とは？", "A. 協働とは、…ことです。", "Q2. 原則は？", "A. 次の二つです。", "◆対等", "◆相互理解", "Q3. 相談先は？", "A. 市民協働課です。"]
        #expect(TreeBuilderTests.levels(lines) == ["1 協働とは？", "1 原則は？", "2 対等", "2 相互理解", "1 相談先は？"])
        // The answer is a paragraph of its own, without its mark.
        let tree = DocumentTree(SourceText(name: "t.txt", lines: lines))
        #expect(tree.blocks.contains { $0.isParagraph && $0.text == "協働とは、…ことです。" })
    }

    @Test func aQuestionStandsInTheSectionBeforeIt() {
        #expect(TreeBuilderTests.levels(["1. 原則", "2. よくある質問", "Q1. 相手は？", "Q2. 費用は？"]) == ["1 原則", "1 よくある質問", "2 相手は？", "2 費用は？"])
    }

    @Test func decimalDepthsNest() {
        #expect(TreeBuilderTests.levels(["2 協働の考え方", "2.1 定義", "2.2 原則", "2.2.1 対等", "2.2.2 相互理解", "2.3 形態"])
                == ["1 協働の考え方", "2 定義", "2 原則", "3 対等", "3 相互理解", "2 形態"])
    }
}
