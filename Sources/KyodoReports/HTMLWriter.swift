/// A self-contained HTML page for the browser: no network, no CDN (a Content-Security-Policy
/// forbids every request), styles and scripts inline, Japanese fonts named in the order the
/// machines researchers use have them. Every table is a table the reader can filter and sort;
/// the tables a view draws (the heatmap, the passages, the similarity of every pair) are drawn
/// as that view instead: see `HTMLViews`.
public struct HTMLWriter: ReportWriter {
    public let name = "html"
    public let fileExtension = "html"

    public init() {}

    public func render(_ report: Report) throws -> [UInt8] {
        var page = HTMLPage(title: report.title)
        // The tables a view draws are not repeated as tables: the heatmap (with the passages
        // behind its cells), and the similarity while there are few enough municipalities to
        // draw. A table asked for alone (`--table passages`) is a table.
        let heatmap = report.table(named: "heatmap")
        let similarity = report.table(named: "similarity").flatMap { HTMLViews.canDraw(similarity: $0) ? $0 : nil }
        let plain = report.tables.filter { t in
            !(t.name == "heatmap" || (t.name == "passages" && heatmap != nil) || (t.name == "similarity" && similarity != nil))
        }
        var contents: [(id: String, title: String)] = []
        if heatmap != nil { contents.append(("heatmap", "ヒートマップ Heatmap")) }
        if similarity != nil { contents.append(("similarity", "類似度 Similarity")) }
        contents += plain.map { ("t-" + $0.name, $0.title) }
        page.contents(contents)
        page.metadata(report.metadata)
        if let heatmap { HTMLViews.heatmap(heatmap, passages: report.table(named: "passages"), into: &page) }
        if let similarity { HTMLViews.similarity(similarity, into: &page) }
        for table in plain { page.table(table) }
        return page.finish()
    }

    /// A page of links (the index `kyodo report` writes): one row per report, its files as links.
    public static func index(title: String, intro: String, rows: [(name: String, what: String, files: [(label: String, href: String)])]) -> [UInt8] {
        var page = HTMLPage(title: title)
        page.raw("<p class=\"intro\">")
        page.text(intro)
        page.raw("</p>\n<section class=\"table\"><div class=\"scroll\"><table class=\"data\"><thead><tr><th>report</th><th>what it holds</th><th>files</th></tr></thead><tbody>\n")
        for row in rows {
            page.raw("<tr><td>")
            if let html = row.files.first(where: { $0.href.hasSuffix(".html") }) {
                page.link(row.name, href: html.href)
            } else {
                page.text(row.name)
            }
            page.raw("</td><td>")
            page.text(row.what)
            page.raw("</td><td class=\"files\">")
            for (k, file) in row.files.enumerated() {
                if k > 0 { page.raw(" ") }
                page.link(file.label, href: file.href)
            }
            page.raw("</td></tr>\n")
        }
        page.raw("</tbody></table></div></section>\n")
        return page.finish()
    }
}

/// An HTML page being written: escaping, the skeleton, tables. The body is written first; the
/// head, with the styles and scripts of the views the body drew, is put before it at the end.
struct HTMLPage {
    private var out: [UInt8] = []
    private let title: String
    /// The views drawn, whose styles and scripts the page carries.
    var views: Set<HTMLAssets.View> = []

    init(title: String) {
        self.title = title
        out.reserveCapacity(1 << 16)
        raw("<body>\n<header><h1>")
        text(title)
        raw("</h1></header>\n<main>\n")
    }

    /// The finished page's bytes.
    mutating func finish() -> [UInt8] {
        let views = HTMLAssets.View.allCases.filter(self.views.contains)
        raw("</main>\n<script>\n" + HTMLAssets.script(views) + "</script>\n</body>\n</html>\n")
        var page = HTMLPage(head: title)
        page.raw("<style>\n" + HTMLAssets.css(views) + "</style>\n</head>\n")
        return page.out + out
    }

    /// The head up to its styles.
    private init(head title: String) {
        self.title = title
        raw("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"kyodo\">\n<title>")
        text(title)
        raw("</title>\n")
    }

    /// Markup, as given.
    mutating func raw(_ s: String) { out += s.utf8 }

