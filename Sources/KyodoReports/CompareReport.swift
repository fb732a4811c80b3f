import Foundation
import KyodoModel

/// The `compare` report: items of several municipalities aligned to the codebook.
///
/// The main table follows the layout — `wide` (concepts × municipalities, cells the wording
/// with its line), `long` (one row per item per concept, for pandas and R), `presence`
/// (1, 0, or NA when the municipality states nothing on the aspect) — and every layout adds
/// a summary in sentences, the items unique to one municipality, items that carry several
/// concepts, the similarity matrices, and what each municipality leaves unstated.
public enum CompareReport {
    /// The layout of the main table.
    public enum Layout: String, CaseIterable, Sendable { case wide, long, presence }

    /// The label of the row holding items no concept fits.
    static let noConcept = "(概念外 no concept)"

    /// The name of the main table of a layout.
    static func mainTable(_ layout: Layout) -> String {
        switch layout {
        case .wide: "matrix"
        case .long: "alignment"
        case .presence: "presence"
        }
    }

    /// The companion tables every layout has.
    public static let companionTables = ["summary", "unique", "combined", "neighbours", "not_stated", "caveats", "suggested_concepts", "manual"]

    /// Tables built only when asked for by name (`--table similarity`): every pair of
    /// municipalities, n(n−1)/2 rows per aspect, which a national comparison cannot hold in
    /// every output. The `neighbours` table gives each municipality's closest ones instead.
    public static let onRequestTables = ["similarity"]

    /// How many neighbours of each municipality the `neighbours` table lists per aspect.
    public static let neighbourCount = 5

    /// The most pairs of municipalities (per aspect) for which a report holds the similarity of
    /// every one, unless asked for by name: 100,000 is some 450 municipalities.
    public static let everyPairLimit = 100_000

    /// The pairs of municipalities a comparison has per aspect.
    public static func pairs(_ c: Comparison) -> Int { c.municipalities.count * max(0, c.municipalities.count - 1) / 2 }

    /// The tables an HTML view asks for besides every table: the heatmap's cells and the
    /// passages, and the similarity of every pair while there are few enough pairs to draw.
    public static func htmlTables(_ c: Comparison) -> TableSelection {
        .allWith(Set(viewTables + (pairs(c) <= everyPairLimit ? ["similarity"] : [])))
    }

    /// A report built with tables on request, as `make` with every table would have built it:
    /// those tables left out and named as omitted (so one build serves the HTML page and the rest).
    public static func withoutOnRequestTables(_ r: Report) -> Report {
        let onRequest = onRequestTables + viewTables
        var plain = r
        plain.tables = r.tables.filter { !onRequest.contains($0.name) }
        plain.omittedTables = onRequest
        return plain
    }

    /// Builds the report: every table, or only those `selection` wants; `passages` gives the
    /// lines the `passages` table quotes.
    public static func make(_ c: Comparison, layout: Layout, tables selection: TableSelection = .all, passages: PassageLookup? = nil) -> Report {
        var tables: [ReportTable] = []
        var omitted: [String] = []
        let onRequest = onRequestTables + viewTables
        let names = [mainTable(layout)] + companionTables + onRequest
        // (The lookups by municipality and aspect, made once for every table that needs them.)
        let x = ComparisonIndex(c)
        for (k, name) in names.enumerated() {
            let wanted = onRequest.contains(name) ? selection.requests(name) : selection.wants(name, isMain: k == 0)
            // The alignment file's table only where one was given.
            // (Asked for by name without one, it is there, empty.)
            if name == "manual", !c.items.contains(where: { $0.manual != nil }), c.unusedOverrides.isEmpty, !selection.requests(name) { continue }
            guard wanted else { omitted.append(name); continue }
            switch name {
            case "matrix": tables.append(wide(c, x))
            case "alignment": tables.append(long(c, x))
            case "presence": tables.append(presence(c, x))
            case "summary": tables.append(summary(c, x))
            case "unique": tables.append(unique(c, x))
            case "combined": tables.append(combined(c))
            case "neighbours": tables.append(neighbours(c))
            case "similarity": tables.append(similarity(c))
            case "caveats": tables.append(caveats(c))
            case "suggested_concepts": tables.append(suggestedConcepts(c))
            case "manual": tables.append(manual(c))
            case "heatmap": tables.append(heatmap(c, x))
            case "passages": tables.append(CompareReport.passages(c, passages))
            default: tables.append(notStated(c))
            }
        }
        var metadata = [MetadataEntry("generator", "kyodo"), MetadataEntry("vocabulary", c.vocabulary.source),
                        MetadataEntry("layout", layout.rawValue), MetadataEntry("aspects", c.aspects.map(\.rawValue).joined(separator: ","))]
        metadata += c.documents.map { MetadataEntry("document", "\($0.id) municipality=\($0.municipality.id) sha256=\($0.sha256)") }
        return Report(title: "協働指針の比較 Kyodo: guidelines compared", metadata: metadata, tables: tables, omittedTables: omitted)
    }

