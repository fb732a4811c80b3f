/// The views of an HTML page drawn from a report's tables: the concepts × municipalities
/// heatmap (from `heatmap`, with `passages` behind a click) and the clustered similarity
/// heatmap (from `similarity`). They read the tables by column name, so that any report that
/// has the tables gets the views.
enum HTMLViews {
    /// The states a heatmap cell can have, with the legend's words.
    static let states: [(state: String, label: String)] = [
        ("stated", "記載あり stated"), ("not_this_concept", "この概念なし not this concept"),
        ("open_list", "例示（など）・未記載 open list, not among the examples"),
        ("named_in_prose", "本文に他の記載 named in prose beyond the list"),
        ("not_stated", "観点の記載なし aspect not stated"), ("lost_in_extraction", "図で記載・抽出不能 lost in extraction"),
    ]

    /// A column's values by name, as text.
    private struct Rows {
        let table: ReportTable
        let index: [String: Int]
        init(_ t: ReportTable) {
            table = t
            index = Dictionary(t.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
        func text(_ row: [Value], _ name: String) -> String { index[name].map { row[$0].text } ?? "" }
        func value(_ row: [Value], _ name: String) -> Value { index[name].map { row[$0] } ?? .empty }
    }

    /// One table per aspect: a row per concept, a column per municipality, each cell coloured
    /// (and marked, for print and colour blindness) by its state; the items behind a cell and
    /// their passages open beside it on a click.
    static func heatmap(_ t: ReportTable, passages: ReportTable?, into page: inout HTMLPage) {
        let r = Rows(t)
        page.views.insert(.heatmap)
        page.raw("<section class=\"view\" id=\"heatmap\"><h2>概念 × 自治体 Concepts × municipalities</h2>\n<p class=\"legend\">")
        for (state, label) in states {
            page.raw("<span class=\"key\"><span class=\"swatch s-\(state)\"></span>")
            page.text(label)
            page.raw("</span> ")
        }
        page.raw("</p>\n<div class=\"heatmap-layout\"><div class=\"heatmaps\">\n")
        var aspects: [String] = []
        var byAspect: [String: [[Value]]] = [:]
        for row in t.rows {
            let a = r.text(row, "aspect")
            if byAspect[a] == nil { aspects.append(a) }
            byAspect[a, default: []].append(row)
        }
        for aspect in aspects {
            let rows = byAspect[aspect] ?? []
            var municipalities: [(id: String, name: String, note: String)] = []
            var column: [String: Int] = [:]
            var concepts: [(id: String, ja: String, en: String)] = []
            var cells: [String: [[Value]]] = [:]
            for row in rows {
                let m = r.text(row, "municipality")
                if column[m] == nil {
                    column[m] = municipalities.count
                    municipalities.append((m, r.text(row, "municipality_name"), r.text(row, "note")))
                }
                let key = r.text(row, "concept") + "\t" + r.text(row, "concept_ja")
                if cells[key] == nil { concepts.append((r.text(row, "concept"), r.text(row, "concept_ja"), r.text(row, "concept_en"))) }
                cells[key, default: []].append(row)
            }
            page.raw("<h3>")
            page.text(aspect)
            page.raw("</h3>\n<div class=\"scroll\"><table class=\"heatmap\" data-aspect=\"")
            page.text(aspect)
            page.raw("\"><thead><tr><th class=\"corner\">概念 concept</th>")
            for m in municipalities {
                page.raw("<th class=\"m\" data-m=\"")
                page.text(m.id)
                page.raw("\" data-note=\"")
                page.text(m.note)
                page.raw("\" title=\"")
                page.text(m.name.isEmpty ? m.id : "\(m.name) (\(m.id))")
                page.raw("\"><span>")
                page.text(m.name.isEmpty ? m.id : m.name)
                page.raw("</span></th>")
            }
            page.raw("<th class=\"total\" title=\"municipalities stating the concept\">計 n</th></tr></thead>\n<tbody>\n")
            for concept in concepts {
                page.raw("<tr><th class=\"c\" data-c=\"")
                page.text(concept.id)
                page.raw("\">")
                page.text(concept.ja)
                if concept.ja != concept.en {
                    page.raw(" <small>")
                    page.text(concept.en)
                    page.raw("</small>")
                }
                page.raw("</th>")
                var stated = 0
                for row in cells[concept.id + "\t" + concept.ja] ?? [] {
                    let state = r.text(row, "state")
                    if state == "stated" { stated += 1 }
                    page.raw("<td class=\"s-")
                    page.text(state)
                    let items = r.text(row, "items")
                    if !items.isEmpty {
                        page.raw("\" data-items=\"")
                        page.text(items.split(separator: "\n").joined(separator: " "))
                    }
                    page.raw("\"></td>")
                }
                page.raw("<td class=\"total\">\(stated)</td></tr>\n")
            }
            page.raw("</tbody></table></div>\n")
        }
        page.raw("</div>\n<aside class=\"passage\" id=\"passage\" aria-live=\"polite\"><p class=\"hint\">セルを選ぶと、その項目の文言・出典行・本文を表示します。Click a cell: its items, their wording, their lines and the passage itself.</p></aside></div>\n")
        if let passages { page.data(id: "kyodo-passages", json: passagesJSON(passages)) }
        page.raw("</section>\n")
    }

    /// The passages as one JSON object by item id: `[label, description, source, municipality,
    /// line_start, line_end, passage_start, passage]`. The description, which the passage's
    /// lines hold as written, is given only where there is no passage.
    static func passagesJSON(_ t: ReportTable) -> String {
        let r = Rows(t)
        var out = "{"
        for (k, row) in t.rows.enumerated() {
            if k > 0 { out += ",\n" }
            let passage = r.text(row, "passage")
            out += JSONWriter.string(r.text(row, "item_id")) + ":["
            out += ["label", "description", "source", "municipality"].map { name in
                name == "description" && !passage.isEmpty ? "\"\"" : JSONWriter.string(r.text(row, name))
            }.joined(separator: ",")
            out += "," + ["line_start", "line_end", "passage_start"].map { name -> String in
                if case .integer(let n) = r.value(row, name) { return String(n) }
                return "null"
            }.joined(separator: ",")
            out += "," + JSONWriter.string(passage) + "]"
        }
        return out + "}"
    }

    /// Per aspect, the similarity of every pair as a matrix in the order average-linkage
    /// clustering lays the municipalities out (alike ones together), drawn on a canvas by the
    /// page's script; municipalities with no similarity to any (the aspect not stated) are left out.
    /// The most municipalities an aspect's similarity view draws: the clustering is cubic and the
    /// canvas a cell a pair; past this the pairs are a table.
    static let drawnMunicipalities = 450

    /// Whether every aspect of a similarity table has few enough municipalities to draw.
    static func canDraw(similarity t: ReportTable) -> Bool {
        let r = Rows(t)
        var seen: [String: Set<String>] = [:]
        for row in t.rows {
            let a = r.text(row, "aspect")
            seen[a, default: []].insert(r.text(row, "municipality_a"))
            seen[a, default: []].insert(r.text(row, "municipality_b"))
            if seen[a]!.count > drawnMunicipalities { return false }
        }
        return true
    }

    static func similarity(_ t: ReportTable, into page: inout HTMLPage) {
        let r = Rows(t)
        page.views.insert(.similarity)
        page.raw("<section class=\"view\" id=\"similarity\"><h2>類似度 Similarity of municipalities, clustered (average linkage on shared concepts)</h2>\n")
        page.raw("<p class=\"legend\">色: 概念の類似度 colour: shared concepts / union (0 white … 1 dark); クリックで値 click a cell for both measures. 灰色 grey: NA.</p>\n")
        var aspects: [String] = []
        var pairsBy: [String: [[Value]]] = [:]
        for row in t.rows {
            let a = r.text(row, "aspect")
            if pairsBy[a] == nil { aspects.append(a) }
            pairsBy[a, default: []].append(row)
        }
        for aspect in aspects {
            var ids: [String] = []
            var index: [String: Int] = [:]
            var known: [String: (Double?, Double?)] = [:]
            func number(_ v: Value) -> Double? { if case .decimal(let x) = v, x.isFinite { return x } else { return nil } }
            for row in pairsBy[aspect] ?? [] {
                let a = r.text(row, "municipality_a"), b = r.text(row, "municipality_b")
                let pair = (number(r.value(row, "concepts")), number(r.value(row, "text")))
                guard pair.0 != nil || pair.1 != nil else { continue }
                for m in [a, b] where index[m] == nil {
                    index[m] = ids.count
                    ids.append(m)
                }
                known[a + "\t" + b] = pair
            }
            func pair(_ i: Int, _ j: Int) -> (Double?, Double?) {
                if i == j { return (1, 1) }
                return known[ids[i] + "\t" + ids[j]] ?? known[ids[j] + "\t" + ids[i]] ?? (nil, nil)
            }
            let order = Clustering.order(count: ids.count) { i, j in 1 - (pair(i, j).0 ?? 0) }
            var concepts: [String] = [], texts: [String] = []
            for i in order {
                for j in order {
                    let p = pair(i, j)
                    concepts.append(p.0.map(Value.decimalText) ?? "null")
                    texts.append(p.1.map(Value.decimalText) ?? "null")
                }
            }
            page.raw("<h3>")
            page.text(aspect)
            page.raw("</h3>\n<div class=\"similarity\" data-aspect=\"")
            page.text(aspect)
            page.raw("\"><canvas></canvas><p class=\"info\">\(ids.count) 自治体 municipalities</p></div>\n")
            let json = "{\"ids\":[" + order.map { JSONWriter.string(ids[$0]) }.joined(separator: ",") + "],\"concepts\":[" + concepts.joined(separator: ",")
                + "],\"text\":[" + texts.joined(separator: ",") + "]}"
            page.data(id: "kyodo-similarity-" + aspect, json: json)
        }
        page.raw("</section>\n")
    }
}
