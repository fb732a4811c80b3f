import Dispatch
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
        resemble(&items)
        let notStated = notStated(guidelines, municipalities: municipalities, aspects: aspects)
        var comparison = Comparison(vocabulary: vocabulary, aspects: aspects, municipalities: municipalities, documents: guidelines.map(\.document),
                                    items: items, notStated: notStated, similarity: [])
        comparison.similarity = similarities(comparison)
        return comparison
    }

    /// For each item that fits no concept, the items of other municipalities it resembles:
    /// bigrams of label and the description's first sentence, candidates found through an
    /// inverted index of bigrams (only items sharing one are compared).
    func resemble(_ items: inout [AlignedItem]) {
        let unaligned = items.indices.filter { items[$0].matches.isEmpty }
        guard !unaligned.isEmpty else { return }
        let bigrams = items.map { a in
            TextSimilarity.packedBigrams(a.item.label + "\u{3000}" + (a.description.split(separator: "。").first.map(String.init) ?? ""))
        }
        var index: [UInt64: [Int]] = [:]
        for (k, set) in bigrams.enumerated() { for b in set { index[b, default: []].append(k) } }
        for i in unaligned {
            var seen = Set<Int>()
            var candidates: [(index: Int, similarity: Double)] = []
            for b in bigrams[i] {
                for j in index[b] ?? [] where seen.insert(j).inserted
                    && items[j].item.aspect == items[i].item.aspect && items[j].item.municipality != items[i].item.municipality {
                    let s = TextSimilarity.dice(bigrams[i], bigrams[j])
                    if s >= options.resemblanceThreshold { candidates.append((j, s)) }
                }
            }
            // Most similar first; among equals, document order.
            let ordered = candidates.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.index < $1.index }
            items[i].resembles = ordered.prefix(options.maxResemblances).map { Resemblance(item: items[$0.index].item, similarity: $0.similarity) }
        }
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
    ///
    /// Each municipality's concepts and bigrams are gathered once; each unordered pair is
    /// computed once, the rows spread over the cores. The matrix is n² by nature.
    func similarities(_ c: Comparison) -> [SimilarityMatrix] {
        let municipalities = c.municipalities
        let n = municipalities.count
        let position = Dictionary(municipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let notStated = Set(c.notStated.map { "\($0.aspect.rawValue)\t\($0.municipality)" })
        var result: [SimilarityMatrix] = []
        for aspect in c.aspects {
            // Concepts as bit masks (a codebook aspect with more than 64 concepts spills into a set).
            let conceptBit = Dictionary(c.vocabulary.concepts(aspect).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            var concepts = [Set<String>](repeating: [], count: n)
            var texts = [String](repeating: "", count: n)
            for a in c.items where a.item.aspect == aspect {
                guard let k = position[a.item.municipality] else { continue }
                concepts[k].formUnion(a.matches.map(\.concept))
                texts[k] += a.item.label + a.description
            }
            let masks: [UInt64]? = conceptBit.count <= 64
                ? concepts.map { set in set.reduce(UInt64(0)) { mask, id in mask | (conceptBit[id].map { UInt64(1) << UInt64($0) } ?? 0) } } : nil
            let stated = municipalities.map { !notStated.contains("\(aspect.rawValue)\t\($0.id)") }
            let bigrams = texts.map(TextSimilarity.packedBigrams)
            let conceptSets = concepts  // immutable copy for the workers
            var conceptScores = [Double](repeating: .nan, count: n * n)
            var textScores = [Double](repeating: .nan, count: n * n)
            conceptScores.withUnsafeMutableBufferPointer { conceptOut in
                textScores.withUnsafeMutableBufferPointer { textOut in
                    let conceptBase = Cells(conceptOut.baseAddress!), textBase = Cells(textOut.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: n) { i in
                        for j in i..<n where stated[i] && stated[j] {
                            let conceptScore: Double
                            if let masks {
                                let union = (masks[i] | masks[j]).nonzeroBitCount
                                conceptScore = union == 0 ? 0 : Double((masks[i] & masks[j]).nonzeroBitCount) / Double(union)
                            } else {
                                let union = conceptSets[i].union(conceptSets[j]).count
                                conceptScore = union == 0 ? 0 : Double(conceptSets[i].intersection(conceptSets[j]).count) / Double(union)
                            }
                            let textScore = TextSimilarity.dice(bigrams[i], bigrams[j])
                            conceptBase.pointer[i * n + j] = conceptScore; conceptBase.pointer[j * n + i] = conceptScore
                            textBase.pointer[i * n + j] = textScore; textBase.pointer[j * n + i] = textScore
                        }
                    }
                }
            }
            result.append(SimilarityMatrix(aspect: aspect, municipalities: municipalities.map(\.id), concepts: conceptScores, text: textScores))
        }
        return result
    }
}

/// Cells of a matrix written from several threads: the worker for row i writes (i, j) and
/// (j, i) for j ≥ i only, so no cell is written twice.
private struct Cells: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Double>
    init(_ pointer: UnsafeMutablePointer<Double>) { self.pointer = pointer }
}
