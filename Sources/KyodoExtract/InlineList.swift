import Foundation
import KyodoText

/// Reads a list written inline in a sentence: `…としては、後援、共催、委託、補助、実行委員会などがあります`,
/// `協働の主体は、町民、自治会及び町内会、事業者並びに町とします`, `対等、相互理解及び情報公開を原則とする`.
enum InlineList {
    /// The words that end an inline list, most telling first (the section data's `listend` rows).
    static let defaultEnders = ["など"]

    /// The items of the first inline list in `sentence` (at least two), or nil.
    ///
    /// The items are the trailing run of short segments before the first ender, split on `、`,
    /// `や`, `及び` and `並びに`; a segment ending in a particle (`は`, `が`, `を`, `に`, `で`,
    /// `て`) or longer than `maxLength` ends the run.
    /// `topicEnders` (とする, を原則) end a list only right after a topic (`協働の主体は、A、B及びCとする`).
    static func items(in sentence: String, enders: [String] = defaultEnders, topicEnders: [String] = [], maxLength: Int = 12) -> [String]? {
        if let quoted = quotedRun(in: sentence) { return quoted }
        let sentence = collapsingExamples(sentence)
        var best: [String]?
        var bestAt: String.Index?
        for ender in enders {
            // The ender's first place that ends a run (`形態があり、主なものに委託、補助…があります`:
            // the second), at most four tried.
            var from = sentence.startIndex
            for _ in 0..<4 {
                guard let at = sentence[from...].byteRange(of: ender), bestAt.map({ at.lowerBound < $0 }) ?? true else { break }
                from = at.upperBound
                // A gloss in parentheses is no part of the list (`市民（市民活動団体及び事業者を含む）や行政`).
                var head = sentence[..<at.lowerBound]
                if head.includes("（") || head.includes("(") { head = withoutParentheses(String(head))[...] }
                if let found = run(head, maxLength: maxLength, afterTopic: topicEnders.contains(ender)) {
                    best = found
                    bestAt = at.lowerBound
                    break
                }
            }
        }
        return best
    }

    /// The items of a list that `ender` closes, its last name a kind given with examples like
    /// the others (`…、農業法人や商店などの事業者を協働の担い手と…` → …, `事業者`).
    static func items(in sentence: String, before ender: String) -> [String]? {
        guard let at = sentence.byteRange(of: ender) else { return nil }
        // Quoted names right before it (`「情報共有」と「住民参加」を基本原則とし`).
        if let quoted = quotedRun(in: sentence[..<at.lowerBound] + ender) { return quoted }
        // (A separator after the last name lets `collapsingExamples` take it as a kind the list goes on after.)
        return items(in: sentence[..<at.lowerBound] + "、" + ender, enders: [ender])
    }

