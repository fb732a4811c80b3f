/// What the extractor returns for one document: the shared schema, filled in from its text.
public struct Guideline: Codable, Sendable, Hashable {
    /// The document read.
    public var document: Document
    /// The input format it was read from (`text`).
    public var reader: String
    /// The title line found in the text, if any.
    public var title: String?
    /// Dates the document states about itself.
    public var dates: [DocumentDate]
    /// Every item, in aspect order and then document order.
    public var items: [Item]
    /// Absences, open lists, lost figures and warnings.
    public var findings: [Finding]
    /// How sure the extractor is of each aspect of the shared schema, 0…1.
    public var confidence: [Aspect: Double]

    public init(document: Document, reader: String, title: String? = nil, dates: [DocumentDate] = [],
                items: [Item] = [], findings: [Finding] = [], confidence: [Aspect: Double] = [:]) {
        self.document = document
        self.reader = reader
        self.title = title
        self.dates = dates
        self.items = items
        self.findings = findings
        self.confidence = confidence
    }

    /// The top-level items of one aspect.
    public func items(_ aspect: Aspect) -> [Item] {
        items.filter { $0.aspect == aspect }
    }
}
