@testable import KyodoDocument
import Testing

/// A PDF page's words laid out as lines: rows of a table, columns, indentation.
@Suite struct PageLayoutTests {
    /// A word of 10-point characters at (x, y), as wide as its characters.
    static func word(_ text: String, _ x: Double, _ y: Double) -> PageLayout.Word {
        PageLayout.Word(text: Substring(text), x: x, y: y, width: Double(text.count) * 10, height: 10, spaceAfter: false)
    }

    @Test func aTablesCellsReadOneAfterAnotherLineUpInRows() {
        // Poppler reads cell by cell: 委託, its text on two lines, then 補助 and its text.
        let words = [Self.word("委託", 60, 100), Self.word("市の事業を団体に", 150, 100), Self.word("委ねる方法です。", 150, 115),
                     Self.word("補助", 60, 140), Self.word("経費の一部を補助します。", 150, 140)]
        #expect(PageLayout.text(words) == "委託\t市の事業を団体に\n\t委ねる方法です。\n補助\t経費の一部を補助します。")
    }

    @Test func aJumpUpThePageStartsTheNextColumn() {
        // Columns of text, lines of twenty characters; a table's narrow column of labels is not one.
        let left = (0..<6).map { Self.word("左の段の行\($0)の本文は段の幅いっぱいに続きま", 60, 100 + Double($0) * 15) }
        let right = (0..<6).map { Self.word("右の段の行\($0)の本文は段の幅いっぱいに続きま", 290, 100 + Double($0) * 15) }
        let text = PageLayout.text(left + right)
        #expect(text == (left.map { String($0.text) } + [""] + right.map { String($0.text) }).joined(separator: "\n"))
    }

    @Test func indentationAndSpaceBetweenParagraphsAreKept() {
        let words = [Self.word("協働の原則", 60, 100), Self.word("対等の立場に立ちます。", 80, 140), Self.word("続きの行です。", 60, 155)]
        // Twenty points in is four half-width spaces; forty points of space above a line is a blank line.
        #expect(PageLayout.text(words) == "協働の原則\n\n    対等の立場に立ちます。\n続きの行です。")
    }

    @Test func wordsOnOneBaselineAreOneLine() {
        // A typesetter's quarter between Latin and Japanese is no space; a space between two
        // Japanese words is an ideographic one.
        let words = [Self.word("NPO", 60, 100), Self.word("法人", 93, 100.5), Self.word("の活動", 113, 99.5), Self.word("対等", 146, 100)]
        #expect(PageLayout.text(words) == "NPO法人の活動\u{3000}対等")
    }
}
