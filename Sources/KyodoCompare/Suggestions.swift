import KyodoModel
import KyodoText

/// Items no concept fits, grouped across municipalities into candidate concepts: two items of
/// different municipalities (one aspect) are linked when the character bigrams of their label's
/// core and their description's first sentence resemble each other as `Aligner.resemble`
/// measures it; a group is what links join, kept when it spans two municipalities or more.
/// Each group gets the longest wording most of its members' cores share as its proposed cue
/// (相互補完の原則 / 補完性 / 相互に補完し合うこと → 補完).
struct Suggestions {
    let threshold: Double
    let forms: LabelForms

    init(threshold: Double, forms: LabelForms = .shipped) {
        self.threshold = threshold
        self.forms = forms
    }

    /// The candidates among `items`, `wording[k]` being item k's (as the aligner read it).
    func clusters(_ items: [AlignedItem], wording all: [ItemWording]) -> [SuggestedConcept] {
        let loose = items.indices.filter { items[$0].matches.isEmpty && items[$0].manual == nil }
        guard loose.count >= 2 else { return [] }
        let cores = loose.map { all[$0].coreText }
        let index = WordingIndex(loose.map { items[$0].item }, wording: loose.map { all[$0] })
        // Each item's links to later items of other municipalities, found on every core.
        let links = Parallel.map(loose.count) { u -> [Int] in
            index.similar(to: u, threshold: threshold) { $0 > u }.map(\.index)
        }
        var parent = Array(loose.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for (u, vs) in links.enumerated() { for v in vs { let a = root(u), b = root(v); if a != b { parent[max(a, b)] = min(a, b) } } }
        var groups: [Int: [Int]] = [:]
        for u in loose.indices { groups[root(u), default: []].append(u) }
        var found: [(members: [Int], municipalities: Int)] = []
        for (_, members) in groups {
            let municipalities = Set(members.map { items[loose[$0]].item.municipality }).count
            if municipalities >= 2 { found.append((members.sorted(), municipalities)) }
        }
        found.sort { a, b in
            a.municipalities != b.municipalities ? a.municipalities > b.municipalities
                : a.members.count != b.members.count ? a.members.count > b.members.count : a.members[0] < b.members[0]
        }
        return found.enumerated().map { n, g in
            let members = g.members.map { items[loose[$0]].item }
            return SuggestedConcept(id: "candidate_\(n + 1)", aspect: members[0].aspect, cue: Self.sharedWording(g.members.map { cores[$0] }, fillers: forms.fillers),
                                    members: members, municipalities: g.municipalities)
        }
    }

    /// Particles and separators a cue neither starts nor ends with (a wider set than the
    /// label forms' particles, which are only those dropped between kanji).
    static let edgeCharacters: Set<Character> = ["を", "が", "の", "に", "は", "と", "も", "で", "や", "へ", "・", "、"]

    /// Whether a piece of a label can be a cue: it neither starts nor ends with a particle, and
    /// holds a kanji or katakana or is four kana long (ふりかえ), not a fragment like いを.
    static func isWording(_ piece: String) -> Bool {
        guard let first = piece.first, let last = piece.last, !edgeCharacters.contains(first), !edgeCharacters.contains(last) else { return false }
        let strong = piece.contains { c in LabelForms.isKanji(c) || ("ァ"..."ヺ").contains(c) || c.isASCII && c.isLetter }
        return strong || piece.count >= 4
    }

    /// The wording the most cores contain (two characters or more), the longest among those,
    /// the first found among equals; the shortest core when no two share one.
    static func sharedWording(_ cores: [String], fillers: Set<String> = []) -> String {
        let distinct = Array(Set(cores)).sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        guard let shortest = distinct.first else { return "" }
        guard distinct.count >= 2 else { return shortest }
        // Candidates: the substrings of the shortest few cores (a shared wording is in most of them).
        var best = (text: shortest, count: 1)
        for core in distinct.prefix(3) {
            let chars = Array(core)
            guard chars.count >= 2 else { continue }
            for length in stride(from: min(chars.count, 12), through: 2, by: -1) {
                for start in 0...(chars.count - length) {
                    let piece = String(chars[start..<(start + length)])
                    guard Self.isWording(piece), !fillers.contains(piece) else { continue }
                    let count = cores.filter { $0.contains(piece) }.count
                    if count > best.count || (count == best.count && count >= 2 && piece.count > best.text.count) { best = (piece, count) }
                }
            }
        }
        return best.text
    }
}

/// What two items are compared by when no concept fits them: the character bigrams of the
/// label's core, and of the core with the description's first sentence. Two short labels alike
/// in themselves (補完性 / 補完性の原則) resemble each other whatever their descriptions say, and
/// two labels that say nothing (第一段階 / はじめに) resemble each other by their descriptions.
struct ItemWording: Sendable {
    /// The label's core as text (the suggestions' cue is taken from it).
    let coreText: String
    let core: [UInt64]
    let both: [UInt64]

    init(core: String, description: String) {
        self.coreText = core
        self.core = TextSimilarity.packedBigrams(core)
        self.both = TextSimilarity.packedBigrams(core + "\u{3000}" + Aligner.firstSentence(description))
    }

    /// The closer of the two Dice coefficients.
    func similarity(_ other: ItemWording) -> Double {
        max(core.isEmpty || other.core.isEmpty ? 0 : TextSimilarity.dice(core, other.core), TextSimilarity.dice(both, other.both))
    }
}