    /// Text, escaped (`& < > " '`); a line end in it becomes `<br>` when `breaks`.
    mutating func text(_ s: String, breaks: Bool = false) {
        var s = s
        s.withUTF8 { b in
            for c in b {
                switch c {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22: out += "&quot;".utf8
                case 0x27: out += "&#39;".utf8
                case 0x0A where breaks: out += "<br>".utf8
                default: out.append(c)
                }
            }
        }
    }

    /// A link.
    mutating func link(_ label: String, href: String) {
        raw("<a href=\"")
        text(href)
        raw("\">")
        text(label)
        raw("</a>")
    }

    /// JSON data for the page's script, in a `<script type="application/json">`: `<` is
    /// escaped so that no text can close the element.
    mutating func data(id: String, json: String) {
        raw("<script type=\"application/json\" id=\"")
        text(id)
        raw("\">")
        for c in json.utf8 {
            if c == 0x3C { out += "\\u003c".utf8 } else { out.append(c) }
        }
        raw("</script>\n")
    }

    /// The list of sections.
    mutating func contents(_ entries: [(id: String, title: String)]) {
        guard entries.count > 1 else { return }
        raw("<nav class=\"contents\"><ol>")
        for e in entries {
            raw("<li>")
            link(e.title, href: "#" + e.id)
            raw("</li>")
        }
        raw("</ol></nav>\n")
    }

    /// The metadata, folded.
    mutating func metadata(_ entries: [MetadataEntry]) {
        guard !entries.isEmpty else { return }
        raw("<details class=\"metadata\"><summary>メタデータ Metadata (\(entries.count))</summary><dl>")
        for m in entries {
            raw("<dt>")
            text(m.key)
            raw("</dt><dd>")
            text(m.value)
            raw("</dd>")
        }
        raw("</dl></details>\n")
    }

    /// A table with a filter box and sortable columns; excerpt columns are left out (the whole
    /// text is shown), changed passages underlined, NA distinct from an empty cell.
    mutating func table(_ t: ReportTable) {
        let shown = t.columns.indices.filter { !t.columns[$0].isExcerpt }
        raw("<section class=\"table\" id=\"t-")
        text(t.name)
        raw("\"><h2>")
        text(t.title)
        raw(" <code>")
        text(t.name)
        raw("</code></h2>\n<p class=\"tools\"><input type=\"search\" data-filter placeholder=\"絞り込み filter\" aria-label=\"filter rows\"> <span class=\"count\">")
        raw("\(t.rows.count) 行 rows</span></p>\n<div class=\"scroll\"><table class=\"data\"><thead><tr>")
        for i in shown {
            let c = t.columns[i]
            raw("<th data-kind=\"\(c.kind.rawValue)\" title=\"")
            text(c.name)
            raw("\">")
            text(c.label)
            raw("</th>")
        }
        raw("</tr></thead>\n<tbody>\n")
        for row in t.rows {
            raw("<tr>")
            for i in shown { cell(row[i], t.columns[i]) }
            raw("</tr>\n")
        }
        raw("</tbody></table></div></section>\n")
    }

    private mutating func cell(_ v: Value, _ c: Column) {
        switch v {
        case .text(let s) where c.marksChanges:
            raw("<td>")
            marked(s)
            raw("</td>")
        case .text(let s):
            raw("<td>")
            text(s, breaks: true)
            raw("</td>")
        case .integer, .decimal:
            raw("<td class=\"n\">\(v.text)</td>")
        case .empty:
            raw("<td></td>")
        case .missing:
            raw("<td class=\"na\" title=\"NA: not available, what it is computed from is not stated\">NA</td>")
        }
    }

    /// Text whose ［…］ enclose changed passages: each becomes underlined (`<u class="chg">`),
    /// its brackets kept for copying but not shown.
    mutating func marked(_ s: String) {
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "［"), let close = rest[open...].firstIndex(of: "］") {
            text(String(rest[..<open]), breaks: true)
            raw("<u class=\"chg\"><span class=\"mark\">［</span>")
            text(String(rest[rest.index(after: open)..<close]), breaks: true)
            raw("<span class=\"mark\">］</span></u>")
            rest = rest[rest.index(after: close)...]
        }
        text(String(rest), breaks: true)
    }
}
