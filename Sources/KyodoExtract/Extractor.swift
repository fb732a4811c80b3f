import KyodoDocument
import KyodoModel
import KyodoText

/// The one extractor: turns any document tree into a `Guideline`, driven by section data.
///
/// For each aspect it takes the headings whose topic is one of the aspect's cue words (marked
/// headings before titles standing alone, the data's order of cues, then document order), and
/// of those the first whose body yields items by one of the item sources. What it does not
/// find, finds in an odd shape, or finds in a figure lost in extraction becomes a finding,
/// the same way for every document; a confidence per aspect says how sure it is.
public struct Extractor: Sendable {
    /// The section data.
    public var data: SectionData

    public init(data: SectionData = .shipped) { self.data = data }

    /// Reads a guideline from a document tree; what the file's reader noticed (`notes`: a PDF's
    /// pages without text) becomes warnings among its findings.
    public func read(_ tree: DocumentTree, document: Document, notes: [ReadNote] = []) -> Guideline {
        var x = Extraction(tree, document, data: data)
        for note in notes { x.warn(nil, note.message, line: note.line) }
        x.readDates()
        x.confidence[.definition] = x.readDefinitions()
        let headings = x.headings()
        x.topicsOf = Dictionary(headings.map { ($0.index, $0.topics) }, uniquingKeysWith: { a, _ in a })
        for aspect in data.aspects {
            x.readAspect(aspect, headings: headings)
        }
        x.readTables()
        if !x.items.contains(where: { Aspect.core.contains($0.aspect) }) {
            x.warn(nil, "no structure of a collaboration guideline was recognised: no definition, principles, forms, partners or process")
        }
        return x.guideline(title: x.title(), format: tree.source.format.rawValue)
    }
}

