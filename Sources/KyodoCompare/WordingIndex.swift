import KyodoModel

/// Items' wording in an inverted index of character bigrams, for finding the items of other
/// municipalities (same aspect) whose wording resembles an item's: only items sharing a bigram
/// are compared. Resemblance (`Aligner.resemble`) and suggested concepts (`Suggestions`) both
/// ask it.
struct WordingIndex {
    let wording: [ItemWording]
    /// Aspect and municipality as small integers, so the candidate test compares no strings.
    let aspect: [Int]
    let municipality: [Int]
    private let postings: [UInt64: [Int]]

    /// The index of `refs[k]` with `wording[k]`.
    init(_ refs: [ItemRef], wording: [ItemWording]) {
        self.wording = wording
        var municipalities: [String: Int] = [:]
        municipality = refs.map { r in municipalities[r.municipality] ?? { municipalities[r.municipality] = municipalities.count; return municipalities.count - 1 }() }
        aspect = refs.map { r in Aspect.allCases.firstIndex(of: r.aspect) ?? 0 }
        var postings: [UInt64: [Int]] = [:]
        for (k, w) in wording.enumerated() { for b in w.both { postings[b, default: []].append(k) } }
        self.postings = postings
    }

    /// The entries of the same aspect and another municipality than entry `k` whose wording
    /// resembles its own at `threshold` or more and that `include` admits, each once, with the
    /// similarity, in no particular order.
    func similar(to k: Int, threshold: Double, where include: (Int) -> Bool = { _ in true }) -> [(index: Int, similarity: Double)] {
        var seen = Set<Int>()
        var found: [(index: Int, similarity: Double)] = []
        for b in wording[k].both {
            for j in postings[b] ?? [] where aspect[j] == aspect[k] && municipality[j] != municipality[k] && include(j) && seen.insert(j).inserted {
                let s = wording[k].similarity(wording[j])
                if s >= threshold { found.append((j, s)) }
            }
        }
        return found
    }
}
