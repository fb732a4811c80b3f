import KyodoDocument
import KyodoModel
import KyodoText

extension Extraction {
    /// A definition found by one of the patterns.
    private struct Candidate {
        var term: String
        var description: String
        var attributes: [Attribute]
        var lines: ClosedRange<Int>
        var confidence: Double
        /// Which of two overlapping definitions of one term is kept: a title standing alone
        /// names the definition proper; a heading's body holds it; a sentence is the body.
        var precedence: Int
    }

    /// Reads every definition the patterns find, one per term (the first in the text), in
    /// document order; returns the confidence.
    mutating func readDefinitions() -> Double {
        var found: [Candidate] = []
        for rule in data.definitions {
            switch rule.form {
            case .sentence: found += sentences(rule.cue)
            case .article: found += articles(rule.cue)
            case .articleterm: found += termArticles(rule.cue)
            case .heading: found += headed(rule.cue)
            case .title: found += titled(rule.cue, endings: rule.termEndings)
            case .term: found += termSentences(rule.cue)
            case .quoted: found += quoted(rule.cue)
            case .quotedterm: found += quotedTerms(rule.cue)
            case .plainterm: found += plainTerms(rule.cue, endings: rule.termEndings)
            case .quotedas: found += quotedAs(rule.cue, verbs: rule.verbs)
            case .named: found += named(rule.cue)
            case .namedplain: found += namedPlain(rule.cue)
            }
        }
        // One definition a statement: of overlapping ones the one of higher precedence, else the
        // first. A term defined again elsewhere (`協働とは、…` and later `…では、協働を「…」と`) is
        // an item again: a guideline that gives two definitions of 協働 states both.
        found.sort { $0.lines.lowerBound != $1.lines.lowerBound ? $0.lines.lowerBound < $1.lines.lowerBound : $0.precedence > $1.precedence }
        var kept: [Candidate] = []
        for c in found {
            let key = Normalizer.labelKey(c.term)
            if let k = kept.firstIndex(where: { Normalizer.labelKey($0.term) == key && $0.lines.overlaps(c.lines) }) {
                if c.precedence > kept[k].precedence { kept[k] = c }
                continue
            }
            // (The same definition printed again, a check sheet repeating the text's: one item.)
            if kept.contains(where: { Normalizer.labelKey($0.term) == key && Self.sameWording($0.description, c.description) }) { continue }
            kept.append(c)
        }
        var best = 0.0
        for (n, c) in kept.sorted(by: { $0.lines.lowerBound < $1.lines.lowerBound }).enumerated() {
            items.append(item(.definition, n + 1, label: c.term, description: c.description, attributes: c.attributes, lines: c.lines))
            best = max(best, c.confidence)
        }
        if found.isEmpty {
            let forms = data.definitions.map { rule -> String in
                switch rule.form {
                case .sentence: "\(rule.cue)…"
                case .article: "an ordinance's \(rule.cue) …をいう"
                case .articleterm: "…\(rule.cue) …をいう in a definitions article"
                case .heading: "a heading …\(rule.cue)"
                case .title: "a title …\(rule.cue)"
                case .term: "X\(rule.cue)、… under a heading X"
                case .quoted: "…\(rule.cue)…」"
                case .quotedterm: "「X」\(rule.cue)…"
                case .plainterm: "X\(rule.cue)…をいいます"
                case .quotedas: "「X」\(rule.cue)…\(rule.cue.hasByteSuffix("『") ? "』" : "」")と"
                case .named: "…を「X」という"
                case .namedplain: "…をX\(rule.cue)…"
                }
            }
            var seen = Set<String>()
            var message = "the document states no definition of 協働 (looked for " + forms.filter { seen.insert($0).inserted }.joined(separator: ", ") + ")"
            let aimsWords = presence.mayHold(data.aimsWords)
            if let aims = blocks.indices.first(where: { i in canHead(blocks[i]) && aimsWords.contains(where: blocks[i].text.includes) }) {
                message += "; its aims are stated under 「\(blocks[aims].text)」, line \(blocks[aims].firstLine)"
            }
            absent(.definition, message)
        }
        return best
    }