extension Extraction {
    /// Reads one aspect from the first heading about it whose body yields items.
    mutating func readAspect(_ aspect: Aspect, headings: [Heading]) {
        let rules = data.headings.filter { $0.aspect == aspect }
        let cues = data.cues(of: aspect)
        var candidates: [(Heading, SectionData.HeadingRule)] = []
        // The more specific cue first; for each, marked headings before titles standing alone.
        var taken = Set<Int>()
        // A heading read for one aspect is not read again, unless it is about two (協働の相手と形態).
        let about = headings.filter { h in
            !h.topics.isEmpty && (!used.contains(h.index) || Set(h.topics.map { data.headings[$0].aspect }).count > 1)
        }
        // (A heading's topics are among the live rules: no other rule can have a heading.)
        for r in liveRules where data.headings[r].aspect == aspect && !data.headings[r].inSentence && !about.isEmpty {
            let rule = data.headings[r]
            for wantMarked in [true, false] {
                for h in about where h.marked == wantMarked && h.topics.contains(r) && !taken.contains(h.index) && !(wantMarked && isAmongNamesakes(h.index, aspect)) {
                    taken.insert(h.index)
                    candidates.append((h, rule))
                }
            }
        }
        // An introducing sentence (…を紹介します) heads what follows it in its section.
        for rule in rules where rule.inSentence && presence.mayHold(rule.cue) {
            for (i, b) in blocks.enumerated() where b.isParagraph && !excluded.contains(i) && b.text.includes(rule.cue) {
                let body = Array((i + 1)..<blocks.count).prefix { parents[$0] == parents[i] }
                candidates.append((Heading(index: i, text: b.text, marked: false, body: Array(body), section: nil), rule))
            }
        }
        let core = Aspect.core.contains(aspect)
        // Last, a sentence naming the aspect right before a list (…主体を次のように位置付けます。
        // ①市民 … ②…): where no heading says it, the sentence does.
        if core, let rule = rules.first(where: { !$0.inSentence && $0.sources == SectionData.Source.ordinary }) {
            for i in announcingParagraphs(cues: cues) where !candidates.contains(where: { $0.0.index == i }) {
                candidates.append((Heading(index: i, text: blocks[i].text, marked: false, body: followingList(i), section: nil), rule))
            }
        }
        // A document of thousands of headings about one aspect is tried on the first few
        // hundred: the reading stays linear, whatever the text.
        if candidates.count > Self.maxCandidates {
            warn(aspect, "\(candidates.count) headings about \(aspect.rawValue); the first \(Self.maxCandidates) were tried")
            candidates = Array(candidates.prefix(Self.maxCandidates))
        }
        var next = 0
        var fallback: (Heading, Found)?
        var namingTried = !core  // lists that name the aspect themselves are looked for only when all else failed
        var namingHeadings = Set<Int>()
        while true {
            if next == candidates.count {
                guard !namingTried, fallback == nil else { break }
                namingTried = true
                // Then a list under no heading whose entries name the aspect themselves.
                if let rule = rules.first(where: { !$0.inSentence && $0.sources == SectionData.Source.ordinary }) {
                    for (i, body) in namingLists(aspect) where !candidates.contains(where: { $0.0.index == i }) {
                        candidates.append((Heading(index: i, text: blocks[i].text, marked: false, body: body, section: nil), rule))
                    }
                    // And a heading that names the items itself (`1 後援・協力・共催とは`).
                    // (Its entries must mostly name the aspect's words too: `NPO・ボランティア等との協働事業`
                    // heads projects.)
                    for h in headings where !candidates.contains(where: { $0.0.index == h.index }) && !used.contains(h.index) && namesItems(h.text, aspect) {
                        candidates.append((h, rule))
                        namingHeadings.insert(h.index)
                    }
                }
                if next == candidates.count { break }
            }
            let (candidate, rule) = candidates[next]
            next += 1
            // A title's body depends on what it is read for: it runs to the next title about
            // another aspect, or about this one as specifically.
            var h = candidate
            if !h.marked && !rule.inSentence { h.body = titleBody(h.index, rule: rule) }
            // The appendix a section refers to (別表第１に掲げるとおり) where its own text gives
            // nothing, or nothing naming the aspect's words (the article's second 項).
            var direct = items(aspect, heading: h, rule: rule, cues: cues)
            if direct.map({ !namesOwnWords($0.items, aspect) }) ?? true, let appended = appendix(of: h).flatMap({ items(aspect, heading: $0, rule: rule, cues: cues) }),
               direct == nil || namesOwnWords(appended.items, aspect) {
                direct = appended
            }
            guard let found = direct else { continue }
            if namingHeadings.contains(h.index), let words = itemWords[aspect], found.items.filter({ Self.names($0.label, words) }).count * 2 < found.items.count { continue }
            // Items that are mostly another aspect's names (担い手 under 協働の考え方) are not this aspect's.
            if namesAnotherAspect(found.items, not: aspect) { continue }
            // Names in a sentence are the weakest source: a later heading about the aspect
            // whose body enumerates or tabulates its items is preferred (協働の形態とは？ with a
            // passing …など, then 主な協働の形態 over a numbered list).
            if found.source == .inline {
                if fallback == nil { fallback = (h, found) }
                continue
            }
            // But not by a list naming none of the aspect's words, when the names did (a table of
            // projects under 形態 after 協働の形態 named 委託、補助…).
            if let (_, names) = fallback, namesOwnWords(names.items, aspect), !namesOwnWords(found.items, aspect) { continue }
            accept(aspect, heading: h, found: found)
            return
        }
        if let (h, found) = fallback {
            accept(aspect, heading: h, found: found)
            return
        }
        guard core else { return }
        // Article captions one after another about the aspect (（住民主体の原則）（協働の原則）…): an
        // ordinance printed without its articles' text, whose chapter heading gave nothing.
        if let (found, block) = captionRun(aspect) {
            items += found
            findings.append(Finding(.notExhaustive, aspect: aspect, "\(aspect.rawValue) are read from article captions standing alone (an ordinance without its articles' text)",
                                    span: tree.span(block.firstLine, block.lastLine)))
            confidence[aspect] = 0.5
            return
        }
        // (A heading that only names items, and gave none, says nothing of where they are.)
        if let first = candidates.first(where: { !namingHeadings.contains($0.0.index) }) {
            let body = first.0.marked || first.0.body.count > 0 ? first.0.body : titleBody(first.0.index, rule: first.1)
            if !noteLostFigure(aspect, in: body) {
                warn(aspect, "the section 「\(first.0.text)」 has no enumerated items, table rows or list", line: blocks[first.0.index].firstLine)
            }
            confidence[aspect] = 0.2
            return
        }
        // No heading at all: the places prose names the aspect's items, most telling first.
        for source in Unheaded.allCases {
            guard let (found, block) = read(source, aspect, cues: cues) else { continue }
            items += found
            findings.append(Finding(.notExhaustive, aspect: aspect, "\(aspect.rawValue) \(source.how), under no heading",
                                    span: tree.span(block.firstLine, block.lastLine)))
            confidence[aspect] = source.confidence
            return
        }
        absent(aspect, notStatedMessage(aspect, cues: cues), line: mention(of: cues.first ?? "").map { blocks[$0].firstLine })
        confidence[aspect] = 0
    }

