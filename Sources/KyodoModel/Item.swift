/// One extracted statement of a guideline: a principle, a form, a partner type, a step…
public struct Item: Codable, Sendable, Hashable {
    /// The aspect the item belongs to.
    public var aspect: Aspect
    /// Position among its siblings, 1-based, in document order.
    public var ordinal: Int
    /// The label as written in the document (markers such as `①` removed).
    public var label: String
    /// The label folded for matching (width, old kanji forms, spacing).
    public var normalizedLabel: String
    /// The text the document gives for the item, if any.
    public var description: String
    /// Named facts the document states for the item (the city's stance, budget, partner…).
    public var attributes: [Attribute]
    /// Sub-items (the points of a process step, the questions of a check-sheet stage).
    public var children: [Item]
    /// Where the item stands in the original file.
    public var span: SourceSpan

    public init(aspect: Aspect, ordinal: Int, label: String, normalizedLabel: String, description: String = "",
                attributes: [Attribute] = [], children: [Item] = [], span: SourceSpan) {
        self.aspect = aspect
        self.ordinal = ordinal
        self.label = label
        self.normalizedLabel = normalizedLabel
        self.description = description
        self.attributes = attributes
        self.children = children
        self.span = span
    }

    /// The stable id of an item: its document, aspect and ordinal path, which every report
    /// gives the same (`koganei-guideline/principles/3`, `hino-guideline/processes/4.2`).
    public static func id(document: String, aspect: Aspect, ordinal: String) -> String {
        "\(document)/\(aspect.rawValue)/\(ordinal)"
    }

    /// The value of the first attribute with this name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}

/// A named value attached to an item, as the document states it.
public struct Attribute: Codable, Sendable, Hashable {
    /// The name, as the document's heading or column says it (e.g. `協働形態`).
    public var name: String
    /// The value as written.
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
