/// Words some texts may begin with, looked up by the texts' first two bytes: a text whose
/// first two bytes begin no word is answered without comparing it to any (most lines of a
/// document begin no furniture word, so most lines cost one table look-up).
public struct PrefixSet: Sendable {
    /// The words, by their first two bytes (a one-byte word under its byte and every second byte).
    private var buckets: [UInt16: [String]] = [:]
    /// The two-byte keys that begin a word, as a 65,536-bit set.
    private var keys = [UInt64](repeating: 0, count: 1 << 10)
    /// Whether the empty word is among the words (every text begins with it).
    private var holdsEmpty = false

    public init(_ words: [String]) {
        for word in words {
            let bytes = Array(word.utf8)
            switch bytes.count {
            case 0: holdsEmpty = true
            case 1: for second in 0...255 { insert(UInt16(bytes[0]) << 8 | UInt16(second), word) }
            default: insert(UInt16(bytes[0]) << 8 | UInt16(bytes[1]), word)
            }
        }
    }

    private mutating func insert(_ key: UInt16, _ word: String) {
        keys[Int(key) >> 6] |= 1 << UInt64(key & 63)
        buckets[key, default: []].append(word)
    }

    /// Whether `text` begins with one of the words.
    public func beginsSome(_ text: String) -> Bool {
        if holdsEmpty { return true }
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return false }
        // A one-byte text can only begin with a one-byte word (filed under every second byte).
        let key = UInt16(first) << 8 | UInt16(utf8.next() ?? 0)
        guard keys[Int(key) >> 6] & (1 << UInt64(key & 63)) != 0, let words = buckets[key] else { return false }
        return words.contains(where: text.hasBytePrefix)
    }
}
