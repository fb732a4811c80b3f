/// A document of the corpus, as the manifest names it.
public struct Document: Codable, Sendable, Hashable {
    /// Id (`kodaira-handbook`).
    public var id: String
    /// The municipality that published it.
    public var municipality: Municipality
    /// Title as published.
    public var title: String
    /// Kind (`guideline`, `handbook`, `pamphlet`…).
    public var kind: String
    /// File name, relative to the manifest.
    public var file: String
    /// SHA-256 of the file's bytes, lower-case hex; empty until loaded.
    public var sha256: String
    /// Parts of this document that reprint another document (a version of it).
    public var reprints: [Reprint]
    /// Findings a researcher has looked at and accepted (`forms:lostInExtraction`: the aspect and
    /// the kind of finding, `-` for none): still in every findings table, no longer warned of.
    public var acknowledged: [String] = []

    /// Whether a finding is one the manifest acknowledges.
    public func acknowledges(_ f: Finding) -> Bool {
        acknowledged.contains("\(f.aspect?.rawValue ?? "-"):\(f.kind.rawValue)")
    }

    public init(id: String, municipality: Municipality, title: String, kind: String, file: String, sha256: String = "", reprints: [Reprint] = []) {
        self.id = id
        self.municipality = municipality
        self.title = title
        self.kind = kind
        self.file = file
        self.sha256 = sha256
        self.reprints = reprints
    }
}

/// A part of a document that reprints another document of the corpus.
public struct Reprint: Codable, Sendable, Hashable {
    /// The section of this document holding the reprint (`資料1`).
    public var section: String
    /// The id of the document reprinted (`kodaira-guideline`).
    public var document: String

    public init(section: String, document: String) {
        self.section = section
        self.document = document
    }
}
