#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `needle` occurs in the string, compared by UTF-8 bytes (no folding).
    ///
    /// Use this rather than `contains(_:)`: once Foundation is imported anywhere in a module,
    /// `contains` on strings resolves to Foundation's, which folds character clusters through
    /// CFString and is two orders of magnitude slower (measured: 93% of the time of reading a
    /// 30 MB one-line file).
    public func includes<T: StringProtocol>(_ needle: T) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { needle in
                Search.memmem(haystack, needle)
            }
        }
        if let result = found ?? nil { return result }
        return String(self).includes(String(needle))
    }
}

extension String {
    /// `includes(_:)` for the common case, without generic dispatch.
    public func includes(_ needle: String) -> Bool {
        let found: Bool?? = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in Search.firstOffset(h, n) != nil }
        }
        return (found ?? nil) ?? includes(Substring(needle))
    }

    /// The first scalar's value, read from the UTF-8 bytes (the scalar view's `first` costs
    /// ten times as much).
    public var firstScalarValue: UInt32? {
        utf8.withContiguousStorageIfAvailable { b -> UInt32? in
            guard !b.isEmpty else { return nil }
            return Search.decode(b, 0).0
        } ?? unicodeScalars.first?.value
    }

    /// The last scalar's value, read from the UTF-8 bytes: back over continuation bytes to the
    /// scalar's first byte.
    public var lastScalarValue: UInt32? {
        utf8.withContiguousStorageIfAvailable(Search.lastScalar) ?? unicodeScalars.last?.value
    }

    /// The number of Unicode scalars, counted over the UTF-8 bytes (every byte that is not a
    /// continuation byte starts one).
    public var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable(Search.scalarCount) ?? unicodeScalars.count
    }
}

extension Substring {
    /// The slice's UTF-8 bytes, contiguous (`utf8.withContiguousStorageIfAvailable` on a
    /// substring goes through an unspecialised generic `Slice` and costs more than the work).
    @inline(__always) public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var slice = self
        return slice.withUTF8(body)
    }

    /// The first scalar's value, read from the UTF-8 bytes.
    public var firstScalarValue: UInt32? {
        withUTF8Bytes { b -> UInt32? in b.isEmpty ? nil : Search.decode(b, 0).0 }
    }

    /// `includes(_:)` for the common case, without generic dispatch.
    public func includes(_ needle: String) -> Bool {
        var needle = needle
        return withUTF8Bytes { h in needle.withUTF8 { n in Search.firstOffset(h, n) != nil } }
    }
}

extension String {
    /// Whether `needle` stands within the first `limit` UTF-8 bytes (a term before its cue).
    public func includes(_ needle: String, within limit: Int) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in Search.firstOffset(UnsafeBufferPointer(rebasing: h.prefix(limit)), n) != nil }
        }
    }

    /// The first range of `needle`, found by UTF-8 bytes (no folding); see `includes(_:)` for why
    /// not Foundation's `range(of:)`.
    public func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var needle = needle
        let offset: Int? = haystack.withUTF8 { h in needle.withUTF8 { n in Search.firstOffset(h, n) } }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

extension String {
    /// Whether the UTF-8 bytes begin with `prefix`'s: `hasPrefix` without comparing `Character`s,
    /// which for Japanese text costs a thousand instructions a call. Like `includes`, it
    /// compares code points as written: a decomposed か + ゛ is not が here.
    public func hasBytePrefix(_ prefix: String) -> Bool {
        guard utf8.count >= prefix.utf8.count else { return false }
        var string = self
        var prefix = prefix
        return string.withUTF8 { s in prefix.withUTF8 { p in p.isEmpty || memcmp(s.baseAddress!, p.baseAddress!, p.count) == 0 } }
    }

    /// Whether the UTF-8 bytes end with `suffix`'s (see `hasBytePrefix`).
    public func hasByteSuffix(_ suffix: String) -> Bool {
        guard utf8.count >= suffix.utf8.count else { return false }
        var string = self
        var suffix = suffix
        return string.withUTF8 { s in
            suffix.withUTF8 { p in p.isEmpty || memcmp(s.baseAddress! + (s.count - p.count), p.baseAddress!, p.count) == 0 }
        }
    }

