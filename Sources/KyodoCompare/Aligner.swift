import KyodoModel
import KyodoText

/// Options for alignment.
public struct AlignerOptions: Sendable {
    /// An unaligned item resembles another when the bigram similarity of their label and
    /// description's first sentence reaches this.
    public var resemblanceThreshold: Double = 0.3
    /// How many resembling items to keep.
    public var maxResemblances: Int = 3
    /// Score of a concept found only in the label's gloss in parentheses.
    public var glossScore: Double = 0.8
    /// Score of a concept found only in the description's first sentence.
    public var descriptionScore: Double = 0.5
    /// A researcher's alignments, applied over what the cues say.
    public var overrides: [AlignmentOverride] = []

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
        var seen = Set<String>()
        for g in guidelines where seen.insert(g.document.municipality.id).inserted {
            municipalities.append(g.document.municipality)
        }
        let matchers = Dictionary(uniqueKeysWithValues: aspects.map { ($0, CueMatcher(vocabulary.concepts($0))) })
        var sources: [(Guideline, Item)] = []
        for g in guidelines {
            for item in g.items where aspects.contains(item.aspect) { sources.append((g, item)) }
        }
        // Items are independent: their concepts are found on every core.
        let found = Parallel.map(sources.count) { k in matches(sources[k].1, matcher: matchers[sources[k].1.aspect]!) }
        var items = sources.indices.map { k in
            let (g, item) = sources[k]
            let ref = ItemRef(document: g.document.id, municipality: g.document.municipality.id, aspect: item.aspect,
                              ordinal: String(item.ordinal), label: item.label, span: item.span)
            return AlignedItem(item: ref, description: item.description, matches: found[k], resembles: [])
        }
        let unused = options.overrides.isEmpty ? []
            : AlignmentOverrides(options.overrides, vocabulary: vocabulary).apply(to: &items, aspects: aspects, everyItem: AlignmentOverrides.keys(guidelines))
        // Each item's wording for resemblance and suggestions, read once.
        let forms = LabelForms.shipped
        let wording = Parallel.map(items.count) { k in
            ItemWording(core: forms.core(Normalizer.labelKey(items[k].item.label)), description: items[k].description)
        }
        resemble(&items, wording: wording)
        let notStated = notStated(guidelines, municipalities: municipalities, aspects: aspects)
        var comparison = Comparison(vocabulary: vocabulary, aspects: aspects, municipalities: municipalities, documents: guidelines.map(\.document),
                                    items: items, notStated: notStated, similarity: [])
        comparison.similarity = similarities(comparison)
        comparison.unusedOverrides = unused
        comparison.suggestions = Suggestions(threshold: options.resemblanceThreshold, forms: forms).clusters(items, wording: wording)
        comparison.caveats = guidelines.flatMap { g in
            g.findings.compactMap { f -> CaveatNote? in
                guard let caveat = f.caveat, let aspect = f.aspect, aspects.contains(aspect) else { return nil }
                return CaveatNote(municipality: g.document.municipality.id, aspect: aspect, caveat: caveat, document: g.document.id, span: f.span, message: f.message)
            }
        }
        return comparison
    }

    /// For each item that fits no concept, the items of other municipalities it resembles:
    /// bigrams of the label's core, and of it with the description's first sentence (the closer
    /// counts), candidates found through an inverted index of bigrams (only items sharing one
    /// are compared).
    func resemble(_ items: inout [AlignedItem], wording: [ItemWording]) {
        let unaligned = items.indices.filter { items[$0].matches.isEmpty }
        guard !unaligned.isEmpty else { return }
        let index = WordingIndex(items.map(\.item), wording: wording)
        let threshold = options.resemblanceThreshold, keep = options.maxResemblances
        let found = Parallel.map(unaligned.count) { u -> [(index: Int, similarity: Double)] in
            // Most similar first; among equals, document order.
            Array(index.similar(to: unaligned[u], threshold: threshold)
                .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index < $1.index }.prefix(keep))
        }
        for (u, i) in unaligned.enumerated() {
            items[i].resembles = found[u].map { Resemblance(item: items[$0.index].item, similarity: $0.similarity) }
        }
    }

    /// The concepts of one item: from its label (every concept it joins, 目的共有・役割分担 giving
    /// two); failing that, from the gloss in parentheses after it; failing that, from its
    /// description's first sentence, at a lower score.
    func matches(_ item: Item, matcher: CueMatcher) -> [ConceptMatch] {
        let (label, gloss) = matcher.forms.splitGloss(Normalizer.labelKey(item.label))
        let fromLabel = matcher.match(label)
        if !fromLabel.isEmpty {
            return fromLabel.map { ConceptMatch(concept: $0.concept, score: 1, reason: "label contains 「\($0.cue)」", source: .label) }
        }
        if let gloss {
            let fromGloss = matcher.match(gloss)
            if !fromGloss.isEmpty {
                return fromGloss.map {
                    ConceptMatch(concept: $0.concept, score: options.glossScore, reason: "the label names no concept; its gloss contains 「\($0.cue)」", source: .gloss)
                }
            }
        }
        return matcher.match(Normalizer.labelKey(Self.firstSentence(item.description))).map {
            ConceptMatch(concept: $0.concept, score: options.descriptionScore, reason: "the label names no concept; its description contains 「\($0.cue)」",
                         source: .description)
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

    /// The first sentence of a text: the first non-empty stretch before a 。 (a byte search;
    /// splitting the whole text by `Character` cost more than the rest of the alignment).
    static func firstSentence(_ text: String) -> String {
        var rest = Substring(text)
        while let stop = rest.byteRange(of: "。") {
            if stop.lowerBound > rest.startIndex { return String(rest[..<stop.lowerBound]) }
            rest = rest[stop.upperBound...]
        }
        return String(rest)
    }

    /// Municipality × municipality similarity per aspect: concept overlap and wording.
    ///
    /// Each municipality's concepts become a bit set and its wording a set of bigram ids. The
    /// shared bigrams of every pair come from an inverted index (bigram → the municipalities
    /// using it, in order): row i adds one to (i, j) for every later municipality j on each of
    /// its bigrams' lists, so the work is the sum over bigrams of their document frequency
    /// squared, not n² merges, and rows spread over the cores. The matrix is n² by nature.
    func similarities(_ c: Comparison) -> [SimilarityMatrix] {
        let municipalities = c.municipalities
        let n = municipalities.count
        let position = Dictionary(municipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let notStated = Set(c.notStated.map { "\($0.aspect.rawValue)\t\($0.municipality)" })
        var result: [SimilarityMatrix] = []
        for aspect in c.aspects {
            let conceptBit = Dictionary(c.vocabulary.concepts(aspect).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let words = max(1, (conceptBit.count + 63) / 64)
            var bits = [UInt64](repeating: 0, count: n * words)
            var texts = [String](repeating: "", count: n)
            for a in c.items where a.item.aspect == aspect {
                guard let k = position[a.item.municipality] else { continue }
                for m in a.matches { if let b = conceptBit[m.concept] { bits[k * words + b / 64] |= UInt64(1) << UInt64(b % 64) } }
                texts[k] += a.item.label + a.description
            }
            let stated = municipalities.map { !notStated.contains("\(aspect.rawValue)\t\($0.id)") }
            let index = BigramIndex(Self.bigramSequences(texts))
            result.append(SimilarityMatrix(aspect: aspect, municipalities: municipalities.map(\.id), stated: stated, conceptBits: bits,
                                           conceptWords: words, bigramCounts: index.distinctCounts, sharedBigrams: index.sharedCounts()))
        }
        return result
    }

    /// The bigram sequence of each text, the texts spread over the cores.
    static func bigramSequences(_ texts: [String]) -> [[UInt64]] {
        Parallel.map(texts.count) { TextSimilarity.bigramSequence(texts[$0]) }
    }
}