    /// Whether two definitions say the same: equal after folding, over their first 40 characters
    /// past the term (one may quote the other with `協働とは、` before it).
    static func sameWording(_ a: String, _ b: String) -> Bool {
        func core(_ s: String) -> Substring {
            let f = Normalizer.fold(s)
            let rest = f.range(of: "とは、").map { f[$0.upperBound...] } ?? f[...]
            return rest.prefix(40)
        }
        return core(a) == core(b)
    }

    /// A block a definition may be read from: not furniture, a table or a contents line (`協働とは ……… 2`).
    private func usable(_ i: Int) -> Bool { !excluded.contains(i) && blocks[i].table == nil && !contentsLines.contains(i) }

    /// `協働とは、…ことです。` and the paragraph that continues it (そうすることにより…).
    private func sentences(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(cue) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && (b.isParagraph || b.bulleted || b.marker == .bullet) && b.text.hasBytePrefix(cue)
            && (b.text.includes("。") || Self.isUnstoppedDefinition(b.text, after: cue)) && !Self.asks(b.text, after: cue) {
            var text = b.text
            var last = b.lastLine
            if i + 1 < blocks.count, blocks[i + 1].isParagraph, data.continuations.contains(where: blocks[i + 1].text.hasBytePrefix) {
                text += "\n" + blocks[i + 1].text
                last = blocks[i + 1].lastLine
            }
            let term = String(cue.prefix { $0 != "と" }).trimmingCharacters(in: "「」")
            out.append(Candidate(term: term, description: text, attributes: [], lines: b.firstLine...last, confidence: 0.9, precedence: 1))
        }
        // A definition sentence inside a paragraph (a page saved without blank lines).
        let afterStop = "。" + cue
        for (i, b) in blocks.enumerated() where usable(i) && b.isParagraph && !b.text.hasBytePrefix(cue) && b.text.includes(afterStop) {
            for sentence in InlineList.sentences(b.text) where sentence.hasBytePrefix(cue) && !Self.asks(sentence, after: cue) {
                let term = String(cue.prefix { $0 != "と" }).trimmingCharacters(in: "「」")
                out.append(Candidate(term: term, description: sentence, attributes: [], lines: b.lines(of: sentence), confidence: 0.8, precedence: 1))
                break
            }
        }
        // A definition reported from another text: `指針では、協働とは、…をいうとしています。`
        let term = String(cue.prefix { $0 != "と" }).trimmingCharacters(in: "「」")
        for (i, b) in blocks.enumerated() where usable(i) && b.isParagraph && !b.text.hasBytePrefix(cue) && b.text.includes(cue) {
            for sentence in InlineList.sentences(b.text) {
                guard let at = sentence.byteRange(of: cue) else { continue }
                let frame = sentence[..<at.lowerBound]
                guard frame.count <= 25, Self.reportingFrames.contains(where: { frame.hasByteSuffix($0) }) else { continue }
                out.append(Candidate(term: term, description: String(sentence[at.lowerBound...]), attributes: [], lines: b.lines(of: sentence),
                                     confidence: 0.8, precedence: 0))
                break
            }
        }
        return out
    }

    /// How a sentence names the text it reports a definition from (指針では、…).
    static let reportingFrames = ["では、", "では", "において、", "において", "には、", "に掲げる", "における", "でいう"]

    /// Whether the text after the cue asks rather than says (協働とは何なのか、…).
    static func asks(_ text: String, after cue: String) -> Bool {
        let rest = text.dropFirst(cue.count).drop { $0 == "、" || $0 == " " }
        return ["何", "どんな", "どのような", "どういう", "なに"].contains(where: rest.hasBytePrefix)
    }

