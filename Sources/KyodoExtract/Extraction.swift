import KyodoDocument
import KyodoModel
import KyodoText

/// The working state of one extraction: the tree, what has been found so far, and the helpers
/// every item source shares.
struct Extraction {
    /// A block that can head a section, with what it is known by and what it holds.
    struct Heading {
        /// The heading's block (a marked line, a title standing alone, or an article's caption).
        var index: Int
        /// The text the heading is known by.
        var text: String
        /// Whether a marker opened it (rather than a title standing alone).
        var marked: Bool
        /// The blocks of its body, in document order.
        var body: [Int]
        /// The section it opens, for a marked heading.
        var section: Section?
        /// The heading rules (indices in the section data) it is the topic of.
        var topics: [Int] = []
    }

    let tree: DocumentTree
    let document: Document
    let data: SectionData
    /// The section each heading block opens.
    let owners: [Int: Section]
    /// For each block, the heading block of the section holding it.
    let parents: [Int?]
    /// Blocks inside a part that reprints another document, and page furniture: not read as
    /// this document's headings or items.
    let excluded: Set<Int>
    /// Blocks inside a part that reprints another document: a section's body ends there.
    let reprinted: Set<Int>
    var items: [Item] = []
    var findings: [Finding] = []
    var dates: [DocumentDate] = []
    var confidence: [Aspect: Double] = [:]
    /// Headings already taken by an aspect.
    var used = Set<Int>()
    /// Blocks whose content became items.
    var consumed = Set<Int>()

    init(_ tree: DocumentTree, _ document: Document, data: SectionData) {
        self.tree = tree
        self.document = document
        self.data = data
        self.owners = tree.owners()
        self.parents = tree.parents()
        var excluded = Set<Int>()
        for reprint in document.reprints {
            guard let lines = NamedSection.lines(of: reprint.section, in: tree.outline) else { continue }
            for (i, b) in tree.blocks.enumerated() where lines.contains(b.firstLine) { excluded.insert(i) }
            // The heading naming the part belongs to it too.
            if let h = tree.blocks.lastIndex(where: { $0.lastLine < lines.lowerBound }) { excluded.insert(h) }
        }
        self.reprinted = excluded
        // Page furniture (更新日：…, ページの先頭へ) is no one's heading or item.
        // So is an English paragraph beside the Japanese (a bilingual edition's translation):
        // the items are read from the Japanese, which the English would break into pieces.
        for (i, b) in tree.blocks.enumerated() where b.table == nil
            && (data.furniturePrefixes.beginsSome(b.text) || b.isParagraph && MarkerScanner.isEnglish(b.text)) {
            excluded.insert(i)
            // A furniture line standing alone as a title (`問い合わせ`) heads the lines of its
            // footer: an office, a telephone number.
            guard b.isTitleLike, data.footerWords.contains(where: { b.text.trimmingCharacters(in: "：:　 ") == $0 }) else { continue }
            var j = i + 1
            while j < tree.blocks.count, j <= i + 4, tree.blocks[j].isParagraph, !tree.blocks[j].text.includes("。") {
                excluded.insert(j)
                j += 1
            }
        }
        self.excluded = excluded
        var presence = PairSieve()
        for b in tree.blocks {
            presence.add(b.text)
            // A short line's words with its quote marks, 主な or a count left out too: headings are
            // matched so (`いろいろな「かたち」があります` is about いろいろなかたち, `協働の主なポイント`
            // about 協働のポイント).
            if b.text.utf8.count <= 120, let bare = SectionData.withoutCount(b.text) { presence.add(bare) }
        }
        self.presence = presence
        self.liveRules = data.headings.indices.filter { presence.mayHold(data.headings[$0].cue) }
        var words: [Aspect: [String]] = [:]
        for (aspect, word) in data.itemWords { words[aspect, default: []].append(word) }
        self.itemWords = words.mapValues { presence.mayHold($0) }
        // Paragraphs that may hold a list of three names (two separators or more).
        self.listParagraphs = tree.blocks.indices.filter { tree.blocks[$0].isParagraph && Extraction.holdsSeparators(tree.blocks[$0].text, atLeast: 2) }
        // Contents lines (`協働とは ……… 2`), looked up once: no definition is read from them.
        self.contentsLines = Set(tree.blocks.indices.filter { Extraction.endsInPageNumber(tree.blocks[$0].text) })
        // Paragraphs that may announce the list after them (次の…), found once for every aspect.
        let announceWords = presence.mayHold(data.announceWords)
        let countForms = data.countUnits.flatMap(\.forms).filter(presence.mayHold)
        self.mayAnnounce = announceWords.isEmpty && countForms.isEmpty ? [] : tree.blocks.indices.filter { i in
            let b = tree.blocks[i]
            // (Or a count: …4つの原則を確認しましょう, checked against the list's length.)
            return b.isProse && i + 1 < tree.blocks.count && tree.blocks[i + 1].marker != nil
                && (announceWords.contains(where: b.text.includes) || countForms.contains(where: b.text.includes))
        }
    }

