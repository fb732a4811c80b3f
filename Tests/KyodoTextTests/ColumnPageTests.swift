import Testing
@testable import KyodoText

/// Two-column pages read row by row are read column by column.
@Suite struct ColumnPageTests {
    static let page = [
        "■協働の形態                                        ■町の取組",
        "　主な形態は、委託、補助、                          （1）協働推進員の配置",
        "共催、後援、実行委員会です。                        　各課に１名の推進員を置く。",
        "事業の目的に合った形態を選                          （2）まちづくり提案制度",
        "びます。                                            　町民からの事業提案を募る。",
    ]

    @Test func aTwoColumnPageIsFoundAndReadColumnByColumn() {
        let source = SourceText(name: "c.txt", lines: Self.page)
        var text = source.text
        let runs = text.withUTF8 { ColumnPage.runs(source, $0, pageNumbers: []) }
        #expect(runs.map(\.lines) == [1...5])
        let blocks = Outline(source).blocks.map(\.text)
        #expect(blocks.first == "協働の形態")
        #expect(blocks.contains("主な形態は、委託、補助、共催、後援、実行委員会です。事業の目的に合った形態を選びます。"))
        #expect(blocks.contains("町の取組"))
    }
}
