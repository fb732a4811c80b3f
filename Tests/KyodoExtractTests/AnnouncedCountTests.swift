import Foundation
import KyodoTestSupport
import KyodoText
import Testing
@testable import KyodoExtract

/// The announced count is found in folded windows; it must be what folding the whole text finds.
@Suite struct AnnouncedCountTests {
    /// The reference: fold everything, then look.
    func wholeTextCount(_ text: String) -> Int? {
        let folded = Normalizer.fold(text)
        for unit in ["つ", "項目", "点"] {
            var rest = folded[...]
            while let r = rest.byteRange(of: unit) {
                let digits = rest[..<r.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }
                if let n = Int(String(digits.reversed())), n > 0 { return n }
                // Kanji numerals the fold left before つ count from two (`八つの原則`, not `一つひとつ`).
                let kanji = rest[..<r.lowerBound].unicodeScalars.reversed().prefix { Normalizer.kanjiDigitValue($0.value) != nil }
                if unit == "つ", digits.isEmpty, !kanji.isEmpty, let n = Normalizer.kanjiNumber(Array(kanji.reversed())), n >= 2 { return n }
                rest = rest[r.upperBound...]
            }
        }
        if let r = folded.byteRange(of: ")~(") {
            let digits = folded[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let n = Int(digits) { return n }
        }
        return nil
    }

    @Test(arguments: [
        ("協働の7つの視点", 7), ("次の５つの原則", 5), ("第三つ", 3), ("次の5項目について", 5), ("八つの原則", 8), ("協働の原則として四つのことを", 4),
        ("平成八つ", 8), ("3點を示す", 3), ("(1)～(7)のとおり", 7), ("⑴〜⑸の手順", 5), ("（１）～（４）", 4),
        ("一つひとつの事業", nil), ("0つ、そして2つ", 2), ("ひとつ", nil), ("1～3", nil), ("五項目の", 5),
    ] as [(String, Int?)])
    func cases(text: String, expected: Int?) {
        #expect(AnnouncedCount.find(in: text) == expected)
        #expect(AnnouncedCount.find(in: text) == wholeTextCount(text))
    }

    @Test func agreesWithTheWholeTextFoldOnEveryBlockOfTheCorpus() throws {
        let folder = Fixtures.root + "/corpus"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 5)
        var checked = 0
        for file in files {
            let outline = Outline(try TextLoader.load(path: folder + "/" + file))
            let texts = outline.blocks.map(\.text)
            // Each block, and runs of blocks joined as the readers join a section.
            for (i, text) in texts.enumerated() {
                let joined = texts[i..<min(texts.count, i + 6)].joined(separator: "\n")
                for t in [text, joined] {
                    #expect(AnnouncedCount.find(in: t) == wholeTextCount(t), "\(file): \(t.prefix(60))")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
