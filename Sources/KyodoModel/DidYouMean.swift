/// "Did you mean …?" for a name not known: the known name closest by edit distance, when it is
/// close enough to be a slip (a third of the name's length at most, at least one edit).
public enum DidYouMean {
    /// ` (did you mean 'principles'?)`, or empty when no known name is close.
    public static func suggestion(_ name: String, among known: [String]) -> String {
        let lowered = name.lowercased()
        let scored = known.map { ($0, distance(Array(lowered), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }),
              best.1 > 0 || best.0 != name, best.1 <= max(1, lowered.count / 3) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    /// Edit distance between two sequences of characters, a swap of two neighbours counting as
    /// one edit (optimal string alignment): `wdie` is one edit from `wide`.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
