/// What a reader says about an aspect beyond its items: that the document does not state it,
/// that its list is open-ended, that a figure holding it was lost in extraction, or that
/// something looked wrong.
public struct Finding: Codable, Sendable, Hashable {
    /// The kind of finding.
    public enum Kind: String, Codable, Sendable {
        /// The document does not state this aspect.
        case absent
        /// The document says its list is not exhaustive (…など, 限定していません).
        case notExhaustive
        /// The document refers to a figure or chart that did not survive extraction.
        case lostInExtraction
        /// Something the reader expected and did not find, or found in an odd shape.
        case warning
    }
    /// The kind of finding.
    public var kind: Kind
    /// The aspect concerned, if any.
    public var aspect: Aspect?
    /// A sentence a person can read (English, quoting the Japanese where useful).
    public var message: String
    /// The place in the file it concerns, if any.
    public var span: SourceSpan?
    /// What the finding means for a comparison of the aspect's items, if anything: a count of
    /// them is a lower bound, or the items are not in the text at all.
    public var caveat: Caveat?

    /// What a comparison must say beside a municipality's items of an aspect (or their absence).
    public enum Caveat: String, Codable, Sendable, CaseIterable {
        /// The items are examples of an open list (…など), or were read from prose under no heading.
        case openList = "open_list"
        /// The prose names items the section's list or table does not hold.
        case namedInProse = "named_in_prose"
        /// The items were in a figure that did not survive extraction.
        case lostInExtraction = "lost_in_extraction"

        /// The caveat in Japanese, with English alongside.
        public var label: String {
            switch self {
            case .openList: "例示（…など） open list"
            case .namedInProse: "本文にも記載 also named in prose"
            case .lostInExtraction: "図で記載（抽出不能） lost in extraction"
            }
        }
    }

    public init(_ kind: Kind, aspect: Aspect?, _ message: String, span: SourceSpan? = nil, caveat: Caveat? = nil) {
        self.kind = kind
        self.aspect = aspect
        self.message = message
        self.span = span
        self.caveat = caveat ?? (kind == .lostInExtraction ? .lostInExtraction : kind == .notExhaustive ? .openList : nil)
    }
}