    /// Where prose names an aspect's items under no heading about it.
    enum Unheaded: CaseIterable {
        /// The definition of the aspect's own term (「多様な主体」とは、…をいう).
        case definedTerm
        /// An open list a cue follows closely (…など、様々な協働の担い手).
        case openList
        /// A sentence whose names are mostly the aspect's item words.
        case namingSentence

        /// What the finding says of the items.
        var how: String {
            switch self {
            case .definedTerm: "are read from the definition of a term naming them"
            case .openList: "are named in prose as examples (…など)"
            case .namingSentence: "are read from names in a sentence"
            }
        }

        /// How sure the reading is.
        var confidence: Double {
            switch self {
            case .definedTerm: 0.5
            case .openList: 0.4
            case .namingSentence: 0.3
            }
        }
    }

    /// The items one unheaded source gives, with the block they stand in.
    func read(_ source: Unheaded, _ aspect: Aspect, cues: [String]) -> ([Item], Block)? {
        switch source {
        case .definedTerm: definedItems(aspect)
        case .openList: inlineAnywhere(aspect, cues: cues)
        case .namingSentence: namingSentence(aspect, cues: cues)
        }
    }

    /// Whether three in four items (and at least two) hold an item word of one other aspect and
    /// none of this one's: `自治会、NPO、学校…` read under a heading about principles.
    func namesAnotherAspect(_ found: [Item], not aspect: Aspect) -> Bool {
        guard found.count >= 2 else { return false }
        let own = itemWords[aspect] ?? []
        if found.contains(where: { Self.names($0.label, own) }) { return false }
        for (other, words) in itemWords.sorted(by: { $0.key < $1.key }) where other != aspect {
            let naming = found.filter { Self.names($0.label, words) }.count
            if naming * 4 >= found.count * 3 { return true }
        }
        return false
    }

    /// Takes the items a heading's body gave for an aspect, with the confidence they earn (a
    /// list or table over prose; a count announced and met, or missed).
    mutating func accept(_ aspect: Aspect, heading h: Heading, found: Found) {
        used.insert(h.index)
        consumed.formUnion(found.blocks)
        items += found.items
        var score = found.source == .enumeration || found.source == .table ? 0.8 : 0.6
        let announcing = ([blocks[h.index]] + h.body.prefix(3).map { blocks[$0] }.filter(\.isParagraph)).map(\.text).joined(separator: "\n")
        if let announced = announcedCount(announcing) {
            if announced == found.items.count {
                score += 0.2
            } else {
                score -= 0.4
                warn(aspect, "\(aspect.rawValue) section 「\(h.text)」 announced \(announced) items, found \(found.items.count)", line: blocks[h.index].firstLine)
            }
        }
        noteOpenList(aspect, heading: h, found: found)
        if Aspect.core.contains(aspect) { confidence[aspect] = min(1, max(0.1, score)) }
    }

