/// One row of a researcher's alignment file: the concepts an item carries, whatever its cues
/// say. The item is named by its id (`koganei-guideline/principles/3`) or by its document and
/// label (with the aspect, optionally).
public struct AlignmentOverride: Codable, Sendable, Hashable {
    /// The file and line it stands on, for reports and messages (`alignments.tsv:4`).
    public var place: String
    /// The item's id, when the row names one.
    public var itemID: String?
    /// The document, when the row names the item by document and label.
    public var document: String?
    /// The aspect, when the row gives one.
    public var aspect: Aspect?
    /// The label as written (compared folded).
    public var label: String?
    /// The concept ids; empty: the item fits no concept.
    public var concepts: [String]
    /// The researcher's note, if any.
    public var note: String?

    public init(place: String, itemID: String? = nil, document: String? = nil, aspect: Aspect? = nil, label: String? = nil,
                concepts: [String], note: String? = nil) {
        self.place = place
        self.itemID = itemID
        self.document = document
        self.aspect = aspect
        self.label = label
        self.concepts = concepts
        self.note = note
    }

    /// What the row names, for messages (`koganei-guideline/principles/3`, `hino-guideline 「対等」`).
    public var target: String {
        if let itemID { return itemID }
        return "\(document ?? "?")\(aspect.map { "/" + $0.rawValue } ?? "") 「\(label ?? "")」"
    }
}

/// A group of items no concept fits that resemble each other across municipalities, with a
/// cue they share: a line a researcher can paste into the codebook.
public struct SuggestedConcept: Codable, Sendable, Hashable {
    /// `candidate_1`, … in order of how many municipalities state it.
    public var id: String
    public var aspect: Aspect
    /// The longest wording the members share (their labels' cores), the proposed cue.
    public var cue: String
    /// The members, in document order.
    public var members: [ItemRef]
    /// How many municipalities the members come from.
    public var municipalities: Int

    public init(id: String, aspect: Aspect, cue: String, members: [ItemRef], municipalities: Int) {
        self.id = id
        self.aspect = aspect
        self.cue = cue
        self.members = members
        self.municipalities = municipalities
    }
}