    /// A definition without its 。 (`協働とは一緒になって取り組むこと`, `・「参画」とは→計画から関わること`):
    /// eight characters or more after the cue, and no question.
    static func isUnstoppedDefinition(_ text: String, after cue: String) -> Bool {
        let rest = text.dropFirst(cue.count)
        guard rest.count >= 8, let last = rest.last else { return false }
        return !"？?か".contains(last)
    }

    /// `…取り組むことを「協働」といいます。`: a sentence naming its term at its end.
    private func named(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(cue) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.isParagraph && b.text.includes(cue) {
            for sentence in InlineList.sentences(b.text) {
                // The quote the cue closes: 」 after を「, 』 after を『.
                let opening = cue.hasBytePrefix("』") ? "を『" : "を「"
                guard let end = sentence.byteRange(of: cue), let open = sentence[..<end.lowerBound].range(of: opening, options: .backwards) else { continue }
                let term = String(sentence[open.upperBound..<end.lowerBound])
                guard !term.isEmpty, term.count <= 10, !term.contains("「"), !term.contains("『"), sentence.distance(from: sentence.startIndex, to: open.lowerBound) >= 10 else { continue }
                // The sentence ends at the naming (`」といいます。`, `」と定義し、…`), not `」という表現で…`.
                let tail = sentence[end.upperBound...].prefix { $0 != "。" && $0 != "、" }
                guard tail.unicodeScalars.allSatisfy({ (0x3041...0x309F).contains($0.value) }) else { continue }
                out.append(Candidate(term: term, description: String(sentence[..<open.lowerBound]), attributes: [], lines: b.lines(of: sentence),
                                     confidence: 0.8, precedence: 1))
            }
        }
        return out
    }

    /// `市民が主体となって行う活動を市民活動といい、…`, `…非営利組織を市民活動団体と呼んでいます`:
    /// an unquoted term, a name right before the cue, that a sentence gives what it names as
    /// its object (を before it). A gloss in parentheses after the term is not part of it
    /// (`市民公益活動団体(NPO)と呼んでいます`).
    private func namedPlain(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(cue) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.isProse && b.text.includes(cue) {
            for sentence in InlineList.sentences(b.text) {
                guard let end = sentence.byteRange(of: cue) else { continue }
                var head = sentence[..<end.lowerBound]
                if head.hasByteSuffix(")") || head.hasByteSuffix("）"), let open = head.lastIndex(where: { $0 == "(" || $0 == "（" }),
                   head.distance(from: open, to: head.endIndex) <= 16 {
                    head = head[..<open]
                }
                let term = String(head.reversed().prefix(while: Extraction.isNameCharacter).reversed())
                let before = head.dropLast(term.count)
                guard (2...12).contains(term.count), before.hasByteSuffix("を") || before.hasByteSuffix("を、"),
                      sentence.distance(from: sentence.startIndex, to: end.lowerBound) >= 10 else { continue }
                out.append(Candidate(term: term, description: sentence, attributes: [], lines: b.lines(of: sentence), confidence: 0.6, precedence: 0))
            }
        }
        return out
    }

