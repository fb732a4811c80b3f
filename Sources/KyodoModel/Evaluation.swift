/// The tool's reading scored against a researcher's hand coding.
///
/// An expected item is found when the tool has an item of the same aspect in the same document
/// whose label is equal after folding (width, spacing, old kanji forms) and whose lines overlap
/// the coded lines (when the sheet gives lines); each found item counts for one expected item.
/// Where the sheet gives concepts, the concepts the aligner assigned to the found items are
/// compared with them: per item and concept (precision, recall), and as Cohen's κ over the
/// concept sets of matched items.
public struct Evaluation: Sendable {
    /// Counts for one scope (a document and aspect, an aspect, or everything).
    public struct Score: Sendable, Hashable {
        public var expected = 0
        public var found = 0
        public var matched = 0
        public var precision: Double { found == 0 ? (expected == 0 ? 1 : 0) : Double(matched) / Double(found) }
        public var recall: Double { expected == 0 ? (found == 0 ? 1 : 0) : Double(matched) / Double(expected) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        public init() {}

        /// The sum of two scores.
        public static func + (a: Score, b: Score) -> Score {
            var s = Score()
            s.expected = a.expected + b.expected
            s.found = a.found + b.found
            s.matched = a.matched + b.matched
            return s
        }
    }

    /// One document's reading against its coding, per aspect.
    public struct DocumentResult: Sendable {
        public var document: String
        public var scores: [Aspect: Score]
        /// Coded items the tool did not find.
        public var missed: [CodedItem]
        /// Items the tool found that the coding does not have.
        public var extra: [Item]

        public init(document: String, scores: [Aspect: Score], missed: [CodedItem], extra: [Item]) {
            self.document = document
            self.scores = scores
            self.missed = missed
            self.extra = extra
        }
    }

    /// Agreement on concepts for one aspect.
    public struct ConceptScore: Sendable, Hashable {
        /// Item–concept assignments: coded, assigned, both.
        public var assignments = Score()
        /// Pairs of items of different documents sharing a concept: coded, assigned, both.
        public var links = Score()
        /// Matched items whose concept sets are equal.
        public var agreeing = 0
        public var items = 0
        /// Cohen's κ over the concept sets of matched items; nil when undefined.
        public var kappa: Double?

        public init() {}
    }

    public var documents: [DocumentResult]
    public var concepts: [Aspect: ConceptScore]
    /// The aspects the coding covers, in schema order.
    public var aspects: [Aspect]

    /// All documents' counts for one aspect.
    public func total(_ aspect: Aspect) -> Score { documents.reduce(Score()) { $0 + ($1.scores[aspect] ?? Score()) } }

    /// All documents' counts over every aspect.
    public var total: Score { aspects.reduce(Score()) { $0 + total($1) } }

    public init(documents: [DocumentResult], concepts: [Aspect: ConceptScore], aspects: [Aspect]) {
        self.documents = documents
        self.concepts = concepts
        self.aspects = aspects
    }
}
