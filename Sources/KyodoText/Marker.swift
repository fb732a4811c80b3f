/// The mark that opens a heading or an enumerated line, read from the original text.
public enum Marker: Hashable, Sendable {
    /// 第N章
    case chapter(Int)
    /// 第N部, 第N編: a part above chapters
    case part(Int)
    /// `## 見出し`, `### 1. 見出し`: a Markdown heading of a depth, with the number its title carries
    case hash(depth: Int, number: Int?)
    /// 第N条
    case article(Int)
    /// 附則: an ordinance's supplementary provisions
    case supplementary
    /// `一 `, `二、`: kanji numerals (an ordinance's 号, a heading)
    case kanji(Int)
    /// `ア `, `イ．`: katakana in their order
    case katakana(Int)
    /// `(ア)`, `（イ）`
    case parenthesizedKatakana(Int)
    /// `STEP1`, `ステップ２`, `手順３`, `ルール１`, `原則１`, `第2段階`: a numbered step or rule; `word`
    /// tells which word numbers it (STEP and 原則 are two styles)
    case step(Int, word: Int)
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
    /// `◇`: another style than `◆`
    case hollowDiamond
    /// `◎`: a heading over `・` entries as often as an entry itself; a style of its own
    case doubleCircle
    /// `＜…＞`, `<…>`
    case angled
    /// `■`, `□`: a heading in web pages and leaflets
    case square
    /// `▼`, `▲`, `▽`, `△`, `▶`: a heading in leaflets
    case triangle
    /// `・`, `-`, `•`, `■`, `➤`
    case bullet
    /// `Q1.`, `Ｑ２　`, `Q.`: a question of a Q&A page, its answer below it
    case question(Int?)
    /// `2.3`, `2.3.1.`, `１－２`: a decimal outline number of `depth` parts, its last part `n`
    case decimal(depth: Int, n: Int)
    /// `A.`, `Ａ　`, `a.`, `(a)`, `ⓐ`, `Ⓐ`, `㋐`: letters (or circled katakana) in their order, of a
    /// kind (`LetterKind`)
    case letter(kind: Int, n: Int)

    /// The kinds of letter markers.
    public enum LetterKind {
        public static let upper = 0, lower = 1, parenthesized = 2, circled = 3, circledKatakana = 4, smallRoman = 5
    }

    /// Nesting rank: a section runs until the next marker of equal or lower rank.
    public var rank: Int {
        switch self {
        case .diamond, .chapter, .supplementary, .part: 1
        case .numbered, .ornamented, .article: 2
        // A question holds its whole answer, whatever marks the answer uses.
        case .question: 0
        case .parenthesized, .roman, .kanji: 3
        case .circled, .step: 4
        case .katakana, .hollowDiamond: 5
        case .parenthesizedKatakana: 7
        case .bracketed, .angled, .square, .triangle, .doubleCircle: 6
        case .bullet: 9
        case .hash(let depth, _): depth
        case .decimal(let depth, _): depth + 1
        case .letter(let kind, _): kind == LetterKind.upper ? 3 : 6
        }
    }

    /// The number the marker carries, if any.
    public var number: Int? {
        switch self {
        case .chapter(let n), .part(let n), .article(let n), .numbered(let n), .parenthesized(let n), .circled(let n), .roman(let n),
             .kanji(let n), .katakana(let n), .parenthesizedKatakana(let n), .step(let n, _): n
        case .hash(_, let n), .question(let n): n
        case .decimal(_, let n), .letter(_, let n): n
        default: nil
        }
    }

    /// Whether two markers belong to the same enumeration style.
    public func sameStyle(as other: Marker) -> Bool {
        switch (self, other) {
        case (.chapter, .chapter), (.article, .article), (.numbered, .numbered), (.parenthesized, .parenthesized),
             (.circled, .circled), (.roman, .roman), (.bracketed, .bracketed), (.ornamented, .ornamented),
             (.diamond, .diamond), (.hollowDiamond, .hollowDiamond), (.doubleCircle, .doubleCircle), (.angled, .angled), (.square, .square), (.triangle, .triangle), (.bullet, .bullet), (.supplementary, .supplementary), (.part, .part),
             (.kanji, .kanji), (.katakana, .katakana), (.parenthesizedKatakana, .parenthesizedKatakana), (.question, .question): true
        case (.step(_, let a), .step(_, let b)): a == b
        case (.hash(let a, _), .hash(let b, _)), (.decimal(let a, _), .decimal(let b, _)), (.letter(let a, _), .letter(let b, _)): a == b
        default: false
        }
    }
}
