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

enum Search {
    static func memmem(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return false }
        // memchr to the next candidate first byte, memcmp the rest.
        let first = Int32(n.pointee)
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(h + offset, first, last - offset + 1) else { return false }
            let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }
}