    /// The last of the non-overlapping occurrences of `needle` found from the start (what
    /// `ranges(of:).last` gives), found by UTF-8 bytes.
    public func lastByteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var needle = needle
        let offset: Int? = haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return nil }
                var last: Int?
                var start = 0
                while start <= h.count, let hit = Search.firstOffset(UnsafeBufferPointer(rebasing: h[start...]), n) {
                    last = start + hit
                    start += hit + n.count
                }
                return last
            }
        }
        guard let offset else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

extension Substring {
    /// Whether the slice's UTF-8 bytes begin with `prefix`'s (see `String.hasBytePrefix`).
    public func hasBytePrefix(_ prefix: String) -> Bool {
        guard utf8.count >= prefix.utf8.count else { return false }
        var prefix = prefix
        return withUTF8Bytes { s in prefix.withUTF8 { p in p.isEmpty || memcmp(s.baseAddress!, p.baseAddress!, p.count) == 0 } }
    }

    /// Whether the slice's UTF-8 bytes end with `suffix`'s.
    public func hasByteSuffix(_ suffix: String) -> Bool {
        guard utf8.count >= suffix.utf8.count else { return false }
        var suffix = suffix
        return withUTF8Bytes { s in
            suffix.withUTF8 { p in p.isEmpty || memcmp(s.baseAddress! + (s.count - p.count), p.baseAddress!, p.count) == 0 }
        }
    }
}