    /// Paragraphs whose last sentence announces a list (次の, 以下の) naming a cue (not as the adverb
    /// 原則として) and that a list of two or more entries follows directly.
    func announcingParagraphs(cues: [String]) -> [Int] {
        mayAnnounce.filter { i in
            let b = blocks[i]
            // (The list stands in the paragraph's own section: the next entries of the list the
            // paragraph's section belongs to are not what it announces.)
            guard !b.isTitleLike, !excluded.contains(i), owners[i + 1] != nil, !continuesOwnList(i), cues.contains(where: b.text.includes),
                  let last = InlineList.sentences(b.text).last else { return false }
            let plain = Self.withoutAdverb(last)
            let list = followingList(i)
            // 次の５つの原則, or a count the list right after has (…大切にしている4つの原則を確認しましょう。).
            let entries = list.filter { owners[$0] != nil && parents[$0] == parents[i + 1] }.count
            guard cues.contains(where: { Self.announces(plain, $0, words: data.announceWords) })
                || announcedCount(plain) == entries && cues.contains(where: plain.includes) else { return false }
            return list.filter { owners[$0] != nil }.count >= 2 && !list.contains(where: consumed.contains)
        }
    }

    /// A sentence without the adverb 原則として (as a rule), which names no principle: not the
    /// noun before として (`協働の原則として四つのことを`, `基本原則として`).
    static func withoutAdverb(_ sentence: String) -> String {
        guard sentence.includes("原則として") else { return sentence }
        var out = ""
        var rest = sentence[...]
        while let at = rest.byteRange(of: "原則として") {
            let before = rest[..<at.lowerBound]
            out += before
            if let last = (out.isEmpty ? nil : out.last), last == "の" || last == "本" { out += "原則として" }
            rest = rest[at.upperBound...]
        }
        return out + rest
    }

    /// Whether marked line `i` stands beside an entry of its list that is about the same aspect
    /// (`◎ 対等の原則` / `◎ 目的共有の原則` under a title about something else): entries, each an
    /// item, not headings each over its own text.
    func isAmongNamesakes(_ i: Int, _ aspect: Aspect) -> Bool {
        guard let section = owners[i], let style = section.style, !namesAspectItself(i, aspect) else { return false }
        // (Questions each head their answer, whatever the next one asks; a line naming the aspect
        // itself, `2 各原則の説明`, heads its own text.)
        if case .question = blocks[i].marker { return false }
        let about = { (j: Int) in self.topics(of: j).contains { self.data.headings[$0].aspect == aspect } }
        let next = (section.bodyBlockIndices.last ?? i) + 1
        if next < blocks.count, let s = owners[next], s.style == style, parents[next] == parents[i], about(next) { return true }
        var k = i - 1
        while k >= 0, parents[k] != parents[i] { k -= 1 }
        if k >= 0, let s = owners[k], s.style == style, about(k) { return true }
        return false
    }

    /// Whether the list after paragraph `i` goes on with the list the paragraph's own section is
    /// an entry of: `(2)…(3)…` after the text of `(1)` are its siblings, not what it announces.
    func continuesOwnList(_ i: Int) -> Bool {
        guard let p = parents[i], let section = owners[p], let next = owners[i + 1] else { return false }
        // (A numbering that starts again, `3 協働の原則` over `1 …`, is a list of its own.)
        if let n = blocks[p].marker?.number, let m = blocks[i + 1].marker?.number, m != n + 1 { return false }
        return section.style == next.style && parents[p] == parents[i + 1]
    }

