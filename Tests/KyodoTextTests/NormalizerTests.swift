import Testing
@testable import KyodoText

@Suite struct NormalizerTests {
    @Test func foldsWidths() {
        #expect(Normalizer.fold("ＮＰＯ法人は５６") == "NPO法人は56")
        #expect(Normalizer.fold("a\u{3000}b") == "a b")
    }

    @Test func composesHalfwidthKana() {
        #expect(Normalizer.fold("ｶﾞｲﾄﾞﾗｲﾝ") == "ガイドライン")
        #expect(Normalizer.fold("ﾊﾟｰﾄﾅｰ") == "パートナー")
        #expect(Normalizer.fold("ｳﾞ") == "ヴ")
        #expect(Normalizer.fold("か\u{3099}") == "が")  // decomposed input composes
    }

    @Test func foldsOldKanji() {
        #expect(Normalizer.fold("機關の重點を續けて發揮し客觀的に") == "機関の重点を続けて発揮し客観的に")
        #expect(Normalizer.fold("一步") == "一歩")
    }

    @Test func readsKanjiNumeralsWhereTheyCount() {
        #expect(Normalizer.fold("第十九条") == "第19条")
        #expect(Normalizer.fold("平成三十一年") == "平成31年")
        #expect(Normalizer.fold("令和元年") == "令和1年")
        #expect(Normalizer.fold("第三次長期総合計画") == "第3次長期総合計画")
        #expect(Normalizer.fold("二〇一九年") == "2019年")
        // Not counting: left alone.
        #expect(Normalizer.fold("一緒に一人ひとり") == "一緒に一人ひとり")
        #expect(Normalizer.fold("元気村") == "元気村")
    }

    @Test func foldsEnclosedNumerals() {
        #expect(Normalizer.fold("①目的") == "1目的")
        #expect(Normalizer.fold("⑴ 背景") == "(1) 背景")
    }

    @Test func byteLevelEdgeCases() {
        #expect(Normalizer.fold("⒇⑳") == "(20)20")                // the only folds that grow
        #expect(Normalizer.fold("ﾞｱ") == "゛ア")                    // a voiced mark with nothing to compose
        #expect(Normalizer.fold("aﾞ") == "a゛")
        #expect(Normalizer.fold("𠮷野家🍣") == "𠮷野家🍣")          // 4-byte scalars pass through
        #expect(Normalizer.fold("第十条") == "第10条")              // a run at the end of the text
        #expect(Normalizer.fold("十年") == "10年")                  // at the start
        #expect(Normalizer.fold("平成元年と元年") == "平成1年と元年") // 元 only after an era
        #expect(Normalizer.fold("") == "")
        #expect(Normalizer.fold("ＡＢＣ１２３") == "ABC123")
        #expect(Normalizer.fold("Ⅻ章") == "XII章")
        #expect(Normalizer.fold("(1)～(7)") == Normalizer.fold("(1)〜(7)"))  // the wave-dash problem
        let long = String(repeating: "協働の原則①⑴ｶﾞ關", count: 2000)
        #expect(Normalizer.fold(long) == String(repeating: "協働の原則1(1)ガ関", count: 2000))
    }

    @Test func labelKeyRemovesLetterSpacingAndTrailingPunctuation() {
        #expect(Normalizer.labelKey("後 援") == "後援")
        #expect(Normalizer.labelKey("協働の原則。") == "協働の原則")
        #expect(Normalizer.labelKey("NPO  法人") == "NPO法人")
        #expect(Normalizer.labelKey("Nonprofit   Organization") == "Nonprofit Organization")
    }

    @Test func kanjiNumbers() {
        #expect(Normalizer.kanjiNumber(Array("三十一".unicodeScalars)) == 31)
        #expect(Normalizer.kanjiNumber(Array("百二十".unicodeScalars)) == 120)
        #expect(Normalizer.kanjiNumber(Array("十".unicodeScalars)) == 10)
        #expect(Normalizer.kanjiNumber(Array("千九百八十九".unicodeScalars)) == 1989)
        #expect(Normalizer.kanjiNumber(Array("協".unicodeScalars)) == nil)
    }
}
