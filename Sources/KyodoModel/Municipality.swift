/// A municipality whose guidelines are in the corpus.
public struct Municipality: Codable, Sendable, Hashable {
    /// Short id (`kodaira`).
    public var id: String
    /// Name in Japanese (`小平市`).
    public var name: String
    /// Romanised name (`Kodaira`).
    public var nameEnglish: String
    /// Prefecture (`東京都`).
    public var prefecture: String
    /// National local-government code, first five digits (`13211`).
    public var code: String

    public init(id: String, name: String, nameEnglish: String, prefecture: String, code: String) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.prefecture = prefecture
        self.code = code
    }
}