    /// The item words of each aspect that has some (委託, 自治会), only those the document may
    /// hold: an aspect without an entry has no item words at all.
    let itemWords: [Aspect: [String]]

    /// Whether some item names one of the aspect's item words, or the aspect has none.
    func namesOwnWords(_ found: [Item], _ aspect: Aspect) -> Bool {
        guard let words = itemWords[aspect] else { return true }
        return found.contains { Self.names($0.label, words) }
    }

    /// Paragraphs right before a list that hold an announcing word (次の, 以下の).
    let mayAnnounce: [Int]
    /// Paragraphs holding two separators (、 , ，) or more: where a sentence may list names.
    let listParagraphs: [Int]
    /// The blocks that are contents lines ending in a page number.
    let contentsLines: Set<Int>
    /// Which words the document's blocks may hold (for certain which they do not).
    let presence: PairSieve
    /// The heading rules whose cue the document may hold: no other can be a heading's topic.
    let liveRules: [Int]
    /// The heading rules each heading block is about (set once the headings are known).
    var topicsOf: [Int: [Int]] = [:]

    var blocks: [Block] { tree.blocks }

    // MARK: - Making items

    /// An item with its label folded for matching.
    func item(_ aspect: Aspect, _ ordinal: Int, label: String, description: String = "", attributes: [Attribute] = [],
              children: [Item] = [], lines: ClosedRange<Int>) -> Item {
        Item(aspect: aspect, ordinal: ordinal, label: label, normalizedLabel: Normalizer.labelKey(label),
             description: description, attributes: attributes, children: children,
             span: tree.span(lines.lowerBound, lines.upperBound))
    }

    /// The running text of blocks: paragraphs and bullet lines, one per line; headings and tables left out.
    func text(of indices: [Int]) -> String {
        indices.compactMap { i -> String? in
            let b = blocks[i]
            if b.table != nil { return nil }
            if b.marker != nil && !b.bulleted && b.marker != .bullet { return nil }
            return b.bulleted || b.marker == .bullet ? "・" + b.text : b.text
        }.joined(separator: "\n")
    }

    /// The last line of a run of blocks.
    func lastLine(_ indices: [Int], or line: Int) -> Int {
        indices.last.map { max(line, blocks[$0].lastLine) } ?? line
    }

    // MARK: - Findings

    /// Records that the document does not state an aspect.
    mutating func absent(_ aspect: Aspect, _ message: String, line: Int? = nil) {
        findings.append(Finding(.absent, aspect: aspect, message, span: line.map { tree.span($0, $0) }))
    }

    /// Records a warning.
    mutating func warn(_ aspect: Aspect?, _ message: String, line: Int? = nil) {
        findings.append(Finding(.warning, aspect: aspect, message, span: line.map { tree.span($0, $0) }))
    }

    /// The heading rules (indices in the section data) a text taken from the document is about.
    func topics(ofText text: String) -> [Int] { data.topics(of: text, among: liveRules) }

    /// The count a text announces (`7つの視点`, `次の5つ`, `(1)～(7)`).
    func announcedCount(_ text: String) -> Int? { AnnouncedCount.find(in: text, units: data.countUnits) }

    /// Where a section refers to a figure extraction lost (上の図): records it and returns true.
    mutating func noteLostFigure(_ aspect: Aspect, in body: [Int]) -> Bool {
        let figureWords = presence.mayHold(data.figureWords)
        guard !figureWords.isEmpty else { return false }
        for i in body where blocks[i].isParagraph {
            let t = blocks[i].text
            if figureWords.contains(where: t.includes) {
                findings.append(Finding(.lostInExtraction, aspect: aspect,
                                        "the text refers to a figure that did not survive extraction; \(aspect.rawValue) are not listed in the text",
                                        span: tree.span(blocks[i].firstLine, blocks[i].lastLine)))
                return true
            }
        }
        return false
    }

    // MARK: - Result

    /// The guideline read.
    func guideline(title: String?, format: String) -> Guideline {
        let sorted = items.enumerated().sorted { a, b in
            a.element.aspect != b.element.aspect ? a.element.aspect < b.element.aspect : a.offset < b.offset
        }.map(\.element)
        var guideline = Guideline(document: document, reader: format, title: title, dates: dates, items: sorted, findings: findings,
                                  confidence: confidence)
        // Every span of a paged source cites its pages, however a reader widened it.
        let source = tree.source
        if !source.pageStarts.isEmpty {
            func locate(_ item: Item) -> Item {
                var item = item
                item.span = source.located(item.span)
                item.children = item.children.map(locate)
                return item
            }
            guideline.items = guideline.items.map(locate)
            for k in guideline.findings.indices { guideline.findings[k].span = guideline.findings[k].span.map(source.located) }
            for k in guideline.dates.indices { guideline.dates[k].span = source.located(guideline.dates[k].span) }
        }
        return guideline
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