    /// Whether a sentence announces a list of `cue`: the cue right after the announcing word
    /// (次の５つの原則) or right before it (主体を次のように).
    static func announces(_ sentence: String, _ cue: String, words: [String]) -> Bool {
        for word in words {
            var rest = sentence[...]
            while let at = rest.byteRange(of: word) {
                let after = sentence[at.upperBound...].prefix(10)
                if String(after).includes(cue) { return true }
                let before = sentence[..<at.lowerBound]
                for joint in ["を", "は、", "は", "を、", "として", "として、"] where before.hasByteSuffix(cue + joint) { return true }
                rest = sentence[at.upperBound...]
            }
        }
        return false
    }

    /// The list that directly follows block `i`: its entries (of one style, siblings) and their bodies.
    func followingList(_ i: Int) -> [Int] {
        guard i + 1 < blocks.count, let first = owners[i + 1], let style = first.style else { return [] }
        var body: [Int] = []
        var j = i + 1
        var number: Int?
        while j < blocks.count, let s = owners[j], s.style == style, parents[j] == parents[i + 1] {
            // A numbering that starts again at 1 is another list.
            let n = blocks[j].marker?.number
            if n == 1, let previous = number, previous > 1 { break }
            number = n
            body += [j] + s.bodyBlockIndices
            j = (s.bodyBlockIndices.last ?? j) + 1
        }
        return body
    }

    /// How many headings about one aspect are tried at most.
    static let maxCandidates = 64

    /// Why an aspect reads as not stated, naming the cue it was looked for by and any item the
    /// text names in passing (`協働の原則である「…」`).
    func notStatedMessage(_ aspect: Aspect, cues: [String]) -> String {
        guard let cue = cues.first, let i = mention(of: cue) else {
            return "no heading about \(cues.prefix(4).joined(separator: ", ")) was found"
        }
        var message = "the document refers to \(cue) but does not list them"
        var quoted: [String] = []
        for (k, b) in blocks.enumerated() where presence.mayHold(cue + "である「") && !excluded.contains(k) && b.text.includes(cue + "である「") {
            var rest = b.text[...]
            while let at = rest.range(of: cue + "である「"), let close = rest[at.upperBound...].firstIndex(of: "」") {
                let name = String(rest[at.upperBound..<close])
                quoted.append("「\(name)」 (line \(b.lines(of: name).lowerBound))")
                rest = rest[close...]
            }
        }
        _ = i
        if !quoted.isEmpty { message += "; it names one in passing: " + quoted.joined(separator: ", ") }
        return message
    }

    /// The first block mentioning `cue`, outside reprinted parts.
    func mention(of cue: String) -> Int? {
        guard !cue.isEmpty, presence.mayHold(cue) else { return nil }
        return blocks.indices.first { !excluded.contains($0) && blocks[$0].table == nil && blocks[$0].text.includes(cue) }
    }

    /// An open list in the prose (…など) where the items came from, or names in the section's
    /// prose that its list or table does not hold.
    mutating func noteOpenList(_ aspect: Aspect, heading h: Heading, found: Found) {
        let prose = h.body.filter { blocks[$0].isParagraph }
        let notLimited = presence.mayHold(data.notLimitedWords).contains { w in prose.contains { blocks[$0].text.includes(w) } }
        if found.source == .inline, let b = found.blocks.first {
            findings.append(Finding(.notExhaustive, aspect: aspect,
                                    "the \(aspect.rawValue) are named in prose as examples (…など)" + (notLimited ? "; the text says it does not limit itself to them" : ""),
                                    span: tree.span(blocks[b].firstLine, blocks[b].lastLine)))
            return
        }
        if found.source == .labels, found.items.contains(where: { item in data.openWords.contains(where: item.description.includes) }) {
            findings.append(Finding(.notExhaustive, aspect: aspect, "the \(aspect.rawValue) are given as examples (…など)",
                                    span: tree.span(blocks[h.index].firstLine, blocks[h.index].lastLine)))
            return
        }
        guard found.source == .table || found.source == .enumeration, Aspect.core.contains(aspect) else { return }
        let cues = presence.mayHold(data.cues(of: aspect))
        guard !cues.isEmpty else { return }
        let keys = Set(found.items.map(\.normalizedLabel))
        for i in prose where !found.blocks.contains(i) && cues.contains(where: blocks[i].text.includes) {
            // Only a sentence that speaks of the aspect (…形態は、…などもあります).
            for sentence in InlineList.sentences(blocks[i].text) where cues.contains(where: sentence.includes) {
                guard let names = InlineList.items(in: sentence, enders: data.listEnders, topicEnders: data.topicListEnders) else { continue }
                let extra = names.filter { name in
                    let key = Normalizer.labelKey(name)
                    return !keys.contains { $0.includes(key) || key.includes($0) }
                }
                if !extra.isEmpty {
                    findings.append(Finding(.notExhaustive, aspect: aspect,
                                            "the prose also names \(aspect.rawValue) the \(found.source == .table ? "table" : "list") does not hold: " + extra.joined(separator: "、"),
                                            span: tree.span(blocks[i].firstLine, blocks[i].lastLine), caveat: .namedInProse))
                }
            }
        }
    }

