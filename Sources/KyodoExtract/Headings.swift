import KyodoDocument
import KyodoModel
import KyodoText

extension Extraction {
    /// The blocks that can head a section, in document order, each with its body.
    func headings() -> [Heading] {
        var found = allHeadings()
        // What each heading is about, worked out once for every rule (not once per aspect).
        for k in found.indices {
            let text = found[k].text
            found[k].topics = topics(ofText: text)
        }
        return found
    }

    private func allHeadings() -> [Heading] {
        var found: [Heading] = []
        for (i, b) in blocks.enumerated() where !excluded.contains(i) && canHead(b) {
            // A caption standing above an article is the article's heading, found with the article.
            if b.isParagraph, isCaption(b.text), i + 1 < blocks.count, case .article = blocks[i + 1].marker { continue }
            // Captions one under another (an ordinance printed without its articles' text) head
            // nothing: the run of them is read as such.
            if b.isParagraph, isCaption(b.text), [i - 1, i + 1].contains(where: { blocks.indices.contains($0) && blocks[$0].isParagraph && isCaption(blocks[$0].text) }) { continue }
            if let section = owners[i] {
                // A heading that runs into its text (`2 協働の原則 協働を進めるにあたっては、…。`)
                // is known by its title.
                var text = b.text.utf8.count > 120 || b.text.includes("。") ? Self.splitRunIn(b.text).label : b.text
                if case .article = b.marker {
                    if i > 0, blocks[i - 1].isParagraph, isCaption(blocks[i - 1].text) { text = blocks[i - 1].text }
                    else if let caption = Self.leadingCaption(b.text) { text = caption }
                }
                // An article's own text belongs to its body (第5条 …とする。 under （担い手）).
                let own: [Int] = if case .article = b.marker { [i] } else { [] }
                // A heading with nothing under it heads the list right after it, of another style
                // at its own level (【協働の４つのお約束】 over ◇ entries).
                let heads = own.isEmpty && section.bodyBlockIndices.isEmpty && i + 1 < blocks.count && owners[i + 1].map { $0.style != section.style && $0.level == section.level } ?? false
                let body = heads ? followingList(i) : own + section.bodyBlockIndices
                found.append(Heading(index: i, text: text, marked: true, body: body, section: section))
            } else {
                // A title's body is worked out when it is read for an aspect (it depends on the rule).
                found.append(Heading(index: i, text: b.text, marked: false, body: [], section: nil))
            }
        }
        return found
    }

    /// Whether a block can head a section: a marked line (not a bullet) or a title standing
    /// alone — not a table-of-contents line ending in a page number.
    func canHead(_ b: Block) -> Bool {
        guard b.table == nil, !b.bulleted, b.marker != .bullet else { return false }
        guard b.marker != nil || b.isTitleLike else { return false }
        return !Self.endsInPageNumber(b.text)
    }

    /// `（基本原則）`, `(目的)`.
    func isCaption(_ text: String) -> Bool {
        (text.hasBytePrefix("（") || text.hasBytePrefix("(")) && (text.hasByteSuffix("）") || text.hasByteSuffix(")")) && text.count <= 20
    }

