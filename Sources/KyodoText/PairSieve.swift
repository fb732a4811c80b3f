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

    /// Adds the pairs of a text, and the pairs a quote mark stands between (`な「かたち`
    /// holds `なか` too: a heading is matched with its quote marks left out).
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { b in
            bits.withUnsafeMutableBufferPointer { set in Self.forEachPair(b, bridgingQuotes: true) { set[$0 >> 6] |= 1 << UInt64($0 & 63) } }
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
    @inline(__always) private static func forEachPair(_ b: UnsafeBufferPointer<UInt8>, bridgingQuotes: Bool = false, _ body: (Int) -> Void) {
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
        @inline(__always) func pair(_ a: UInt64, _ b: UInt64) -> Int { Int(truncatingIfNeeded: ((a << 32 | b) &* 0x9E37_79B9_7F4A_7C15) >> 48) }
        // 「 」 『 』 are E3 80 8C–8F: packed little-endian, 0x8C80E3–0x8F80E3.
        @inline(__always) func isQuote(_ c: UInt64) -> Bool { c & 0xFCFFFF == 0x8C80E3 }
        var (previous, i) = character(at: 0)
        var beforeQuote: UInt64?  // the character before a run of quote marks
        if bridgingQuotes, isQuote(previous) { beforeQuote = 0 }
        while i < n {
            let (current, length) = character(at: i)
            i += length
            body(pair(previous, current))
            if bridgingQuotes {
                if isQuote(current) {
                    if beforeQuote == nil { beforeQuote = previous }
                } else if let q = beforeQuote {
                    body(pair(q, current))
                    beforeQuote = nil
                }
            }
            previous = current
        }
    }
}