    /// `「参画」とは、…`: any quoted term defined at the start of a paragraph or bullet.
    private func quotedTerms(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold("」" + cue) || presence.mayHold("』" + cue) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && (b.text.includes("」" + cue) || b.text.includes("』" + cue)) {
            // At the start of a paragraph or bullet, or after a frame naming the text
            // (`この条例において「協働」とは`, in an article or its 項 too).
            guard let open = b.text.firstIndex(where: { $0 == "「" || $0 == "『" }) else { continue }
            let closing: Character = b.text[open] == "『" ? "』" : "」"
            let frame = b.text[..<open]
            if !frame.isEmpty {
                // A frame naming the text, or a clause before the definition (`…のとおり、『協働』とは`).
                // Or a clause qualifying the term (`本町が目指す「協働」とは`, `私たちの「協働」とは`).
                // (Or an answer's mark, `A.「市民活動」とは`.)
                guard frame.count <= 25, Self.reportingFrames.contains(where: { frame.hasByteSuffix($0) }) || frame.hasByteSuffix("、")
                        || frame.last.map({ "すくるうつむぶぐの".contains($0) }) == true || Self.isAnswerMark(frame) else { continue }
            } else if !(b.isParagraph || b.bulleted || b.marker == .bullet) {
                continue
            }
            guard let close = b.text[open...].firstIndex(of: closing), case let rest = b.text[b.text.index(after: close)...], rest.hasBytePrefix(cue) else { continue }
            let term = String(b.text[b.text.index(after: open)..<close])
            let after = String(rest.dropFirst(cue.count))
            // A term, not a phrase (「市民の利益」とは…, 「行政と同じ目的」とは… explain wording);
            // a term of 協働 may be a phrase (「協働のまちづくり」, 「市民協働によるまちづくり」).
            guard !term.isEmpty, term.count <= 15, term.includes("協働") || !term.contains(where: { "のとがをにへで".contains($0) }),
                  b.text.includes("。") || Self.isUnstoppedDefinition(after, after: "") else { continue }
            let description = frame.isEmpty ? b.text : String(b.text[open...])
            out.append(Candidate(term: term, description: description, attributes: [], lines: b.firstLine...b.lastLine, confidence: 0.8, precedence: 1))
        }
        return out
    }