    /// A column name safe for every format (`[a-z][a-z0-9_]*`).
    static func columnName(_ id: String) -> String {
        let mapped = String(id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return mapped.first.map { $0.isLetter } == true ? mapped : "m_" + mapped
    }

    static func municipalityColumns(_ c: Comparison, kind: Column.Kind = .text) -> [Column] {
        c.municipalities.map { Column(columnName($0.id), $0.name.isEmpty ? $0.id : "\($0.name) \($0.nameEnglish)", kind, textWidth: 52) }
    }

    static func cite(_ r: ItemRef) -> String { "\(r.label) (\(r.span))" }

    /// An aligned item cited, marked when a researcher's alignment file set its concepts.
    static func cite(_ a: AlignedItem) -> String { cite(a.item) + (a.manual == nil ? "" : " 〔手動 manual〕") }

    static func score(_ x: Double) -> String { Value.decimalText(x) }

    // MARK: - Main tables

    static func wide(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "matrix", title: "概念 × 自治体 Concepts × municipalities (wording as written, with its line)",
                            columns: [Column("aspect", "観点", hiddenInText: true), Column("aspect_ja", "観点(日本語)"), Column("concept", "概念ID"),
                                      Column("concept_ja", "概念"), Column("concept_en", "concept", hiddenInText: true)] + municipalityColumns(c),
                            textGroupBy: ["aspect_ja"])
        for aspect in c.aspects {
            for concept in c.vocabulary.concepts(aspect) {
                var row: [Value] = [.text(aspect.rawValue), .text(aspect.japaneseLabel), .text(concept.id), .text(concept.japanese), .text(concept.english)]
                var stated = false
                for m in c.municipalities {
                    guard x.states(m.id, aspect) else { row.append(.text(notStatedCell(x.caveats(m.id, aspect)))); continue }
                    let cited = x.items(m.id, aspect).filter { $0.matches.contains { $0.concept == concept.id } }.map { cite($0) }
                    stated = stated || !cited.isEmpty
                    row.append(cited.isEmpty ? .empty : .text(cited.joined(separator: "\n")))
                }
                // A concept no municipality compared states is a row of nothing: the summary names
                // them, the presence layout keeps their zeros.
                if stated { t.rows.append(row) }
            }
            var row: [Value] = [.text(aspect.rawValue), .text(aspect.japaneseLabel), .empty, .text(noConcept), .text("no concept")]
            for m in c.municipalities {
                let loose = x.items(m.id, aspect).filter { $0.matches.isEmpty }.map { cite($0) }
                row.append(loose.isEmpty ? .empty : .text(loose.joined(separator: "\n")))
            }
            if row.dropFirst(5).contains(where: { $0 != .empty }) { t.rows.append(row) }
        }
        return t
    }

