import KyodoModel
import KyodoText

extension Evaluation {
    /// Scores `guidelines` (one per coded document, same order as `coding`'s documents) against
    /// the coding; `aligned` gives the concepts of each guideline's items, when concepts are coded.
    public init(coding: [(document: String, items: [CodedItem])], guidelines: [Guideline], aligned: Comparison? = nil) {
        let coded = Set(coding.flatMap { $0.items.map(\.aspect) })
        let aspects = Aspect.allCases.filter(coded.contains)
        var results: [DocumentResult] = []
        var pairs: [Aspect: Score] = [:]
        var sets: [Aspect: [(String, String)]] = [:]
        var linked: [Aspect: [(document: Int, wanted: Set<String>, got: Set<String>)]] = [:]
        for (k, entry) in coding.enumerated() {
            let g = guidelines[k]
            var scores: [Aspect: Score] = [:]
            var missed: [CodedItem] = []
            var extra: [Item] = []
            for aspect in aspects {
                let want = entry.items.filter { $0.aspect == aspect }
                let have = g.items(aspect)
                var taken = Set<Int>()
                var score = Score()
                score.expected = want.count
                score.found = have.count
                for e in want {
                    let key = Normalizer.labelKey(e.label)
                    guard let j = have.indices.first(where: { j in
                        !taken.contains(j) && have[j].normalizedLabel == key
                            && (e.lines.map { $0.overlaps(have[j].span.firstLine...have[j].span.lastLine) } ?? true)
                    }) else { missed.append(e); continue }
                    taken.insert(j)
                    score.matched += 1
                    // Concepts are scored on the aspects the codebook has concepts for.
                    guard let wanted = e.concepts, let aligned, !aligned.vocabulary.concepts(aspect).isEmpty else { continue }
                    let got = Set(aligned.items.filter { a in
                        a.item.document == g.document.id && a.item.aspect == aspect && a.item.span == have[j].span && a.item.label == have[j].label
                    }.flatMap { $0.matches.map(\.concept) })
                    var p = pairs[aspect] ?? Score()
                    p.expected += Set(wanted).count
                    p.found += got.count
                    p.matched += got.intersection(wanted).count
                    pairs[aspect] = p
                    sets[aspect, default: []].append((Set(wanted).sorted().joined(separator: "|"), got.sorted().joined(separator: "|")))
                    linked[aspect, default: []].append((k, Set(wanted), got))
                }
                extra += have.indices.filter { !taken.contains($0) }.map { have[$0] }
                scores[aspect] = score
            }
            results.append(DocumentResult(document: entry.document, scores: scores, missed: missed, extra: extra))
        }
        var concepts: [Aspect: ConceptScore] = [:]
        for (aspect, p) in pairs {
            let s = sets[aspect] ?? []
            var c = ConceptScore()
            c.assignments = p
            c.links = Self.links(linked[aspect] ?? [])
            c.items = s.count
            c.agreeing = s.filter { $0.0 == $0.1 }.count
            c.kappa = Self.kappa(s)
            concepts[aspect] = c
        }
        self.init(documents: results, concepts: concepts, aspects: aspects)
    }

    /// Pairs of matched items of different documents that share a concept, by the coding and by
    /// the aligner: how alignment links items across cities, whatever the concepts are called.
    static func links(_ items: [(document: Int, wanted: Set<String>, got: Set<String>)]) -> Score {
        var s = Score()
        for i in items.indices {
            for j in items.indices where j > i && items[j].document != items[i].document {
                let coded = !items[i].wanted.isDisjoint(with: items[j].wanted)
                let found = !items[i].got.isDisjoint(with: items[j].got)
                if coded { s.expected += 1 }
                if found { s.found += 1 }
                if coded && found { s.matched += 1 }
            }
        }
        return s
    }

    /// Cohen's κ of two raters' categories; nil when chance agreement is total.
    static func kappa(_ ratings: [(String, String)]) -> Double? {
        guard !ratings.isEmpty else { return nil }
        let n = Double(ratings.count)
        let observed = Double(ratings.filter { $0.0 == $0.1 }.count) / n
        var a: [String: Double] = [:], b: [String: Double] = [:]
        for (x, y) in ratings { a[x, default: 0] += 1; b[y, default: 0] += 1 }
        let expected = a.reduce(0.0) { $0 + ($1.value / n) * ((b[$1.key] ?? 0) / n) }
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }
}