    /// `「協働」を「…」とし`, `「協働・協治」を『…』と定義`: a quoted term given a quoted definition.
    /// `cue` opens the definition (`を「`); the term is the quote before it (twelve characters at
    /// most, a term rather than a phrase), the definition fifteen or more and followed by と.
    private func quotedAs(_ cue: String, verbs: [String]) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(cue), let open = cue.last else { return out }
        let close: Character = open == "『" ? "』" : "」"
        for (i, b) in blocks.enumerated() where usable(i) && b.text.includes(cue) {
            let t = b.text
            guard let at = t.byteRange(of: cue), let end = t[at.upperBound...].firstIndex(of: close) else { continue }
            let term: String
            let after = t[t.index(after: end)...]
            if at.lowerBound > t.startIndex, t[t.index(before: at.lowerBound)] == "」", let termOpen = t[..<at.lowerBound].lastIndex(of: "「") {
                term = String(t[t.index(after: termOpen)..<t.index(before: at.lowerBound)])
                guard after.hasBytePrefix("と") else { continue }
            } else {
                // An unquoted term is a name right before the cue, and the sentence says it
                // defines it: `市民協働を「…」と定義しています` (the row's verbs).
                term = String(t[..<at.lowerBound].reversed().prefix(while: Self.isNameCharacter).reversed())
                guard term.count >= 2, verbs.contains(where: after.hasBytePrefix) else { continue }
            }
            let quote = String(t[at.upperBound..<end])
            guard !term.isEmpty, term.count <= 12, !term.contains(where: { "のとがをにへで".contains($0) }), quote.count >= 15 else { continue }
            out.append(Candidate(term: term, description: quote, attributes: [], lines: b.lines(of: quote), confidence: 0.7, precedence: 1))
        }
        return out
    }

    /// `共生とは、…をいいます。`: a paragraph defining a short term in a sentence that ends the way
    /// definitions do (…をいいます, …をいう, …のことです).
    /// With `endings`, only a term ending in one of them (`市民と行政の協働は、…ことです。`), quoted
    /// or not (`「市民協働」は、…`).
    private func plainTerms(_ cue: String, endings: [String]) -> [Candidate] {
        var out: [Candidate] = []
        guard !presence.mayHold(Self.commaVariants(cue)).isEmpty else { return out }
        // (With endings, only a paragraph holding an ending right before the cue is looked at.)
        let joints = presence.mayHold(endings.flatMap { e in ["", "」", "』"].flatMap { q in Self.commaVariants(cue).map { e + q + $0 } } })
        guard endings.isEmpty || !joints.isEmpty else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.isParagraph {
            if !joints.isEmpty, !joints.contains(where: { b.text.includes($0, within: 80 + $0.utf8.count) }) { continue }
            // (A term of ten characters is at most 40 bytes: longer prefixes are not looked at;
            // a lead-in before it, `この意味において、参加とは、`, is some 30 more.)
            guard let r = Self.commaCue(cue, in: b.text, startingWithin: 80), r.lowerBound > b.text.startIndex else { continue }
            var term = Self.withoutLeadIn(b.text[..<r.lowerBound])
            let written = term + String(b.text[r])  // the term as the sentence has it, with its cue
            // A gloss in the term is no part of it (`NPO(Non Profit Organization)とは、`,
            // `ボランティア(volunteer)活動とは、`).
            if term.includes("(") || term.includes("（") { term = InlineList.withoutParentheses(term) }
            guard term.utf8.count <= 44 else { continue }
            if term.hasBytePrefix("*") || term.hasBytePrefix("_") { term = term.trimmingCharacters(in: "*_") }  // Markdown's **協働**
            if term.hasBytePrefix("※") { term = String(term.dropFirst()).trimmedSpaces() }  // a note: ※市民等とは、…
            if !endings.isEmpty {
                term = Self.unquotedTerm(term)
                guard endings.contains(where: term.hasByteSuffix) else { continue }
            }
            guard !term.isEmpty, term.count <= 10, !term.contains(where: { "「」『』、。 　をがはにで*_#".contains($0) }), !Self.asks(b.text, after: term + cue),
                  let sentence = InlineList.sentences(b.text).first(where: { $0.includes(written) }),
                  Self.definingEndings.contains(where: sentence.hasByteSuffix) else { continue }
            // (Said of 協働 with は, a definition says who does what: `協働は、相手があって初めて
            // 成り立つものです` says something of it, in too few words to define it.)
            if !endings.isEmpty, sentence.count < 40 { continue }
            out.append(Candidate(term: term, description: sentence, attributes: [], lines: b.lines(of: sentence), confidence: 0.7, precedence: 1))
        }
        return out
    }

    /// The first place of a cue ending in `、` as written with any comma (`「共働」は,…`, `参画とは，…`):
    /// its stem found, then the comma after it looked at. Only a place starting within the first
    /// `limit` bytes is looked for (the rest of the text is not searched).
    static func commaCue(_ cue: String, in text: String, startingWithin limit: Int) -> Range<String.Index>? {
        let head = text.utf8.count > limit + cue.utf8.count + 4 ? text[..<text.utf8.index(text.startIndex, offsetBy: limit + cue.utf8.count + 4)] : text[...]
        guard cue.hasByteSuffix("、") else {
            return head.byteRange(of: cue).flatMap { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) <= limit ? $0 : nil }
        }
        let stem = String(cue.dropLast())
        var rest = head
        while let at = rest.byteRange(of: stem), text.utf8.distance(from: text.startIndex, to: at.lowerBound) <= limit {
            if let c = text[at.upperBound...].first, c == "、" || c == "，" || c == "," { return at.lowerBound..<text.index(after: at.upperBound) }
            rest = text[at.upperBound...]
        }
        return nil
    }

    /// A cue ending in `、` as written with either comma too (`「共働」は,…`, `参画とは，…`).
    static func commaVariants(_ cue: String) -> [String] {
        guard cue.hasByteSuffix("、") else { return [cue] }
        let stem = String(cue.dropLast())
        return [cue, stem + "，", stem + ","]
    }

    /// The term before a definition's cue without a lead-in clause (`この意味において、`,
    /// `本町では、`, `また、`): the text after the last comma where what stands before it ends
    /// as an adverbial does (において, では, で, また …), at most fifteen characters.
    static func withoutLeadIn(_ head: Substring) -> String {
        guard let comma = head.lastIndex(where: { "、，,".contains($0) }) else { return String(head) }
        let lead = head[..<comma]
        guard lead.count <= 15, leadInEndings.contains(where: lead.hasByteSuffix) else { return String(head) }
        return String(head[head.index(after: comma)...]).trimmedSpaces()
    }

    /// How a lead-in clause before a defined term ends.
    static let leadInEndings = ["において", "においては", "では", "には", "で", "また", "なお", "そもそも", "つまり", "ここで", "さらに", "まず"]

    /// How a sentence defining a term ends.
    static let definingEndings = ["をいいます。", "をいう。", "のことです。", "のことをいう。", "を指します。", "をさします。", "ことです。", "ものです。",
                                  "を意味します。", "を意味する。", "とされています。", "取り組みです。", "取組です。"]

    /// `Xとは、…をいいます。` under a heading naming X (`（１）町民活動`): X defined.
    private func termSentences(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        let comma = cue + "、", wideComma = cue + "，"
        guard presence.mayHold(comma) || presence.mayHold(wideComma) else { return out }
        // (The term is its heading's, whose key is worked out once.)
        var headingKeys: [Int: String] = [:]
        for (i, b) in blocks.enumerated() where usable(i) && b.isParagraph && parents[i] != nil {
            guard let parent = parents[i], let r = b.text.byteRange(of: comma) ?? b.text.byteRange(of: wideComma) else { continue }
            let term = Self.unquotedTerm(String(b.text[..<r.lowerBound]))
            guard !term.isEmpty, term.count <= 12 else { continue }
            let key = headingKeys[parent] ?? Normalizer.labelKey(blocks[parent].text)
            headingKeys[parent] = key
            guard key == Normalizer.labelKey(term) else { continue }
            let sentence = InlineList.sentences(b.text).first ?? b.text
            out.append(Candidate(term: term, description: sentence, attributes: [], lines: b.lines(of: sentence), confidence: 0.8, precedence: 1))
        }
        return out
    }

    /// `「協働」` → `協働`.
    static func unquotedTerm(_ s: String) -> String {
        var t = s.trimmedSpaces()
        // A note mark before the term: `※市民等`.
        if t.hasBytePrefix("※"), t.count > 1 { t = String(t.dropFirst()).trimmedSpaces() }
        // A tag before the term: `（参考）協働`, `【用語】協働`.
        for (open, close) in [("（", "）"), ("(", ")"), ("【", "】"), ("［", "］")] where t.hasBytePrefix(open) {
            guard let end = t.byteRange(of: close), end.upperBound < t.endIndex, t.distance(from: t.startIndex, to: end.lowerBound) <= 6 else { continue }
            t = String(t[end.upperBound...]).trimmedSpaces()
        }
        if t.hasBytePrefix("「") && t.hasByteSuffix("」") || t.hasBytePrefix("『") && t.hasByteSuffix("』") { t = String(t.dropFirst().dropLast()) }
        // `そもそも「協働」`: the quoted term a lead-in stands before.
        else if t.hasByteSuffix("」"), let open = t.lastIndex(of: "「"), !t[t.index(after: open)...].dropLast().contains("「") {
            t = String(t[t.index(after: open)...].dropLast())
        }
        return t
    }

    /// An ordinance's definitions: `(3) 協働 市民等及び市が…をいう。`.
    private func articles(_ term: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(term) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) {
            let t = b.text
            guard t.hasBytePrefix(term + " ") || t.hasBytePrefix(term + "\u{3000}") else { continue }
            // …をいう, or a 号 of an article on the meaning of terms (用語の意義) cut short.
            guard t.includes("をいう") || b.marker != nil && blocks[max(0, i - 3)..<i].contains(where: { $0.text.includes("用語の意義") || $0.text.includes("用語の定義") }) else { continue }
            let text = String(t.dropFirst(term.count)).trimmedSpaces()
            out.append(Candidate(term: term, description: text, attributes: [], lines: b.firstLine...b.lastLine, confidence: 0.8, precedence: 1))
        }
        return out
    }

    /// A 号 of an article on the meaning of terms whose term ends in `suffix`: `（１）　市民活動
    /// 村民等が…をいう。` under `次の各号に掲げる用語の意義は` (the actors it defines, 市民 or
    /// 事業者, are no definitions of these rows' terms).
    private func termArticles(_ suffix: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(suffix), presence.mayHold("用語") || presence.mayHold("定義") else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.marker?.number != nil && b.text.includes(suffix) && b.text.includes("をいう") {
            guard let space = b.text.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { continue }
            let term = String(b.text[..<space])
            guard term.hasByteSuffix(suffix), term.count <= 12, let parent = parents[i] else { continue }
            let frame = blocks[parent].text + (parent > 0 ? blocks[parent - 1].text : "")
            guard frame.includes("用語の意義") || frame.includes("用語の定義") || frame.includes("（定義）") || frame.includes("(定義)") else { continue }
            out.append(Candidate(term: term, description: String(b.text[space...]).trimmedSpaces(), attributes: [], lines: b.firstLine...b.lastLine, confidence: 0.8, precedence: 1))
        }
        return out
    }

    /// A heading `Xの定義`: X defined by the heading's body.
    private func headed(_ suffix: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(suffix) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.text.hasByteSuffix(suffix) && canHead(b) {
            let term = Self.unquotedTerm(String(b.text.dropLast(suffix.count)))
            guard !term.isEmpty, term.count <= 12 else { continue }
            let body = owners[i]?.bodyBlockIndices ?? titleBody(i)
            // A table under the heading is no definition in words (各主体とその定義).
            guard let head = body.first, blocks[head].table == nil else { continue }
            let paragraphs = body.filter { blocks[$0].isParagraph || blocks[$0].bulleted || blocks[$0].marker == .bullet }
            guard let first = paragraphs.first, !blocks[first].isTitleLike || paragraphs.count > 1 else { continue }
            out.append(Candidate(term: term, description: text(of: paragraphs), attributes: [], lines: b.firstLine...lastLine(paragraphs, or: b.lastLine),
                                 confidence: 0.8, precedence: 2))
        }
        return out
    }

    /// A title standing alone `Xとは` (or `Xとは？`), its definition in the paragraph below.
    /// With `endings`, only a term ending in one of them (`「市民協働のまちづくり」って?`, not a
    /// column's `ボランティアって?`, which explains a word the guideline does not define).
    private func titled(_ cue: String, endings: [String] = []) -> [Candidate] {
        var out: [Candidate] = []
        // (A bulleted title too: `●「協働」とは`.)
        // A cue ending in ? holds for a question only (`…って?`, not the verb of `認め合って`),
        // asked with either question mark.
        let asking = cue.hasByteSuffix("?")
        let bare = asking ? String(cue.dropLast()) : cue
        guard presence.mayHold(bare) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.isTitleLike && b.text.includes(bare) && (canHead(b) || b.marker == .bullet && b.table == nil) {
            var t = b.text
            if asking, !(t.hasByteSuffix("?") || t.hasByteSuffix("？")) { continue }
            for mark in ["…", "...", "？", "?", "・・・", "・・"] where t.hasByteSuffix(mark) { t = String(t.dropLast(mark.count)) }
            guard t.hasByteSuffix(bare) else { continue }
            var term = Self.unquotedTerm(String(t.dropLast(bare.count)))
            // A clause qualifying the term (`わたしたちの考える協働とは`): the name it qualifies.
            if term.count > 10 || term.contains(where: { "をがは".contains($0) }), let name = Self.qualifiedName(term) { term = name }
            if !endings.isEmpty, !endings.contains(where: term.hasByteSuffix) { continue }
            // 大切なことは？ asks what matters; it defines nothing.
            guard !term.isEmpty, term.count <= 10, !term.hasByteSuffix("こ"), !term.contains(where: { "／/・、，,「」".contains($0) }) else { continue }
            guard i + 1 < blocks.count, case let next = blocks[i + 1], next.isParagraph, !next.isTitleLike else { continue }
            // A body that holds a sentence definition (協働とは、…) is read as that.
            let following = blocks[(i + 1)...].prefix { $0.isParagraph && !$0.isTitleLike }.prefix(3)
            // (Only one of the same term: `「町に関りのあるみなさん」とは` below `協働とは?` explains another.)
            // (Nor where its body defines a term the title's holds: `「協働のまちづくり」とは?` answered
            // by `本町が目指す「協働」とは、…`.)
            if following.contains(where: { b in data.definitions.contains { $0.form == .sentence && b.text.hasBytePrefix($0.cue) } || b.text.hasBytePrefix("「" + term + "」とは")
                || Self.quotedTermDefined(in: b.text).map({ $0 != term && term.includes($0) }) == true }) { continue }
            out.append(Candidate(term: term, description: next.text, attributes: [], lines: b.firstLine...next.lastLine, confidence: 0.8, precedence: 3))
        }
        return out
    }

    /// The name at the end of a phrase after the clause qualifying it (`わたしたちの考える協働` →
    /// `協働`): two or more kanji, katakana or Latin letters after a verb's ending, naming 協働
    /// (`協働が注目されている背景` asks about a background, and defines nothing).
    static func qualifiedName(_ phrase: String) -> String? {
        let name = String(phrase.reversed().prefix(while: Self.isNameCharacter).reversed())
        guard name.count >= 2, name.count < phrase.count, name.includes("協働") || name.includes("共働"),
              let before = phrase.dropLast(name.count).last, "るたいすうくむつ".contains(before) else { return nil }
        return name
    }

    /// `A.`, `Ａ．`, `A:`, `A　`: the mark an answer opens with.
    static func isAnswerMark(_ frame: Substring) -> Bool {
        let t = String(frame).trimmedSpaces()
        guard let first = t.first, first == "A" || first == "Ａ" else { return false }
        return t.count == 1 || t.count == 2 && ".．:：".contains(t.last!)
    }

    /// The quoted term a text defines with `」とは` (its first).
    static func quotedTermDefined(in text: String) -> String? {
        guard let at = text.byteRange(of: "」とは"), let open = text[..<at.lowerBound].lastIndex(of: "「") else { return nil }
        let term = String(text[text.index(after: open)..<at.lowerBound])
        return term.isEmpty || term.count > 15 ? nil : term
    }

    /// A sentence quoting the definition: `第3条においては、協働の定義を「…」としています` — the
    /// source named too (the article before the quote, the law the section's heading names).
    private func quoted(_ cue: String) -> [Candidate] {
        var out: [Candidate] = []
        guard presence.mayHold(cue) else { return out }
        for (i, b) in blocks.enumerated() where usable(i) && b.text.includes(cue) {
            guard let start = b.text.range(of: cue), let end = b.text[start.upperBound...].firstIndex(of: "」") else { continue }
            let quote = String(b.text[start.upperBound..<end])
            let before = b.text[..<start.lowerBound]
            let term = before.split(whereSeparator: { "、，,".contains($0) }).last.map(String.init) ?? "協働"
            // A term, and a definition in words (not a name: `その定義を「参加の梯子」という表現で`).
            guard term.count <= 12, !term.includes("。"), quote.count >= 15 else { continue }
            var attributes: [Attribute] = []
            if let article = before.range(of: "条", options: .backwards), let dai = before[..<article.lowerBound].range(of: "第", options: .backwards) {
                let heading = parents[i].map { blocks[$0].text } ?? ""
                let law = heading.components(separatedBy: "における").first ?? ""
                attributes.append(Attribute("出典", (law.isEmpty || law == heading ? "" : law + " ") + String(before[dai.lowerBound..<article.upperBound])))
            }
            out.append(Candidate(term: term, description: quote, attributes: attributes, lines: b.lines(of: quote), confidence: 0.7, precedence: 1))
        }
        return out
    }
}
