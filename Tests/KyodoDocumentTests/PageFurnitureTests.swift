@testable import KyodoDocument
import Testing

/// What a PDF prints on every page beside its text: page numbers, running headers and footers.
@Suite struct PageFurnitureTests {
    @Test(arguments: ["3", "- 3 -", "－３－", "(3)", "p.3", "P3", "3/12", "3 / 12", "３ページ", "— 12 —"])
    func pageNumbersAreKnown(_ line: String) {
        #expect(PageFurniture.isPageNumber(Substring(line)))
    }

    @Test(arguments: ["第3章", "3. 協働の原則", "（3）対等", "令和3年4月", "3つの原則", "p.3 を参照"])
    func numberedTextIsNoPageNumber(_ line: String) {
        #expect(!PageFurniture.isPageNumber(Substring(line)))
    }

    static func pages(_ pages: [[String]]) -> (pages: [[Substring]], starts: [Int]) {
        var starts: [Int] = [], line = 1
        for page in pages { starts.append(line); line += page.count }
        return (pages.map { $0.map { Substring($0) } }, starts)
    }

    @Test func aRunningHeaderAndFooterAreFoundOnThePagesTheyRunOver() {
        let (pages, starts) = Self.pages([
            ["みどり市協働推進指針", "はじめに", "本文です。", "- 1 -"],
            ["みどり市協働推進指針", "第1章 協働の原則", "本文です。", "- 2 -"],
            ["みどり市協働推進指針", "第2章 協働の形態", "委託", "- 3 -"],
        ])
        // The title on page 1 is the document's; the repeats and the page numbers are furniture.
        #expect(PageFurniture.lines(pages: pages, starts: starts).sorted() == [4, 5, 8, 9, 12])
    }

    @Test func aLineOnOnePageOnlyIsText() {
        let (pages, starts) = Self.pages([["協働の原則", "対等の原則"], ["協働の形態", "委託"], ["協働の担い手", "自治会"]])
        #expect(PageFurniture.lines(pages: pages, starts: starts).isEmpty)
    }

    @Test func pageRangesAreWrittenShort() {
        #expect(PageFurniture.ranges([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10")
    }
}
