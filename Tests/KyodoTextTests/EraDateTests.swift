import Testing
@testable import KyodoText

@Suite struct EraDateTests {
    @Test(arguments: [
        ("平成20年10月", "2008-10"), ("令和6年4月", "2024-04"), ("平成31年4月", "2019-04"), ("令和元年", "2019"),
        ("平成１９年９月末現在", "2007-09"), ("平成三十一年四月", "2019-04"), ("昭和64年1月", "1989-01"), ("平成 30 年 12 月 改定", "2018-12"),
    ])
    func convertsEraDates(text: String, iso: String) {
        #expect(EraDate.find(in: text).first?.iso == iso)
    }

    @Test func fiscalYearsHaveNoMonth() throws {
        let d = try #require(EraDate.find(in: "平成28年度の事業").first)
        #expect(d.iso == "2016")
        #expect(d.isFiscalYear)
        #expect(d.text == "平成28年度")
    }

    @Test func findsEveryDateInOrderAsWritten() {
        let dates = EraDate.find(in: "平成18年度から平成２２年度まで、令和元年5月に")
        #expect(dates.map(\.iso) == ["2006", "2010", "2019-05"])
        #expect(dates.map(\.text) == ["平成18年度", "平成２２年度", "令和元年5月"])
    }

    @Test func ignoresWhatIsNotADate() {
        #expect(EraDate.find(in: "平成の時代に").isEmpty)
        #expect(EraDate.find(in: "平成年").isEmpty)
        #expect(EraDate.find(in: "平成20年13月").first?.iso == "2008")
    }
}
