import KyodoModel

/// The `evaluate` report: the tool's items scored against a hand coding — precision, recall and
/// F1 per aspect over all documents and per document, the coded items it missed, the items it
/// found that the coding lacks, and, where concepts are coded, agreement on them.
public enum EvaluateReport {
    /// Builds the report.
    public static func make(_ e: Evaluation, sheets: [String]) -> Report {
        let scoreColumns = [Column("document", "文書"), Column("aspect", "観点"), Column("expected", "正解数", .integer), Column("found", "抽出数", .integer),
                            Column("matched", "一致数", .integer), Column("precision", "適合率", .decimal), Column("recall", "再現率", .decimal), Column("f1", "F1", .decimal)]
        var scores = ReportTable(name: "scores", title: "評価 Precision, recall and F1 against the coding", columns: scoreColumns)
        func row(_ document: String, _ aspect: String, _ s: Evaluation.Score) -> [Value] {
            [.text(document), .text(aspect), .integer(s.expected), .integer(s.found), .integer(s.matched),
             .decimal(s.precision), .decimal(s.recall), .decimal(s.f1)]
        }
        for aspect in e.aspects { scores.rows.append(row("all", aspect.rawValue, e.total(aspect))) }
        scores.rows.append(row("all", "all", e.total))
        for d in e.documents {
            for aspect in e.aspects { scores.rows.append(row(d.document, aspect.rawValue, d.scores[aspect] ?? Evaluation.Score())) }
        }
        var missed = ReportTable(name: "missed", title: "見落とし Coded items the tool did not find",
                                 columns: [Column("document", "文書"), Column("aspect", "観点"), Column("ordinal", "番号", .integer), Column("label", "項目", textWidth: 40),
                                           Column("line_start", "開始行", .integer), Column("line_end", "終了行", .integer), Column("sheet", "コーディング行")])
        var extra = ReportTable(name: "extra", title: "過剰 Items the tool found that the coding does not have",
                                columns: [Column("document", "文書"), Column("aspect", "観点"), Column("ordinal", "番号", .integer), Column("label", "項目", textWidth: 40),
                                          Column("source", "出典")])
        for d in e.documents {
            for m in d.missed {
                missed.rows.append([.text(d.document), .text(m.aspect.rawValue), .integer(m.ordinal), .text(m.label),
                                    m.lines.map { .integer($0.lowerBound) } ?? .text(""), m.lines.map { .integer($0.upperBound) } ?? .text(""), .text(m.origin)])
            }
            for x in d.extra {
                extra.rows.append([.text(d.document), .text(x.aspect.rawValue), .integer(x.ordinal), .text(x.label), .text(x.span.description)])
            }
        }
        var tables = [scores, missed, extra]
        if !e.concepts.isEmpty {
            var concepts = ReportTable(name: "concepts", title: "概念 Agreement on concepts (matched items)",
                                       columns: [Column("aspect", "観点"), Column("items", "項目数", .integer), Column("agreeing", "一致", .integer),
                                                 Column("kappa", "κ", .decimal),
                                                 Column("concept_precision", "概念の適合率", .decimal), Column("concept_recall", "概念の再現率", .decimal), Column("concept_f1", "概念のF1", .decimal),
                                                 Column("pairs", "対の数", .integer), Column("pair_precision", "対の適合率", .decimal),
                                                 Column("pair_recall", "対の再現率", .decimal), Column("pair_f1", "対のF1", .decimal)])
            for aspect in e.aspects {
                guard let c = e.concepts[aspect] else { continue }
                concepts.rows.append([.text(aspect.rawValue), .integer(c.items), .integer(c.agreeing), c.kappa.map { .decimal($0) } ?? .missing,
                                      .decimal(c.assignments.precision), .decimal(c.assignments.recall), .decimal(c.assignments.f1),
                                      .integer(c.links.expected), .decimal(c.links.precision), .decimal(c.links.recall), .decimal(c.links.f1)])
            }
            tables.append(concepts)
        }
        let metadata = [MetadataEntry("generator", "kyodo")] + sheets.map { MetadataEntry("coding", $0) }
            + [MetadataEntry("documents", String(e.documents.count))]
        return Report(title: "抽出の評価 Kyodo: extraction scored against a hand coding", metadata: metadata, tables: tables)
    }
}
