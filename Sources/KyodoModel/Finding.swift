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

    public init(_ kind: Kind, aspect: Aspect?, _ message: String, span: SourceSpan? = nil) {
        self.kind = kind
        self.aspect = aspect
        self.message = message
        self.span = span
    }
}
