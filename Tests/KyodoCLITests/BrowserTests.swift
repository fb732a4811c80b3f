import Foundation
import KyodoTestSupport
import Testing

/// The HTML pages in a real browser: headless Chromium loads each page (driven over the
/// DevTools protocol by `scripts/browser_check.py`) and the tests read the DOM after the
/// pages' scripts ran — the heatmap's cells, a real mouse click on one and the passage it
/// shows, the requests the page made (none may leave the file), errors on the console.
///
/// Chromium is Debian's `chromium`; `.ci/run` installs it and sets `KYODO_REQUIRE_BROWSER=1`,
/// which makes a machine without it fail these tests instead of skipping them.
@Suite(.serialized, .enabled(if: Browser.chromium != nil || Browser.required, "needs chromium (KYODO_REQUIRE_BROWSER=1: required)"))
final class BrowserTests {
    let cli = CLITests()
    let scratch = Scratch()

    /// What the browser found on each page.
    func browse(_ pages: [String], click: String? = nil) throws -> [[String: Any]] {
        let chromium = try #require(Browser.chromium, "chromium is not installed (apt-get install chromium)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.root + "/scripts/browser_check.py", "--chromium", chromium] + (click.map { ["--click", $0] } ?? []) + pages
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "browser_check.py failed")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// The rows of one table of a report, from its JSON.
    func rows(_ arguments: [String], table: String) throws -> [[String: Any]] {
        let r = try cli.run(arguments + ["--table", table, "--format", "json"])
        try #require(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any])
        let tables = try #require(json["tables"] as? [[String: Any]])
        return try #require(tables.first?["rows"] as? [[String: Any]])
    }

    /// A page loaded cleanly: its script ran to the end, it asked for nothing beyond its own
    /// file, and nothing went wrong on the console.
    func expectClean(_ page: [String: Any]) {
        #expect(page["ready"] as? Bool == true, "script did not finish: \(page["page"] ?? "")")
        #expect((page["requests"] as? [String]) == [], "requests: \(page["requests"] ?? "")")
        #expect((page["errors"] as? [String]) == [], "errors: \(page["errors"] ?? "")")
        #expect((page["externalReferences"] as? [String]) == [])
    }

    @Test func theHeatmapHasACellPerConceptAndMunicipalityAndAClickShowsThePassage() throws {
        let page = scratch.dir + "/compare.html"
        #expect(try cli.run(["compare", "--all", "-o", page]).status == 0)
        let cells = try rows(["compare", "--all"], table: "heatmap")
        // The cell clicked: the first stated by one item.
        let target = try #require(cells.first { $0["state"] as? String == "stated" && !(($0["items"] as? String) ?? "\n").contains("\n") })
        let item = try #require(target["items"] as? String)
        let click = "\(target["aspect"]!)/\(target["concept"]!)/\(target["municipality"]!)"
        let found = try #require(try browse([page], click: click).first)
        expectClean(found)

        #expect(found["cells"] as? Int == cells.count)
        var states: [String: Int] = [:]
        for c in cells { states[c["state"] as! String, default: 0] += 1 }
        #expect(found["states"] as? [String: Int] == states)
        #expect(Set(states.keys).isSuperset(of: ["stated", "not_this_concept", "open_list", "lost_in_extraction"]))
        #expect((found["heatmaps"] as? [String]) == ["principles", "forms", "partners", "processes"])
        #expect((found["similarity"] as? [Int])?.allSatisfy { $0 >= 2 } == true)

        // The panel shows the item with its wording and lines, and the document's own lines.
        let passage = try #require(try rows(["compare", "--all"], table: "passages").first { $0["item_id"] as? String == item })
        let panel = try #require(found["panel"] as? [String: Any])
        #expect(found["clicked"] as? Bool == true)
        #expect(panel["cell"] as? String == click && panel["selected"] as? Int == 1)
        let shown = try #require((panel["items"] as? [[String: Any]])?.first)
        #expect(shown["id"] as? String == item)
        #expect(shown["label"] as? String == passage["label"] as? String)
        #expect((shown["source"] as? String)?.hasPrefix(passage["source"] as! String) == true)
        let first = passage["line_start"] as! Int, last = passage["line_end"] as! Int
        let hits = try #require(shown["hits"] as? [[String: Any]])
        #expect(hits.map { $0["no"] as? Int } == (first...last).map { $0 })
        let document = Fixtures.lines("\(passage["document"]!).txt")
        #expect(hits.map { $0["text"] as? String } == (first...last).map { document[$0 - 1] })
    }