    /// A sentence anywhere whose `…など` list is followed closely by a cue of the aspect.
    func inlineAnywhere(_ aspect: Aspect, cues: [String]) -> ([Item], Block)? {
        let cues = presence.mayHold(cues)
        let openWords = presence.mayHold(data.openWords)
        guard !cues.isEmpty else { return nil }
        // The actors a definition names (協働とは、市民、NPOなどの多様な主体と市が…) are part of what
        // 協働 means, not the document's list of partners.
        let defined = items.filter { $0.aspect == .definition }.map { $0.span.firstLine...$0.span.lastLine }
        // The cue as a sentence's topic (協働の担い手は、…), each written once.
        // (Spoken too, as minutes print an answer: 協働の形態につきましては、…, 担い手といたしましては、….)
        // (Or the role of what follows, `まちづくりの基本原則として、「…」「…」を掲げ`: not of what
        // precedes, `…ことを基本理念として、…などを定めた`.)
        let topicForms = cues.flatMap { cue in ["は", "には", "方は", "については", "につきましては", "といたしましては", "としましては", "として、"].map { (cue: cue, form: cue + $0) } }
        let asTopic = { (text: String) in topicForms.first { Self.standsAsTopic(text, $0.form) }?.cue }
        // (A marked line holding sentences is prose too: a speaker's line in minutes, `◎村長（…）　…。`.)
        for (i, block) in blocks.enumerated() where block.isProse
            && !excluded.contains(i) && !consumed.contains(i) {
            // In a paragraph holding a definition, the defining sentence is passed over.
            let definesHere = defined.contains { $0.overlaps(block.firstLine...block.lastLine) }
            // (A paragraph that is all definition, under a title asking what 協働 is, is passed
            // over, but for a sentence going on to something else: `なお、県では、…の協働を進めています`.)
            let definitionBody = isDefinitionBody(block)
            if definitionBody && !InlineList.sentences(block.text).contains(where: Self.turnsAside) { continue }
            let open = openWords.contains(where: block.text.includes)
            // …など、様々な担い手: an open list followed closely by a cue; or the cue as the
            // sentence's topic (市の協働の相手方は、市民、…、大学等です).
            // (Every reading below needs a cue in the sentence: a block without one is passed over first.)
            guard cues.contains(where: block.text.includes), open
                || topicForms.contains(where: { Self.standsAsTopic(block.text, $0.form) }) || block.text.includes("（") || block.text.includes("(")
                || block.text.includes("つの") || cues.contains(where: { block.text.includes($0 + "である") || block.text.includes($0 + "となる") || block.text.includes("を" + $0 + "と") }) else { continue }
            for sentence in InlineList.sentences(block.text) where !(definesHere && (sentence.includes("とは") || sentence.includes("」とい")))
                && !(definitionBody && !Self.turnsAside(sentence)) {
                // 村民のほか、集落、…事業者を協働の担い手としております: the names a cue says they are.
                // (Not a clause qualifying a noun: `公平性や平等性を原則とする行政の限界`.)
                if let cue = cues.first(where: { sentence.includes("を" + $0 + "と") }), !Self.qualifiesNoun(sentence, after: "を" + cue + "とする"),
                   let names = InlineList.items(in: sentence, before: "を" + cue + "と") {
                    return (inlineItems(aspect, names, in: block, sentence: sentence), block)
                }
                // (The open word a cue follows ends the list too: `…大学、行政等の多様な主体の協働を`.)
                if let (word, end) = Self.openWordBeforeCue(in: sentence, openWords: openWords, cues: cues),
                   let names = InlineList.items(in: String(sentence[..<end]), enders: data.listEnders + [word], topicEnders: data.topicListEnders) {
                    return (inlineItems(aspect, names, in: block, sentence: sentence), block)
                }
                // 基本原則（目標一致の原則、相互理解の原則など）: the names in parentheses after a cue;
                // “市民”、…“市”の4つの主体: quoted names a count before a cue announces.
                // 担い手である住民・企業・町が: names right after the cue they are, naming the
                // aspect's words (an aspect with no words of its own has none such).
                let named = { itemWords[aspect].flatMap { words in
                    InlineList.afterCue(in: sentence, cues: cues).flatMap { names in names.contains { Self.names($0, words) } ? names : nil }
                } }
                if let names = InlineList.parenthesised(in: sentence, after: cues) ?? InlineList.countedQuotes(in: sentence, words: cues) ?? named() {
                    return (inlineItems(aspect, names, in: block, sentence: sentence), block)
                }
                // 具体的な形態としては、ア)協働委託 イ)補助 ウ)…: an enumeration written inline.
                if cues.contains(where: sentence.includes), let names = InlineList.markedRun(in: sentence) {
                    return (inlineItems(aspect, names, in: block, sentence: sentence), block)
                }
                guard let cue = asTopic(sentence), let topicAt = sentence.byteRange(of: cue) else { continue }
                let rest = String(sentence[topicAt.lowerBound...])
                if let names = InlineList.items(in: rest, enders: data.listEnders, topicEnders: data.topicListEnders) {
                    return (inlineItems(aspect, names, in: block, sentence: sentence), block)
                }
            }
        }
        return nil
    }

