import Foundation
import KyodoModel
import KyodoReports
import Testing

/// Controls shown, not obeyed, in text and CSV; carried exactly in JSON and XML.
@Suite struct VisibleTextTests {
    let report = Report(title: "試験", metadata: [MetadataEntry("document", "a\u{1B}[2Jb")], tables: [
        ReportTable(name: "items", title: "項目", columns: [Column("label", "項目")], rows: [
            [.text("対等\u{1B}]0;x\u{07}\u{202E}関係\u{85}")],
            [.text("二行\n目\tタブ")],
        ]),
    ])

    @Test func escapesAsDocumented() {
        #expect(VisibleText.escape("a\u{0}b\u{1B}c\u{7F}") == "a␀b␛c␡")
        #expect(VisibleText.escape("\u{202E}x\u{85}\u{2066}") == "\\u{202E}x\\u{85}\\u{2066}")
        #expect(VisibleText.escape("a\tb\n", keeping: ["\t", "\n"]) == "a\tb\n")
        #expect(VisibleText.escape("協働の原則") == "協働の原則")
    }

    @Test func textAndExcelCSVShowControlsJSONAndPlainCSVKeepThem() throws {
        let text = String(decoding: try TextWriter().render(report), as: UTF8.self)
        #expect(text.contains("a␛[2Jb") && text.contains("対等␛]0;x␇\\u{202E}関係\\u{85}") && text.contains("二行 / 目 タブ"))
        // The Excel dialect shows them; the plain one, for scripts, keeps every byte as JSON does.
        let csv = String(decoding: try CSVWriter().render(report), as: UTF8.self)
        #expect(csv.contains("対等␛]0;x␇\\u{202E}関係\\u{85}") && csv.contains("\"二行\n目\tタブ\""))
        let plain = String(decoding: try CSVWriter(options: { var o = WriterOptions(); o.csvDialect = .plain; return o }()).render(report), as: UTF8.self)
        #expect(plain.contains("対等\u{1B}]0;x\u{07}\u{202E}関係\u{85}"))
        let json = String(decoding: try JSONWriter().render(report), as: UTF8.self)
        #expect(json.contains("対等\\u001b]0;x\\u0007\u{202E}関係"))
    }
}
