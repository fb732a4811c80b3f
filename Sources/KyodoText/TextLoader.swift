import Foundation
import KyodoModel

/// Errors of the text layer; each names the file and, where it applies, the byte offset.
public enum TextError: Error, LocalizedError, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case isDirectory(path: String)
    case undecodable(path: String, offset: Int)
    case binary(path: String, offset: Int)

    public var errorDescription: String? {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .isDirectory(let path): "\(path): is a directory, not a text file"
        case .undecodable(let path, let offset): "\(path): not UTF-8, UTF-16 or CP932 text (first bad byte at offset \(offset))"
        case .binary(let path, let offset): "\(path): looks binary (NUL byte at offset \(offset))"
        }
    }
}

/// Turns bytes into a `SourceText`: detects the encoding, strips a byte-order mark,
/// keeps the original lines.
public enum TextLoader {
    /// Reads and decodes a file.
    public static func load(path: String, name: String? = nil) throws -> SourceText {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw TextError.missing(path: path) }
        if isDir.boolValue { throw TextError.isDirectory(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TextError.unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "permission denied or I/O error")
        }
        return try decode([UInt8](data), name: name ?? path, path: path)
    }

    /// Decodes bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else CP932.
    public static func decode(_ bytes: [UInt8], name: String, path: String? = nil) throws -> SourceText {
        let path = path ?? name
        let digest = SHA256.hex(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            guard let text = String(validating: body, as: UTF8.self) else {
                throw TextError.undecodable(path: path, offset: 3 + firstInvalidUTF8(Array(body)))
            }
            return SourceText(name: name, text: text, encoding: .utf8BOM, sha256: digest)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = Array(bytes.dropFirst(2))
            guard body.count % 2 == 0 else { throw TextError.undecodable(path: path, offset: bytes.count - 1) }
            let units = stride(from: 0, to: body.count, by: 2).map { i in
                little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1])
            }
            var text = ""
            var it = units.makeIterator()
            var decoder = UTF16()
            var offset = 2
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): text.unicodeScalars.append(s); offset += s.value > 0xFFFF ? 4 : 2
                case .emptyInput: break loop
                case .error: throw TextError.undecodable(path: path, offset: offset)
                }
            }
            return SourceText(name: name, text: text, encoding: little ? .utf16LE : .utf16BE, sha256: digest)
        }
        if let nul = bytes.firstIndex(of: 0) { throw TextError.binary(path: path, offset: nul) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return SourceText(name: name, text: text, encoding: .utf8, sha256: digest)
        }
        if let text = String(data: Data(bytes), encoding: .shiftJIS) {
            return SourceText(name: name, text: text, encoding: .shiftJIS, sha256: digest)
        }
        throw TextError.undecodable(path: path, offset: firstInvalidUTF8(bytes))
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