    static func long(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "alignment", title: "整列 Alignment: one row per item per concept",
                            columns: [Column("aspect", "観点"), Column("concept", "概念ID"), Column("concept_ja", "概念", hiddenInText: true),
                                      Column("municipality", "自治体"), Column("document", "文書"), Column("label", "項目", textWidth: 30),
                                      Column("score", "スコア", .decimal), Column("source", "根拠"),
                                      Column("line_start", "開始行", .integer), Column("line_end", "終了行", .integer),
                                      Column("reason", "理由", textWidth: 40), Column("caveat", "注意", textWidth: 24),
                                      Column("item_id", "項目ID", hiddenInText: true)]
                                + (paged(c) ? ShowReport.pageColumns : []))
        let paged = paged(c)
        for a in c.items {
            let caveat = Set(x.caveats(a.item.municipality, a.item.aspect).map(\.caveat))
            let caveatText = Finding.Caveat.allCases.filter(caveat.contains).map(\.rawValue).joined(separator: "|")
            func row(_ concept: String, _ conceptJa: String, _ score: Double?, _ source: String, _ reason: String) -> [Value] {
                [.text(a.item.aspect.rawValue), .text(concept), .text(conceptJa), .text(a.item.municipality), .text(a.item.document),
                 .text(a.item.label), score.map { .decimal($0) } ?? .empty, .text(source),
                 .integer(a.item.span.firstLine), .integer(a.item.span.lastLine), .text(reason),
                 caveatText.isEmpty ? .empty : .text(caveatText), .text(a.item.id)]
                    + (paged ? [a.item.span.page.map { .integer($0.firstPage) } ?? .empty, a.item.span.page.map { .integer($0.lastPage) } ?? .empty] : [])
            }
            if a.matches.isEmpty {
                t.rows.append(row("", "", nil, a.manual == nil ? "" : ConceptMatch.Source.manual.rawValue, reasonUnaligned(a)))
            } else {
                for m in a.matches {
                    t.rows.append(row(m.concept, c.vocabulary.concept(a.item.aspect, m.concept)?.japanese ?? "", m.score, m.source.rawValue, m.reason))
                }
            }
        }
        return t
    }

    /// Whether any item compared stands in a paged document (a PDF): its rows cite pages too.
    static func paged(_ c: Comparison) -> Bool { c.items.contains { $0.item.span.page != nil } }

    static func reasonUnaligned(_ a: AlignedItem) -> String {
        if let place = a.manual { return "no concept: manual, \(place)" }
        if a.resembles.isEmpty { return "no concept fits; resembles no item of another municipality: unique to \(a.item.municipality)" }
        return "no concept fits; resembles " + a.resembles.map { "\($0.item.municipality) 「\($0.item.label)」 (\(score($0.similarity)))" }.joined(separator: ", ")
    }

    static func presence(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "presence", title: "有無 Presence: 1 stated, 0 not stated, NA the aspect is not stated at all",
                            columns: [Column("aspect", "観点"), Column("concept", "概念ID"), Column("concept_ja", "概念")] + municipalityColumns(c, kind: .integer))
        for aspect in c.aspects {
            for concept in c.vocabulary.concepts(aspect) {
                var row: [Value] = [.text(aspect.rawValue), .text(concept.id), .text(concept.japanese)]
                for m in c.municipalities {
                    row.append(x.states(m.id, aspect) ? .integer(x.concepts(m.id, aspect).contains(concept.id) ? 1 : 0) : .missing)
                }
                t.rows.append(row)
            }
        }
        return t
    }

    // MARK: - Companion tables

    /// Sentences a researcher can quote: what all share, what one alone states.
    static func summary(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "summary", title: "要約 Summary", columns: [Column("aspect", "観点"), Column("statement", "所見")])
        for aspect in c.aspects {
            let stating = c.municipalities.filter { x.states($0.id, aspect) }
            guard stating.count >= 2 else { continue }
            let names = stating.map(\.id).joined(separator: ", ")
            let all = c.vocabulary.concepts(aspect).filter { concept in stating.allSatisfy { x.concepts($0.id, aspect).contains(concept.id) } }
            if !all.isEmpty {
                t.rows.append([.text(aspect.rawValue), .text("shared by all of \(names): " + all.map { "\($0.japanese) (\($0.english))" }.joined(separator: ", "))])
            }
            for concept in c.vocabulary.concepts(aspect) {
                let holders = stating.filter { x.concepts($0.id, aspect).contains(concept.id) }
                guard holders.count == 1, let only = holders.first else { continue }
                let wording = x.items(only.id, aspect).filter { $0.matches.contains { $0.concept == concept.id } }.map { cite($0.item) }
                t.rows.append([.text(aspect.rawValue), .text("only \(only.id) states \(concept.japanese) (\(concept.english)): " + wording.joined(separator: "; "))])
            }
            let none = c.vocabulary.concepts(aspect).filter { concept in !stating.contains { x.concepts($0.id, aspect).contains(concept.id) } }
            if !none.isEmpty {
                t.rows.append([.text(aspect.rawValue), .text("none of \(names) states: " + none.map { "\($0.japanese) (\($0.english))" }.joined(separator: ", "))])
            }
            for a in c.items where a.item.aspect == aspect && a.matches.count >= 2 {
                let concepts = a.matches.compactMap { c.vocabulary.concept(aspect, $0.concept) }
                t.rows.append([.text(aspect.rawValue), .text("\(a.item.municipality) folds \(concepts.map { "\($0.japanese) (\($0.english))" }.joined(separator: " and ")) into one item: \(cite(a.item))")])
            }
            for m in c.municipalities where !x.states(m.id, aspect) {
                let lost = x.caveats(m.id, aspect).filter { $0.caveat == .lostInExtraction }
                if let note = lost.first {
                    t.rows.append([.text(aspect.rawValue), .text("\(m.id) lists no \(aspect.rawValue) in its text: they were in a figure lost in extraction (\(note.span.map(\.description) ?? note.document))")])
                } else {
                    t.rows.append([.text(aspect.rawValue), .text("\(m.id) states no \(aspect.rawValue)")])
                }
            }
            for m in stating {
                let notes = x.caveats(m.id, aspect)
                if let open = notes.first(where: { $0.caveat == .openList }) {
                    t.rows.append([.text(aspect.rawValue), .text("\(m.id)'s \(aspect.rawValue) are an open list (…など): its \(x.items(m.id, aspect).count) are examples, a lower bound (\(open.span.map(\.description) ?? open.document))")])
                }
                if let prose = notes.first(where: { $0.caveat == .namedInProse }) {
                    t.rows.append([.text(aspect.rawValue), .text("\(m.id)'s prose names \(aspect.rawValue) beyond its list: \(prose.message) (\(prose.span.map(\.description) ?? prose.document))")])
                }
            }
        }
        return t
    }

    /// Items whose concepts no other municipality states, and items that fit no concept and resemble nothing.
    static func unique(_ c: Comparison, _ x: ComparisonIndex) -> ReportTable {
        var t = ReportTable(name: "unique", title: "独自項目 Items unique to one municipality",
                            columns: [Column("aspect", "観点"), Column("municipality", "自治体"), Column("label", "項目", textWidth: 36),
                                      Column("concept", "概念"), Column("line_start", "行", .integer), Column("source", "出典"), Column("why", "理由", textWidth: 50),
                                      Column("item_id", "項目ID", hiddenInText: true)])
        for a in c.items {
            if a.matches.isEmpty {
                guard a.resembles.isEmpty else { continue }
                t.rows.append([.text(a.item.aspect.rawValue), .text(a.item.municipality), .text(a.item.label), .empty, .integer(a.item.span.firstLine),
                               .text(a.item.span.description), .text("fits no concept and resembles no item of another municipality"), .text(a.item.id)])
                continue
            }
            let alone = a.matches.filter { m in x.holders(m.concept, a.item.aspect) == [a.item.municipality] }
            guard !alone.isEmpty, alone.count == a.matches.count else { continue }
            t.rows.append([.text(a.item.aspect.rawValue), .text(a.item.municipality), .text(a.item.label),
                           .text(alone.compactMap { c.vocabulary.concept(a.item.aspect, $0.concept)?.japanese }.joined(separator: "・")),
                           .integer(a.item.span.firstLine), .text(a.item.span.description), .text("no other municipality compared states this concept"), .text(a.item.id)])
        }
        return t
    }

    /// Items that carry two or more concepts (one label naming, say, autonomy and independence).
    static func combined(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "combined", title: "複合項目 Items carrying several concepts",
                            columns: [Column("aspect", "観点"), Column("municipality", "自治体"), Column("label", "項目"), Column("concepts", "概念"),
                                      Column("source", "出典"), Column("item_id", "項目ID", hiddenInText: true)])
        for a in c.items where a.matches.count >= 2 {
            t.rows.append([.text(a.item.aspect.rawValue), .text(a.item.municipality), .text(a.item.label),
                           .text(a.matches.compactMap { c.vocabulary.concept(a.item.aspect, $0.concept)?.japanese }.joined(separator: " + ")),
                           .text(a.item.span.description), .text(a.item.id)])
        }
        return t
    }

    /// Each municipality's closest municipalities per aspect: the most shared concepts over the
    /// union first, then the most alike wording (character-bigram Dice), then the id; only
    /// municipalities that both state the aspect. Linear in the rows it writes: n × k per aspect.
    static func neighbours(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "neighbours", title: "近い自治体 Closest municipalities per aspect (shared concepts / union, then wording)",
                            columns: [Column("aspect", "観点"), Column("municipality", "自治体"), Column("rank", "順位", .integer),
                                      Column("neighbour", "近い自治体"), Column("concepts", "概念の類似度", .decimal), Column("text", "文言の類似度", .decimal)],
                            textGroupBy: ["aspect"])
        for matrix in c.similarity {
            let order = matrix.municipalities.indices.sorted { matrix.municipalities[$0] < matrix.municipalities[$1] }
            for i in matrix.municipalities.indices where matrix.stated[i] {
                var best: [(j: Int, concepts: Double, text: Double)] = []
                for j in order where j != i {
                    guard let concepts = matrix.concepts(i, j), let text = matrix.text(i, j) else { continue }
                    let candidate = (j: j, concepts: concepts, text: text)
                    // (Kept sorted; `order` gives ids ascending, so a tie stays behind the earlier id.)
                    guard best.count < neighbourCount || closer(candidate, than: best[best.count - 1]) else { continue }
                    let at = best.firstIndex { closer(candidate, than: $0) } ?? best.count
                    best.insert(candidate, at: at)
                    if best.count > neighbourCount { best.removeLast() }
                }
                for (rank, n) in best.enumerated() {
                    t.rows.append([.text(matrix.aspect.rawValue), .text(matrix.municipalities[i]), .integer(rank + 1),
                                   .text(matrix.municipalities[n.j]), .decimal(n.concepts), .decimal(n.text)])
                }
            }
        }
        return t
    }

    /// Whether neighbour `a` is closer than `b`: more shared concepts, then more alike wording.
    private static func closer(_ a: (j: Int, concepts: Double, text: Double), than b: (j: Int, concepts: Double, text: Double)) -> Bool {
        a.concepts != b.concepts ? a.concepts > b.concepts : a.text > b.text
    }

    /// Every pair of municipalities (each once, `municipality_a` before `municipality_b` in the
    /// comparison's order) per aspect, with both measures; NA where either states nothing.
    static func similarity(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "similarity", title: "類似度 Similarity of every pair: shared concepts / union, and character-bigram Dice of the wording (NA: aspect not stated)",
                            columns: [Column("aspect", "観点"), Column("municipality_a", "自治体A"), Column("municipality_b", "自治体B"),
                                      Column("concepts", "概念の類似度", .decimal), Column("text", "文言の類似度", .decimal)])
        for matrix in c.similarity {
            let n = matrix.count
            t.rows.reserveCapacity(t.rows.count + n * (n - 1) / 2)
            for i in 0..<n {
                for j in (i + 1)..<max(i + 1, n) {
                    t.rows.append([.text(matrix.aspect.rawValue), .text(matrix.municipalities[i]), .text(matrix.municipalities[j]),
                                   matrix.concepts(i, j).map { .decimal($0) } ?? .missing, matrix.text(i, j).map { .decimal($0) } ?? .missing])
                }
            }
        }
        return t
    }

    /// The cell of a municipality that states nothing on the aspect: not stated, or a figure lost.
    static func notStatedCell(_ notes: [CaveatNote]) -> String {
        notes.contains { $0.caveat == .lostInExtraction } ? "（図で記載・抽出不能 lost in extraction）" : "（記載なし not stated）"
    }

    /// What qualifies each municipality's items of an aspect: beside the presence matrix, which
    /// stays 1 / 0 / NA for statistics, and the other layouts.
    static func caveats(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "caveats", title: "注意 Caveats: open lists, names in prose beyond the list, figures lost in extraction",
                            columns: [Column("aspect", "観点"), Column("municipality", "自治体"), Column("caveat", "注意"), Column("caveat_ja", "注意(日本語)"),
                                      Column("document", "文書"), Column("line_start", "行", .integer), Column("message", "内容", textWidth: 80)])
        for n in c.caveats {
            t.rows.append([.text(n.aspect.rawValue), .text(n.municipality), .text(n.caveat.rawValue), .text(n.caveat.label), .text(n.document),
                           n.span.map { .integer($0.firstLine) } ?? .empty, .text(n.message)])
        }
        return t
    }

    static func notStated(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "not_stated", title: "記載なし Aspects a municipality does not state (as opposed to items no concept fits)",
                            columns: [Column("aspect", "観点"), Column("municipality", "自治体"), Column("reason", "理由", textWidth: 90)])
        for n in c.notStated { t.rows.append([.text(n.aspect.rawValue), .text(n.municipality), .text(n.reason)]) }
        return t
    }
}