    /// Whether `form` (a cue and the particle making it a topic) stands in `text`; a role
    /// (`…として、`) only where the cue is not the role of an object before it (`…を基本理念として、`).
    static func standsAsTopic(_ text: String, _ form: String) -> Bool {
        guard let at = text.byteRange(of: form) else { return false }
        guard form.hasByteSuffix("として、") else { return true }
        return text[..<at.lowerBound].last != "を"
    }

    /// Whether a sentence opens by turning to something beside what came before (`なお、`, `また、`).
    static func turnsAside(_ sentence: String) -> Bool {
        let t = sentence.drop { $0 == " " || $0 == "\u{3000}" }
        return asides.contains(where: t.hasBytePrefix)
    }

    /// How a sentence turning aside opens.
    static let asides = ["なお", "また", "さらに、", "加えて、"]

    /// Whether a block is all definition, the text under a title asking what a term is (`「協働」って何?`):
    /// the actors it names are part of what the term means. (A sentence defining it in the
    /// block, `協働とは、…`, is passed over where lists are read, and only it.)
    func isDefinitionBody(_ block: Block) -> Bool {
        guard !block.text.includes("とは"), !block.text.includes("」とい") else { return false }
        return items.contains { $0.aspect == .definition && $0.span.firstLine <= block.firstLine && block.lastLine <= $0.span.lastLine }
    }

