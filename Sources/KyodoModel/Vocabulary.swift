/// A concept of the codebook: one idea guidelines state, in whatever words.
public struct Concept: Codable, Sendable, Hashable {
    /// The aspect the concept belongs to.
    public var aspect: Aspect
    /// Stable id (`equality`).
    public var id: String
    /// Japanese label (`対等`).
    public var japanese: String
    /// English label (`equality`).
    public var english: String
    /// Cue words and variants whose presence in an item's wording assigns it the concept.
    public var cues: [String]

    public init(aspect: Aspect, id: String, japanese: String, english: String, cues: [String]) {
        self.aspect = aspect
        self.id = id
        self.japanese = japanese
        self.english = english
        self.cues = cues
    }
}

/// The codebook: the concepts per aspect that alignment assigns items to. It names concepts;
/// it never drives extraction.
public struct Vocabulary: Codable, Sendable, Hashable {
    /// Where it was read from.
    public var source: String
    /// The concepts, in codebook order.
    public var concepts: [Concept]

    public init(source: String, concepts: [Concept]) {
        self.source = source
        self.concepts = concepts
    }

    /// The concepts of one aspect, in codebook order.
    public func concepts(_ aspect: Aspect) -> [Concept] { concepts.filter { $0.aspect == aspect } }

    /// The concept with this aspect and id.
    public func concept(_ aspect: Aspect, _ id: String) -> Concept? { concepts.first { $0.aspect == aspect && $0.id == id } }
}