extension Substring {
    /// The first range of `needle`, found by UTF-8 bytes.
    public func byteRange(of needle: String) -> Range<String.Index>? {
        var needle = needle
        guard let offset = withUTF8Bytes({ h in needle.withUTF8 { n in Search.firstOffset(h, n) } }) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

enum Search {
    /// The string of valid UTF-8 bytes, or nil: the check the standard library's
    /// `String(validating:)` makes (RFC 3629: no overlong forms, surrogates or values past
    /// U+10FFFF), at about twice its speed on Japanese text, where nearly every sequence is three
    /// bytes and is checked here with one load. (The standard library's validator was 9% of
    /// reading a corpus.)
    static func string(validating bytes: [UInt8]) -> String? {
        let valid = bytes.withUnsafeBufferPointer { firstInvalidUTF8($0) == nil }
        return valid ? string(validUTF8: bytes) : nil
    }

    /// The offset of the first byte of the first invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count
        var i = 0
        while i < n {
            let c = p[i]
            if c < 0x80 {
                i &+= 1
                while i &+ 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i &+= 8 }
                continue
            }
            // A lead 1110xxxx and two continuation bytes, tested with one load where there is room.
            if i &+ 4 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self).littleEndian & 0x00C0_C0F0 == 0x0080_80E0 {
                let c1 = p[i &+ 1]
                if (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) { return i }  // overlong, surrogate
                i &+= 3
                continue
            }
            if c >= 0xE0 && c < 0xF0 {
                guard i &+ 2 < n else { return i }
                let c1 = p[i &+ 1], c2 = p[i &+ 2]
                guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return i }
                if (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) { return i }
                i &+= 3
            } else if c >= 0xC2 && c < 0xE0 {
                guard i &+ 1 < n, p[i &+ 1] & 0xC0 == 0x80 else { return i }
                i &+= 2
            } else if c >= 0xF0 && c <= 0xF4 {
                guard i &+ 3 < n else { return i }
                let c1 = p[i &+ 1], c2 = p[i &+ 2], c3 = p[i &+ 3]
                guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, c3 & 0xC0 == 0x80 else { return i }
                if (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) { return i }  // overlong, past U+10FFFF
                i &+= 4
            } else {
                return i  // a continuation byte, C0, C1 or F5–FF
            }
        }
        return nil
    }

    /// A string of UTF-8 bytes known to be valid (whole lines of decoded text, a table's
    /// output): made without validating them again where the standard library can (Swift 6.2's
    /// `UTF8Span`), else decoded as usual.
    static func string(validUTF8 bytes: [UInt8]) -> String {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            var high: UInt8 = 0
            for b in bytes { high |= b }
            return String(copying: unsafe UTF8Span(unchecked: bytes.span, isKnownASCII: high < 0x80))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always) static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 { return (UInt32(b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return (UInt32(b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
        return (UInt32(b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// The last scalar of valid UTF-8: back over continuation bytes to the scalar's first byte.
    static func lastScalar(_ b: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !b.isEmpty else { return nil }
        var start = b.count - 1
        while start > 0, b[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(b, start).0
    }

    /// The byte range of a text without its leading and trailing spaces, tabs and ideographic
    /// spaces (U+3000 = E3 80 80; UTF-8 being self-synchronising, those three bytes at either
    /// end are that scalar and nothing else).
    static func spaceTrimmed(_ text: String) -> Range<Int> {
        var text = text
        return text.withUTF8(spaceTrimmed)
    }

    /// See `spaceTrimmed(_: String)`.
    static func spaceTrimmed(_ text: Substring) -> Range<Int> { text.withUTF8Bytes(spaceTrimmed) }

    /// See `spaceTrimmed(_: String)`.
    static func spaceTrimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = b.count
        while start < end {
            if b[start] == 0x20 || b[start] == 0x09 { start += 1 }
            else if end - start >= 3, b[start] == 0xE3, b[start + 1] == 0x80, b[start + 2] == 0x80 { start += 3 }
            else { break }
        }
        while end > start {
            if b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
            else if end - start >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 { end -= 3 }
            else { break }
        }
        return start..<end
    }

    /// The number of bytes that are not UTF-8 continuation bytes (10xxxxxx), i.e. of scalars in
    /// valid UTF-8: eight bytes a step, a continuation byte being one whose top bit is set and
    /// whose next bit is clear. (A byte-at-a-time loop with a checked counter did not vectorise
    /// and cost 4% of reading.)
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuation = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            continuation &+= (word & ~(word << 1) & high).nonzeroBitCount
            offset += 8
        }
        while offset < bytes.count {
            if base[offset] & 0xC0 == 0x80 { continuation &+= 1 }
            offset += 1
        }
        return bytes.count &- continuation
    }

    /// The byte offset of the first occurrence of `needle` in `haystack`.
    ///
    /// memchr looks for the needle's last byte, then memcmp checks the rest: in Japanese UTF-8
    /// the first byte of a character (E3–E9) is everywhere, its last byte (one of 64
    /// continuation values) is not, so far fewer candidate positions stop the scan.
    static func firstOffset(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return nil }
        let tail = needle.count - 1
        let anchor = Int32(n[tail])
        var offset = tail  // where the needle's last byte may stand
        while offset < haystack.count {
            guard let hit = memchr(h + offset, anchor, haystack.count - offset) else { return nil }
            let end = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            // (The first byte and the one before the anchor are compared in place: most places
            // fail there, and a call of memcmp costs more than the bytes it would compare.)
            let start = end - tail
            if h[start] == n[0], tail < 2 || h[end - 1] == n[tail - 1], memcmp(h + start, n, tail) == 0 { return start }
            offset = end + 1
        }
        return nil
    }

    /// Whether `needle` occurs in `haystack`.
    static func memmem(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(haystack, needle) != nil
    }
}

extension String {
    /// The pieces between occurrences of `separator`, found by UTF-8 bytes: what
    /// `split(separator:)` gives for a one-character separator, without comparing `Character`s
    /// (which normalises every Japanese character it looks at). With `keepingSeparator`, each
    /// piece but the last ends with its separator; with `omittingEmpty`, empty pieces are left out.
    public func byteSplit(_ separator: String, keepingSeparator: Bool = false, omittingEmpty: Bool = true) -> [Substring] {
        var haystack = self
        var needle = separator
        let cuts: [(Int, Int)] = haystack.withUTF8 { h in
            needle.withUTF8 { n in
                var cuts: [(Int, Int)] = []
                var start = 0
                while start < h.count, let hit = Search.firstOffset(UnsafeBufferPointer(rebasing: h[start...]), n), !n.isEmpty {
                    cuts.append((start, start + hit + (keepingSeparator ? n.count : 0)))
                    start += hit + n.count
                }
                cuts.append((start, h.count))
                return cuts
            }
        }
        let base = utf8.startIndex
        var pieces: [Substring] = []
        pieces.reserveCapacity(cuts.count)
        for (a, b) in cuts where !omittingEmpty || b > a {
            pieces.append(self[utf8.index(base, offsetBy: a)..<utf8.index(base, offsetBy: b)])
        }
        return pieces
    }
}

extension StringProtocol {
    /// Whether the text has more than `n` characters, counting no further than `n + 1`
    /// (`count` walks the whole text, grapheme by grapheme, to compare it with a small number).
    @inlinable public func hasCharacters(moreThan n: Int) -> Bool {
        guard n >= 0 else { return true }
        // (A character is one byte at least: a text of at most `n` bytes has no more.)
        if utf8.count <= n { return false }
        return index(startIndex, offsetBy: n + 1, limitedBy: endIndex) != nil
    }
}
