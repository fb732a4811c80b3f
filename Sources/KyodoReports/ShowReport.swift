import KyodoModel

/// The `show` report: every item of the given guidelines with its line span, then the
/// findings (absences, open lists, lost figures, warnings) and the dates.
public enum ShowReport {
    /// Columns of the items table; `document, municipality, aspect, ordinal, label, line_start,
    /// line_end` are the ones scripts rely on.
    public static let itemColumns: [Column] = [
        Column("document", "文書"), Column("municipality", "自治体", hiddenInText: true), Column("aspect", "観点", hiddenInText: true),
        Column("aspect_ja", "観点(日本語)"), Column("ordinal", "番号"), Column("label", "項目", textWidth: 40),
        Column("normalized_label", "正規化ラベル", hiddenInText: true),
        Column("description", "内容", textWidth: 36), Column("attributes", "属性", textWidth: 36),
        Column("line_start", "開始行", .integer, hiddenInText: true), Column("line_end", "終了行", .integer, hiddenInText: true),
        Column("source", "出典"),
        Column("item_id", "項目ID", hiddenInText: true),
    ]

    /// Builds the report.
    public static func make(_ guidelines: [Guideline], aspects: Set<Aspect>? = nil) -> Report {
        // A PDF's items cite their pages too: two columns more, after the others, when any does.
        let paged = guidelines.contains { g in g.items.contains { $0.span.page != nil } }
        var items = ReportTable(name: "items", title: "抽出項目 Extracted items", columns: itemColumns + (paged ? pageColumns : []),
                                textGroupBy: ["document", "aspect_ja"])
        var findings = ReportTable(name: "findings", title: "所見 Findings (absent, open lists, lost figures, warnings)", columns: [
            Column("document", "文書"), Column("aspect", "観点"), Column("kind", "種別"), Column("message", "内容", textWidth: 100),
            Column("line_start", "行", .integer),
        ])
        var dates = ReportTable(name: "dates", title: "日付 Dates stated in the documents", columns: [
            Column("document", "文書"), Column("role", "種別"), Column("role_ja", "種別(日本語)"), Column("date", "日付(ISO)"),
            Column("text", "表記"), Column("line_start", "行", .integer),
        ])
        for g in guidelines {
            for item in g.items where aspects?.contains(item.aspect) ?? true {
                append(item, path: String(item.ordinal), guideline: g, paged: paged, into: &items)
            }
            for f in g.findings where aspects == nil || f.aspect.map { aspects!.contains($0) } ?? true {
                findings.rows.append([.text(g.document.id), .text(f.aspect?.rawValue ?? ""), .text(f.kind.rawValue), .text(f.message),
                                      f.span.map { .integer($0.firstLine) } ?? .empty])
            }
            for d in g.dates {
                dates.rows.append([.text(g.document.id), .text(d.role.rawValue), .text(d.role.japaneseLabel), .text(d.iso), .text(d.text),
                                   .integer(d.span.firstLine)])
            }
        }
        let aspectNote = aspects.map { $0.sorted().map(\.rawValue).joined(separator: ",") } ?? "all"
        return Report(title: "協働指針の抽出結果 Kyodo: extracted guideline items",
                      metadata: metadata(guidelines) + [MetadataEntry("aspects", aspectNote)],
                      tables: [items, findings, dates])
    }

    /// The page columns of the items table of a paged document (a PDF).
    public static let pageColumns: [Column] = [
        Column("page_start", "開始ページ", .integer, hiddenInText: true), Column("page_end", "終了ページ", .integer, hiddenInText: true),
    ]

    private static func append(_ item: Item, path: String, guideline g: Guideline, paged: Bool, into table: inout ReportTable) {
        let attributes = item.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " | ")
        table.rows.append([
            .text(g.document.id), .text(g.document.municipality.id), .text(item.aspect.rawValue), .text(item.aspect.japaneseLabel),
            .text(path), .text(item.label), .text(item.normalizedLabel), .text(item.description), .text(attributes),
            .integer(item.span.firstLine), .integer(item.span.lastLine), .text(item.span.description),
            .text(Item.id(document: g.document.id, aspect: item.aspect, ordinal: path)),
        ] + (paged ? [item.span.page.map { .integer($0.firstPage) } ?? .empty, item.span.page.map { .integer($0.lastPage) } ?? .empty] : []))
        for child in item.children { append(child, path: path + "." + String(child.ordinal), guideline: g, paged: paged, into: &table) }
    }

    /// Metadata naming the generator and each document with its reader and digest.
    public static func metadata(_ guidelines: [Guideline]) -> [MetadataEntry] {
        [MetadataEntry("generator", "kyodo")] + guidelines.flatMap { g in
            [MetadataEntry("document", "\(g.document.id) file=\(g.document.file) reader=\(g.reader) sha256=\(g.document.sha256)")]
                + (g.confidence.isEmpty ? [] : [MetadataEntry("confidence", "\(g.document.id) " + g.confidence.sorted { $0.key < $1.key }
                    .map { "\($0.key.rawValue)=\(GuidelineDump.twoDecimals($0.value))" }.joined(separator: " "))])
        }
    }
}

/// The `list` report: the corpus, one row per document, with dates and item counts per aspect.
public enum ListReport {
    /// Builds the report.
    public static func make(_ guidelines: [Guideline]) -> Report {
        var columns = [
            Column("document", "文書"), Column("municipality", "自治体ID"), Column("name", "自治体"), Column("code", "団体コード"),
            Column("title", "表題", textWidth: 30), Column("kind", "種類", hiddenInText: true), Column("reader", "リーダー"), Column("dates", "日付"),
        ]
        columns += Aspect.allCases.map { Column($0.rawValue, $0.japaneseLabel, .integer) }
        columns.append(Column("warnings", "警告", .integer))
        var table = ReportTable(name: "documents", title: "コーパス Corpus documents", columns: columns)
        for g in guidelines {
            var row: [Value] = [
                .text(g.document.id), .text(g.document.municipality.id), .text(g.document.municipality.name), .text(g.document.municipality.code),
                .text(g.document.title), .text(g.document.kind), .text(g.reader),
                .text(g.dates.map { "\($0.role.rawValue) \($0.iso)" }.joined(separator: "; ")),
            ]
            row += Aspect.allCases.map { a in .integer(g.items(a).count) }
            row.append(.integer(g.findings.filter { $0.kind == .warning }.count))
            table.rows.append(row)
        }
        return Report(title: "協働指針コーパス Kyodo corpus", metadata: ShowReport.metadata(guidelines), tables: [table])
    }
}
