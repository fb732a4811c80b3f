/// One item of a researcher's hand coding: what a careful reader finds in a document, against
/// which `kyodo evaluate` scores the tool.
public struct CodedItem: Sendable, Hashable {
    /// The document as the sheet names it (a path relative to the sheet, or a corpus id).
    public var document: String
    /// The aspect.
    public var aspect: Aspect
    /// Position among the document's coded items of the aspect, 1-based.
    public var ordinal: Int
    /// The label as the coder wrote it.
    public var label: String
    /// The lines the item occupies in the original file, if coded.
    public var lines: ClosedRange<Int>?
    /// The codebook concepts the coder assigned, if the sheet has a `concept` column.
    public var concepts: [String]?
    /// Where the row stands in the sheet (`sheet.tsv:12`).
    public var origin: String

    public init(document: String, aspect: Aspect, ordinal: Int, label: String, lines: ClosedRange<Int>?, concepts: [String]?, origin: String) {
        self.document = document
        self.aspect = aspect
        self.ordinal = ordinal
        self.label = label
        self.lines = lines
        self.concepts = concepts
        self.origin = origin
    }
}
