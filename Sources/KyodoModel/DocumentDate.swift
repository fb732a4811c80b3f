/// A date a document states about itself (enactment, revision, publication…).
public struct DocumentDate: Codable, Sendable, Hashable {
    /// What the date marks.
    public enum Role: String, Codable, Sendable, CaseIterable {
        case enacted, revised, published, foreword, stated
        /// Japanese label.
        public var japaneseLabel: String {
            switch self {
            case .enacted: "制定・策定"
            case .revised: "改定・改訂"
            case .published: "発行"
            case .foreword: "序文"
            case .stated: "記載"
            }
        }
    }
    /// What the date marks.
    public var role: Role
    /// ISO month (`2008-10`) or year (`2019`).
    public var iso: String
    /// The date as written (`平成20年10月`).
    public var text: String
    /// Where it was found.
    public var span: SourceSpan

    public init(role: Role, iso: String, text: String, span: SourceSpan) {
        self.role = role
        self.iso = iso
        self.text = text
        self.span = span
    }
}
