@testable import KyodoText
import Testing

/// The byte-level text helpers give what their scalar- and `Character`-level definitions give,
/// on crafted strings and on strings strung together from awkward pieces.
@Suite struct ByteLevelTextTests {
    /// Pieces that meet at the edges the helpers look at: spaces of three kinds, a combining
    /// mark (which joins the character before it), a tab, CR, kana, ASCII, an emoji.
    static let pieces = [" ", "\u{3000}", "\t", "\u{3099}", "\u{0308}", "協", "a", "-", "–", "■", "\r", "👍", "（", "1", "・"]

    static func strings() -> [String] {
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var strings = ["", " ", "\u{3000}", "\u{3000}\u{3000}協働\u{3000}", "\t協 働 \t", " \u{3099}", "協\u{3000}\u{3099}"]
        for _ in 0..<2_000 { strings.append((0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()) }
        return strings
    }

    /// Trimming as it was defined: whole scalars from both ends while they are spaces.
    static func referenceTrim(_ s: Substring) -> Substring {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        let space: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        while start < end, space(scalars[start]) { start = scalars.index(after: start) }
        while end > start, space(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    @Test func trimmingByBytesIsTrimmingByScalars() {
        for s in Self.strings() {
            #expect(s.trimmedSpaces() == String(Self.referenceTrim(Substring(s))), "\(s.unicodeScalars.map(\.value))")
            // A slice in the middle of a longer text trims to the same characters.
            let framed = "x" + s + "y"
            let slice = framed.dropFirst().dropLast()
            #expect(slice.trimmedSpaces() == Self.referenceTrim(slice), "\(s.unicodeScalars.map(\.value))")
        }
    }

    @Test func cellsSplitByBytesAreCellsSplitByCharacters() {
        for s in Self.strings() {
            let row = Substring("\t" + s + "\t" + s)
            let byCharacter = row.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
            #expect(OutlineBuilder.cells(row) == byCharacter, "\(s.unicodeScalars.map(\.value))")
        }
    }

    @Test func aSubstringsFirstScalarIsReadFromItsBytes() {
        for s in Self.strings() {
            let slice = ("協" + s + "a").dropFirst().dropLast()
            #expect(slice.firstScalarValue == slice.unicodeScalars.first?.value)
        }
    }

    @Test func aMarkerFollowedByACombiningMarkIsNoMarker() {
        // `■` with a voiced mark is another character: no heading, as before scalars were looked at first.
        #expect(MarkerScanner.scan("■\u{3099}見出し") == nil)
        #expect(MarkerScanner.scan("■ 見出し")?.marker == .square)
        #expect(MarkerScanner.scan("-\u{0308} 項目") == nil)
        #expect(MarkerScanner.scan("- 項目")?.marker == .bullet)
        #expect(MarkerScanner.scan("- ■ 見出し").map { [$0.marker == .square, $0.bulleted] } == [true, true])
    }

    @Test func linesGivenOneByOneAreKeptAsGiven() {
        let source = SourceText(name: "t", lines: ["一", "二\r三", "", "四 "])
        #expect(source.lines == ["一", "二\r三", "", "四 "])
        #expect(source.text == "一\n二\r三\n\n四 ")
        #expect(source.line(2) == "二\r三" && source.line(5) == "")
        let split = SourceText(name: "t", text: "一\r\n二\r三\n\n四")
        #expect(split.lines == ["一", "二", "三", "", "四"])
        #expect(split.lineCount == 5 && split.slice(4) == "" && split.slice(6) == "")
        #expect(SourceText(name: "t", text: " \n\u{3000}\t\n\u{3000}協働 の原則\t\nあと").firstTextLine == "協働 の原則")
        #expect(SourceText(name: "t", text: " \n\u{3000}\r\n").firstTextLine == nil)
    }

    @Test func utf8IsValidExactlyWhenTheStandardLibrarySaysSo() {
        func check(_ bytes: [UInt8]) {
            let first = bytes.withUnsafeBufferPointer(Search.firstInvalidUTF8)
            #expect((first == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let first { #expect(first == TextLoader.utf8Profile(bytes).firstError, "\(bytes)") }
        }
        // Every sequence of one and two bytes; three and four bytes around every boundary a
        // second byte has; each also behind ASCII and Japanese so that the one-load path (four
        // bytes of room) and the end of the buffer both see it.
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        var inputs: [[UInt8]] = []
        for a in 0..<256 {
            for b in 0..<256 { inputs.append([UInt8(a), UInt8(b)]) }
        }
        for lead in 0xE0...0xF4 {
            for second in 0..<256 {
                for third in edges {
                    inputs.append([UInt8(lead), UInt8(second), third])
                    if lead >= 0xF0 { for fourth: UInt8 in [0x41, 0x80, 0xBF, 0xC0] { inputs.append([UInt8(lead), UInt8(second), third, fourth]) } }
                }
            }
        }
        for bytes in inputs {
            check(bytes)
            check(Array("協a".utf8) + bytes + Array("働".utf8))
            check([0x41] + bytes)
        }
    }
}