    /// An article's caption written at the start of its line: `第3条（基本原則）協働は…`.
    static func leadingCaption(_ text: String) -> String? {
        guard let open = text.first, open == "（" || open == "(" else { return nil }
        guard let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }), text.distance(from: text.startIndex, to: close) <= 20 else { return nil }
        return String(text[...close])
    }

    /// `協働の原則 ……… 3`, `協働の原則・・・・5`, `協働の原則 - 4 -`.
    static func endsInPageNumber(_ text: String) -> Bool {
        // Only a text ending in a digit (or a dash after one) can: one look at the last byte.
        guard let last = text.utf8.last, (0x30...0x39).contains(last) || last == 0x2D || last == 0x20 || last >= 0x80 else { return false }
        let trimmed = text.trimmedSpaces()
        let digits = trimmed.reversed().prefix { $0.isNumber || $0 == "-" || $0 == " " }
        guard digits.contains(where: \.isNumber) else { return false }
        let before = trimmed.dropLast(digits.count)
        return before.hasByteSuffix("…") || before.hasByteSuffix("・・") || before.hasByteSuffix("..") || before.hasByteSuffix("‥") || digits.contains("-")
    }

    /// Whether a block is a title standing alone that ends the body of a title about `rule`:
    /// one about another aspect, or about this one by a cue at least as specific (協働の原則 ends
    /// at 協働の形態 and at another 協働の原則, not at the item 対等の原則 under it).
    func endsTitleBody(_ j: Int, rule: SectionData.HeadingRule?) -> Bool {
        let b = blocks[j]
        guard b.isParagraph, b.isTitleLike else { return false }
        let own = rule.flatMap { r in data.headings.firstIndex { $0.aspect == r.aspect && $0.cue == r.cue } }
        for k in topics(of: j) {
            let h = data.headings[k]
            guard let rule, let own else { return true }
            if h.aspect != rule.aspect || k <= own { return true }
        }
        return false
    }

    /// The heading rules (indices in the section data) block `i` is the topic of: looked up
    /// for headings (worked out once), worked out for any other block.
    func topics(of i: Int) -> [Int] {
        if let known = topicsOf[i] { return known }
        guard canHead(blocks[i]) else { return [] }
        let text = blocks[i].text
        return topics(ofText: text)
    }

    /// The level of the section a block stands in (0: the document itself).
    func level(ofContainerOf i: Int) -> Int {
        parents[i].flatMap { owners[$0]?.level } ?? 0
    }

    /// The body of a title standing alone: what follows it in its section, up to the next title
    /// some heading rule is about. A title that closes its section with nothing but paragraphs
    /// and bullets after it heads the list that follows the section too (a check sheet's
    /// stages after the title that names it).
    func titleBody(_ t: Int, rule: SectionData.HeadingRule? = nil) -> [Int] {
        let body = flowBody(t, rule: rule)
        // Where the lines under a title are indented deeper than it, the indentation says how far
        // its text runs (a document whose levels are shown by indentation alone).
        if let indented = indentedBody(t, rule: rule), indented.count > body.count { return indented }
        return body
    }

    /// The blocks after title `t` indented deeper than it, nil when the next block is not.
    func indentedBody(_ t: Int, rule: SectionData.HeadingRule?) -> [Int]? {
        let own = blocks[t].indent
        var body: [Int] = []
        var j = t + 1
        while j < blocks.count {
            if excluded.contains(j) { j += 1; continue }
            guard blocks[j].indent > own, blocks[j].table == nil, !endsTitleBody(j, rule: rule), !reprinted.contains(j) else { break }
            body.append(j)
            j += 1
        }
        return body.isEmpty ? nil : body
    }

    /// The body of a title as the blocks' order and kinds give it (see `titleBody`).
    private func flowBody(_ t: Int, rule: SectionData.HeadingRule?) -> [Int] {
        let parent = parents[t]
        let parentLevel = level(ofContainerOf: t)
        var body: [Int] = []
        var j = t + 1
        var trailing = true  // nothing but paragraphs and bullets so far
        var content = false  // something other than a title seen
        var pairs = false    // the body is titled pairs: a label line over its description, again and again
        // A rule that names its own sources (a check sheet's stages, label lines) reads the whole section.
        let strict = rule.map { $0.sources == SectionData.Source.ordinary } ?? true
        while j < blocks.count {
            let b = blocks[j]
            if endsTitleBody(j, rule: rule) || reprinted.contains(j) { return body }
            if excluded.contains(j) { j += 1; continue }
            // Another title after content heads a section of its own, unless the body is a run
            // of titled pairs (a label line over its description, twice or more).
            // (A short line indented deeper than the title is its text: `計画のポイント` over
            // indented points.)
            let title = b.isParagraph && b.isTitleLike && b.indent <= blocks[t].indent
            if strict, title, content, !pairs {
                guard isPairRun(from: j) else { break }
                pairs = true
            }
            if pairs, title, !(j + 1 < blocks.count && blocks[j + 1].isParagraph && !blocks[j + 1].isTitleLike), !isSubheading(j) {
                // (A description as short as a title is one still, the pair taken whole.)
                guard j + 1 < blocks.count, Self.describes(blocks[j + 1], b), owners[j + 1] == nil, parents[j + 1] == parent || isInside(j + 1, parent) else { break }
                body += [j, j + 1]
                j += 2
                continue
            }
            guard let section = owners[j] else {
                // Content of the same section, or deeper.
                if parents[j] == parent || isInside(j, parent) {
                    body.append(j)
                    if !(b.isParagraph && b.isTitleLike) { content = true }
                    j += 1
                    continue
                }
                break
            }
            if pairs { break }
            content = true
            if section.level > parentLevel, isInside(j, parent) {
                if !section.isBullet { trailing = false }
                body.append(contentsOf: [j] + section.bodyBlockIndices)
                j = (section.bodyBlockIndices.last ?? j) + 1
                continue
            }
            break
        }
        // The section ended: a trailing title heads the list that follows it.
        guard trailing, j < blocks.count, let next = owners[j], !next.isBullet, next.level == parentLevel, let style = next.style else { return body }
        while j < blocks.count, let s = owners[j], s.style == style, !excluded.contains(j) {
            body.append(contentsOf: [j] + s.bodyBlockIndices)
            j = (s.bodyBlockIndices.last ?? j) + 1
        }
        return body
    }

    /// Whether block `i` is a short title over lines indented deeper than it, after text at its
    /// own margin: a sub-heading inside a description (`計画を立てるときのポイント` over its
    /// indented points). (Where every label stands over an indented description, a label after
    /// the indented text of the one before is the next label.)
    func isSubheading(_ i: Int) -> Bool {
        i > 0 && i + 1 < blocks.count && blocks[i].isParagraph && blocks[i].isTitleLike && blocks[i + 1].isParagraph
            && blocks[i + 1].indent > blocks[i].indent && blocks[i - 1].indent == blocks[i].indent
    }

    /// The first block after the sub-headings starting at `k` and the points indented under
    /// each (`k` itself when none starts there).
    func pastSubheadings(_ k: Int) -> Int {
        var k = k
        while k < blocks.count, isSubheading(k) {
            let inner = blocks[k + 1].indent
            k += 1
            while k < blocks.count, blocks[k].isParagraph, blocks[k].indent >= inner { k += 1 }
        }
        return k
    }

    /// Whether titled pairs begin at block `i`: a title over a paragraph (or a few), twice in a row.
    func isPairRun(from i: Int) -> Bool {
        var k = i
        for _ in 0..<2 {
            guard k + 1 < blocks.count, blocks[k].isParagraph, blocks[k].isTitleLike, owners[k] == nil,
                  blocks[k + 1].isParagraph, !blocks[k + 1].isTitleLike || Self.describes(blocks[k + 1], blocks[k]), owners[k + 1] == nil else { return false }
            k += 2
            var more = 0
            while more < 3, k < blocks.count, blocks[k].isParagraph, !blocks[k].isTitleLike, owners[k] == nil { k += 1; more += 1 }
            // (A sub-heading over indented points is part of the description.)
            k = pastSubheadings(k)
        }
        return true
    }

    /// Whether block `i` stands inside the section headed at `ancestor` (nil: the document).
    func isInside(_ i: Int, _ ancestor: Int?) -> Bool {
        guard let ancestor else { return true }
        var p = parents[i]
        while let q = p {
            if q == ancestor { return true }
            p = parents[q]
        }
        return false
    }
}
