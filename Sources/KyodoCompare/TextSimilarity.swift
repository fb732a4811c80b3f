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

    /// Dice coefficient of two texts.
    public static func dice(_ a: String, _ b: String) -> Double { dice(bigrams(a), bigrams(b)) }
}
