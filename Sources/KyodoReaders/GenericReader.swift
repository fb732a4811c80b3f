import KyodoModel
import KyodoText

/// The fallback for a layout no dedicated reader knows: finds sections by the cue words of their
/// headings, items by enumeration, table rows or an inline list, and the definition by
/// `協働とは…`, an ordinance's `協働 …をいう。` or a 協働の定義 heading. It returns a confidence
/// per aspect and says what it did not find or found in an odd shape.
///
/// A section is the first cue-matching heading whose body yields items, so a table of contents
/// (headings with empty bodies) is passed over.
public struct GenericReader: GuidelineReader {
    public init() {}
    public let name = "generic"
    public let summary = "any layout: sections by heading cue words, items by enumeration, table rows or inline lists"

    /// Heading cue words per aspect, most specific first.
    static let cues: [(Aspect, [String])] = [
        (.principles, ["協働の原則", "基本原則", "の原則", "原則", "視点", "基本的な考え方", "大切なこと", "基本理念"]),
        (.forms, ["協働の形態", "形態", "手法"]),
        (.partners, ["協働の担い手", "担い手", "パートナー", "主体"]),
        (.processes, ["協働の進め方", "進め方", "手順", "プロセス", "流れ"]),
    ]

    public func detect(_ outline: Outline) -> Int { 10 }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        var confidence: [Aspect: Double] = [:]
        r.dates = DateFinder.standalone(in: outline.source, lines: 1...max(1, min(30, outline.source.lineCount)))
        for block in outline.blocks.prefix(15) where block.isParagraph {
            for d in DateFinder.inSentences(of: block, source: outline.source) where !r.dates.contains(where: { $0.iso == d.iso && $0.role == d.role }) {
                r.dates.append(d)
            }
        }
        confidence[.definition] = readDefinition(&r)
        var used = Set<Int>()  // headings already taken by an aspect
        let headings = headings(r)
        for (aspect, cues) in Self.cues {
            confidence[aspect] = readAspect(&r, aspect, cues: cues, headings: headings, used: &used)
        }
        if r.items.isEmpty {
            r.warn(nil, "no structure of a collaboration guideline was recognised: no definition, principles, forms, partners or process")
        }
        var g = r.guideline(reader: name, title: outline.source.firstTextLine)
        g.confidence = confidence
        return g
    }

    // MARK: - Definition

    private func readDefinition(_ r: inout Reading) -> Double {
        if r.readDefinitionSentence() { return 0.9 }
        // An ordinance's definitions: `(3) 協働 市民等及び市が…をいう。`
        if let i = r.outline.firstIndex(where: { b in
            let t = b.text
            return (t.hasBytePrefix("協働 ") || t.hasBytePrefix("協働\u{3000}")) && t.includes("をいう")
        }) {
            let b = r.blocks[i]
            let text = String(b.text.dropFirst(2)).trimmedSpaces()
            r.items.append(r.item(.definition, 1, label: "協働", description: text, lines: b.firstLine...b.lastLine))
            return 0.8
        }
        // A title 協働とは standing alone, its definition below.
        if let t = r.outline.firstIndex(where: { $0.isTitleLike && ($0.text == "協働とは" || $0.text == "協働とは？") }),
           let body = r.blocks[(t + 1)...].first(where: { $0.isParagraph }), !body.isTitleLike {
            r.items.append(r.item(.definition, 1, label: "協働", description: body.text, lines: r.blocks[t].firstLine...body.lastLine))
            return 0.8
        }
        // A heading 協働の定義 followed by its text.
        if let h = r.outline.firstIndex(where: { ($0.marker != nil || $0.isTitleLike) && $0.text.includes("協働の定義") }),
           let body = r.blocks[(h + 1)...].first(where: { $0.isParagraph && !$0.isTitleLike }) {
            r.items.append(r.item(.definition, 1, label: "協働", description: body.text, lines: r.blocks[h].firstLine...body.lastLine))
            return 0.6
        }
        r.warn(.definition, "no definition of 協働 was found (協働とは…, 協働 …をいう, or a 協働の定義 heading)")
        return 0
    }

    // MARK: - Sections

    /// A block that can head a section, with the text it is known by.
    struct Heading {
        var index: Int
        var text: String
        var marked: Bool
    }

    /// The blocks that can head a section, in document order (worked out once per document,
    /// not once per cue word).
    private func headings(_ r: Reading) -> [Heading] {
        var found: [Heading] = []
        for (i, b) in r.blocks.enumerated() where isHeading(b) {
            found.append(Heading(index: i, text: headingText(r, i), marked: b.marker != nil))
        }
        return found
    }

    /// Whether a block can head a section: a marked line, a ■ line or a title standing alone —
    /// not a table-of-contents line (one ending in a page number).
    private func isHeading(_ b: Block) -> Bool {
        guard b.table == nil, !b.bulleted, b.marker != .bullet else { return false }  // a list item heads nothing
        guard b.marker != nil || b.isTitleLike else { return false }
        return !Self.endsInPageNumber(b.text)
    }

    /// `協働の原則 ……… 3`, `協働の原則・・・・5`, `協働の原則 - 4 -`.
    static func endsInPageNumber(_ text: String) -> Bool {
        let trimmed = text.trimmedSpaces()
        let digits = trimmed.reversed().prefix { $0.isNumber || $0 == "-" || $0 == " " }
        guard digits.contains(where: \.isNumber) else { return false }
        let before = trimmed.dropLast(digits.count)
        return before.hasSuffix("…") || before.hasSuffix("・・") || before.hasSuffix("..") || before.hasSuffix("‥") || digits.contains("-")
    }

    /// The body of the section headed at `index`.
    private func body(_ r: Reading, _ index: Int) -> Range<Int> {
        // A caption's section is its article's.
        if r.blocks[index].isParagraph, index + 1 < r.blocks.count, case .article = r.blocks[index + 1].marker,
           headingText(r, index + 1) == r.blocks[index].text {
            return r.sectionRange(index + 1)
        }
        let heading = r.blocks[index]
        if let marker = heading.marker, marker != .bullet { return r.sectionRange(index) }
        // A title standing alone: up to the next title or heading-like marker.
        var end = index + 1
        while end < r.blocks.count {
            let b = r.blocks[end]
            if b.isParagraph && b.isTitleLike && isCueHeading(b) { break }
            // Numbered items (① 対等の原則) are the section's content, however heading-like.
            if let m = b.marker, !b.bulleted, m.rank <= 2 || (m == .square && isCueHeading(b)) { break }
            end += 1
        }
        return (index + 1)..<end
    }

    private func isCueHeading(_ b: Block) -> Bool {
        Self.cues.contains { _, cues in cues.contains { Self.isTopic($0, of: b.text) } }
    }

    /// The text a heading is known by: an ordinance article by the caption above it
    /// (`（基本原則）` over `第3条 協働は、次に掲げる原則に…`).
    private func headingText(_ r: Reading, _ i: Int) -> String {
        if case .article = r.blocks[i].marker, i > 0, r.blocks[i - 1].isParagraph {
            let caption = r.blocks[i - 1].text
            if (caption.hasPrefix("（") || caption.hasPrefix("(")) && (caption.hasSuffix("）") || caption.hasSuffix(")")) { return caption }
        }
        return r.blocks[i].text
    }

    /// Whether `cue` is what a heading is about: it ends the heading, or only a short suffix
    /// follows (`）`, `について`, `と特徴`, `～…`). 多様な担い手との連携・協働の推進 is not about partners.
    static func isTopic(_ cue: String, of heading: String) -> Bool {
        // Cheap tests first: most blocks are not headings and hold no cue.
        guard heading.utf8.count <= 160, heading.includes(cue), heading.count <= 40, let range = heading.lastByteRange(of: cue) else { return false }
        let suffix = String(heading[range.upperBound...]).trimmingCharacters(in: " \u{3000}")
        if suffix.isEmpty { return true }
        if ["）", ")", "】", "＞", ">", "について", "とは", "とは？", "の例", "一覧", "等"].contains(suffix) { return true }
        if let first = suffix.first, "～~（(".contains(first) { return true }
        return suffix.hasPrefix("と") && suffix.count <= 4
    }

    /// Reads one aspect; returns the confidence.
    private func readAspect(_ r: inout Reading, _ aspect: Aspect, cues: [String], headings: [Heading], used: inout Set<Int>) -> Double {
        // Marked headings before titles standing alone; then the more specific cue; then document order.
        var candidates: [Int] = []
        for wantMarked in [true, false] {
            for cue in cues {
                for h in headings where h.marked == wantMarked && !used.contains(h.index) && !candidates.contains(h.index)
                    && Self.isTopic(cue, of: h.text) {
                    candidates.append(h.index)
                }
            }
        }
        guard !candidates.isEmpty else {
            // No heading: a sentence anywhere that names the aspect with a list (…など、様々な協働の担い手).
            let (items, _) = itemsOf(r, aspect, 0..<r.blocks.count, cues: cues, inlineOnly: true)
            if let first = items.first {
                r.items += items
                r.findings.append(Finding(.notExhaustive, aspect: aspect, "\(aspect.rawValue) are named in prose (…など), under no heading",
                                          span: first.span))
                return 0.4
            }
            r.warn(aspect, "no heading containing \(cues.joined(separator: ", ")) was found")
            return 0
        }
        for h in candidates {
            let range = body(r, h)
            let (items, how) = itemsOf(r, aspect, range, cues: cues)
            guard !items.isEmpty else { continue }
            used.insert(h)
            r.items += items
            var confidence = how == "enumeration" || how == "table" ? 0.8 : 0.6
            let announcing = ([r.blocks[h]] + range.prefix(3).map { r.blocks[$0] }.filter(\.isParagraph)).map(\.text).joined(separator: "\n")
            if let announced = r.announcedCount(announcing) {
                if announced == items.count {
                    confidence += 0.2
                } else {
                    confidence -= 0.4
                    r.warn(aspect, "\(aspect.rawValue) section 「\(r.blocks[h].text)」 announced \(announced) items, found \(items.count)", line: r.blocks[h].firstLine)
                }
            }
            if how == "inline list" {
                r.findings.append(Finding(.notExhaustive, aspect: aspect, "\(aspect.rawValue) are named in prose (…など)", span: r.outline.span(r.blocks[h])))
            }
            return min(1, max(0.1, confidence))
        }
        let first = candidates[0]
        if !r.noteLostFigure(aspect, in: body(r, first)) {
            r.warn(aspect, "the section 「\(r.blocks[first].text)」 has no enumerated items, table rows or list", line: r.blocks[first].firstLine)
        }
        return 0.2
    }

    /// The items of a section body: its first enumeration, else its first table, else an inline list.
    private func itemsOf(_ r: Reading, _ aspect: Aspect, _ range: Range<Int>, cues: [String], inlineOnly: Bool = false) -> ([Item], String) {
        var entries = inlineOnly ? [] : r.enumeration(in: range)
        // One unnumbered entry (a lone 【…】 or ■ line) is no enumeration.
        if entries.count < 2 && entries.first?.block.marker?.number == nil { entries = [] }
        // Whichever comes first in the section, a list or a table, is its content.
        if let firstEntry = entries.first, let (tableIndex, _) = r.firstTable(in: range), tableIndex < firstEntry.index { entries = [] }
        if !entries.isEmpty {
            let items = entries.enumerated().map { n, e -> Item in
                let (label, runIn) = Self.splitRunIn(e.block.text)
                let description = [runIn, r.text(of: e.body)].filter { !$0.isEmpty }.joined(separator: "\n")
                return r.item(aspect, n + 1, label: label, description: description, lines: e.block.firstLine...e.lastLine)
            }
            return (items, "enumeration")
        }
        // A table belongs to the section when it follows the heading directly or its header
        // names the aspect (各主体, 形態, 基本原則); not a table further down a loose section.
        if !inlineOnly, let (index, table) = r.firstTable(in: range), case let records = table.records(), !records.isEmpty,
           index <= range.lowerBound + 1 || table.header.map({ h in h.cells.contains { cell in
               let key = Normalizer.labelKey(cell)
               return cues.contains { key.includes($0) }
           } }) == true {
            let items = records.enumerated().map { n, rec -> Item in
                let (label, _) = r.cellLabel(rec.row[0])
                return r.item(aspect, n + 1, label: label, description: rec.column(1).joined(separator: "\n"), lines: rec.lines)
            }
            return (items, "table")
        }
        let firstParagraph = range.first(where: { r.blocks[$0].isParagraph })
        for i in range where r.blocks[i].isParagraph {
            let block = r.blocks[i]
            // Only a sentence that names the aspect (…形態は、後援、共催…などがあります); with no
            // heading, only one whose list is of the aspect (…行政など、様々な協働の担い手).
            let opensSection = i == firstParagraph
            // Whole-block tests first: a sentence can only hold what its block holds.
            // (Without a heading, the one word first: it rules out most blocks at the cost of one search.)
            guard !inlineOnly || block.text.includes("など"), opensSection || cues.contains(where: block.text.includes) else { continue }
            for sentence in InlineList.sentences(block.text) where opensSection || cues.contains(where: sentence.includes) {
                if inlineOnly {
                    guard let nado = sentence.byteRange(of: "など") else { continue }
                    let after = String(sentence[nado.upperBound...].prefix(14))
                    guard cues.contains(where: after.includes) else { continue }
                }
                guard let names = InlineList.items(in: sentence) else { continue }
                let items = names.enumerated().map { n, name in
                    r.item(aspect, n + 1, label: name, attributes: [Attribute("記述", "本文中の列挙")], lines: block.lines(of: name))
                }
                return (items, "inline list")
            }
        }
        return ([], "")
    }

    /// Splits a label that runs into its description (`見出し　説明の文が続く…。`,
    /// `見出し：説明…`): at a colon, or at the first space when a sentence follows.
    static func splitRunIn(_ text: String) -> (label: String, description: String) {
        for separator in ["：", ":"] {
            if let r = text.byteRange(of: separator), text.distance(from: text.startIndex, to: r.lowerBound) <= 30 {
                return (String(text[..<r.lowerBound]).trimmedSpaces(), String(text[r.upperBound...]).trimmedSpaces())
            }
        }
        guard text.includes("。") || text.count > 40 else { return (text, "") }
        if let space = text.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) {
            let label = String(text[..<space]).trimmedSpaces()
            if (2...30).contains(label.count) { return (label, String(text[space...]).trimmedSpaces()) }
        }
        return (text, "")
    }
}
