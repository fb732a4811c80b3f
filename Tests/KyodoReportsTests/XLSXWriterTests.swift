import Foundation
import KyodoModel
import KyodoReports
import Testing

/// The Excel workbook, opened as a spreadsheet reads it: the package's XML parts, read with
/// Python's standard `zipfile` (no third-party library needed).
@Suite struct XLSXWriterTests {
    let report = Report(title: "試験 Test", metadata: [MetadataEntry("generator", "kyodo"), MetadataEntry("document", "a")], tables: [
        ReportTable(name: "items", title: "項目", columns: [Column("code", "団体コード"), Column("label", "項目"), Column("n", "行", .integer),
                                                          Column("score", "スコア", .decimal)], rows: [
            [.text("01100"), .text("対等関係"), .integer(153), .decimal(0.8125)],
            [.text("=SUM(A1)"), .text("制御\u{1}文字"), .empty, .missing],
            [.text(String(repeating: "協", count: 20_000)), .text("長い"), .integer(2), .decimal(1)],
        ]),
    ])

    /// The named parts of a workbook, as text.
    func parts(_ bytes: [UInt8], _ names: [String]) throws -> [String: String] {
        let path = NSTemporaryDirectory() + "kyodo-xlsx-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = "import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n"
            + "print(json.dumps({n: z.read(n).decode('utf-8') for n in sys.argv[2:] if n in z.namelist()} | {'(names)': ' '.join(sorted(z.namelist()))}))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path] + names
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test func aSheetPerTableWithItsKindsFrozenHeaderAndAutofilter() throws {
        let bytes = try XLSXWriter().render(report)
        #expect(Array(bytes.prefix(2)) == [0x50, 0x4B])  // a ZIP package
        let p = try parts(bytes, ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/core.xml"])
        let workbook = try #require(p["xl/workbook.xml"]), sheet = try #require(p["xl/worksheets/sheet1.xml"]), strings = p["xl/sharedStrings.xml"] ?? ""
        #expect(workbook.contains("name=\"items\"") && workbook.contains("name=\"legend\"") && workbook.contains("name=\"metadata\""))
        // Header frozen, autofilter over the table.
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:D4\"/>"))
        // Codes as text (leading zero kept), integers and decimals as numbers, NA as text.
        #expect(strings.contains("<t>01100</t>") && strings.contains("<t>=SUM(A1)</t>") && !sheet.contains("<f>"))
        #expect(sheet.contains("<c r=\"C2\"><v>153</v></c>") && sheet.contains("<v>0.8125</v>"))
        #expect(strings.contains("<t>NA</t>"))
        // A cell longer than a cell holds is cut, not refused.
        #expect(strings.contains("協…</t>"))
        #expect(try #require(p["docProps/core.xml"]).contains("2000-01-01T00:00:00Z"))
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        let a = try XLSXWriter().render(report)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try XLSXWriter().render(report) == a)
    }

    @Test func aTablePastTheSheetLimitIsRefusedWithItsName() throws {
        var rows: [[Value]] = []
        rows.reserveCapacity(1_048_577)
        for _ in 0..<1_048_576 { rows.append([.integer(1)]) }
        let huge = Report(title: "t", tables: [ReportTable(name: "pairs", title: "p", columns: [Column("x", "x", .integer)], rows: rows)])
        var message = ""
        do { _ = try XLSXWriter().render(huge) } catch { message = "\(error)" }
        #expect(message.contains("table pairs has 1048576 rows, more than a sheet holds") && message.contains("CSV"))
    }
}