    @Test func aCellWhoseFigureWasLostSaysSoWhenClicked() throws {
        let page = scratch.dir + "/compare.html"
        #expect(try cli.run(["compare", "--all", "--aspect", "forms", "-o", page]).status == 0)
        let cells = try rows(["compare", "--all", "--aspect", "forms"], table: "heatmap")
        let lost = try #require(cells.first { $0["state"] as? String == "lost_in_extraction" })
        let found = try #require(try browse([page], click: "forms/\(lost["concept"]!)/\(lost["municipality"]!)").first)
        expectClean(found)
        let text = try #require((found["panel"] as? [String: Any])?["text"] as? String)
        #expect(text.contains("lost in extraction") && text.contains("No item in this cell"))
    }

    @Test func theComparisonOfVersionsUnderlinesEveryChangedPassage() throws {
        let page = scratch.dir + "/diff.html"
        #expect(try cli.run(["diff", "kodaira-guideline", "kodaira-handbook", "-o", page]).status == 0)
        let table = try rows(["diff", "kodaira-guideline", "kodaira-handbook"], table: "comparison")
        let marks = table.reduce(0) { n, row in
            n + ["new_text", "old_text"].reduce(0) { $0 + (((row[$1] as? String) ?? "").filter { $0 == "［" }.count) }
        }
        let found = try #require(try browse([page]).first)
        expectClean(found)
        #expect(marks > 0 && found["underlined"] as? Int == marks)
        // A table's filter box leaves the rows that hold what is typed.
        let filtered = try #require(found["filtered"] as? [String: Any])
        #expect(filtered["total"] as? Int == table.count && (1..<table.count).contains(filtered["shown"] as? Int ?? 0))
    }

    @Test func everyPageOfTheReportFolderLoadsCleanly() throws {
        let out = scratch.dir + "/reports"
        #expect(try cli.run(["report", "--out", out]).status == 0)
        let pages = scratch.names(out).filter { $0.hasSuffix(".html") }.map { out + "/" + $0 }
        #expect(pages.contains(out + "/index.html") && pages.count >= 10)
        let found = try browse(pages)
        #expect(found.count == pages.count)
        for page in found { expectClean(page) }
        let wide = try #require(found.first { ($0["page"] as? String)?.hasSuffix("compare-principles-wide.html") == true })
        #expect((wide["cells"] as? Int ?? 0) > 0)
    }

    @Test func aPageThatAsksTheNetworkIsCaught() throws {
        // The check itself can fail: a page that loads an image from the web is reported.
        let page = scratch.file("bad.html", "<!DOCTYPE html><html><body><img src=\"http://example.invalid/x.png\"><script>document.body.dataset.ready='1'</script></body></html>")
        let found = try #require(try browse([page]).first)
        #expect((found["requests"] as? [String]) == ["http://example.invalid/x.png"])
        #expect((found["externalReferences"] as? [String]) == ["http://example.invalid/x.png"])
    }
}

/// Where Chromium is, and whether it must be.
enum Browser {
    static let required = ProcessInfo.processInfo.environment["KYODO_REQUIRE_BROWSER"] == "1"
    static let chromium: String? = {
        if let named = ProcessInfo.processInfo.environment["KYODO_CHROMIUM"] { return named }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()
}
