/// The pairs of adjacent characters some texts hold, as a 65,536-bit set: says for certain
/// that a word is in none of the texts (one of its pairs is missing), and "perhaps" otherwise.
///
/// Made once a document, it lets a scan of every block for a cue word be skipped when the
/// document lacks the word, which most cue words of the section data are for most documents.
/// A pair is hashed from the two characters' UTF-8 bytes as they stand (no decoding), about
/// fifteen instructions a character. A word of one character is always "perhaps".
public struct PairSieve: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    /// An empty sieve: it holds nothing.
    public init() {}

    /// Adds the pairs of a text.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { b in
            bits.withUnsafeMutableBufferPointer { set in Self.forEachPair(b) { set[$0 >> 6] |= 1 << UInt64($0 & 63) } }
        }
    }

    /// Whether `word` may occur in one of the texts (false: it occurs in none).
    public func mayHold(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { b in
            var all = true
            Self.forEachPair(b) { if bits[$0 >> 6] & (1 << UInt64($0 & 63)) == 0 { all = false } }
            return all
        }
    }

    /// The words that may occur, in their order.
    public func mayHold(_ words: [String]) -> [String] { words.filter(mayHold) }

    /// Calls `body` with the bit of every pair of adjacent characters of valid UTF-8.
    @inline(__always) private static func forEachPair(_ b: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let p = b.baseAddress, !b.isEmpty else { return }
        let n = b.count
        // The character at `i` as its bytes packed in an integer, and its length.
        @inline(__always) func character(at i: Int) -> (UInt64, Int) {
            let b0 = p[i]
            let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            if i + 4 <= n {
                let word = UInt64(UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self))
                return (length == 4 ? word : word & ((1 << UInt64(8 * length)) - 1), length)
            }
            var packed: UInt64 = 0
            for k in 0..<min(length, n - i) { packed |= UInt64(p[i + k]) << UInt64(8 * k) }
            return (packed, length)
        }
        var (previous, i) = character(at: 0)
        while i < n {
            let (current, length) = character(at: i)
            i += length
            body(Int(truncatingIfNeeded: ((previous << 32 | current) &* 0x9E37_79B9_7F4A_7C15) >> 48))
            previous = current
        }
    }
}
