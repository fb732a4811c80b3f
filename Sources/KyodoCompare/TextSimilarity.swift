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
        var packed = bigramSequence(text)
        packed.sort()
        var unique = [UInt64]()
        unique.reserveCapacity(packed.count)
        for v in packed where unique.last != v { unique.append(v) }
        return unique
    }

    /// The character bigrams of a folded text in text order, repeats included (a one-character
    /// text is its own bigram): what `packedBigrams` sorts and de-duplicates, and what
    /// `BigramIndex` takes as it stands.
    static func bigramSequence(_ text: String) -> [UInt64] {
        var packed = [UInt64]()
        var previous: UInt32?
        for scalar in Normalizer.fold(text).unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0x30FB, 0x3001, 0x3002, 0xFF08, 0xFF09, 0x28, 0x29, 0x300C, 0x300D: continue  // space ・、。（）()「」
            default: break
            }
            if let p = previous { packed.append(UInt64(p) << 32 | UInt64(scalar.value)) }
            previous = scalar.value
        }
        if packed.isEmpty, let p = previous { return [UInt64(p) << 32] }
        return packed
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