    /// The names of an enumeration written inline, each after its marker, three or more in
    /// sequence: `ア)協働委託 イ)補助 ウ)共催`, `①委託、②補助、③共催`, `(1)委託 (2)補助 (3)共催`.
    /// A gloss in parentheses and a closing など come off; a name of more than 20 characters
    /// or holding 。 is no name.
    static func markedRun(in sentence: String) -> [String]? {
        let scalars = Array(sentence.unicodeScalars)
        // Each marker: where it starts, where its name starts, its number.
        var marks: [(start: Int, end: Int, n: Int)] = []
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if let k = MarkerScanner.katakanaNumber(v), i + 1 < scalars.count, scalars[i + 1] == ")" || scalars[i + 1] == "）" {
                marks.append((i, i + 2, k)); i += 2; continue
            }
            if (0x2460...0x2473).contains(v) { marks.append((i, i + 1, Int(v - 0x2460) + 1)); i += 1; continue }
            if scalars[i] == "(" || scalars[i] == "（", i + 2 < scalars.count, scalars[i + 2] == ")" || scalars[i + 2] == "）" {
                let d = scalars[i + 1].value
                if (0x31...0x39).contains(d) || (0xFF11...0xFF19).contains(d) {
                    marks.append((i, i + 3, Int(d >= 0xFF10 ? d - 0xFF10 : d - 0x30))); i += 3; continue
                }
            }
            i += 1
        }
        // The longest run numbered 1, 2, 3 … in one kind of marker (starting anywhere at 1).
        var best: [(start: Int, end: Int, n: Int)] = []
        var run: [(start: Int, end: Int, n: Int)] = []
        for m in marks {
            if m.n == 1 { run = [m] } else if let last = run.last, m.n == last.n + 1 { run.append(m) } else { run = [] }
            if run.count > best.count { best = run }
        }
        guard best.count >= 3 else { return nil }
        var names: [String] = []
        for (k, m) in best.enumerated() {
            let end = k + 1 < best.count ? best[k + 1].start : scalars.count
            var name = String(String.UnicodeScalarView(scalars[m.end..<end])).trimmedSpaces()
            // The last name ends where the sentence goes on: `…サ)指定管理 などがあります`.
            if k == best.count - 1, let cut = name.firstIndex(where: { $0 == " " || $0 == "\u{3000}" || $0 == "、" || $0 == "。" }) { name = String(name[..<cut]) }
            while let last = name.last, "、，,・ 　".contains(last) { name.removeLast() }
            if name.hasByteSuffix("など") { name = String(name.dropLast(2)) }
            if let open = name.firstIndex(where: { $0 == "(" || $0 == "（" }), open > name.startIndex { name = String(name[..<open]) }
            guard !name.isEmpty, name.count <= 20, !name.includes("。") else { return nil }
            names.append(name)
        }
        return names
    }

    /// A line that is names and nothing else, two or more between 、 (`共催、事業協力・協定、委託`):
    /// each a name of at most 12 characters in kanji, katakana or Latin letters; a closing など
    /// or 等 comes off.
    static func bareNames(_ text: String) -> [String]? {
        guard !text.includes("。"), text.count <= 120 else { return nil }
        var line = text.trimmedSpaces()
        for ender in ["など", "等"] where line.hasByteSuffix(ender) { line = String(line.dropLast(ender.count)) }
        let names = line.split(whereSeparator: isSeparator).map { String($0).trimmedSpaces() }
        guard names.count >= 2, names.allSatisfy({ (2...12).contains($0.count) && $0.allSatisfy(Extraction.isNameCharacter) }) else { return nil }
        return names
    }

    /// What separates the items of an inline list.
    /// (A comparison of the character's scalar: a `Set<Character>` hashes every character it is asked about.)
    @inline(__always) static func isSeparator(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return v == 0x3001 || v == 0x2C || v == 0xFF0C
    }

    /// Whether a segment can be an item: short, and not ending in a particle.
    static func isItem(_ s: String, maxLength: Int) -> Bool {
        guard !s.isEmpty, s.count <= maxLength, let last = s.last else { return false }
        return !"はがをにでてとばもら".contains(last) && !clauseEndings.contains(where: s.hasByteSuffix)
    }

    /// How a clause before a list ends (`事業の目的及び性質に応じ、委託、…`): no name ends so.
    static let clauseEndings = ["応じ", "通じ", "関し", "対し", "基づき", "伴い", "ため", "より", "おいて", "つき", "際し", "ており", "ます"]

    /// The trailing run of list items in the text before an ender.
    private static func run(_ head: Substring, maxLength: Int, afterTopic: Bool) -> [String]? {
        // The item a list starts from (`個人をはじめ、…`) is its first.
        var raw = head.split(whereSeparator: isSeparator)
        // (A topic may stand before it: `担い手といたしましては、市民一人一人をはじめ、…`.)
        var topicBeforeStart = false
        if let first = raw.lastIndex(where: { seg in startWords.contains(where: { seg.hasByteSuffix($0) && seg.count > $0.count }) }) {
            topicBeforeStart = first > raw.startIndex && topicEndings.contains(where: String(raw[first - 1]).trimmedSpaces().hasByteSuffix)
            raw = Array(raw[first...])
        }
        let segments = raw.map { exemplified(withoutOrdinal($0.drop { $0 == " " || $0 == "\u{3000}" })) }.flatMap { seg -> [Substring] in
            var parts = [seg]
            for joiner in ["並びに", "及び", "や"] {
                parts = parts.flatMap { p -> [Substring] in
                    let pieces = p.components(separatedBy: joiner).map { Substring($0) }
                    return pieces.count > 1 && p.count <= maxLength * 3 && pieces.allSatisfy({ !$0.isEmpty }) ? pieces : [p]
                }
            }
            return parts
        }
        var items: [String] = []
        var topic = false
        for segment in segments.reversed() {
            let s = String(segment).trimmedSpaces()
            // A topic without its comma (`担い手は市民`), an object or subject (`課題を行政だけでなく`)
            // or a label before a colon (`解説:共催や補助`): the name after it is the run's first.
            // A lead saying what the list is (`主なものに委託、補助…があります`) begins it, as a topic does.
            if let lead = topicLeads.first(where: { s.hasBytePrefix($0) && s.count > $0.count }) {
                let name = String(s.dropFirst(lead.count))
                if isItem(name, maxLength: maxLength) { items.insert(name, at: 0) }
                topic = true
                break
            }
            // (Only in a short segment: a long one is a clause, `…公共的サービスの提供を担える`.)
            if s.count <= 16, let cut = s.lastIndex(where: { "はをが：:".contains($0) }), cut > s.startIndex, s.index(after: cut) < s.endIndex {
                let name = String(s[s.index(after: cut)...])
                if isItem(name, maxLength: maxLength) { items.insert(cleaned(name), at: 0) }
                // (`主なものに委託、補助…があります`: what the list is, as a topic would say.)
                topic = s[cut] == "は" || s[cut] == "に"
                break
            }
            guard isItem(s, maxLength: maxLength) else {
                topic = topicEndings.contains(where: s.hasByteSuffix)
                break
            }
            items.insert(cleaned(s), at: 0)
        }
        if afterTopic && !topic && !topicBeforeStart { return nil }
        // Words pointing elsewhere (上記のほか、すべての人や団体) name no items.
        if items.contains(where: { ["上記", "前記", "以上", "これら", "その他"].contains($0) || $0.hasBytePrefix("すべての") || $0.hasBytePrefix("全ての") }) { return nil }
        // Pairs (市役所と自治会、自治会同士、自治会と市民活動団体…) name relations, not items.
        if items.filter({ $0.dropLast().includes("と") }).count * 2 >= items.count { return nil }
        return items.count >= 2 ? items : nil
    }

    /// The sentence with the examples before each `などの`/`等の` taken out where the kind after it
    /// is an item: `老人会などの地縁組織や、ボランティア団体などの市民活動団体、企業` → `地縁組織や、
    /// 市民活動団体、企業`. Only the joint's own segment is its examples: in `ボランティア団体、
    /// NPO等の市民活動団体` the first name is a sibling (whether a name before the segment is an
    /// example or a sibling the text does not say; taking it as a sibling read more pages right).
    /// A joint followed by no item (`企業などのさまざまな担い手が`) is left alone.
    static func collapsingExamples(_ sentence: String) -> String {
        guard sentence.includes("などの") || sentence.includes("等の") else { return sentence }
        var text = sentence
        var searchFrom = text.startIndex
        while let joint = ["などの", "等の"].compactMap({ text[searchFrom...].byteRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            // The kind is an item only where the list goes on after it (`…団体、`, `…組織や`);
            // a kind ending the list is the list's own category (`委託、補助などの手法`).
            let kind = text[joint.upperBound...].prefix { !isSeparator($0) }
            let kindName = kind.hasByteSuffix("や") ? String(kind.dropLast()) : String(kind)
            guard kind.endIndex < text.endIndex || kind.hasByteSuffix("や") else {
                searchFrom = joint.upperBound
                continue
            }
            let start = text[searchFrom..<joint.lowerBound].lastIndex(where: isSeparator).map { text.index(after: $0) } ?? searchFrom
            let examples = text[start..<joint.lowerBound]
            // (A kind may be two names joined by の: `地域の団体`.)
            guard isItem(kindName, maxLength: 12), kindName.split(separator: "の", omittingEmptySubsequences: false).count <= 2,
                  kindName.allSatisfy({ Extraction.isNameCharacter($0) || $0 == "の" }), !kindName.hasBytePrefix("の"),
                  !examples.isEmpty, examples.allSatisfy({ Extraction.isNameCharacter($0) || $0 == "や" }) else {
                searchFrom = joint.upperBound
                continue
            }
            let offset = text.distance(from: text.startIndex, to: start)
            text.removeSubrange(start..<joint.upperBound)
            searchFrom = text.index(text.startIndex, offsetBy: offset)
        }
        return text
    }

    /// An item named with its examples is the kind it names: `NPO法人その他の市民活動団体` →
    /// `市民活動団体`, and a segment `collapsingExamples` left (its examples not all names:
    /// `地域の自治会などの地縁組織`); an item a list starts from is that item: `個人をはじめ` → `個人`.
    static func exemplified(_ segment: Substring) -> Substring {
        for joint in ["などの", "等の", "その他の"] {
            if let at = segment.byteRange(of: joint), at.lowerBound > segment.startIndex, at.upperBound < segment.endIndex {
                return segment[at.upperBound...]
            }
        }
        for start in startWords where segment.hasByteSuffix(start) && segment.count > start.count {
            return segment.dropLast(start.count)
        }
        return segment
    }

    /// Leads that say what the list after them is.
    static let topicLeads = ["主なものに", "主なものとして", "主なものは", "例えば", "たとえば"]

    /// What follows the item a list starts from.
    static let startWords = ["をはじめとして", "をはじめとする", "をはじめ", "のみならず", "だけでなく", "はもとより"]

    /// How the phrase before a list names its topic: `協働の主体は、…`, `主な形態として、…`.
    static let topicEndings = ["は", "として", "としては", "には"]

    /// An ordinal a spoken or written list puts before each name (`第１に見出しA、第２に…`).
    static func withoutOrdinal(_ s: Substring) -> Substring {
        guard s.hasBytePrefix("第"), let ni = s.firstIndex(of: "に"), s.distance(from: s.startIndex, to: ni) <= 3,
              s[s.index(after: s.startIndex)..<ni].allSatisfy({ $0.isNumber || "一二三四五六七八九十".contains($0) }), s.index(after: ni) < s.endIndex else { return s }
        return s[s.index(after: ni)...]
    }

    /// An item without the conjunction before it (`そして市` → `市`) or the `のほか` after it.
    static func cleaned(_ s: String) -> String {
        var t = Substring(s)
        for lead in ["そして", "それから", "それに", "加えて", "また", "さらに", "主に", "主として"] where t.hasBytePrefix(lead) && t.count > lead.count { t = t.dropFirst(lead.count) }
        if t.hasByteSuffix("のほか"), t.count > 4 { t = t.dropLast(3) }
        // A count closing the list (`事業協力の五つ`): the name before it.
        if t.hasByteSuffix("つ"), let no = t.lastIndex(of: "の"), no > t.startIndex,
           case let count = t[t.index(after: no)...].dropLast(), !count.isEmpty,
           count.allSatisfy({ $0.isNumber || "一二三四五六七八九十".contains($0) }) { t = t[..<no] }
        // A clause saying which (`市内で活動するＮＰＯ法人`): the name it qualifies.
        for verb in ["している", "する", "される"] {
            guard let at = t.range(of: verb, options: .backwards) else { continue }
            let name = t[at.upperBound...]
            if name.count >= 2, name.allSatisfy(Extraction.isNameCharacter), t[..<at.lowerBound].contains(where: { "でをにが".contains($0) }) { t = name }
            break
        }
        return String(t)
    }

    /// Two or more quoted names in a row (`「A」「B」「C」の3つを…`),
    /// joined by nothing, 、, ・, と, や or 及び, and followed by の with a count, を, という or が.
    static func quotedRun(in sentence: String) -> [String]? {
        guard sentence.includes("」「") || sentence.includes("」、「") || sentence.includes("」と「") || sentence.includes("」・「") else { return nil }
        var names: [String] = []
        var rest = Substring(sentence)
        while let open = rest.firstIndex(of: "「") {
            let gap = rest[..<open]
            if !names.isEmpty, !["", "、", "・", "と", "や", "及び", "，"].contains(String(gap)) {
                if names.count >= 2 { break }
                names = []
            }
            guard let close = rest[open...].firstIndex(of: "」") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard !name.isEmpty, name.count <= 20 else { names = []; rest = rest[rest.index(after: close)...]; continue }
            names.append(name)
            rest = rest[rest.index(after: close)...]
        }
        guard names.count >= 2 else { return nil }
        let after = rest.drop { $0 == " " }
        let counted = after.hasBytePrefix("の") && after.dropFirst().first.map { $0.isNumber || "一二三四五六七八九十".contains($0) } == true
        return counted || after.hasBytePrefix("を") || after.hasBytePrefix("という") || after.hasBytePrefix("が") || after.hasBytePrefix("など") ? names : nil
    }

    /// A list in parentheses right after one of `words`: `基本原則（目標一致の原則、相互理解の原則など）`,
    /// `四者（市民、事業者、行政）`; two or more short items, the trailing など dropped.
    static func parenthesised(in sentence: String, after words: [String], maxLength: Int = 12) -> [String]? {
        for word in words {
            for open in ["（", "("] {
                guard let at = sentence.byteRange(of: word + open) else { continue }
                let inside = sentence[at.upperBound...]
                guard let close = inside.firstIndex(where: { $0 == "）" || $0 == ")" }) else { continue }
                var content = inside[..<close]
                for ender in ["など", "等"] where content.hasByteSuffix(ender) { content = content.dropLast(ender.count) }
                // A piece too long to be a name is names joined by ・ (`主体(市民・自治区・NPO・企業、市議会、市)`).
                let names = content.split(whereSeparator: isSeparator).flatMap { piece -> [String] in
                    let name = String(piece).trimmedSpaces()
                    return name.count > maxLength && name.includes("・") ? name.split(separator: "・").map { String($0).trimmedSpaces() } : [name]
                }
                if names.count >= 2, names.allSatisfy({ isItem($0, maxLength: maxLength) }) { return names }
            }
        }
        return nil
    }

    /// Names in quotes, as many as a count after them announces: `“市民”、自治会などの“市民活動団体”、
    /// …“市”の4つの主体` (the quotes 「」, 『』 or “”; the count a digit or kanji numeral before
    /// `つの` and one of `words`).
    static func countedQuotes(in sentence: String, words: [String], maxLength: Int = 12) -> [String]? {
        guard sentence.includes("つの") else { return nil }
        for word in words {
            guard let at = sentence.byteRange(of: "つの" + word), at.lowerBound > sentence.startIndex else { continue }
            let digit = sentence[sentence.index(before: at.lowerBound)]
            guard let n = digit.wholeNumberValue ?? kanjiDigits.firstIndex(of: digit).map({ $0 + 1 }), n >= 2 else { continue }
            var names: [String] = []
            var rest = sentence[..<sentence.index(before: at.lowerBound)]
            while let open = rest.firstIndex(where: { "「『“".contains($0) }) {
                let close: Character = rest[open] == "「" ? "」" : rest[open] == "『" ? "』" : "”"
                guard let end = rest[open...].firstIndex(of: close) else { break }
                let name = String(rest[rest.index(after: open)..<end]).trimmedSpaces()
                if !name.isEmpty, name.count <= maxLength { names.append(name) }
                rest = rest[rest.index(after: end)...]
            }
            // (A term the sentence defines may be quoted before them: `“私たち”とは、…`.)
            if names.count == n || names.count == n + 1 { return Array(names.suffix(n)) }
        }
        return nil
    }

    /// Names right after a cue that they are (`まちづくりの担い手である住民・企業・町が`, `協働の担い手
    /// となる住民や行政は`): the run up to the particle ending it, split at ・ 、 や 及び, two or more
    /// short names.
    static func afterCue(in sentence: String, cues: [String], maxLength: Int = 12) -> [String]? {
        for cue in cues {
            for joint in ["である", "となる"] {
                guard let at = sentence.byteRange(of: cue + joint) else { continue }
                let rest = sentence[at.upperBound...]
                guard let end = rest.firstIndex(where: { "がはを".contains($0) }) else { continue }
                var names = [String(rest[..<end])]
                for separator in ["、", "・", "や", "及び", "並びに"] {
                    names = names.flatMap { $0.components(separatedBy: separator) }.map { $0.trimmedSpaces() }
                }
                // (Names, not the rest of a clause: `主体となるのか、経費を…` begins in hiragana.)
                if names.count >= 2, names.allSatisfy({ isItem($0, maxLength: maxLength) && !($0.unicodeScalars.first.map { (0x3041...0x309F).contains($0.value) } ?? true) }) {
                    return names
                }
            }
        }
        return nil
    }

    /// 一 to 九.
    static let kanjiDigits = Array("一二三四五六七八九")

    /// Sentences of a text, each with its terminal `。`; a blank remainder is dropped.
    /// A 。 inside parentheses (`企業（商店を含む。）や…`, `（…をいう。以下同じ。）`) ends no sentence:
    /// a piece with a parenthesis still open is joined to the next (three at most).
    static func sentences(_ text: String) -> [String] { sentenceSlices(text).map(String.init) }

    /// `sentences(_:)` as slices of the text (nothing copied until a sentence is wanted).
    static func sentenceSlices(_ text: String) -> [Substring] {
        var pieces = text.byteSplit("。", keepingSeparator: true, omittingEmpty: true)
        if let last = pieces.last, !last.hasByteSuffix("。"), last.trimmedSpaces().isEmpty { pieces.removeLast() }
        guard text.includes("（") || text.includes("(") else { return pieces }
        var out: [Substring] = []
        var k = 0
        while k < pieces.count {
            // (Pieces are consecutive slices of the text: joining them is widening the slice.)
            var sentence = pieces[k]
            var joined = 0
            while joined < 3, k + 1 < pieces.count, openParentheses(sentence) > 0 {
                k += 1
                joined += 1
                sentence = text[sentence.startIndex..<pieces[k].endIndex]
            }
            out.append(sentence)
            k += 1
        }
        return out
    }

    /// The text without what parentheses (nested ones too) hold.
    static func withoutParentheses(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "（" || c == "(" { depth += 1; continue }
            if (c == "）" || c == ")") && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// How many parentheses a text leaves open.
    static func openParentheses<S: StringProtocol>(_ text: S) -> Int {
        var depth = 0
        for c in text.unicodeScalars {
            if c == "（" || c == "(" { depth += 1 } else if (c == "）" || c == ")") && depth > 0 { depth -= 1 }
        }
        return depth
    }
}
