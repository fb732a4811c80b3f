import KyodoText

/// Character-bigram similarity over folded text: robust to the small rewordings and the lack
/// of word boundaries in Japanese.
public enum TextSimilarity {
    /// The set of character bigrams of a folded text (a one-character text is its own bigram).
    public static func bigrams(_ text: String) -> Set<String> {
        let chars = Array(Normalizer.labelKey(text).filter { !$0.isWhitespace && !"・、。（）()「」".contains($0) })
        guard chars.count >= 2 else { return chars.isEmpty ? [] : [String(chars)] }
        var set = Set<String>()
        for i in 0..<(chars.count - 1) { set.insert(String(chars[i...(i + 1)])) }
        return set
    }

    /// Dice coefficient of two bigram sets, 0…1.
    public static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// The character bigrams of a folded text as sorted, distinct packed integers (two scalars
    /// in one UInt64): the same set as `bigrams`, for fast merging.
    public static func packedBigrams(_ text: String) -> [UInt64] {
        let scalars = Normalizer.labelKey(text).unicodeScalars.filter { !$0.properties.isWhitespace && !"・、。（）()「」".unicodeScalars.contains($0) }
        let values = scalars.map(\.value)
        guard values.count >= 2 else { return values.isEmpty ? [] : [UInt64(values[0]) << 32] }
        var packed = [UInt64]()
        packed.reserveCapacity(values.count - 1)
        for i in 0..<(values.count - 1) { packed.append(UInt64(values[i]) << 32 | UInt64(values[i + 1])) }
        packed.sort()
        var unique = [UInt64]()
        unique.reserveCapacity(packed.count)
        for v in packed where unique.last != v { unique.append(v) }
        return unique
    }

    /// Dice coefficient of two packed bigram sets, by merging.
    public static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(shared) / Double(a.count + b.count)
    }

    /// Dice coefficient of two texts.
    public static func dice(_ a: String, _ b: String) -> Double { dice(bigrams(a), bigrams(b)) }
}
