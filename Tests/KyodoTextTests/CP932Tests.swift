import Foundation
import KyodoTestSupport
@testable import KyodoText
import Testing

/// The CP932 table decodes exactly as the C library's iconv does: the same text, or the same
/// first bad byte.
@Suite struct CP932Tests {
    /// The two decoders' answers, side by side, in a form that compares.
    static func both(_ bytes: [UInt8]) -> (table: String, iconv: String) {
        func show(_ r: Result<String, Iconv.DecodeFailure>) -> String {
            switch r {
            case .success(let s): "text " + s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            case .failure(let f): "bad byte at \(f.offset)"
            }
        }
        return (show(CP932.decode(bytes)), show(Iconv.decode(bytes, from: "CP932")))
    }

    @Test func everyByteAndEveryPairDecodesAsIconvDoes() {
        for b in 0..<256 {
            let one = Self.both([UInt8(b)])
            #expect(one.table == one.iconv, "\(b)")
            for t in 0..<256 {
                let pair = Self.both([UInt8(b), UInt8(t)])
                #expect(pair.table == pair.iconv, "\(b) \(t)")
            }
        }
    }

    @Test func mixedAndBrokenTextDecodesAsIconvDoes() throws {
        // Pieces of CP932 and of what is not: ASCII, kana, kanji, NEC and IBM extensions, a
        // user-defined character, half-width katakana, lone leads, bad trails, unused bytes.
        let pieces: [[UInt8]] = [[0x41], [0x0D, 0x0A], [0x82, 0xA0], [0x8B, 0xA6], [0x93, 0xAD], [0x87, 0x40], [0xED, 0x40], [0xFA, 0x40],
                                 [0xF0, 0x40], [0xB1], [0xDF], [0x81], [0x81, 0x7F], [0x81, 0x20], [0x80], [0xA0], [0xFD], [0xFF], [0x5C], [0x7E]]
        var state: UInt64 = 3
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        var inputs: [[UInt8]] = [[], try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/Tests/Fixtures/koganei-guideline.cp932-crlf.txt")))]
        for _ in 0..<2_000 { inputs.append((0..<next(30)).flatMap { _ in pieces[next(pieces.count)] }) }
        for bytes in inputs {
            let r = Self.both(bytes)
            #expect(r.table == r.iconv, "\(bytes)")
        }
        #expect(Self.both(inputs[1]).table.hasPrefix("text "))  // the fixture is valid CP932
    }
}
