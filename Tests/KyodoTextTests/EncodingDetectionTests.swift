import Foundation
import Testing
@testable import KyodoText
import KyodoTestSupport

/// Encodings detected, or named; files that are no text refused with the file and offset.
@Suite struct EncodingDetectionTests {
    func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/Tests/Fixtures/" + name)))
    }

    @Test(arguments: [("higashikurume-pamphlet.euc-jp.txt", TextEncoding.eucJP), ("higashikurume-pamphlet.iso-2022-jp.txt", .iso2022JP),
                      ("koganei-guideline.cp932-crlf.txt", .shiftJIS)])
    func detects(file: String, encoding: TextEncoding) throws {
        let source = try TextLoader.decode(try fixture(file), name: file)
        #expect(source.encoding == encoding)
        #expect(source.lines.contains { $0.contains("協働") })
    }

    @Test func anEUCJPCopyReadsLikeTheUTF8Original() throws {
        let original = try TextLoader.load(path: Fixtures.corpusPath("higashikurume-pamphlet.txt"))
        let euc = try TextLoader.decode(try fixture("higashikurume-pamphlet.euc-jp.txt"), name: "x")
        #expect(euc.lines.count == original.lines.count)
        #expect(euc.lines[97] == original.lines[97])  // - (1) 目的共有の原則
    }

    @Test func theNamedEncodingWins() throws {
        let bytes = try fixture("higashikurume-pamphlet.euc-jp.txt")
        #expect(try TextLoader.decode(bytes, name: "x", encoding: .eucJP).encoding == .eucJP)
        // Named wrongly: a clear error with the offset, not mojibake.
        #expect(throws: TextError.self) { try TextLoader.decode(bytes, name: "x", encoding: .utf8) }
        #expect(TextEncoding(userName: "Shift_JIS") == .shiftJIS)
        #expect(TextEncoding(userName: "EUC-JP") == .eucJP)
        #expect(TextEncoding(userName: "latin1") == nil)
    }

    @Test func brokenUTF8IsReportedNotReadAsCP932() {
        var bytes = Array("協働の原則について述べます。対等な立場で協議します。".utf8)
        bytes.insert(0xFF, at: 12)
        #expect(throws: TextError.invalidUTF8(path: "x.txt", offset: 12)) { try TextLoader.decode(bytes, name: "x.txt") }
    }

    @Test func utf8ProfileCountsAsTheStandardDecoderDoes() throws {
        // The standard library's decoder is the reference: multi-byte scalars, maximal invalid
        // subparts, the first error's offset.
        func reference(_ bytes: [UInt8]) -> (Int, Int, Int) {
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var offset = 0, multibyte = 0, errors = 0, firstError = -1
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): if UTF8.width(s) > 1 { multibyte += 1 }; offset += UTF8.width(s)
                case .emptyInput: return (multibyte, errors, firstError < 0 ? offset : firstError)
                case .error: errors += 1; if firstError < 0 { firstError = offset }; offset += 1
                }
            }
        }
        var inputs: [[UInt8]] = [[], Array("abc".utf8), Array("協働👍é".utf8), try fixture("higashikurume-pamphlet.euc-jp.txt"),
                                 [0xE3, 0x81], [0xE3, 0x81, 0x41], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x91]]
        // Pieces valid and broken, strung together by a fixed linear congruential sequence.
        let pieces: [[UInt8]] = [Array("協働".utf8), [0x41], [0x80], [0xE3], [0xE3, 0x81], [0xF0, 0x9F, 0x91, 0x8D], [0xC3, 0xA9], [0xFF], [0x82, 0xA0]]
        var state: UInt64 = 1
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % n
        }
        for _ in 0..<300 { inputs.append((0..<next(40)).flatMap { _ in pieces[next(pieces.count)] }) }
        for bytes in inputs {
            let profile = TextLoader.utf8Profile(bytes)
            let expected = reference(bytes)
            #expect(profile.multibyte == expected.0 && profile.errors == expected.1 && profile.firstError == expected.2, "\(bytes)")
        }
    }

    @Test func noTextIsRefusedWithTheOffset() {
        // Bytes no Japanese encoding decodes (lone high bytes ending the file).
        #expect(throws: TextError.undecodable(path: "x.bin", offset: 3)) { try TextLoader.decode([0x41, 0x42, 0x43, 0x81], name: "x.bin") }
        #expect(throws: TextError.binary(path: "x.bin", offset: 1)) { try TextLoader.decode([0x41, 0x00], name: "x.bin") }
    }

    @Test func emptyBlankAndHugeFilesAreRefused() throws {
        let dir = NSTemporaryDirectory() + "kyodo-enc-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        #expect(throws: TextError.empty(path: dir + "/empty.txt")) { try TextLoader.load(path: dir + "/empty.txt") }
        FileManager.default.createFile(atPath: dir + "/blank.txt", contents: Data(" \n\u{3000}\n\t\r\n".utf8))
        #expect(throws: TextError.blank(path: dir + "/blank.txt")) { try TextLoader.load(path: dir + "/blank.txt") }
        // A 200 MB file (sparse: nothing is written) is refused before it is read.
        FileManager.default.createFile(atPath: dir + "/huge.txt", contents: Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/huge.txt"))
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        #expect(throws: TextError.tooLarge(path: dir + "/huge.txt", bytes: 200_000_000, limit: 64_000_000)) { try TextLoader.load(path: dir + "/huge.txt") }
    }
}
