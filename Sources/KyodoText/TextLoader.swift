import Foundation
import KyodoModel

/// Errors of the text layer; each names the file and, where it applies, the byte offset.
public enum TextError: Error, LocalizedError, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case isDirectory(path: String)
    case undecodable(path: String, offset: Int)
    case invalidUTF8(path: String, offset: Int)
    case notInEncoding(path: String, encoding: String, offset: Int)
    case binary(path: String, offset: Int)
    case empty(path: String)
    case blank(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .isDirectory(let path): "\(path): is a directory, not a text file"
        case .undecodable(let path, let offset):
            "\(path): not text in UTF-8, UTF-16, CP932, EUC-JP or ISO-2022-JP (first bad byte at offset \(offset)); name the encoding with --encoding"
        case .invalidUTF8(let path, let offset): "\(path): broken UTF-8 (invalid byte at offset \(offset)); if it is another encoding, name it with --encoding"
        case .notInEncoding(let path, let encoding, let offset): "\(path): not valid \(encoding) (first bad byte at offset \(offset))"
        case .binary(let path, let offset): "\(path): looks binary, not text (NUL byte at offset \(offset))"
        case .empty(let path): "\(path): the file is empty"
        case .blank(let path): "\(path): the file holds only whitespace"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): \(bytes / 1_000_000) MB is too large for a guideline (limit \(limit / 1_000_000) MB; raise it with --max-size)"
        }
    }
}

/// Turns bytes into a `SourceText`: detects the encoding (or takes the one named), strips a
/// byte-order mark, keeps the original lines.
public enum TextLoader {
    /// Options for loading.
    public struct Options: Sendable {
        /// The encoding, or nil to detect it.
        public var encoding: TextEncoding?
        /// Files larger than this are refused (guidelines are 5–100 KB).
        public var maxBytes: Int = 64_000_000
        public init(encoding: TextEncoding? = nil) { self.encoding = encoding }
        /// The defaults.
        public static let `default` = Options()
    }

    /// Reads and decodes a file.
    public static func load(path: String, name: String? = nil, options: Options = .default) throws -> SourceText {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw TextError.missing(path: path) }
        if isDir.boolValue { throw TextError.isDirectory(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw TextError.unreadable(path: path, reason: "permission denied") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > options.maxBytes {
            throw TextError.tooLarge(path: path, bytes: size, limit: options.maxBytes)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TextError.unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "I/O error")
        }
        let source = try decode([UInt8](data), name: name ?? path, path: path, encoding: options.encoding)
        if data.isEmpty { throw TextError.empty(path: path) }
        if source.lines.allSatisfy({ $0.trimmedSpaces().isEmpty }) { throw TextError.blank(path: path) }
        return source
    }

