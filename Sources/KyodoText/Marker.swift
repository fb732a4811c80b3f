/// The mark that opens a heading or an enumerated line, read from the original text.
public enum Marker: Hashable, Sendable {
    /// 第N章
    case chapter(Int)
    /// 第N条
    case article(Int)
    /// 附則: an ordinance's supplementary provisions
    case supplementary
    /// `1.`, `１．` or a bare `1 ` before a title
    case numbered(Int)
    /// `(1)`, `（１）`, `⑴`
    case parenthesized(Int)
    /// `①`
    case circled(Int)
    /// `I`, `II`, `Ⅲ`
    case roman(Int)
    /// `【…】`
    case bracketed
    /// `●●● … ●●●`
    case ornamented
    /// `◆`
    case diamond
    /// `＜…＞`, `<…>`
    case angled
    /// `■`, `□`: a heading in web pages and leaflets
    case square
    /// `・`, `-`, `•`, `■`, `➤`
    case bullet

    /// Nesting rank: a section runs until the next marker of equal or lower rank.
    public var rank: Int {
        switch self {
        case .diamond, .chapter, .supplementary: 1
        case .numbered, .ornamented, .article: 2
        case .parenthesized, .roman: 3
        case .circled: 4
        case .bracketed, .angled, .square: 6
        case .bullet: 9
        }
    }

    /// The number the marker carries, if any.
    public var number: Int? {
        switch self {
        case .chapter(let n), .article(let n), .numbered(let n), .parenthesized(let n), .circled(let n), .roman(let n): n
        default: nil
        }
    }

    /// Whether two markers belong to the same enumeration style.
    public func sameStyle(as other: Marker) -> Bool {
        switch (self, other) {
        case (.chapter, .chapter), (.article, .article), (.numbered, .numbered), (.parenthesized, .parenthesized),
             (.circled, .circled), (.roman, .roman), (.bracketed, .bracketed), (.ornamented, .ornamented),
             (.diamond, .diamond), (.angled, .angled), (.square, .square), (.bullet, .bullet), (.supplementary, .supplementary): true
        default: false
        }
    }
}
