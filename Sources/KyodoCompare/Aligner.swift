import KyodoModel
import KyodoText

/// Options for alignment.
public struct AlignerOptions: Sendable {
    /// An unaligned item resembles another when the bigram similarity of their label and
    /// description's first sentence reaches this.
    public var resemblanceThreshold: Double = 0.3
    /// How many resembling items to keep.
    public var maxResemblances: Int = 3
    /// Score of a concept found only in the description's first sentence.
    public var descriptionScore: Double = 0.5

    public init() {}
    /// The defaults.
    public static let `default` = AlignerOptions()
}

/// Aligns the items of several guidelines to the codebook's concepts: many-to-many, each match
/// with a score and a reason; an item that fits no concept is kept, with the items of other
/// municipalities it resembles (or none: it is unique to its city).
public struct Aligner: Sendable {
    /// The codebook.
    public var vocabulary: Vocabulary
    /// Options.
    public var options: AlignerOptions

    public init(vocabulary: Vocabulary, options: AlignerOptions = .default) {
        self.vocabulary = vocabulary
        self.options = options
    }

    /// Compares guidelines on the given aspects (default: the shared schema's aspects).
    public func compare(_ guidelines: [Guideline], aspects: [Aspect] = Aspect.core) -> Comparison {
        var municipalities: [Municipality] = []
        for g in guidelines where !municipalities.contains(where: { $0.id == g.document.municipality.id }) {
            municipalities.append(g.document.municipality)
        }
        let matchers = Dictionary(uniqueKeysWithValues: aspects.map { ($0, CueMatcher(vocabulary.concepts($0))) })
        var items: [AlignedItem] = []
        for g in guidelines {
            for item in g.items where aspects.contains(item.aspect) {
                let ref = ItemRef(document: g.document.id, municipality: g.document.municipality.id, aspect: item.aspect,
                                  ordinal: String(item.ordinal), label: item.label, span: item.span)
                items.append(AlignedItem(item: ref, description: item.description,
                                         matches: matches(item, matcher: matchers[item.aspect]!), resembles: []))
            }
        }
        // Items that fit no concept: the items of other municipalities they resemble.
        let labelBigrams = items.map { a in
            TextSimilarity.bigrams(a.item.label).union(TextSimilarity.bigrams(a.description.split(separator: "。").first.map(String.init) ?? ""))
        }
        for i in items.indices where items[i].matches.isEmpty {
            var candidates: [Resemblance] = []
            for j in items.indices where items[j].item.aspect == items[i].item.aspect && items[j].item.municipality != items[i].item.municipality {
                let s = TextSimilarity.dice(labelBigrams[i], labelBigrams[j])
                if s >= options.resemblanceThreshold { candidates.append(Resemblance(item: items[j].item, similarity: s)) }
            }
            items[i].resembles = Array(candidates.sorted { $0.similarity > $1.similarity }.prefix(options.maxResemblances))
        }
        let notStated = notStated(guidelines, municipalities: municipalities, aspects: aspects)
        var comparison = Comparison(vocabulary: vocabulary, aspects: aspects, municipalities: municipalities, documents: guidelines.map(\.document),
                                    items: items, notStated: notStated, similarities: [])
        comparison.similarities = similarities(comparison)
        return comparison
    }

    /// The concepts of one item: from its label; failing that, from its description's first sentence.
    func matches(_ item: Item, matcher: CueMatcher) -> [ConceptMatch] {
        let fromLabel = matcher.match(Normalizer.labelKey(item.label))
        if !fromLabel.isEmpty {
            return fromLabel.map { ConceptMatch(concept: $0.concept, score: 1, reason: "label contains 「\($0.cue)」") }
        }
        let firstSentence = item.description.split(separator: "。").first.map(String.init) ?? ""
        return matcher.match(Normalizer.labelKey(firstSentence)).map {
            ConceptMatch(concept: $0.concept, score: options.descriptionScore, reason: "description contains 「\($0.cue)」")
        }
    }

    /// Municipality × aspect pairs with no items, with what the readers said.
    func notStated(_ guidelines: [Guideline], municipalities: [Municipality], aspects: [Aspect]) -> [NotStated] {
        var result: [NotStated] = []
        for m in municipalities {
            let own = guidelines.filter { $0.document.municipality.id == m.id }
            for aspect in aspects where !own.contains(where: { !$0.items(aspect).isEmpty }) {
                let said = own.flatMap { g in
                    g.findings.filter { $0.aspect == aspect && $0.kind != .warning }.map { "\(g.document.id): \($0.message)" }
                }
                result.append(NotStated(municipality: m.id, aspect: aspect,
                                        reason: said.isEmpty ? "no items found" : said.joined(separator: "; ")))
            }
        }
        return result
    }

    /// Municipality × municipality similarity per aspect: concept overlap and wording.
    func similarities(_ c: Comparison) -> [PairSimilarity] {
        var result: [PairSimilarity] = []
        for aspect in c.aspects {
            let text = Dictionary(uniqueKeysWithValues: c.municipalities.map { m in
                (m.id, TextSimilarity.bigrams(c.items(m.id, aspect).map { $0.item.label + $0.description }.joined()))
            })
            for a in c.municipalities {
                for b in c.municipalities {
                    let stated = c.states(a.id, aspect) && c.states(b.id, aspect)
                    let ca = c.concepts(a.id, aspect), cb = c.concepts(b.id, aspect)
                    let union = ca.union(cb)
                    let conceptScore: Double? = stated ? (union.isEmpty ? 0 : Double(ca.intersection(cb).count) / Double(union.count)) : nil
                    let textScore: Double? = stated ? TextSimilarity.dice(text[a.id]!, text[b.id]!) : nil
                    result.append(PairSimilarity(aspect: aspect, first: a.id, second: b.id, concepts: conceptScore, text: textScore))
                }
            }
        }
        return result
    }
}
