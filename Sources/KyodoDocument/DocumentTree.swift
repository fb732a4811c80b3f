import KyodoModel
import KyodoText

/// A document as a tree of sections: what every input format is read into, and all the
/// extractor sees.
///
/// A section is opened by a marked line (第1章, 1., (1), ①, ■, 【】, ・ …) and holds what follows
/// it up to the next line marked at its level or above. Levels are inferred per document from the
/// order in which marker styles first appear (as reStructuredText does with its adornments); the
/// fixed rank of `Marker` only keeps a style it ranks above the open one from being nested
/// under it. Consecutive sibling sections of one style form a `List`. Paragraphs and tables
/// stand where they occur.
public struct DocumentTree: Sendable {
    /// The source the tree was read from.
    public var source: SourceText
    /// The outline the tree was built from (blocks in document order).
    public var outline: Outline
    /// The document as a whole: no heading, level 0.
    public var root: Section

    /// The blocks, in document order (every node refers to one by index).
    public var blocks: [Block] { outline.blocks }

    /// A span in this tree's source.
    public func span(_ first: Int, _ last: Int) -> SourceSpan { source.span(first, last) }
}

/// One node of the tree.
public enum Node: Sendable {
    /// A section (a heading or an enumerated entry) with what it holds.
    case section(Section)
    /// Consecutive sibling sections of one marker style.
    case list(List)
    /// Running text.
    case paragraph(Paragraph)
    /// A table.
    case table(TableNode)

    /// The first line of the node.
    public var firstLine: Int {
        switch self {
        case .section(let s): s.firstLine
        case .list(let l): l.items.first?.firstLine ?? 0
        case .paragraph(let p): p.block.firstLine
        case .table(let t): t.block.firstLine
        }
    }

    /// The last line of the node, with everything it holds.
    public var lastLine: Int {
        switch self {
        case .section(let s): s.lastLine
        case .list(let l): l.items.last?.lastLine ?? 0
        case .paragraph(let p): p.block.lastLine
        case .table(let t): t.block.lastLine
        }
    }
}

/// A heading or an enumerated entry and what it holds.
public struct Section: Sendable {
    /// The index of the heading's block in the outline; nil for the root.
    public var blockIndex: Int?
    /// The heading's block (nil for the root).
    public var heading: Block?
    /// Nesting depth: 0 for the root, 1 for the outermost sections.
    public var level: Int
    /// What the section holds, in document order.
    public var children: [Node]
    /// The last line of the section and everything it holds.
    public var lastLine: Int

    /// The marker that opened the section.
    public var marker: Marker? { heading?.marker }
    /// The heading's text, marker removed.
    public var title: String { heading?.text ?? "" }
    /// The first line of the heading.
    public var firstLine: Int { heading?.firstLine ?? 1 }
    /// Whether the heading was a bullet line (`・`, `- (1)`): a list item, not a heading.
    public var isBullet: Bool { heading.map { $0.bulleted || $0.marker == .bullet } ?? false }
    /// The style key the section's level was inferred for.
    public var style: MarkerStyle? { heading.flatMap(MarkerStyle.init) }
}

/// A run of sibling sections of one marker style: an enumeration or a bullet list.
public struct List: Sendable {
    /// The style shared by the items.
    public var style: MarkerStyle
    /// The items, in order.
    public var items: [Section]
}

/// Running text.
public struct Paragraph: Sendable {
    /// The index of the block in the outline.
    public var blockIndex: Int
    /// The block.
    public var block: Block
    /// The text, wrapped lines joined.
    public var text: String { block.text }
}

/// A table.
public struct TableNode: Sendable {
    /// The index of the block in the outline.
    public var blockIndex: Int
    /// The block.
    public var block: Block
    /// The table.
    public var table: Table { block.table! }
}

/// What levels are inferred for: a marker's kind, whether it was one enclosed character (⑴
/// rather than (1)), and whether a bullet stood before it (`- (1)` is a list item, `(1)` may be
/// a heading). Compared as small integers: styles are compared for every block.
public struct MarkerStyle: Hashable, Sendable, CustomStringConvertible {
    /// The marker kind (its number dropped), as a code.
    let code: UInt16
    /// Whether a bullet stood before the marker.
    public var bulleted: Bool

    /// The style of a marked block; nil for a paragraph or table.
    public init?(_ block: Block) {
        guard let m = block.marker else { return nil }
        // (A list nested in markup is a style of its own at each depth: a web page's `<ol>` in
        // an `<ol>` numbers both `1.`.)
        self.code = MarkerStyle.code(of: m) | (block.enclosedMarker ? 0x100 : 0) | (block.spacedNumber ? 0x200 : 0) | UInt16(min(block.depth, 15)) << 10
        self.bulleted = block.bulleted && m != .bullet
    }

    /// The code of a marker's kind (a Markdown heading's depth included).
    static func code(of m: Marker) -> UInt16 {
        switch m {
        case .chapter: 1
        case .article: 2
        case .numbered: 3
        case .parenthesized: 4
        case .circled: 5
        case .roman: 6
        case .bracketed: 7
        case .ornamented: 8
        case .diamond: 9
        case .angled: 10
        case .square: 11
        case .bullet: 12
        case .supplementary: 13
        case .kanji: 14
        case .katakana: 15
        case .parenthesizedKatakana: 16
        case .step(_, let word): word == 0 ? 17 : 60 + UInt16(min(word, 30))
        case .part: 18
        case .question: 19
        case .triangle: 20
        case .hollowDiamond: 21
        case .doubleCircle: 22
        case .hash(let depth, _): 30 + UInt16(depth)
        case .decimal(let depth, _): 40 + UInt16(min(depth, 9))
        case .letter(let kind, _): 50 + UInt16(kind)
        }
    }

    /// The name of the kind.
    public var kind: String {
        let names: [UInt16: String] = [1: "chapter", 2: "article", 3: "numbered", 4: "parenthesized", 5: "circled", 6: "roman", 7: "bracketed",
                                       8: "ornamented", 9: "diamond", 10: "angled", 11: "square", 12: "bullet", 13: "supplementary", 14: "kanji",
                                       15: "katakana", 16: "parenthesized-katakana", 17: "step", 18: "part", 19: "question", 20: "triangle", 21: "hollow-diamond", 22: "double-circle"]
        let base = code & 0xFF
        let name = base > 60 ? "step\(base - 60)" : base > 50 && base < 60 ? "letter\(base - 50)" : base == 50 ? "letter" : base > 40 ? "decimal\(base - 40)" : base > 30 ? "h\(base - 30)" : names[base] ?? "marker"
        let depth = code >> 10
        return (code & 0x100 != 0 ? name + "-enclosed" : name) + (code & 0x200 != 0 ? "-spaced" : "") + (depth > 0 ? "@\(depth)" : "")
    }

    public var description: String { bulleted ? "- " + kind : kind }
}