extension CompareReport {
    /// Items no concept fits, grouped across municipalities: a row per member, with the group's
    /// proposed cue and the codebook line a researcher can paste (tab-separated, English label
    /// left to fill in).
    static func suggestedConcepts(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "suggested_concepts", title: "概念の候補 Suggested concepts: items no concept fits, alike across municipalities",
                            columns: [Column("candidate", "候補ID"), Column("aspect", "観点"), Column("cue", "手がかり語"),
                                      Column("municipalities", "自治体数", .integer), Column("members", "項目数", .integer),
                                      Column("municipality", "自治体"), Column("label", "項目", textWidth: 36), Column("source", "出典"),
                                      Column("line_start", "開始行", .integer), Column("line_end", "終了行", .integer),
                                      Column("item_id", "項目ID", hiddenInText: true), Column("codebook_line", "コードブック行", hiddenInText: true)],
                            textGroupBy: ["candidate"])
        for s in c.suggestions {
            let line = [s.aspect.rawValue, s.id, s.cue, "", s.cue].joined(separator: "\t")
            for m in s.members {
                t.rows.append([.text(s.id), .text(s.aspect.rawValue), .text(s.cue), .integer(s.municipalities), .integer(s.members.count),
                               .text(m.municipality), .text(m.label), .text(m.span.description),
                               .integer(m.span.firstLine), .integer(m.span.lastLine), .text(m.id), .text(line)])
            }
        }
        return t
    }

    /// What the researcher's alignment file did: every row, the items it set and their
    /// concepts, or that it named no item compared.
    static func manual(_ c: Comparison) -> ReportTable {
        var t = ReportTable(name: "manual", title: "手動の整列 Manual alignments (the alignment file)",
                            columns: [Column("place", "行"), Column("item_id", "項目ID"), Column("label", "項目", textWidth: 36),
                                      Column("concepts", "概念"), Column("status", "状態")])
        var rows: [(place: String, values: [Value])] = []
        for a in c.items {
            guard let place = a.manual else { continue }
            let concepts = a.matches.map(\.concept).joined(separator: "|")
            rows.append((place, [.text(place), .text(a.item.id), .text(a.item.label), .text(concepts.isEmpty ? "-" : concepts), .text("applied")]))
        }
        for o in c.unusedOverrides {
            rows.append((o.place, [.text(o.place), .text(o.itemID ?? ""), .text(o.label ?? ""), .text(o.concepts.isEmpty ? "-" : o.concepts.joined(separator: "|")),
                                   .text("matched no item compared")]))
        }
        // In file order (line numbers compared as numbers), then item order.
        func line(_ place: String) -> Int { Int(place.split(separator: ":").last ?? "") ?? 0 }
        let ordered = rows.enumerated().sorted { a, b in
            line(a.element.place) != line(b.element.place) ? line(a.element.place) < line(b.element.place) : a.offset < b.offset
        }
        t.rows = ordered.map(\.element.values)
        return t
    }
}
