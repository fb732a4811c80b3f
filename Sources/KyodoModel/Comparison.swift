/// A reference to an item, enough to cite it.
public struct ItemRef: Codable, Sendable, Hashable {
    /// Document id.
    public var document: String
    /// Municipality id.
    public var municipality: String
    /// Aspect.
    public var aspect: Aspect
    /// Ordinal path (`4`, `4.2`).
    public var ordinal: String
    /// Label as written.
    public var label: String
    /// Where it stands.
    public var span: SourceSpan

    /// The item's stable id, the same in every report (`koganei-guideline/principles/3`,
    /// `hino-guideline/processes/4.2`): joins `compare --layout long` back to `show`.
    public var id: String { Item.id(document: document, aspect: aspect, ordinal: ordinal) }

    public init(document: String, municipality: String, aspect: Aspect, ordinal: String, label: String, span: SourceSpan) {
        self.document = document
        self.municipality = municipality
        self.aspect = aspect
        self.ordinal = ordinal
        self.label = label
        self.span = span
    }
}

/// One concept an item was aligned to, with a reason a person can read.
public struct ConceptMatch: Codable, Sendable, Hashable {
    /// What an assignment was read from.
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// A cue in the label.
        case label
        /// A cue in the label's gloss in parentheses, the label itself naming no concept.
        case gloss
        /// A cue in the description's first sentence, the label naming no concept.
        case description
        /// A researcher's alignment file said so.
        case manual
    }

    /// The concept's id.
    public var concept: String
    /// 1.0 when the label states it, less when only its gloss or description does.
    public var score: Double
    /// Why (`label contains 「対等」`).
    public var reason: String
    /// Where it was read.
    public var source: Source

    public init(concept: String, score: Double, reason: String, source: Source = .label) {
        self.concept = concept
        self.score = score
        self.reason = reason
        self.source = source
    }
}

/// An item of another municipality that an unaligned item resembles.
public struct Resemblance: Codable, Sendable, Hashable {
    /// The resembling item.
    public var item: ItemRef
    /// Character-bigram similarity of the folded label and first sentence of description, 0…1.
    public var similarity: Double

    public init(item: ItemRef, similarity: Double) {
        self.item = item
        self.similarity = similarity
    }
}

/// An item with what alignment found for it.
public struct AlignedItem: Codable, Sendable, Hashable {
    /// The item.
    public var item: ItemRef
    /// Its description as written.
    public var description: String
    /// The concepts it carries; empty when it fits none.
    public var matches: [ConceptMatch]
    /// For an item that fits no concept: the most similar items of other municipalities.
    public var resembles: [Resemblance]
    /// The alignment-file row that set its concepts (`alignments.tsv:4`), if one did.
    public var manual: String?

    public init(item: ItemRef, description: String, matches: [ConceptMatch], resembles: [Resemblance]) {
        self.item = item
        self.description = description
        self.matches = matches
        self.resembles = resembles
    }
}

/// A municipality states nothing for an aspect (as opposed to stating items no concept fits).
/// A caveat on one municipality's items of one aspect, with the finding it comes from.
public struct CaveatNote: Codable, Sendable, Hashable {
    public var municipality: String
    public var aspect: Aspect
    public var caveat: Finding.Caveat
    /// The document whose reader said it, and where.
    public var document: String
    public var span: SourceSpan?
    /// The reader's sentence.
    public var message: String

    public init(municipality: String, aspect: Aspect, caveat: Finding.Caveat, document: String, span: SourceSpan?, message: String) {
        self.municipality = municipality
        self.aspect = aspect
        self.caveat = caveat
        self.document = document
        self.span = span
        self.message = message
    }
}

public struct NotStated: Codable, Sendable, Hashable {
    /// Municipality id.
    public var municipality: String
    /// Aspect.
    public var aspect: Aspect
    /// What the documents' readers said (absent, figure lost…).
    public var reason: String

    public init(municipality: String, aspect: Aspect, reason: String) {
        self.municipality = municipality
        self.aspect = aspect
        self.reason = reason
    }
}

