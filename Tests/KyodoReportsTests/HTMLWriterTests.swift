import Foundation
import KyodoModel
import KyodoReports
import Testing

/// The HTML page as bytes: one self-contained file, text escaped, cells typed, the views'
/// data where the script finds it. (What a browser makes of it: `BrowserTests`.)
@Suite struct HTMLWriterTests {
    func page(_ report: Report) throws -> String { String(decoding: try HTMLWriter().render(report), as: UTF8.self) }

    /// The JSON of a page's data block.
    func data(_ html: String, id: String) throws -> Any {
        let open = "<script type=\"application/json\" id=\"\(id)\">"
        let start = try #require(html.range(of: open)).upperBound
        let end = try #require(html[start...].range(of: "</script>")).lowerBound
        return try JSONSerialization.jsonObject(with: Data(html[start..<end].utf8))
    }

    @Test func oneFileThatAsksForNothingWithItsTextEscaped() throws {
        let report = Report(title: "試験 <Test> & \"more\"", metadata: [MetadataEntry("document", "a'b")], tables: [
            ReportTable(name: "items", title: "項目", columns: [Column("label", "項目"), Column("n", "行", .integer), Column("score", "スコア", .decimal)],
                        rows: [[.text("<script>alert(1)</script>\n二行目"), .integer(3), .decimal(0.5)], [.empty, .empty, .missing]]),
        ])
        let html = try page(report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(html.contains("<title>試験 &lt;Test&gt; &amp; &quot;more&quot;</title>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;<br>二行目</td>"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<dd>a&#39;b</dd>"))
        // Numbers are numbers, NA is not an empty cell.
        #expect(html.contains("<td class=\"n\">3</td><td class=\"n\">0.500</td>"))
        #expect(html.contains("<tr><td></td><td></td><td class=\"na\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="))
        // No view drawn: no view's script.
        #expect(!html.contains("kyodo-passages") && !html.contains("table.heatmap td"))
        #expect(try HTMLWriter().render(report) == HTMLWriter().render(report))
    }

    @Test func changedPassagesAreUnderlinedAndExcerptsLeftOut() throws {
        let report = Report(title: "新旧", tables: [
            ReportTable(name: "comparison", title: "新旧対照表",
                        columns: [Column("new_text", "新", marksChanges: true), Column("new_excerpt", "抜粋", isExcerpt: true, marksChanges: true),
                                  Column("plain", "他")],
                        rows: [[.text("協働の［基本］原則"), .text("…［基本］…"), .text("［そのまま］")]]),
        ])
        let html = try page(report)
        #expect(html.contains("<td>協働の<u class=\"chg\"><span class=\"mark\">［</span>基本<span class=\"mark\">］</span></u>原則</td>"))
        #expect(!html.contains("抜粋") && !html.contains("…［基本］…"))
        #expect(html.contains("<td>［そのまま］</td>"))
    }

    @Test func thePassagesCannotCloseTheirScript() throws {
        let passages = ReportTable(name: "passages", title: "出典", columns: [
            Column("item_id", "ID"), Column("label", "項目"), Column("description", "内容"), Column("source", "出典"), Column("municipality", "自治体"),
            Column("line_start", "開始", .integer), Column("line_end", "終了", .integer), Column("passage_start", "引用", .integer), Column("passage", "本文"),
        ], rows: [[.text("d/principles/1"), .text("</script><b>"), .empty, .text("d.txt:3"), .text("m"), .integer(3), .integer(3), .integer(1), .text("一\n二\n</script>")]])
        let cells = ReportTable(name: "heatmap", title: "セル", columns: [
            Column("aspect", "観点"), Column("concept", "概念"), Column("concept_ja", "概念"), Column("concept_en", "concept"), Column("municipality", "自治体"),
            Column("municipality_name", "名"), Column("state", "状態"), Column("items", "項目"), Column("note", "注意"),
        ], rows: [[.text("principles"), .text("equality"), .text("対等"), .text("equality"), .text("m"), .text("某市"), .text("stated"), .text("d/principles/1"), .empty]])
        let html = try page(Report(title: "t", tables: [cells, passages]))
        #expect(html.components(separatedBy: "</script>").count == 3)  // the data block's and the page script's
        let json = try #require(try data(html, id: "kyodo-passages") as? [String: [Any]])
        #expect(json["d/principles/1"]?[0] as? String == "</script><b>")
        #expect(json["d/principles/1"]?[7] as? String == "一\n二\n</script>")
        #expect(html.contains("<td class=\"s-stated\" data-items=\"d/principles/1\"></td>"))
        // The drawn tables are not repeated as tables.
        #expect(!html.contains("id=\"t-passages\"") && !html.contains("id=\"t-heatmap\""))
    }

    @Test func theSimilarityIsLaidOutByCluster() throws {
        // a and c are alike, b and d are alike, across the two groups nothing is; e states nothing.
        let near: Set<String> = ["a\tc", "b\td"]
        var rows: [[Value]] = []
        let ids = ["a", "b", "c", "d", "e"]
        for (i, x) in ids.enumerated() {
            for y in ids[(i + 1)...] {
                let s: Value = x == "e" || y == "e" ? .missing : .decimal(near.contains(x + "\t" + y) ? 0.9 : 0.1)
                rows.append([.text("principles"), .text(x), .text(y), s, s])
            }
        }
        let table = ReportTable(name: "similarity", title: "類似度", columns: [Column("aspect", "観点"), Column("municipality_a", "A"), Column("municipality_b", "B"),
                                                                       Column("concepts", "概念", .decimal), Column("text", "文言", .decimal)], rows: rows)
        let html = try page(Report(title: "t", tables: [table]))
        let json = try #require(try data(html, id: "kyodo-similarity-principles") as? [String: Any])
        let order = try #require(json["ids"] as? [String])
        #expect(order == ["a", "c", "b", "d"])
        let concepts = try #require(json["concepts"] as? [Double])
        #expect(concepts.count == 16 && concepts[1] == 0.9 && concepts[2] == 0.1 && concepts[0] == 1)
    }

    @Test func aSimilarityOfTooManyMunicipalitiesToDrawIsATable() throws {
        // 452 municipalities in a chain of pairs: more than a view draws (its clustering is cubic).
        let rows: [[Value]] = (0..<451).map { [.text("principles"), .text("m\($0)"), .text("m\($0 + 1)"), .decimal(0.5), .decimal(0.5)] }
        let table = ReportTable(name: "similarity", title: "類似度", columns: [Column("aspect", "観点"), Column("municipality_a", "A"), Column("municipality_b", "B"),
                                                                       Column("concepts", "概念", .decimal), Column("text", "文言", .decimal)], rows: rows)
        let html = try page(Report(title: "t", tables: [table]))
        #expect(!html.contains("kyodo-similarity-principles") && html.contains("id=\"t-similarity\"") && html.contains("m451"))
        let small = try page(Report(title: "t", tables: [ReportTable(name: "similarity", title: "類似度", columns: table.columns, rows: Array(rows.prefix(10)))]))
        #expect(small.contains("kyodo-similarity-principles") && !small.contains("id=\"t-similarity\""))
    }

    @Test func theIndexLinksEveryFile() throws {
        let html = String(decoding: HTMLWriter.index(title: "索引", intro: "<intro>", rows: [
            (name: "list", what: "一覧", files: [(label: "txt", href: "list.txt"), (label: "html", href: "list.html")]),
        ]), as: UTF8.self)
        #expect(html.contains("<a href=\"list.html\">list</a>") && html.contains("<a href=\"list.txt\">txt</a>") && html.contains("&lt;intro&gt;"))
    }
}
