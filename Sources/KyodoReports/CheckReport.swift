import KyodoModel

/// The `check` report: for a draft, the concepts its peers state that it lacks (with the
/// peers' wording and lines), the draft's items no peer has, and a verdict per aspect.
public enum CheckReport {
    /// Builds the report; `draft` is the draft's municipality id in the comparison. The tables
    /// of an HTML view (`CompareReport.viewTables`) are added when `selection` requests them.
    public static func make(_ c: Comparison, draft: String, tables selection: TableSelection = .all, passages: PassageLookup? = nil) -> Report {
        let x = ComparisonIndex(c)
        let peers = c.municipalities.filter { $0.id != draft }
        var missing = ReportTable(name: "missing", title: "不足 What the peers state and the draft lacks (with the peers' wording)",
                                  columns: [Column("aspect", "観点"), Column("concept", "概念ID"), Column("concept_ja", "概念"),
                                            Column("municipality", "自治体"), Column("label", "項目（他市の文言）", textWidth: 40),
                                            Column("description", "内容", textWidth: 40), Column("source", "出典")])
        var draftOnly = ReportTable(name: "draft_only", title: "独自 The draft's items no peer states",
                                    columns: [Column("aspect", "観点"), Column("label", "項目"), Column("concept", "概念"),
                                              Column("source", "出典"), Column("why", "理由", textWidth: 60)])
        var verdicts = ReportTable(name: "verdict", title: "判定 Verdict per aspect", columns: [Column("aspect", "観点"), Column("verdict", "判定")])

        for aspect in c.aspects {
            let peerConcepts = peers.reduce(into: Set<String>()) { $0.formUnion(x.concepts($1.id, aspect)) }
            let own = x.concepts(draft, aspect)
            // What the draft lacks, most widely stated first (codebook order among equals).
            let holders = { (concept: Concept) in peers.filter { x.concepts($0.id, aspect).contains(concept.id) }.count }
            let lacking = c.vocabulary.concepts(aspect).filter { peerConcepts.contains($0.id) && !own.contains($0.id) }
                .enumerated().sorted { holders($0.element) != holders($1.element) ? holders($0.element) > holders($1.element) : $0.offset < $1.offset }
                .map(\.element)
            for concept in lacking {
                for peer in peers {
                    for a in x.items(peer.id, aspect) where a.matches.contains(where: { $0.concept == concept.id }) {
                        missing.rows.append([.text(aspect.rawValue), .text(concept.id), .text(concept.japanese), .text(peer.id), .text(a.item.label),
                                             .text(a.description), .text(a.item.span.description)])
                    }
                }
            }
            var onlyHere: [String] = []
            for a in x.items(draft, aspect) {
                let why: String
                if a.matches.isEmpty {
                    guard a.resembles.isEmpty else { continue }
                    why = "fits no concept and resembles no peer's item"
                } else if a.matches.allSatisfy({ !peerConcepts.contains($0.concept) }) {
                    why = "no peer states " + a.matches.compactMap { c.vocabulary.concept(aspect, $0.concept)?.japanese }.joined(separator: "・")
                } else {
                    continue
                }
                onlyHere.append("「\(a.item.label)」")
                draftOnly.rows.append([.text(aspect.rawValue), .text(a.item.label),
                                       .text(a.matches.compactMap { c.vocabulary.concept(aspect, $0.concept)?.japanese }.joined(separator: "・")),
                                       .text(a.item.span.description), .text(why)])
            }
            var verdict: String
            if !x.states(draft, aspect) {
                verdict = "the draft states no \(aspect.rawValue); its peers state \(peerConcepts.count) concept(s)"
            } else if lacking.isEmpty {
                verdict = "the draft states every concept its peers state (\(own.count) concept(s))"
            } else {
                verdict = "the draft states \(own.intersection(peerConcepts).count) of the \(peerConcepts.count) concept(s) its peers state; it lacks "
                    + lacking.map { concept in
                        let who = peers.filter { x.concepts($0.id, aspect).contains(concept.id) }.map(\.id)
                        return "\(concept.japanese) (\(who.joined(separator: ", ")))"
                    }.joined(separator: ", ")
            }
            if !onlyHere.isEmpty { verdict += "; no peer has " + onlyHere.joined(separator: ", ") }
            verdicts.rows.append([.text(aspect.rawValue), .text(verdict)])
        }
        let metadata = [MetadataEntry("generator", "kyodo"), MetadataEntry("vocabulary", c.vocabulary.source), MetadataEntry("draft", draft),
                        MetadataEntry("peers", peers.map(\.id).joined(separator: ","))]
            + c.documents.map { MetadataEntry("document", "\($0.id) municipality=\($0.municipality.id) sha256=\($0.sha256)") }
        var tables = [missing, draftOnly, verdicts]
        if selection.requests("heatmap") { tables.append(CompareReport.heatmap(c, x)) }
        if selection.requests("passages") { tables.append(CompareReport.passages(c, passages)) }
        return Report(title: "草案の点検 Kyodo: a draft checked against its peers", metadata: metadata, tables: tables)
    }
}