    /// The open word (など, 等の) in the sentence a cue follows closely, at any of its
    /// occurrences (自治会などの地域活動団体、…、企業などのさまざまな担い手).
    /// (With where it ends; a cue made an adjective or a quality, `主体的`, `主体性`, is not the cue.)
    static func openWordBeforeCue(in sentence: String, openWords: [String], cues: [String]) -> (String, String.Index)? {
        for word in openWords {
            var rest = sentence[...]
            while let at = rest.byteRange(of: word) {
                let after = String(sentence[at.upperBound...].prefix(14))
                if cues.contains(where: { Self.namesNoun(after, $0) }) { return (word, at.upperBound) }
                rest = sentence[at.upperBound...]
            }
        }
        return nil
    }

    /// Whether `cue` stands in `text` as a noun naming what the list is: not followed by 的 or
    /// 性 (`主体的な活動`), nor by から or で (`様々な視点から評価を`: a way, not a category).
    static func namesNoun(_ text: String, _ cue: String) -> Bool {
        var rest = text[...]
        while let at = rest.byteRange(of: cue) {
            let after = rest[at.upperBound...]
            if let next = after.first, next == "的" || next == "性" || after.hasBytePrefix("から") || after.hasBytePrefix("で") { rest = after; continue }
            return true
        }
        return false
    }

    /// Whether `phrase` in `sentence` is followed by a noun it qualifies (`…を原則とする行政`).
    static func qualifiesNoun(_ sentence: String, after phrase: String) -> Bool {
        guard let at = sentence.byteRange(of: phrase), let next = sentence[at.upperBound...].first else { return false }
        return isNameCharacter(next)
    }

    // MARK: - Dates and title

    /// The blocks before the first heading: where a document states its own dates and title.
    func frontMatter() -> Range<Int> {
        let end = blocks.indices.first { i in
            let b = blocks[i]
            return b.marker != nil && !b.bulleted && b.marker != .bullet && !excluded.contains(i)
        } ?? min(blocks.count, 15)
        return 0..<end
    }

    /// Dates on lines of their own in the front matter (after a foreword's title, the
    /// foreword's), and dates in its sentences saying the document was made or revised.
    mutating func readDates() {
        let front = frontMatter()
        let lastLine = front.isEmpty ? 0 : blocks[front.upperBound - 1].lastLine
        let foreword = front.first { blocks[$0].isParagraph && data.forewordTitles.contains(blocks[$0].text) }.map { blocks[$0].firstLine } ?? Int.max
        var found: [DocumentDate] = []
        if lastLine > 0 {
            found = DateFinder.standalone(in: tree.source, lines: 1...lastLine).map { d in
                var d = d
                if d.span.firstLine > foreword { d.role = .foreword }
                return d
            }
        }
        for i in front where blocks[i].isParagraph {
            found += DateFinder.inSentences(of: blocks[i], source: tree.source)
        }
        for d in found where !dates.contains(where: { $0.iso == d.iso && $0.role == d.role }) { dates.append(d) }
    }

    /// The document's title: the name a front-matter sentence dating the document quotes
    /// (「協働の指針」を改訂しました), else its first paragraph with a qualifier that follows it
    /// (`(改定版)`).
    func title() -> String? {
        let front = frontMatter()
        for i in front where blocks[i].isParagraph {
            for d in DateFinder.inSentences(of: blocks[i], source: tree.source) where d.role != .stated {
                let t = blocks[i].text
                if let open = t.firstIndex(of: "「"), let close = t[open...].firstIndex(of: "」") {
                    _ = d
                    return String(t[t.index(after: open)..<close])
                }
            }
        }
        guard let first = blocks.firstIndex(where: { $0.isParagraph || $0.marker != nil }) else { return nil }
        // Its first line: a date or a subtitle on the next line is not part of the title.
        let block = blocks[first]
        var title = block.pieces.count > 1 ? String(decoding: block.text.utf8.prefix(block.pieces[1].offset), as: UTF8.self) : block.text
        if first + 1 < blocks.count, blocks[first + 1].isParagraph, isCaption(blocks[first + 1].text) { title += blocks[first + 1].text }
        return title
    }
}
