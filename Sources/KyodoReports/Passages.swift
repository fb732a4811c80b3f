import KyodoModel

/// The lines of the documents compared, so that a report can quote the passage an item was
/// read from. Given by the command that read them (this module reads no files).
public struct PassageLookup: Sendable {
    /// The lines `range` of a document (by id), as written; nil when the document is not known.
    /// Lines past the end are left out.
    public let lines: @Sendable (_ document: String, _ range: ClosedRange<Int>) -> [String]?

    public init(lines: @escaping @Sendable (_ document: String, _ range: ClosedRange<Int>) -> [String]?) {
        self.lines = lines
    }

    /// Lines of context quoted before and after an item's own lines.
    public static let context = 2
    /// The most lines of an item quoted; a longer item is cut and says so.
    public static let maxLines = 40

    /// An item's passage: where the quoted lines begin, and the lines (context included); nil
    /// when the document is not known.
    func passage(_ item: ItemRef) -> (first: Int, lines: [String])? {
        let first = max(1, item.span.firstLine - Self.context)
        let last = min(item.span.lastLine, item.span.firstLine + Self.maxLines - 1) + Self.context
        guard var quoted = lines(item.document, first...max(first, last)) else { return nil }
        if item.span.lastLine - item.span.firstLine + 1 > Self.maxLines {
            quoted.append("…（\(item.span.lastLine - item.span.firstLine + 1 - Self.maxLines) 行略 lines left out）")
        }
        return (first, quoted)
    }
}

extension CompareReport {
    /// The names of the tables an HTML view of a comparison adds, built on request: the cells of
    /// the concepts × municipalities heatmap, and the passage behind every item.
    public static let viewTables = ["heatmap", "passages"]

    /// What a heatmap cell says of a municipality and a concept.
    enum CellState: String, CaseIterable {
        /// An item states the concept.
        case stated
        /// The municipality states the aspect, but not this concept.
        case notThisConcept = "not_this_concept"
        /// Not this concept, but the list is open (…など): it may hold more.
        case openList = "open_list"
        /// Not this concept in the list, and the prose names more than the list.
        case namedInProse = "named_in_prose"
        /// The municipality states nothing on the aspect.
        case notStated = "not_stated"
        /// Nothing on the aspect in the text: it was in a figure lost in extraction.
        case lostInExtraction = "lost_in_extraction"

        var japanese: String {
            switch self {
            case .stated: "記載あり"
            case .notThisConcept: "この概念なし"
            case .openList: "例示（など）"
            case .namedInProse: "本文に他の記載"
            case .notStated: "記載なし"
            case .lostInExtraction: "図で記載・抽出不能"
            }
        }
    }

    /// One row per concept (and the no-concept row, where items fit none) per municipality:
    /// what the cell says, the items behind it, the caveat. What the HTML heatmap draws.
    static func heatmap(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "heatmap", title: "ヒートマップ Heatmap cells: concept × municipality, what each says and the items behind it",
                            columns: [Column("aspect", "観点"), Column("concept", "概念ID"), Column("concept_ja", "概念"), Column("concept_en", "concept"),
                                      Column("municipality", "自治体"), Column("municipality_name", "自治体名"), Column("state", "状態"),
                                      Column("state_ja", "状態(日本語)"), Column("items", "項目ID", textWidth: 40), Column("note", "注意", textWidth: 60)])
        for aspect in c.aspects {
            let concepts = c.vocabulary.concepts(aspect).map { (id: $0.id, ja: $0.japanese, en: $0.english) }
            let loose = c.municipalities.contains { m in x.items(m.id, aspect).contains { $0.matches.isEmpty } }
            for concept in concepts + (loose ? [(id: "", ja: noConcept, en: "no concept")] : []) {
                for m in c.municipalities {
                    let notes = x.caveats(m.id, aspect)
                    let items = x.items(m.id, aspect).filter { a in concept.id.isEmpty ? a.matches.isEmpty : a.matches.contains { $0.concept == concept.id } }
                    let state: CellState
                    if !x.states(m.id, aspect) {
                        state = notes.contains { $0.caveat == .lostInExtraction } ? .lostInExtraction : .notStated
                    } else if !items.isEmpty {
                        state = .stated
                    } else if notes.contains(where: { $0.caveat == .openList }) {
                        state = .openList
                    } else if notes.contains(where: { $0.caveat == .namedInProse }) {
                        state = .namedInProse
                    } else {
                        state = .notThisConcept
                    }
                    let note = notes.map { "\($0.caveat.label): \($0.message)" + ($0.span.map { " (\($0.description))" } ?? "") }.joined(separator: "\n")
                    t.rows.append([.text(aspect.rawValue), concept.id.isEmpty ? .empty : .text(concept.id), .text(concept.ja), .text(concept.en),
                                   .text(m.id), m.name.isEmpty ? .empty : .text(m.name), .text(state.rawValue), .text(state.japanese),
                                   items.isEmpty ? .empty : .text(items.map(\.item.id).joined(separator: "\n")), note.isEmpty ? .empty : .text(note)])
                }
            }
        }
        return t
    }

    /// One row per item compared: its wording, where it stands, and the passage it was read
    /// from with a little context (empty when no lookup is given).
    static func passages(_ c: Comparison, _ lookup: PassageLookup?) -> ReportTable {
        var t = ReportTable(name: "passages", title: "出典箇所 Passages: each item with the lines it was read from",
                            columns: [Column("item_id", "項目ID"), Column("aspect", "観点"), Column("municipality", "自治体"), Column("document", "文書"),
                                      Column("label", "項目", textWidth: 30), Column("description", "内容", textWidth: 40), Column("source", "出典"),
                                      Column("line_start", "開始行", .integer), Column("line_end", "終了行", .integer),
                                      Column("passage_start", "引用開始行", .integer), Column("passage", "本文", textWidth: 60)])
        for a in c.items {
            let passage = lookup?.passage(a.item)
            t.rows.append([.text(a.item.id), .text(a.item.aspect.rawValue), .text(a.item.municipality), .text(a.item.document), .text(a.item.label),
                           a.description.isEmpty ? .empty : .text(a.description), .text(a.item.span.description),
                           .integer(a.item.span.firstLine), .integer(a.item.span.lastLine),
                           passage.map { .integer($0.first) } ?? .empty, passage.map { .text($0.lines.joined(separator: "\n")) } ?? .empty])
        }
        return t
    }
}
