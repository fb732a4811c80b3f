#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CP932 (Shift_JIS with the NEC and IBM extensions) decoded through a table that the C
/// library's own converter fills, once per process: the same text and the same first bad byte
/// as iconv, without iconv's per-character work and the second pass that checks its output
/// (together a tenth of reading a corpus in which a fifth of the files are CP932).
enum CP932 {
    /// What a byte or a two-byte sequence decodes to: its UTF-8 bytes (one to three, low byte
    /// first) and their count in the top byte; or one of the two markers.
    typealias Entry = UInt32
    static let invalid: Entry = 0xFFFF_FFFF
    static let lead: Entry = 0xFFFF_FFFE

    struct Table: Sendable {
        /// Per byte: a character, `lead` (the first byte of a two-byte character) or `invalid`.
        var single = [Entry](repeating: invalid, count: 256)
        /// Per lead byte, the row of `double` holding its 256 second bytes (-1: not a lead).
        var row = [Int](repeating: -1, count: 256)
        var double: [Entry] = []
        /// Whether bytes 00–7F stand for themselves, so that ASCII is copied as it is.
        var asciiIsIdentity = true

        /// Every single byte and every pair after a lead byte, put to iconv.
        init() {
            guard let cd = iconv_open("UTF-8", "CP932"), Int(bitPattern: cd) != -1 else {
                asciiIsIdentity = false
                return  // no converter: every byte is invalid, as iconv would say
            }
            defer { iconv_close(cd) }
            for b in 0..<256 {
                single[b] = Table.single(cd, byte: UInt8(b))
                if b < 0x80 && single[b] != UInt32(b) | 1 << 24 { asciiIsIdentity = false }
            }
            for b in 0..<256 where single[b] == CP932.lead {
                row[b] = double.count / 256
                double += Table.row(cd, lead: UInt8(b))
            }
        }

        /// A lead byte's 256 pairs: converted in runs, one iconv call per run of valid pairs and
        /// one per invalid pair, each valid pair checked to give exactly one scalar.
        private static func row(_ cd: iconv_t, lead: UInt8) -> [Entry] {
            var entries = [Entry](repeating: CP932.invalid, count: 256)
            var input = (0..<256).flatMap { [lead, UInt8($0)] }
            var output = [UInt8](repeating: 0, count: 256 * 4)
            var pair = 0
            while pair < 256 {
                _ = iconv(cd, nil, nil, nil, nil)  // initial state
                let run = Iconv.convert(cd, &input, from: 2 * pair, into: &output)
                let (consumed, produced) = (run.consumed, run.produced)
                // The pairs converted, one scalar each, then the pair that stopped the run.
                let converted = consumed / 2
                var offset = 0
                for k in 0..<converted {
                    let length = output[offset] < 0x80 ? 1 : output[offset] < 0xE0 ? 2 : output[offset] < 0xF0 ? 3 : 4
                    guard length <= 3, offset + length <= produced else { return entries.map { _ in CP932.invalid } }
                    entries[pair + k] = entry(output[offset..<(offset + length)])
                    offset += length
                }
                // A pair that gave other than one scalar each would misalign the run: trust none.
                guard offset == produced, consumed % 2 == 0 else { return entries.map { _ in CP932.invalid } }
                pair += converted + 1  // the stopping pair (if any) stays invalid
            }
            return entries
        }

        /// A single byte's entry: one character, `lead` when iconv finds it incomplete, or `invalid`.
        private static func single(_ cd: iconv_t, byte: UInt8) -> Entry {
            var input = [byte]
            var output = [UInt8](repeating: 0, count: 8)
            _ = iconv(cd, nil, nil, nil, nil)  // initial state
            let (result, error, consumed, produced) = Iconv.convert(cd, &input, into: &output)
            let inLeft = 1 - consumed
            if result == -1 { return error == EINVAL && inLeft == 1 ? CP932.lead : CP932.invalid }
            guard inLeft == 0, (1...3).contains(produced) else { return CP932.invalid }
            return entry(output[..<produced])
        }

        /// An entry for one character's UTF-8 bytes (one to three): the bytes, low first, and
        /// their count in the top byte.
        private static func entry(_ utf8: ArraySlice<UInt8>) -> Entry {
            var entry = UInt32(utf8.count) << 24
            for (k, byte) in utf8.enumerated() { entry |= UInt32(byte) << (8 * k) }
            return entry
        }
    }

    /// Built on first use.
    static let table = Table()

    /// The text, or the offset of the first byte that is not valid CP932.
    static func decode(_ bytes: [UInt8]) -> Result<String, Iconv.DecodeFailure> {
        let table = Self.table
        let asciiIsIdentity = table.asciiIsIdentity
        var failure: Int?
        // Each byte gives at most three bytes of UTF-8; an entry's three bytes are stored whole
        // and the output advanced by its length, hence the slack.
        let utf8: [UInt8] = bytes.withUnsafeBufferPointer { input in
            table.single.withUnsafeBufferPointer { single in
                table.double.withUnsafeBufferPointer { double in
                    table.row.withUnsafeBufferPointer { row in
                        [UInt8](unsafeUninitializedCapacity: input.count * 3 + 4) { out, written in
                            var i = 0, o = 0
                            let n = input.count
                            while i < n {
                                let b = input[i]
                                if b < 0x80 && asciiIsIdentity {
                                    out[o] = b
                                    o &+= 1
                                    i &+= 1
                                    continue
                                }
                                var entry = single[Int(b)]
                                var length = 1
                                if entry == CP932.lead {
                                    entry = i + 1 < n ? double[row[Int(b)] &* 256 &+ Int(input[i + 1])] : CP932.invalid
                                    length = 2
                                }
                                if entry == CP932.invalid {
                                    failure = i
                                    break
                                }
                                out[o] = UInt8(truncatingIfNeeded: entry)
                                out[o &+ 1] = UInt8(truncatingIfNeeded: entry >> 8)
                                out[o &+ 2] = UInt8(truncatingIfNeeded: entry >> 16)
                                o &+= Int(entry >> 24)
                                i &+= length
                            }
                            written = o
                        }
                    }
                }
            }
        }
        if let failure { return .failure(Iconv.DecodeFailure(offset: failure)) }
        return .success(Search.string(validUTF8: utf8))
    }
}
