import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KyodoModel

/// Errors of the text layer; each names the file and, where it applies, the byte offset.
public enum TextError: Error, LocalizedError, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case isDirectory(path: String)
    case notRegular(path: String, kind: String)
    case danglingLink(path: String)
    case undecodable(path: String, offset: Int)
    case invalidUTF8(path: String, offset: Int)
    case notInEncoding(path: String, encoding: String, offset: Int)
    case binary(path: String, offset: Int)
    case empty(path: String)
    case blank(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case utf32(path: String, bigEndian: Bool)
    case utf16WithoutBOM(path: String, bigEndian: Bool, offset: Int)
    case control(path: String, line: Int, scalar: UInt32)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .isDirectory(let path): "\(path): is a directory, not a text file"
        case .notRegular(let path, let kind): "\(path): is \(kind), not a regular file; only regular files are read"
        case .danglingLink(let path): "\(path): is a symbolic link to a file that does not exist"
        case .undecodable(let path, let offset):
            "\(path): not text in UTF-8, UTF-16, CP932, EUC-JP or ISO-2022-JP (first bad byte at offset \(offset)); name the encoding with --encoding"
        case .invalidUTF8(let path, let offset): "\(path): broken UTF-8 (invalid byte at offset \(offset)); if it is another encoding, name it with --encoding"
        case .notInEncoding(let path, let encoding, let offset): "\(path): not valid \(encoding) (first bad byte at offset \(offset))"
        case .binary(let path, let offset): "\(path): looks binary, not text (NUL byte at offset \(offset))"
        case .empty(let path): "\(path): the file is empty"
        case .blank(let path): "\(path): the file holds only whitespace"
        case .tooLarge(let path, let bytes, let limit):
            // Whole megabytes where they tell the sizes apart, bytes where they would not.
            bytes / 1_000_000 > limit / 1_000_000
                ? "\(path): \(bytes / 1_000_000) MB is too large for a guideline (limit \(limit / 1_000_000) MB; raise it with --max-size)"
                : "\(path): \(bytes) bytes is too large for a guideline (limit \(limit) bytes; raise it with --max-size)"
        case .utf32(let path, let bigEndian):
            "\(path): UTF-32\(bigEndian ? "BE" : "LE") text, which is not read; convert it to UTF-8 (iconv -f UTF-32 -t UTF-8)"
        case .utf16WithoutBOM(let path, let bigEndian, let offset):
            "\(path): looks like UTF-16\(bigEndian ? "BE" : "LE") without a byte-order mark (NUL byte at offset \(offset)); name it with --encoding \(bigEndian ? "utf-16be" : "utf-16")"
        case .control(let path, let line, let scalar):
            "\(path):\(line): control character \(String(format: "U+%04X", scalar)) in the text; a guideline holds none (is it text at all?)"
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
        try load(bytes: try readBytes(path: path, limit: options.maxBytes), path: path, name: name, options: options)
    }

    /// Decodes a file's bytes read already (so a file is read once, as `add` needs), refusing
    /// what `load` refuses.
    public static func load(bytes: [UInt8], path: String, name: String? = nil, options: Options = .default) throws -> SourceText {
        let source = try decode(bytes, name: name ?? path, path: path, encoding: options.encoding)
        if bytes.isEmpty { throw TextError.empty(path: path) }
        if source.firstTextLine == nil { throw TextError.blank(path: path) }
        return source
    }

    /// The bytes of a file: one open, one fstat and reads into one buffer of the file's size
    /// (Foundation's checks and `Data` cost four system calls and a copy more per document).
    /// Only a regular file is read: it is opened non-blocking (so a FIFO's open returns at
    /// once instead of waiting for a writer) and refused by fstat unless regular.
    public static func readBytes(path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            var link = stat()
            switch errno {
            case ENOENT where lstat(path, &link) == 0: throw TextError.danglingLink(path: path)
            case ENOENT, ENOTDIR: throw TextError.missing(path: path)
            case EACCES, EPERM: throw TextError.unreadable(path: path, reason: "permission denied")
            case ENXIO: throw TextError.notRegular(path: path, kind: "a socket")
            default: throw TextError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw TextError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw TextError.isDirectory(path: path)
        case S_IFIFO: throw TextError.notRegular(path: path, kind: "a FIFO (named pipe)")
        case S_IFCHR: throw TextError.notRegular(path: path, kind: "a character device")
        case S_IFBLK: throw TextError.notRegular(path: path, kind: "a block device")
        case S_IFSOCK: throw TextError.notRegular(path: path, kind: "a socket")
        default: throw TextError.notRegular(path: path, kind: "not a file")
        }
        let size = Int(status.st_size)
        if size > limit { throw TextError.tooLarge(path: path, bytes: size, limit: limit) }
        // Read to the size fstat gave (a file growing meanwhile is read as it was).
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in buffer.baseAddress.map { read(fd, $0 + count, buffer.count - count) } ?? 0 }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw TextError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        if count < bytes.count { bytes.removeSubrange(count...) }
        return bytes
    }

    /// Decodes bytes: the named encoding, or detection — a byte-order mark (UTF-8, UTF-16),
    /// valid UTF-8, ISO-2022-JP (escape sequences in 7-bit text), then whichever of CP932 and
    /// EUC-JP decodes into more Japanese.
    public static func decode(_ bytes: [UInt8], name: String, path: String? = nil, encoding: TextEncoding? = nil) throws -> SourceText {
        let path = path ?? name
        let digest = SHA256.hex(bytes)
        // Whatever decoded it, text holding NUL or a control character is refused at its line.
        func text(_ string: String, _ encoding: TextEncoding) throws -> SourceText {
            if let (line, scalar) = firstControl(string) { throw TextError.control(path: path, line: line, scalar: scalar) }
            return SourceText(name: name, text: string, encoding: encoding, sha256: digest)
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { throw TextError.utf32(path: path, bigEndian: false) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { throw TextError.utf32(path: path, bigEndian: true) }
        if let encoding { return try text(try decode(bytes, as: encoding, path: path), encoding) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try text(try decode(bytes, as: .utf8BOM, path: path), .utf8BOM) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try text(try decode(bytes, as: .utf16LE, path: path), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try text(try decode(bytes, as: .utf16BE, path: path), .utf16BE) }
        if let nul = bytes.withUnsafeBufferPointer({ b in b.baseAddress.flatMap { memchr($0, 0, b.count) }.map { b.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } }) {
            throw nulError(bytes, path: path, offset: nul)
        }
        // ISO-2022-JP is 7-bit, so valid UTF-8 too: its escape sequences (ESC $ B, ESC $ @) tell.
        if hasJISEscape(bytes), bytes.allSatisfy({ $0 < 0x80 }), case .success(let string) = Iconv.decode(bytes, from: "ISO-2022-JP-2") {
            return try text(string, .iso2022JP)
        }
        if let string = Search.string(validating: bytes) { return try text(string, .utf8) }
        let utf8 = utf8Profile(bytes, stopWhenNotMostlyUTF8: true)
        if utf8.multibyte >= 8 && utf8.multibyte >= utf8.errors * 20 {
            throw TextError.invalidUTF8(path: path, offset: utf8.firstError)  // UTF-8 with a few broken bytes
        }
        // EUC-JP has no bytes 80–A0 but its single shifts 8E and 8F; glibc decodes them to C1
        // controls or fails, so where one stands, EUC-JP is no candidate and is not tried.
        let encodings: [(TextEncoding, String)] = excludesEUCJP(bytes) ? [(.shiftJIS, "CP932")] : [(.shiftJIS, "CP932"), (.eucJP, "EUC-JP")]
        let candidates: [(TextEncoding, String)] = encodings.compactMap { encoding, iconvName in
            // A decoding with control characters in it is not text in that encoding.
            if case .success(let string) = decode(bytes, from: iconvName), !hasControl(string) {
                return (encoding, string)
            }
            return nil
        }
        guard let best = candidates.max(by: { japaneseScore($0.1) < japaneseScore($1.1) }) else {
            throw TextError.undecodable(path: path, offset: utf8.firstError)
        }
        return try text(best.1, best.0)
    }

    /// What NUL bytes say: UTF-32 or UTF-16 without a byte-order mark where they stand in
    /// their pattern (every code unit's high bytes zero), else a binary file.
    static func nulError(_ bytes: [UInt8], path: String, offset: Int) -> TextError {
        let sample = bytes.prefix(4096)
        let quads = sample.count / 4
        if quads > 0 && bytes.count % 4 == 0 {
            if (0..<quads).allSatisfy({ sample[4 * $0 + 2] == 0 && sample[4 * $0 + 3] == 0 && sample[4 * $0] | sample[4 * $0 + 1] != 0 }) {
                return .utf32(path: path, bigEndian: false)
            }
            if (0..<quads).allSatisfy({ sample[4 * $0] == 0 && sample[4 * $0 + 1] == 0 && sample[4 * $0 + 2] | sample[4 * $0 + 3] != 0 }) {
                return .utf32(path: path, bigEndian: true)
            }
        }
        if bytes.count % 2 == 0 && sample.count >= 8 {  // fewer bytes tell nothing
            let even = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let odd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            if odd > 0 && even == 0 { return .utf16WithoutBOM(path: path, bigEndian: false, offset: offset) }
            if even > 0 && odd == 0 { return .utf16WithoutBOM(path: path, bigEndian: true, offset: offset) }
        }
        return .binary(path: path, offset: offset)
    }

    /// The line (1-based, counted as `SourceText` counts lines) and value of the first NUL,
    /// other C0 control but tab, line ends and form feed, DEL or C1 control in the text.
    static func firstControl(_ string: String) -> (line: Int, scalar: UInt32)? {
        guard hasControl(string) else { return nil }
        var line = 1
        var previous: Unicode.Scalar = "\0"
        for s in string.unicodeScalars {
            switch s.value {
            case 0x0A: if previous != "\r" { line += 1 }
            case 0x0D: line += 1
            case 0x09, 0x0B, 0x0C: break
            case 0x00...0x1F, 0x7F...0x9F: return (line, s.value)
            default: break
            }
            previous = s
        }
        return nil
    }

    /// Decodes bytes in one encoding.
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding, path: String) throws -> String {
        switch encoding {
        case .utf8, .utf8BOM:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            guard let string = Search.string(validating: body) else {
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
            let iconvName = encoding == .shiftJIS ? "CP932" : encoding == .eucJP ? "EUC-JP" : "ISO-2022-JP-2"
            switch decode(bytes, from: iconvName) {
            case .success(let string): return string
            case .failure(let failure): throw TextError.notInEncoding(path: path, encoding: encoding.rawValue, offset: failure.offset)
            }
        }
    }

    /// Decodes a legacy Japanese encoding: CP932 by its table, the others by iconv.
    static func decode(_ bytes: [UInt8], from iconvName: String) -> Result<String, Iconv.DecodeFailure> {
        iconvName == "CP932" ? CP932.decode(bytes) : Iconv.decode(bytes, from: iconvName)
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

    /// Whether the text holds a C0 control other than tab, line ends and form feed, DEL, or a
    /// C1 control (U+0080–009F, in UTF-8 C2 80–C2 9F): over the UTF-8 bytes.
    static func hasControl(_ string: String) -> Bool {
        var string = string
        return string.withUTF8(hasControl)
    }

    /// `hasControl` over UTF-8 bytes, eight at a time: a word with no byte below 0x20, no DEL
    /// and no C2 (the lead byte of every C1 control) is passed at once; only the few others
    /// (most hold a line end) are looked at byte by byte. (A byte at a time, this check was 7%
    /// of reading a corpus.)
    static func hasControl(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let n = b.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Whether any byte of `w` is zero; whether any is below 0x20.
        @inline(__always) func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }
        @inline(__always) func hasBelow20(_ w: UInt64) -> Bool { (w &- ones &* 0x20) & ~w & highs != 0 }
        @inline(__always) func control(at i: Int) -> Bool {
            switch base[i] {
            case 0x09...0x0D: return false
            case 0x00...0x1F, 0x7F: return true  // NUL included
            case 0xC2: return i + 1 < n && (0x80...0x9F).contains(base[i + 1])
            default: return false
            }
        }
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasBelow20(w) || hasZero(w ^ (ones &* 0x7F)) || hasZero(w ^ (ones &* 0xC2)) {
                for j in i..<(i + 8) where control(at: j) { return true }
            }
            i += 8
        }
        while i < n {
            if control(at: i) { return true }
            i += 1
        }
        return false
    }

    /// Whether a byte EUC-JP never has (80–A0 but for the single shifts 8E and 8F) stands in the bytes.
    static func excludesEUCJP(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 && $0 <= 0xA0 && $0 != 0x8E && $0 != 0x8F }
    }

    /// How much of the bytes reads as UTF-8: multi-byte scalars, errors (a maximal invalid
    /// subpart counts once, as in the standard library's decoder), the first error's offset;
    /// with `stopWhenNotMostlyUTF8`, only until the bytes cannot be mostly UTF-8 any more
    /// (the counts are then partial, the first error is exact).
    /// Runs over the bytes with ASCII skipped eight at a time: it runs on every file that is not
    /// valid UTF-8 (every CP932 and EUC-JP file), where the decoder loop cost 8 instructions a byte.
    static func utf8Profile(_ bytes: [UInt8], stopWhenNotMostlyUTF8: Bool = false) -> (multibyte: Int, errors: Int, firstError: Int) {
        bytes.withUnsafeBufferPointer { b in
            var i = 0, multibyte = 0, errors = 0, firstError = -1
            let n = b.count
            while i < n {
                // Once even every remaining pair of bytes being a scalar could not outweigh the
                // errors twenty to one, the answer to "mostly UTF-8?" is no: CP932 and EUC-JP
                // files stop within their first kilobyte.
                if stopWhenNotMostlyUTF8, errors * 20 > multibyte + (n - i) / 2 { return (multibyte, errors, firstError) }
                if i + 8 <= n, UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                // The sequence's length and the range its second byte must fall in (RFC 3629).
                let length: Int, low: UInt8, high: UInt8
                switch lead {
                case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
                case 0xED: (length, low, high) = (3, 0x80, 0x9F)
                case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
                case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
                case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
                case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
                default: (length, low, high) = (0, 0, 0)
                }
                var valid = length > 0 ? 1 : 0  // bytes of the sequence that fit so far
                if valid > 0, i + 1 < n, b[i + 1] >= low, b[i + 1] <= high {
                    valid = 2
                    while valid < length, i + valid < n, b[i + valid] & 0xC0 == 0x80 { valid += 1 }
                }
                if length > 0 && valid == length {
                    multibyte += 1
                    i += length
                } else {
                    errors += 1
                    if firstError < 0 { firstError = i }
                    i += max(1, valid)
                }
            }
            return (multibyte, errors, firstError < 0 ? n : firstError)
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
