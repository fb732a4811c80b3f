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

    public init(id: String, municipality: Municipality, title: String, kind: String, file: String, sha256: String = "") {
        self.id = id
        self.municipality = municipality
        self.title = title
        self.kind = kind
        self.file = file
        self.sha256 = sha256
    }
}