/// Items of several municipalities aligned to the codebook's concepts.
public struct Comparison: Codable, Sendable, Hashable {
    /// The codebook used.
    public var vocabulary: Vocabulary
    /// The aspects compared.
    public var aspects: [Aspect]
    /// The municipalities, in the order given.
    public var municipalities: [Municipality]
    /// The documents read, in order.
    public var documents: [Document]
    /// Every top-level item of the compared aspects.
    public var items: [AlignedItem]
    /// Municipality × aspect pairs with no items at all.
    public var notStated: [NotStated]
    /// Municipality × municipality similarity, one matrix per aspect.
    public var similarity: [SimilarityMatrix]
    /// What the readers said that qualifies a municipality's items of an aspect (an open list,
    /// names in prose beyond the list, a figure lost in extraction), in document order.
    public var caveats: [CaveatNote] = []
    /// Groups of items no concept fits that resemble each other across municipalities:
    /// candidates for the codebook.
    public var suggestions: [SuggestedConcept] = []
    /// Rows of the alignment file that matched no item compared.
    public var unusedOverrides: [AlignmentOverride] = []

    public init(vocabulary: Vocabulary, aspects: [Aspect], municipalities: [Municipality], documents: [Document],
                items: [AlignedItem], notStated: [NotStated], similarity: [SimilarityMatrix]) {
        self.vocabulary = vocabulary
        self.aspects = aspects
        self.municipalities = municipalities
        self.documents = documents
        self.items = items
        self.notStated = notStated
        self.similarity = similarity
    }

    /// The items of one municipality and aspect.
    public func items(_ municipality: String, _ aspect: Aspect) -> [AlignedItem] {
        items.filter { $0.item.municipality == municipality && $0.item.aspect == aspect }
    }

    /// The ids of the concepts a municipality states on an aspect.
    public func concepts(_ municipality: String, _ aspect: Aspect) -> Set<String> {
        Set(items(municipality, aspect).flatMap { $0.matches.map(\.concept) })
    }

    /// Whether the municipality states the aspect at all.
    public func states(_ municipality: String, _ aspect: Aspect) -> Bool {
        !notStated.contains { $0.municipality == municipality && $0.aspect == aspect }
    }

    /// The caveats on one municipality's items of an aspect.
    public func caveats(_ municipality: String, _ aspect: Aspect) -> [CaveatNote] {
        caveats.filter { $0.municipality == municipality && $0.aspect == aspect }
    }
}

/// Lookups into a `Comparison` built once: its items, concepts and statedness per
/// municipality and aspect, and which municipalities state each concept. `Comparison`'s own
/// accessors scan; reports over many municipalities use this.
public struct ComparisonIndex: Sendable {
    private var itemsBy: [String: [AlignedItem]] = [:]
    private var conceptsBy: [String: Set<String>] = [:]
    private var holders: [String: [String]] = [:]
    private var unstated: Set<String>
    private var caveatsBy: [String: [CaveatNote]] = [:]

    private static func key(_ municipality: String, _ aspect: Aspect) -> String { aspect.rawValue + "\t" + municipality }

    public init(_ c: Comparison) {
        unstated = Set(c.notStated.map { Self.key($0.municipality, $0.aspect) })
        for n in c.caveats { caveatsBy[Self.key(n.municipality, n.aspect), default: []].append(n) }
        for a in c.items {
            let k = Self.key(a.item.municipality, a.item.aspect)
            itemsBy[k, default: []].append(a)
            for m in a.matches where conceptsBy[k, default: []].insert(m.concept).inserted {
                holders[a.item.aspect.rawValue + "\t" + m.concept, default: []].append(a.item.municipality)
            }
        }
        // Holders in the comparison's municipality order.
        let order = Dictionary(c.municipalities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, list) in holders { holders[k] = list.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) } }
    }

    /// The caveats on one municipality's items of an aspect.
    public func caveats(_ municipality: String, _ aspect: Aspect) -> [CaveatNote] { caveatsBy[Self.key(municipality, aspect)] ?? [] }
    /// The items of one municipality and aspect, in order.
    public func items(_ municipality: String, _ aspect: Aspect) -> [AlignedItem] { itemsBy[Self.key(municipality, aspect)] ?? [] }
    /// The concepts a municipality states on an aspect.
    public func concepts(_ municipality: String, _ aspect: Aspect) -> Set<String> { conceptsBy[Self.key(municipality, aspect)] ?? [] }
    /// Whether the municipality states the aspect at all.
    public func states(_ municipality: String, _ aspect: Aspect) -> Bool { !unstated.contains(Self.key(municipality, aspect)) }
    /// The municipalities that state a concept, in the comparison's order.
    public func holders(_ concept: String, _ aspect: Aspect) -> [String] { holders[aspect.rawValue + "\t" + concept] ?? [] }
}
