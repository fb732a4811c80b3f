import Foundation
import ZIPFoundation

/// The members of a ZIP archive held in memory (a Word file), read with every offset and size
/// checked against the bytes, and inflated through ZIPFoundation's `Data.decompress` with a
/// provider that ends where the member's compressed bytes end.
///
/// (ZIPFoundation's `Archive` is not used to read untrusted files: on an in-memory archive it
/// traps on a directory pointing past the end and leaks when it finds no end record; on any
/// archive its inflating loop never ends when a member's deflate stream is cut short, since
/// its file provider then returns empty chunks forever.)
struct ZIPMembers {
    struct Member {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var headerOffset: Int
    }

    /// Why the bytes are no readable ZIP.
    enum Failure: Error, Equatable {
        case damaged(String)
        case tooLarge(member: String)
    }

    let bytes: [UInt8]
    private(set) var members: [String: Member] = [:]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard let end = Self.endRecord(bytes) else { throw Failure.damaged("its ZIP directory cannot be read") }
        let count = Int(u16(end + 10)), size = Int(u32(end + 12)), offset = Int(u32(end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw Failure.damaged("a ZIP64 archive, which a Word file never is") }
        guard offset + size <= end else { throw Failure.damaged("its ZIP directory points past its end") }
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, u32(at) == 0x0201_4B50 else { throw Failure.damaged("its ZIP directory is cut short") }
            let nameLength = Int(u16(at + 28)), extraLength = Int(u16(at + 30)), commentLength = Int(u16(at + 32))
            guard at + 46 + nameLength <= bytes.count else { throw Failure.damaged("its ZIP directory is cut short") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let member = Member(name: name, method: u16(at + 10), flags: u16(at + 8), crc32: u32(at + 16), compressedSize: Int(u32(at + 20)),
                                uncompressedSize: Int(u32(at + 24)), headerOffset: Int(u32(at + 42)))
            if members[name] == nil { members[name] = member }
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    /// A member's bytes, refused beyond `limit` bytes whatever its directory says.
    func data(_ name: String, limit: Int) throws -> [UInt8]? {
        guard let member = members[name] else { return nil }
        if member.flags & 1 != 0 { throw Failure.damaged("\(name) is encrypted") }
        if member.uncompressedSize > limit { throw Failure.tooLarge(member: name) }
        let header = member.headerOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw Failure.damaged("\(name) is not where the directory says") }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        let end = start + member.compressedSize
        guard end <= bytes.count else { throw Failure.damaged("\(name) is cut short") }
        var out: [UInt8] = []
        out.reserveCapacity(min(member.uncompressedSize, limit))
        switch member.method {
        case 0:
            out = Array(bytes[start..<end])
        case 8:
            let chunk = 1 << 16
            struct TooLarge: Error {}
            struct CutShort: Error {}
            do {
                let crc = try Data.decompress(size: Int64(member.compressedSize), bufferSize: chunk, skipCRC32: false, provider: { position, size in
                    // ZIPFoundation hands zlib `size` bytes whatever the chunk holds: every chunk
                    // has them, the member's own bytes then zeros; past its end, the stream is cut.
                    let from = start + Int(position)
                    guard from < end || position == 0 else { throw CutShort() }
                    var piece = Data(bytes[min(from, end)..<min(from + size, end)])
                    if piece.count < size { piece.append(Data(count: size - piece.count)) }
                    return piece
                }, consumer: { data in
                    if out.count + data.count > limit { throw TooLarge() }
                    out.append(contentsOf: data)
                })
                guard crc == member.crc32 else { throw Failure.damaged("\(name) fails its checksum") }
            } catch is TooLarge {
                throw Failure.tooLarge(member: name)
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.damaged("\(name) cannot be inflated")
            }
        default:
            throw Failure.damaged("\(name) is compressed by method \(member.method), which Word never uses")
        }
        return out
    }

    /// The offset of the end-of-central-directory record: the last signature whose record,
    /// comment included, fits the bytes.
    static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06,
               i + 22 + (Int(bytes[i + 20]) | Int(bytes[i + 21]) << 8) <= bytes.count {
                return i
            }
            i -= 1
        }
        return nil
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
}
