import Foundation
import KyodoCompare
import KyodoTestSupport
import KyodoText
import Testing

@Suite struct TextDiffTests {
    let guideline = try! TextLoader.load(path: Fixtures.corpusPath("kodaira-guideline.txt"), name: "kodaira-guideline.txt")
    let handbook = try! TextLoader.load(path: Fixtures.corpusPath("kodaira-handbook.txt"), name: "kodaira-handbook.txt")

    @Test func namesTheAppendixSection() throws {
        #expect(NamedSection.lines(of: "資料1", in: Outline(handbook)) == 533...671)
        #expect(NamedSection.lines(of: "資料3", in: Outline(handbook))?.upperBound == 1157)
        #expect(NamedSection.lines(of: "資料9", in: Outline(handbook)) == nil)
        #expect(NamedSection.split("kodaira-handbook#資料1") == ("kodaira-handbook", "資料1"))
        #expect(NamedSection.split("a.txt") == ("a.txt", nil))
    }

    @Test func theGuidelineAndItsReprintDifferByTheirRealWordingChangesOnly() throws {
        let d = TextDiff(old: guideline, lines: 1...guideline.lineCount, new: handbook, lines: NamedSection.lines(of: "資料1", in: Outline(handbook))!)
        let changes = d.hunks.flatMap(\.changes).map { "\($0.kind.rawValue) \($0.old)→\($0.new) @\($0.oldLine)/\($0.newLine)" }
        #expect(changes == [
            "changed が→を @73/600",
            "deleted き→ @85/614",
            "changed め→み @97/626",
            "changed め→み @99/628",
            "changed く→けた @109/636",
            "changed 市→庁 @134/661",
            "changed び→ぴ @142/669",
            "added →が @143/670",
            "changed ごろ→々 @143/670",
        ])
        #expect(d.hunks[0].newMarked.contains("自治基本条例［を］目指す"))
        #expect(d.hunks[0].oldMarked.contains("自治基本条例［が］目指す"))
    }

    @Test func extractionNoiseIsNotAChange() throws {
        var lines = guideline.lines.map(String.init)  // edited bottom-up so that line numbers stay true
        Edit.replace(&lines, line: 116, "小平市民活動支援センターの準備室設置", "<p>小平市民活動支援センターの準備室設置</p>") // HTML in a cell
        Edit.rewrap(&lines, line: 105, after: 30)                                        // a hard wrap
        Edit.replace(&lines, line: 81, "重点", "重點")                                   // an old kanji form
        Edit.replace(&lines, line: 9, "小平市（以下", "小平市 （以下")                     // spacing
        Edit.delete(&lines, 6...6)                                                      // a block boundary: 制定 and 改定 lines run together
        Edit.replace(&lines, line: 5, "平成20年10月", "平成２０年１０月")                  // full-width digits
        let noisy = SourceText(name: "noisy.txt", lines: lines)
        let d = TextDiff(old: guideline, lines: 1...guideline.lineCount, new: noisy, lines: 1...noisy.lineCount)
        #expect(d.hunks.isEmpty)
    }

    @Test func aRealChangeIsFoundAtItsLine() throws {
        var lines = guideline.lines.map(String.init)
        Edit.replace(&lines, line: 97, "市を挙げて", "全庁を挙げて")
        Edit.insert(&lines, after: 111, ["", "このほか、協働の担い手を育てます。"])
        let edited = SourceText(name: "edited.txt", lines: lines)
        let d = TextDiff(old: guideline, lines: 1...guideline.lineCount, new: edited, lines: 1...edited.lineCount)
        let changes = d.hunks.flatMap(\.changes)
        #expect(changes.count == 2)
        #expect(changes[0].kind == .changed && changes[0].old == "市" && changes[0].new == "全庁" && changes[0].newLine == 97)
        #expect(changes[1].kind == .added && changes[1].new == "このほか、協働の担い手を育てます。" && changes[1].newLine == 113)
    }

    @Test func identicalTextsHaveNoChanges() {
        let d = TextDiff(old: guideline, lines: 1...guideline.lineCount, new: guideline, lines: 1...guideline.lineCount)
        #expect(d.hunks.isEmpty && d.unchangedUnits > 50)
    }

    @Test func twoLongTextsAreAlignedWithoutAQuadraticTable() {
        // 20,000 units a side: the LCS table would be 400 M cells (1.6 GB); anchors take over.
        // Changed at both ends, so no common prefix or suffix trims the problem away.
        let old = (0..<20_000).map { "第\($0)項は市と市民の協働について定める。" }
        var new = old
        new[0] = "第0項は市と事業者の連携について定める。"
        new[19_999] = "第19999項は市と事業者の連携について定める。"
        let start = Date()
        let diff = TextDiff(old: SourceText(name: "old.txt", lines: old), lines: 1...old.count, new: SourceText(name: "new.txt", lines: new), lines: 1...new.count)
        #expect(Date().timeIntervalSince(start) < 20)
        let changes = diff.hunks.flatMap(\.changes)
        #expect(!changes.isEmpty && changes.allSatisfy { $0.oldLine == 1 || $0.oldLine == 20_000 })
    }
}