    /// Decodes bytes: the named encoding, or detection — a byte-order mark (UTF-8, UTF-16),
    /// valid UTF-8, ISO-2022-JP (escape sequences in 7-bit text), then whichever of CP932 and
    /// EUC-JP decodes into more Japanese.
    public static func decode(_ bytes: [UInt8], name: String, path: String? = nil, encoding: TextEncoding? = nil) throws -> SourceText {
        let path = path ?? name
        let digest = SHA256.hex(bytes)
        func text(_ string: String, _ encoding: TextEncoding) -> SourceText {
            SourceText(name: name, text: string, encoding: encoding, sha256: digest)
        }
        if let encoding { return text(try decode(bytes, as: encoding, path: path), encoding) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return text(try decode(bytes, as: .utf8BOM, path: path), .utf8BOM) }
        if bytes.starts(with: [0xFF, 0xFE]) { return text(try decode(bytes, as: .utf16LE, path: path), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return text(try decode(bytes, as: .utf16BE, path: path), .utf16BE) }
        if let nul = bytes.firstIndex(of: 0) { throw TextError.binary(path: path, offset: nul) }
        // ISO-2022-JP is 7-bit, so valid UTF-8 too: its escape sequences (ESC $ B, ESC $ @) tell.
        if hasJISEscape(bytes), bytes.allSatisfy({ $0 < 0x80 }), case .success(let string) = Iconv.decode(bytes, from: "ISO-2022-JP-2") {
            return text(string, .iso2022JP)
        }
        if let string = String(validating: bytes, as: UTF8.self) { return text(string, .utf8) }
        let utf8 = utf8Profile(bytes)
        if utf8.multibyte >= 8 && utf8.multibyte >= utf8.errors * 20 {
            throw TextError.invalidUTF8(path: path, offset: utf8.firstError)  // UTF-8 with a few broken bytes
        }
        let candidates: [(TextEncoding, String)] = [(.shiftJIS, "CP932"), (.eucJP, "EUC-JP")].compactMap { encoding, iconvName in
            // A decoding with control characters in it is not text in that encoding.
            if case .success(let string) = Iconv.decode(bytes, from: iconvName), !string.unicodeScalars.contains(where: isControl) {
                return (encoding, string)
            }
            return nil
        }
        guard let best = candidates.max(by: { japaneseScore($0.1) < japaneseScore($1.1) }) else {
            throw TextError.undecodable(path: path, offset: utf8.firstError)
        }
        return text(best.1, best.0)
    }

    /// Decodes bytes in one encoding.
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding, path: String) throws -> String {
        switch encoding {
        case .utf8, .utf8BOM:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let string = String(validating: body, as: UTF8.self) else {
                throw TextError.invalidUTF8(path: path, offset: bytes.count - body.count + utf8Profile(body).firstError)
            }
            return string
        case .utf16LE, .utf16BE:
            let hasBOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            let little = hasBOM ? bytes[0] == 0xFF : encoding == .utf16LE
            let body = Array(bytes.dropFirst(hasBOM ? 2 : 0))
            guard body.count % 2 == 0 else { throw TextError.notInEncoding(path: path, encoding: "UTF-16", offset: bytes.count - 1) }
            let units = stride(from: 0, to: body.count, by: 2).map { i in
                little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
            }
            var string = ""
            var iterator = units.makeIterator()
            var decoder = UTF16()
            var offset = hasBOM ? 2 : 0
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let s): string.unicodeScalars.append(s); offset += s.value > 0xFFFF ? 4 : 2
                case .emptyInput: break loop
                case .error: throw TextError.notInEncoding(path: path, encoding: "UTF-16", offset: offset)
                }
            }
            return string
        case .shiftJIS, .eucJP, .iso2022JP:
            let iconvName = [TextEncoding.shiftJIS: "CP932", .eucJP: "EUC-JP", .iso2022JP: "ISO-2022-JP-2"][encoding]!
            switch Iconv.decode(bytes, from: iconvName) {
            case .success(let string): return string
            case .failure(let failure): throw TextError.notInEncoding(path: path, encoding: encoding.rawValue, offset: failure.offset)
            }
        }
    }

    /// Whether the bytes hold an ISO-2022-JP escape into JIS X 0208 (ESC $ B or ESC $ @).
    static func hasJISEscape(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress, b.count >= 3 else { return false }
            var offset = 0
            while offset <= b.count - 3, let hit = memchr(base + offset, 0x1B, b.count - 2 - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[at + 1] == 0x24 && (b[at + 2] == 0x42 || b[at + 2] == 0x40) { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// C0 controls other than tab, line ends and form feed; C1 controls.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// How much of the bytes reads as UTF-8: multi-byte scalars, errors, the first error's offset.
    static func utf8Profile(_ bytes: [UInt8]) -> (multibyte: Int, errors: Int, firstError: Int) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0, multibyte = 0, errors = 0
        var firstError = -1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                let width = UTF8.width(s)
                if width > 1 { multibyte += 1 }
                offset += width
            case .emptyInput:
                return (multibyte, errors, firstError < 0 ? offset : firstError)
            case .error:
                errors += 1
                if firstError < 0 { firstError = offset }
                offset += 1
            }
        }
    }

    /// How Japanese a decoding looks: kana, kanji and Japanese punctuation count for it;
    /// half-width katakana, private-use and control characters against it.
    static func japaneseScore(_ string: String) -> Int {
        var score = 0
        for s in string.unicodeScalars {
            switch s.value {
            case 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: score += 2
            case 0x20...0x7E, 0x0A, 0x0D, 0x09: break
            case 0xFF61...0xFF9F: score -= 3
            case 0xE000...0xF8FF, 0x80...0x9F, 0x00...0x1F: score -= 5
            default: score -= 1
            }
        }
        return score
    }
}
