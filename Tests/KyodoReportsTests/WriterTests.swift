import Foundation
import KyodoModel
import KyodoExtract
import KyodoReports
import KyodoTestSupport
import Testing

@Suite struct WriterTests {
    let sample = Report(title: "試験 Test", metadata: [MetadataEntry("generator", "kyodo")], tables: [
        ReportTable(name: "items", title: "項目", columns: [Column("label", "項目"), Column("n", "行", .integer)], rows: [
            [.text("対等関係"), .integer(153)],
            [.text("=SUM(A1)"), .integer(2)],
            [.text("a,\"b\"\nc"), .empty],
        ]),
    ])

    @Test func excelCSVHasBOMAndCRLFAndNeutralisesFormulas() throws {
        let bytes = try CSVWriter().render(sample)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "label,n\r\n対等関係,153\r\n'=SUM(A1),2\r\n\"a,\"\"b\"\"\nc\",\r\n")
    }

    @Test func plainCSVHasNoBOMAndLFAndLeavesCellsAsTheyAre() throws {
        var options = WriterOptions()
        options.csvDialect = .plain
        let text = String(decoding: try CSVWriter(options: options).render(sample), as: UTF8.self)
        #expect(text == "label,n\n対等関係,153\n=SUM(A1),2\n\"a,\"\"b\"\"\nc\",\n")
        let dash = Report(title: "t", tables: [ReportTable(name: "x", title: "x", columns: [Column("v", "v")], rows: [[.text("-dash")], [.text("a\u{1B}b")]])])
        #expect(String(decoding: try CSVWriter(options: options).render(dash), as: UTF8.self) == "v\n-dash\na\u{1B}b\n")
        #expect(String(decoding: try CSVWriter().render(dash).dropFirst(3), as: UTF8.self) == "v\r\n'-dash\r\na␛b\r\n")
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1"])
    func everyFormulaLeadIsNeutralised(cell: String) {
        #expect(CSVWriter.neutralise(cell).hasPrefix("'"))
    }

    @Test func textAlignsByDisplayWidth() throws {
        let text = String(decoding: try TextWriter().render(sample), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasSuffix("153") || $0.hasSuffix(" 2") }
        #expect(rows.count == 2)
        // 対等関係 (4 wide characters) and 'a,"b" / c' (11 narrow ones): the numbers start in the same column.
        let starts = rows.map { DisplayWidth.of(String($0.dropLast($0.hasSuffix("153") ? 3 : 1))) }
        #expect(starts[0] == starts[1])
        #expect(starts[0] == DisplayWidth.of("a,\"b\" / c") + 2)
        #expect(DisplayWidth.of("協働ABC") == 7)
        #expect(DisplayWidth.of("ｶﾞ") == 2)
    }

    @Test func textGroupsRowsUnderHeadingsAndCapsWidths() throws {
        let table = ReportTable(name: "t", title: "T", columns: [Column("doc", "文書"), Column("label", "項目", textWidth: 6), Column("n", "行", .integer)],
                                rows: [[.text("a"), .text("対等関係の構築"), .integer(1)], [.text("a"), .text("相互理解"), .integer(2)], [.text("b"), .text("x"), .integer(3)]],
                                textGroupBy: ["doc"])
        let text = TextWriter().render(table)
        #expect(text.components(separatedBy: "■ ").count == 3)
        // 項目 and 対等… are 4 and 5 columns wide: the column takes 5, the cap (6) is never passed.
        #expect(text.contains("■ a\n項目   行\n-----  --\n対等…  1\n相互…  2\n\n■ b\n"))
        #expect(!text.contains("a  "))
    }

    /// No line ends in spaces, whatever its cells end in; the last column is not padded; a
    /// wide table (one cell per municipality, each long) renders in time linear in its cells.
    @Test func textLinesEndWithoutSpacesAndTheLastColumnIsNotPadded() throws {
        let table = ReportTable(name: "t", title: "T", columns: [Column("a", "A"), Column("b", "B")],
                                rows: [[.text("x"), .text("末尾に空白   ")], [.text("長い値です"), .text("y")], [.text("z"), .empty]])
        let lines = TextWriter().render(table).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines.contains("x           末尾に空白") && lines.contains("長い値です  y") && lines.contains("z"))
        let columns = (0..<2_000).map { Column("m\($0)", "自治体\($0)") }
        let wide = ReportTable(name: "w", title: "W", columns: columns, rows: (0..<20).map { r in columns.indices.map { .text(String(repeating: "協", count: ($0 + r) % 40)) } })
        let text = TextWriter().render(wide)
        #expect(text.split(separator: "\n").count == 2 + 20 && !text.contains(" \n"))
    }

    /// Decimals and missing values keep their kind in every format: three places in text and
    /// CSV, numbers and null in JSON, `<decimal>` and `<missing/>` in XML (valid against the
    /// schema); a metadata key given twice is one JSON key holding an array.
    @Test func decimalsAndMissingValuesAreTypedInEveryFormat() throws {
        let typed = Report(title: "t", metadata: [MetadataEntry("document", "a"), MetadataEntry("layout", "wide"), MetadataEntry("document", "b")], tables: [
            ReportTable(name: "s", title: "s", columns: [Column("m", "m"), Column("score", "score", .decimal), Column("n", "n", .integer)],
                        rows: [[.text("x"), .decimal(0.8125), .integer(1)], [.text("y"), .missing, .missing], [.text("z"), .decimal(-0.0004), .empty]]),
        ])
        var plain = WriterOptions()
        plain.csvDialect = .plain
        #expect(String(decoding: try CSVWriter(options: plain).render(typed), as: UTF8.self) == "m,score,n\nx,0.813,1\ny,NA,NA\nz,0.000,\n")
        let json = String(decoding: try JSONWriter().render(typed), as: UTF8.self)
        #expect(json.contains("\"document\": [\"a\", \"b\"]") && json.components(separatedBy: "\"document\"").count == 2)
        #expect(json.contains("{\"m\": \"x\", \"score\": 0.813, \"n\": 1}") && json.contains("{\"m\": \"y\", \"score\": null, \"n\": null}"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((parsed["metadata"] as? [String: Any])?["document"] as? [String] == ["a", "b"])
        let xml = try XMLWriter().render(typed)
        #expect(try XMLValidator.validate(xml) == [])
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<decimal column=\"score\">0.813</decimal>") && text.contains("<missing column=\"n\"/>") && text.contains("<empty column=\"n\"/>"))
        // The schema ties every cell to a declared column and checks numbers.
        let stray = text.replacingOccurrences(of: "<decimal column=\"score\">0.813", with: "<decimal column=\"nosuch\">0.813")
        #expect(try !XMLValidator.validate(Array(stray.utf8)).isEmpty)
        let notANumber = text.replacingOccurrences(of: ">0.813<", with: ">high<")
        #expect(try !XMLValidator.validate(Array(notANumber.utf8)).isEmpty)
        #expect(Value.decimalText(0.0005) == "0.001" && Value.decimalText(1) == "1.000" && Value.decimalText(-1.5) == "-1.500" && Value.decimal(.nan).text == "NA")
    }

    @Test func jsonEscapesAndKeepsColumnOrder() throws {
        let json = String(decoding: try JSONWriter().render(sample), as: UTF8.self)
        #expect(json.contains("{\"label\": \"対等関係\", \"n\": 153}"))
        #expect(json.contains("\"a,\\\"b\\\"\\nc\""))
        #expect(json.contains("\"n\": null"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["tables"] as? [[String: Any]])?.first?["name"] as? String == "items")
    }

    @Test func jsonEscapesEveryControlCharacterAndTheLineSeparators() throws {
        var text = "協働 \\ \" \u{2028}\u{2029}é👍"
        for v in 0x00..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        let report = Report(title: "t", tables: [ReportTable(name: "x", title: "x", columns: [Column("v", "v")], rows: [[.text(text)]])])
        let json = String(decoding: try JSONWriter().render(report), as: UTF8.self)
        #expect(json.contains("\\u2028\\u2029") && json.contains("\\u001f") && json.contains("\\u0000\\u0001"))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !json.contains("\u{2028}"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let row = ((parsed?["tables"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])?.first
        #expect(row?["v"] as? String == text)
    }

    @Test func xmlOfEveryDocumentValidates() throws {
        let guidelines = try GoldenTestsFiles.all.map { try Fixtures.readCorpus($0) }
        for report in [ShowReport.make(guidelines), ListReport.make(guidelines), sample] {
            let xml = try XMLWriter().render(report)
            #expect(try XMLValidator.validate(xml) == [])
        }
    }

    @Test func xmlReplacesForbiddenCharactersAndStillValidates() throws {
        var forbidden = String.UnicodeScalarView()
        for v in Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF] { forbidden.append(Unicode.Scalar(v)!) }
        let report = Report(title: "bad\u{1}title", tables: [
            ReportTable(name: "t", title: "x", columns: [Column("c", "c")], rows: [[.text("a" + String(forbidden) + "b")]]),
        ])
        let xml = try XMLWriter().render(report)
        #expect(try XMLValidator.validate(xml) == [])
        #expect(String(decoding: xml, as: UTF8.self).contains("a" + String(repeating: "\u{FFFD}", count: forbidden.count) + "b"))
    }

    @Test func validatorRejectsWrongDocumentsAndNeverResolvesEntities() throws {
        let wrong = Array("<?xml version=\"1.0\"?><report xmlns=\"urn:kyodo:report:1\" title=\"t\"><metadata/></report>".utf8)
        #expect(try !XMLValidator.validate(wrong).isEmpty)
        let entity = Array("""
            <?xml version="1.0"?>
            <!DOCTYPE report [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <report xmlns="urn:kyodo:report:1" title="&x;" generator="kyodo"><metadata/></report>
            """.utf8)
        let errors = try XMLValidator.validate(entity)
        #expect(!errors.isEmpty)
        #expect(!errors.joined().contains("root:"))
        #expect(try !XMLValidator.validate(Array("<not-closed>".utf8)).isEmpty)
    }

    @Test func unknownFormatNamesTheKnownOnes() {
        #expect(throws: ReportError.unknownFormat("pdf", known: WriterRegistry.formats)) { try WriterRegistry.writer("pdf") }
    }
}

enum GoldenTestsFiles {
    static let all = ["kodaira-guideline.txt", "kodaira-handbook.txt", "koganei-guideline.txt", "higashikurume-pamphlet.txt", "hino-guideline.txt"]
}
