/// Old (旧字体) kanji forms and their modern (新字体) equivalents, as pairs of scalars.
///
/// NFKC does not fold these; PDF extraction of older documents leaves them in the text.
enum KanjiVariants {
    static let pairs: String = """
    關関點点續続發発觀観國国學学會会體体實実與与應応變変當当經経濟済圖図團団區区舊旧廣広價価擧挙戰戦歸帰\
    壽寿寫写讀読譯訳辯弁辨弁瓣弁豫予餘余來来禮礼勞労樂楽氣気榮栄營営驗験顯顕權権縣県聲声處処廳庁從従總総\
    聽聴狀状將将數数條条證証齊斉爭争臺台對対傳伝轉転燈灯稅税德徳惡悪萬万滿満藥薬譽誉樣様兩両亂乱邊辺惠恵\
    賣売隨随險険檢検劍剣嚴厳廢廃醫医圍囲爲為壹壱隱隠衞衛鹽塩歐欧假仮畫画擴拡覺覚缺欠勸勧歡歓卷巻陷陥寬寛\
    僞偽據拠峽峡敎教曉暁勳勲徑径莖茎繼継輕軽鷄鶏藝芸儉倹獻献硏研效効恆恒黃黄黑黒碎砕劑剤雜雑參参贊賛殘残\
    絲糸齒歯辭辞濕湿釋釈收収澁渋獸獣肅粛敍叙燒焼稱称乘乗淨浄剩剰疊畳讓譲釀醸囑嘱觸触寢寝愼慎眞真盡尽粹粋\
    醉酔穗穂髓髄樞枢靜静竊窃攝摂專専淺浅錢銭潛潜纖繊禪禅雙双搜捜插挿巢巣莊荘裝装騷騒增増藏蔵臟臓卽即屬属\
    墮堕帶帯滯滞單単擔担膽胆斷断遲遅晝昼蟲虫鑄鋳鎭鎮遞逓鐵鉄黨党盜盗稻稲鬪闘獨独貳弐惱悩腦脳霸覇麥麦髮髪\
    拔抜蠻蛮祕秘濱浜甁瓶拂払佛仏倂併竝並步歩寶宝豐豊沒没飜翻每毎默黙搖揺謠謡賴頼覽覧龍竜獵猟綠緑壘塁淚涙\
    勵励靈霊齡齢戀恋爐炉樓楼錄録灣湾舍舎舖舗圓円虛虚
    """

    /// Old form → modern form, for the CJK Unified Ideographs block (U+4E00…U+9FFF): entry
    /// `old - 0x4E00` holds `new - 0x4E00 + 1`, or 0 when the character has no other form.
    static let flat: [UInt16] = {
        var flat = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
        for (old, new) in table where (0x4E00...0x9FFF).contains(old) && (0x4E00...0x9FFF).contains(new) {
            flat[Int(old - 0x4E00)] = UInt16(new - 0x4E00 + 1)
        }
        return flat
    }()

    /// Old form → modern form (every pair, including any outside the unified block).
    static let table: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        var scalars = pairs.unicodeScalars.makeIterator()
        while let old = scalars.next(), let new = scalars.next() {
            if old != new { table[old.value] = new.value }
        }
        return table
    }()
}
