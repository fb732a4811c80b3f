import Foundation
import Testing
@testable import KyodoText

@Suite struct TextLoaderTests {
    @Test func keepsLineNumbersForEveryLineEnding() throws {
        let source = try TextLoader.decode(Array("一\r\n二\r三\n\n五".utf8), name: "t")
        #expect(source.lines == ["一", "二", "三", "", "五"])
        #expect(source.encoding == .utf8)
    }

    @Test func stripsUTF8ByteOrderMark() throws {
        let source = try TextLoader.decode([0xEF, 0xBB, 0xBF] + Array("協働\n".utf8), name: "t")
        #expect(source.lines == ["協働"])
        #expect(source.encoding == .utf8BOM)
    }

    @Test func decodesCP932() throws {
        // 協働①髙 in CP932: ① and 髙 are Microsoft extensions to Shift_JIS.
        let source = try TextLoader.decode([0x8b, 0xa6, 0x93, 0xad, 0x87, 0x40, 0xfb, 0xfc, 0x0d, 0x0a, 0x8b, 0xa6], name: "t")
        #expect(source.encoding == .shiftJIS)
        #expect(source.lines == ["協働①髙", "協"])
    }

    @Test func decodesUTF16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "協働\n原則".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let source = try TextLoader.decode(bytes, name: "t")
        #expect(source.lines == ["協働", "原則"])
    }

    /// The eight-bytes-at-a-time control check agrees with a byte-by-byte one for every control
    /// (and the harmless tab, line ends, form feed, NBSP) at every offset of a word, a C1
    /// control's two bytes split across two words included.
    @Test func controlCheckFindsEveryControlAtEveryOffset() {
        func reference(_ s: String) -> Bool {
            s.unicodeScalars.contains { v in
                switch v.value {
                case 0x09...0x0D: false
                case 0x00...0x1F, 0x7F...0x9F: true
                default: false
                }
            }
        }
        let inserts: [String] = ["\u{0}", "\u{1}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}",
                                 "\t", "\n", "\r", "\u{0C}", "\u{A0}", "é", " ", "~"]
        for insert in inserts {
            for prefix in 0..<20 {
                let text = String(repeating: "a", count: prefix) + insert + "協働の原則xyz"
                #expect(TextLoader.hasControl(text) == reference(text), "\(insert.unicodeScalars.map(\.value)) after \(prefix) bytes")
            }
        }
        #expect(!TextLoader.hasControl(""))
        #expect(!TextLoader.hasControl(String(repeating: "協働の原則\n", count: 50)))
    }

    @Test func refusesBinaryNamingTheOffset() {
        #expect(throws: TextError.binary(path: "b.bin", offset: 3)) { try TextLoader.decode([0x41, 0x42, 0x43, 0x00, 0x44], name: "b.bin") }
    }

    @Test func namesMissingFilesAndDirectories() {
        #expect(throws: TextError.missing(path: "/nonexistent/x.txt")) { try TextLoader.load(path: "/nonexistent/x.txt") }
        #expect(throws: TextError.isDirectory(path: "/tmp")) { try TextLoader.load(path: "/tmp") }
    }

    @Test func fingerprintsTheBytes() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
