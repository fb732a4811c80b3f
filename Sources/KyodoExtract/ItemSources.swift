import KyodoDocument
import KyodoModel
import KyodoText

/// The item sources, written once: each turns the body of a section into items of an aspect,
/// or finds none. Which a section uses, and in what order, comes from its heading rule.
extension Extraction {
    /// What a source found, and how (for the confidence and the findings).
    struct Found {
        var items: [Item]
        var source: SectionData.Source
        /// The blocks the items came from.
        var blocks: [Int]
    }

    /// The items of a section body from the first source that yields some.
    func items(_ aspect: Aspect, heading: Heading, rule: SectionData.HeadingRule, cues: [String]) -> Found? {
        let body = heading.body.filter { !excluded.contains($0) }
        // Whichever comes first in the section, a list or a table, is its content.
        let bodySet = Set(body)
        let firstList = body.first { i in blocks[i].marker != nil && owners[i] != nil && parents[i].map { p in !bodySet.contains(p) } ?? true }
        let firstTable = body.first { blocks[$0].table.map { !$0.isTableOfContents } ?? false }
        // For an aspect whose items have words of their own (委託, 自治会), a source whose items
        // name none of them gives way to a later one whose items mostly do: the 効果 bullets in a
        // section on forms that names 委託や補助、共催 in its prose.
        let words = itemWords[aspect]
        var unconfirmed: Found?
        // A source's items that start further down than another's give way to those: the
        // section's content is what comes first in it (label lines under 協働の進め方, not the
        // `日時　…` lines of a notice further down that the run-in source reads first).
        var chosen: Found?
        let firstContent = body.first { !(blocks[$0].isParagraph && blocks[$0].text.hasByteSuffix("。")) } ?? body.first ?? 0
        for source in rule.sources {
            if let c = chosen {
                guard Self.structural.contains(c.source), (c.blocks.min() ?? 0) > firstContent else { break }
                guard Self.structural.contains(source) else { continue }
            }
            var found: [Item] = []
            var from: [Int] = []
            switch source {
            case .enumeration:
                if let t = firstTable, let l = firstList, t < l, rule.sources.contains(.table) { continue }

                (found, from) = enumeration(aspect, body: body, rule: rule)
            case .table:
                if let t = firstTable, let l = firstList, l < t, rule.sources.contains(.enumeration), !enumeration(aspect, body: body, rule: rule).0.isEmpty { continue }
                (found, from) = table(aspect, body: body, heading: heading, cues: cues)
            case .inline: (found, from) = inline(aspect, body: body, cues: cues)
            case .labels: (found, from) = labelLines(aspect, body: body)
            case .sentences: (found, from) = sentenceItems(aspect, body: body)
            case .runin: (found, from) = runIn(aspect, body: body)
            case .stages: (found, from) = stages(aspect, body: body, title: heading.text)
            case .fields: (found, from) = fields(aspect, body: body)
            case .pairs: (found, from) = pairs(aspect, body: body, stop: rule.stop, heading: heading.text)
            case .flow: (found, from) = flow(aspect, body: body)
            }
            if !found.isEmpty {
                if let name = rule.headingAttribute {
                    found = found.map { var it = $0; it.attributes.append(Attribute(name, heading.text)); return it }
                }
                let result = Found(items: found, source: source, blocks: from)
                if let words {
                    let naming = found.filter { Self.names($0.label, words) }.count
                    if unconfirmed == nil, naming == 0 { unconfirmed = result; continue }
                    guard unconfirmed == nil || naming * 2 >= found.count else { continue }
                }
                if let c = chosen, (c.blocks.min() ?? 0) <= (from.min() ?? 0) { continue }
                chosen = result
            }
        }
        return chosen ?? unconfirmed
    }

    /// Whether list entry `e` is a sub-section about `aspect`: not an article, holding a list of
    /// its own, about the aspect by a cue that ends no item label (`協働の手順`, not `対等の原則`).
    func isSubsection(_ e: Int, of aspect: Aspect) -> Bool {
        if case .article = blocks[e].marker { return false }
        guard let section = owners[e], !section.lists.isEmpty else { return false }
        let rules = topics(of: e).map { data.headings[$0] }.filter { $0.aspect == aspect }
        return !rules.isEmpty && !rules.contains(where: \.endsItems)
    }

    /// Whether entry `e`'s label is the aspect itself, not one of its items: one of its cues, with
    /// a suffix (`原則の位置付け`, `各原則の説明`) and 各 before it at most.
    func namesAspectItself(_ e: Int, _ aspect: Aspect) -> Bool {
        // (A short label only, the entry's text as it stands: at most 20 characters, 80 bytes.)
        var label = blocks[e].text
        guard label.utf8.count <= 80, label.count <= 20, let suffix = data.suffixes.first(where: { label.hasByteSuffix($0) && label.count > $0.count }) else { return false }
        label = String(label.dropLast(suffix.count))
        if label.hasBytePrefix("各") { label = String(label.dropFirst()) }
        return data.cues(of: aspect).contains(label)
    }

    /// The sources that read the section's structure (not names in its sentences).
    static let structural: Set<SectionData.Source> = [.enumeration, .table, .flow, .pairs, .runin, .labels]

    // MARK: - Enumerations

    /// The first list of the body: one item per entry (label, and what runs into it or
    /// follows it as description).
    func enumeration(_ aspect: Aspect, body: [Int], rule: SectionData.HeadingRule) -> ([Item], [Int]) {
        let bodySet = Set(body)
        // The first list directly in the body: its first entry is one whose parent is not in the body.
        guard let first = body.first(where: { i in owners[i] != nil && !(parents[i].map(bodySet.contains) ?? false) }),
              let entries = list(startingAt: first, within: bodySet) else { return ([], []) }
        // One unnumbered entry (a lone 【…】 or ■ line) is no enumeration.
        // (Unless it holds several bullets on its line: `◇市民　◇自治会　◇事業者`.)
        if entries.count < 2 && blocks[entries[0]].marker?.number == nil && Self.bulletPieces(blocks[entries[0]]).isEmpty { return ([], []) }
        // Nor are the questions of a Q&A page: each heads its answer.
        if case .question = blocks[entries[0]].marker { return ([], []) }
        // Nor is one flow line (①課題の発見→②協議→③実施): the flow source reads its steps.
        // (Nor a flow wrapped over lines, each an entry: `〔相談〕⇒〔提出〕⇒` / `〔協議〕⇒〔実施〕`.)
        if entries.count == 1, flowSteps(blocks[entries[0]].text) ?? blocks[entries[0]].lineTexts.first.flatMap({ flowSteps($0.text) }) != nil { return ([], []) }
        if entries.count > 1, endsInStepSeparator(blocks[entries[0]].text),
           entries.allSatisfy({ flowSteps(blocks[$0].text) != nil || endsInStepSeparator(blocks[$0].text) }) { return ([], []) }
        // Nor is one article without 号: an article is prose under a caption.
        if entries.count == 1, case .article = blocks[entries[0]].marker, owners[entries[0]]?.lists.isEmpty ?? true { return ([], []) }
        // Entries that head another aspect's sections (１ 協働の形態, ２ 協働事業の手順 under 協働の進め方)
        // are sections, not items.
        if entries.contains(where: { e in
            let t = blocks[e].text
            return topics(of: e).contains { data.headings[$0].aspect != aspect }
                || data.definitions.contains { ($0.form == .title || $0.form == .heading) && (t.hasByteSuffix($0.cue) || t.hasByteSuffix($0.cue + "？")) }
        }) {
            return ([], [])
        }
        // Nor are entries one of which is about the aspect itself, for an aspect whose items have
        // words of their own none of the entries holds (2 協働のカタチ / (1)協働のいろいろなカタチ;
        // 第３章 協働の形態 / ３－１ 形態の種類 over its list, ３－２ 形態ごとの手続き): sub-sections,
        // each read as a heading of its own. (Principles have no such words: 対等の原則 is an item.)
        if let words = itemWords[aspect], !entries.contains(where: { Self.names(Self.bareLabel(blocks[$0].text), words) }),
           entries.contains(where: { e in topics(of: e).contains { data.headings[$0].aspect == aspect } }),
           entries.count == 1 ? owners[entries[0]]?.lists.isEmpty ?? true : entries.contains(where: { !(owners[$0]?.lists.isEmpty ?? true) }) {
            return ([], [])
        }
        // Nor are a few entries one of which is about the aspect by a cue that ends no item label
        // and holds a list of its own (`Ⅲ-1 協働の手順` over its ① steps, beside `Ⅲ-2 …`):
        // sub-sections, each read as a heading of its own.
        // (An article over its 号 is no such sub-section: it stands for its list, below.)
        if entries.count <= 3, entries.contains(where: { isSubsection($0, of: aspect) }) {
            return ([], [])
        }
        // Nor are entries one of which names the aspect itself and holds a list (`1 原則の位置付け` /
        // `2 各原則の説明` over its `(1)… (2)…`): sub-sections, the list the items.
        if entries.count <= 4, entries.contains(where: { namesAspectItself($0, aspect) && !(owners[$0]?.lists.isEmpty ?? true) }) {
            return ([], [])
        }
        // A single entry holding a list (an article over its 号) stands for that list.
        if entries.count == 1, let inner = owners[entries[0]]?.lists.first(where: { !($0.items.first?.isBullet ?? true) || $0.items.count >= 2 }),
           let first = inner.items.first?.blockIndex {
            let (items, from) = enumeration(aspect, body: body.filter { $0 >= first }, rule: rule)
            if !items.isEmpty { return (items, from) }
        }
        var items: [Item] = []
        var from: [Int] = []
        // Entries of one line each (・見出しA ・見出しB ・見出しC ・見出しD): the prose
        // after the last is the section's, not the last entry's description.
        let bare = entries.count >= 3 && entries.dropLast().allSatisfy { owners[$0]?.children.isEmpty ?? true }
        for (n, e) in entries.enumerated() {
            let (item, blocks) = entryItem(aspect, e, ordinal: items.count + 1, within: bodySet, isLast: n == entries.count - 1, afterBare: bare)
            from += blocks
            // Several bullets on one line (`・村民　・自治会　・事業者`): one item each.
            let pieces = Self.bulletPieces(self.blocks[e])
            guard pieces.count >= 2 else { items.append(item); continue }
            for piece in pieces {
                var one = item
                one.ordinal = items.count + 1
                one.label = piece
                one.normalizedLabel = Normalizer.labelKey(piece)
                one.description = ""
                items.append(one)
            }
        }
        return (items, from)
    }

    /// The names of a bullet line holding several (`村民　・自治会　・事業者`), or [] for one.
    static func bulletPieces(_ b: Block) -> [String] {
        // (The line's own bullet separates them: `・村民　・自治会`, `◇市民　◇自治会・町内会`.)
        let glyph = b.marker == .hollowDiamond ? "◇" : b.marker == .diamond ? "◆" : "・"
        guard b.bulleted || b.marker == .bullet || glyph != "・", b.text.includes(glyph), !b.text.includes("。") else { return [] }
        var pieces: [String] = []
        var rest = Substring(b.text)
        while let r = rest.range(of: "　" + glyph) ?? rest.range(of: " " + glyph) {
            pieces.append(String(rest[..<r.lowerBound]).trimmedSpaces())
            rest = rest[r.upperBound...]
        }
        pieces.append(String(rest).trimmedSpaces())
        return pieces.count >= 2 && pieces.allSatisfy({ !$0.isEmpty && $0.count <= 20 }) ? pieces : []
    }

    /// The item an enumerated entry makes: its label (and what runs into it), the paragraphs
    /// and bullet lines directly under it as description, a title standing first as its
    /// subtitle attribute, and, as children, the records of its tables and the entries of its
    /// numbered lists. A section of another kind inside it (a 【column】) is an aside: its lines
    /// are the entry's, its text is not. The last entry of a list ends where a title standing
    /// alone follows its text.
    func entryItem(_ aspect: Aspect, _ e: Int, ordinal: Int, within body: Set<Int>, isLast: Bool, afterBare: Bool = false) -> (Item, [Int]) {
        let section = owners[e]!
        var prose: [Int] = []
        var children: [Item] = []
        var attributes: [Attribute] = []
        var last = blocks[e].lastLine
        var used = [e]
        var previousWasTitle = false
        var seenContent = false
        nodes: for node in section.children where body.contains(node.firstBlock ?? -1) {
            switch node {
            case .paragraph(let p):
                if isLast, seenContent, p.block.isTitleLike, !previousWasTitle { break nodes }
                if isLast, afterBare, p.block.firstLine > blocks[e].lastLine { break nodes }
                previousWasTitle = p.block.isTitleLike
                if !seenContent, p.block.isTitleLike, let name = data.subtitles.first(where: { $0.aspect == aspect })?.attribute {
                    attributes.append(Attribute(name, p.text))
                } else {
                    prose.append(p.blockIndex)
                }
                seenContent = true
            case .table(let t):
                previousWasTitle = false
                seenContent = true
                guard !t.table.isTableOfContents else { continue }
                let kind = t.table.header?[0] ?? ""
                for rec in t.table.records() {
                    children.append(item(aspect, children.count + 1, label: rec.row[0], description: rec.column(1).joined(separator: "\n"),
                                         attributes: kind.isEmpty ? [] : [Attribute("種別", kind)], lines: rec.lines))
                }
            case .list(let l):
                previousWasTitle = false
                seenContent = true
                if l.items.first?.isBullet ?? false {
                    prose += l.items.flatMap { [$0.blockIndex!] + $0.bodyBlockIndices }
                } else if l.items.first?.marker?.number != nil {
                    for (k, s) in l.items.enumerated() {
                        let (child, _) = entryItem(aspect, s.blockIndex!, ordinal: k + 1, within: body, isLast: k == l.items.count - 1)
                        children.append(child)
                        last = max(last, child.span.lastLine)
                    }
                    used += node.blockIndices
                    continue
                }
            case .section:
                break
            }
            last = max(last, node.lastLine)
            used += node.blockIndices
        }
        var (label, runIn) = Self.splitRunIn(blocks[e].text, endings: data.cues(of: aspect).filter { $0.hasBytePrefix("の") })
        var marks: [Attribute] = []
        (label, marks) = marked(label, aspect: aspect)
        attributes = marks + split(label, aspect: aspect) + attributes
        let gloss: String
        (label, gloss) = Aspect.core.contains(aspect) ? Self.splitGloss(Self.unquoted(label)) : (Self.unquoted(label), "")
        let description = [gloss, runIn, text(of: prose)].filter { !$0.isEmpty }.joined(separator: "\n")
        return (item(aspect, ordinal, label: label, description: description, attributes: attributes, children: children,
                     lines: blocks[e].firstLine...last), used)
    }

    /// The entries of the list whose first entry heads the section at `first`: that section and
    /// the siblings of its style after it, numbered in sequence.
    func list(startingAt first: Int, within body: Set<Int>) -> [Int]? {
        guard let section = owners[first], let style = section.style else { return nil }
        let parent = parents[first]
        var entries = [first]
        var expected = blocks[first].marker?.number.map { $0 + 1 }
        var j = (section.bodyBlockIndices.last ?? first) + 1
        while j < blocks.count, body.contains(j) {
            guard let s = owners[j] else {
                // Paragraphs between entries at the list's own level end it.
                if parents[j] == parent { break }
                j += 1
                continue
            }
            guard parents[j] == parent, s.style == style else { break }
            if let e = expected, blocks[j].marker?.number != e { break }
            entries.append(j)
            expected = expected.map { $0 + 1 }
            j = (s.bodyBlockIndices.last ?? j) + 1
        }
        return entries
    }

    /// The last entry's body ends where a title standing alone follows its text (a new section
    /// without a marker).
    func cutAtTitle(_ body: [Int]) -> [Int] {
        for k in body.indices.dropFirst() where blocks[body[k]].isParagraph && blocks[body[k]].isTitleLike && !blocks[body[k - 1]].isTitleLike {
            return Array(body[..<k])
        }
        return body
    }

    /// A label with an inline mark (`**重点**`) taken out as an attribute.
    func marked(_ label: String, aspect: Aspect) -> (String, [Attribute]) {
        for m in data.marks where m.aspect == aspect {
            guard let open = label.range(of: m.mark), let close = label.range(of: m.mark, range: open.upperBound..<label.endIndex) else { continue }
            return (String(label[..<open.lowerBound]).trimmedSpaces(), [Attribute(m.attribute, String(label[open.upperBound..<close.lowerBound]))])
        }
        return (label, [])
    }

    /// The parts of a label in two parts (`見出し～考え方`) as attributes.
    func split(_ label: String, aspect: Aspect) -> [Attribute] {
        for s in data.splits where s.aspect == aspect {
            guard label.includes(s.separator) else { continue }
            let parts = label.components(separatedBy: s.separator).map { $0.trimmedSpaces() }
            guard parts.count >= 2, !parts[0].isEmpty else { continue }
            return [Attribute(s.names[0], parts[0]), Attribute(s.names[1], parts.dropFirst().joined(separator: s.separator))]
        }
        return []
    }

    /// A label with a gloss in parentheses after it (`対等性（互いの立場を尊重する）`): the label
    /// before it, and the gloss.
    static func splitGloss(_ label: String) -> (label: String, gloss: String) {
        // A tag in lenticular brackets after a sentence item: `…を発揮すること【自立】`.
        if label.hasByteSuffix("】"), let open = label.lastIndex(of: "【"), label.distance(from: label.startIndex, to: open) >= 8 {
            let tag = label[label.index(after: open)..<label.index(before: label.endIndex)]
            if !tag.isEmpty, !tag.contains("【") { return (Self.unquoted(String(label[..<open]).trimmedSpaces()), String(tag)) }
        }
        guard label.hasByteSuffix("）") || label.hasByteSuffix(")") else { return (label, "") }
        // The parenthesis that the last one closes.
        var depth = 0
        var open: String.Index?
        for i in label.indices.reversed() {
            let c = label[i]
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" { depth -= 1; if depth == 0 { open = i; break } }
        }
        guard let open, label.distance(from: label.startIndex, to: open) >= 2 else { return (label, "") }
        let head = String(label[..<open]).trimmedSpaces()
        let gloss = String(label[label.index(after: open)..<label.index(before: label.endIndex)]).trimmedSpaces()
        return (Self.unquoted(head), gloss)
    }

    /// `「目的を共有すること」` → `目的を共有すること`; a final `。` dropped.
    static func unquoted(_ label: String) -> String {
        let label = label.hasByteSuffix("。") ? String(label.dropLast()) : label
        for (open, close) in [("「", "」"), ("『", "』"), ("【", "】"), ("〔", "〕")] where label.hasBytePrefix(open) && label.hasByteSuffix(close) {
            let inner = label.dropFirst().dropLast()
            if !inner.contains(Character(open)) { return String(inner).trimmedSpaces() }
        }
        return label
    }

    /// Splits a label that runs into its description (`見出し　説明の文が続く…。`,
    /// `見出し：説明…`): at a colon, or at the first space when a sentence follows.
    static func splitRunIn(_ text: String, endings: [String] = []) -> (label: String, description: String) {
        // A bold label (`**町民**　町内に住み…`, `**対等の原則**：…`).
        if text.hasBytePrefix("**"), let close = text.dropFirst(2).range(of: "**") {
            let rest = String(text[close.upperBound...]).trimmedSpaces()
            let description = rest.first.map { "：:―—－".contains($0) } ?? false ? String(rest.dropFirst()).trimmedSpaces() : rest
            return (String(text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound]).trimmedSpaces(), description)
        }
        // A quoted label running into its text (`「共催」…市と市民が…`, `「委託」 市の事業を…`).
        if text.hasBytePrefix("「"), let close = text.byteRange(of: "」"), text.utf8.distance(from: text.startIndex, to: close.lowerBound) <= 75 {
            let after = text[close.upperBound...]
            let rest = String(after).trimmingCharacters(in: " \u{3000}…・：:―—－")
            let label = String(text[text.index(after: text.startIndex)..<close.lowerBound])
            // A copula after it, as a point is spoken (`一つ目は「目的を共有すること」でございます。…`).
            if !label.isEmpty, let copula = ["でございます", "であります", "です"].first(where: { after.hasBytePrefix($0) }) {
                return (label, String(after.dropFirst(copula.count).drop { "。 \u{3000}".contains($0) }))
            }
            // Only with a separator between (「協働推進」窓口の設置 is one label).
            if let sep = after.first, " \u{3000}…：:―—－".contains(sep), rest.hasCharacters(moreThan: 7), !label.isEmpty, !rest.hasBytePrefix("と"), !rest.hasBytePrefix("を"), !rest.hasBytePrefix("は"), !rest.hasBytePrefix("の"), !rest.hasBytePrefix("「") {
                return (label, rest)
            }
        }
        for separator in ["：", ":", "―", "—", "－"] {
            if let r = text.byteRange(of: separator), !text[..<r.lowerBound].hasCharacters(moreThan: 30) {
                return (String(text[..<r.lowerBound]).trimmedSpaces(), String(text[r.upperBound...]).trimmedSpaces())
            }
        }
        // A label ending in the aspect's cue running straight into its text, as an e-book's lines
        // do (`〇〇の原則それぞれの主体が…`).
        for ending in endings {
            guard let r = text.byteRange(of: ending), text.utf8.distance(from: text.startIndex, to: r.upperBound) <= 75 else { continue }
            let rest = String(text[r.upperBound...]).trimmedSpaces()
            if rest.hasCharacters(moreThan: 9), rest.includes("。") { return (String(text[..<r.upperBound]), rest) }
        }
        if let space = text.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) {
            let label = String(text[..<space]).trimmedSpaces()
            let rest = String(text[space...]).trimmedSpaces()
            // A sentence, a clause or a description longer than the label follows.
            if !label.isEmpty, !label.hasCharacters(moreThan: 30), rest.hasCharacters(moreThan: 3),
               text.includes("。") || text.hasCharacters(moreThan: 40) || rest.includes("、") || rest.hasCharacters(moreThan: 2 * label.count) {
                return (label, rest)
            }
        }
        return (text, "")
    }

    // MARK: - Tables

    /// The first table of the body that belongs to the section: it follows the heading directly,
    /// or its header names the aspect. One item per record: the label column (the one whose
    /// header names the aspect, else the first), the next column as description, named columns
    /// as attributes.
    func table(_ aspect: Aspect, body: [Int], heading: Heading, cues: [String]) -> ([Item], [Int]) {
        guard let i = body.first(where: { blocks[$0].table.map { !$0.isTableOfContents } ?? false }), let table = blocks[i].table else { return ([], []) }
        let header = table.header?.cells ?? []
        let namesAspect = header.contains { cell in let key = Normalizer.labelKey(cell); return cues.contains { key.includes($0) } }
        guard body.firstIndex(of: i).map({ $0 <= 1 }) ?? false || namesAspect else { return ([], []) }
        let headerless = !table.hasHeader
        let records = table.records()
        guard !records.isEmpty else { return ([], []) }
        // The label column: the first, unless it holds only numbers (No.), then the next.
        let numbersFirst = records.allSatisfy { Int(Normalizer.fold(cellLabel($0.row[0]).label).trimmedSpaces()) != nil || $0.row[0].isEmpty }
        let labelColumn = numbersFirst && (header.count > 2 || records.first.map { $0.row.cells.count > 2 } ?? false) ? 1 : 0
        let items = records.enumerated().map { n, rec -> Item in
            let (label, _) = cellLabel(rec.row[labelColumn])
            let description = rec.column(labelColumn + 1).joined(separator: "\n")
            var attributes: [Attribute] = []
            if !headerless, header.count > labelColumn + 1, !header[labelColumn + 1].isEmpty, !isPlainColumn(header[labelColumn + 1]) {
                attributes.append(Attribute(header[labelColumn + 1], description))
            }
            return item(aspect, n + 1, label: label, description: description, attributes: attributes, lines: rec.lines)
        }
        return (items, [i])
    }

    /// Whether a header cell means only "what the item is" (内容, 説明).
    func isPlainColumn(_ cell: String) -> Bool {
        let key = Normalizer.labelKey(cell)
        return data.plainColumns.contains { key.includes($0) }
    }

    /// The label of a table cell with its marker (①, (1)) removed, and the marker's number.
    func cellLabel(_ cell: String) -> (label: String, number: Int?) {
        if let (marker, title, bulleted) = MarkerScanner.scan(cell.trimmedSpaces()), marker.number != nil || bulleted || marker == .bullet {
            return (title, marker.number)
        }
        return (cell, nil)
    }

    // MARK: - Prose

    /// A list inside a sentence of the body (…後援、共催、委託などがあります): in the body's first
    /// paragraph, or in a sentence naming the aspect.
    func inline(_ aspect: Aspect, body: [Int], cues: [String]) -> ([Item], [Int]) {
        // An article's text is prose too (第5条 まちづくりの担い手は、市民…及び市とする。).
        let paragraphs = body.filter { i in
            if case .article = blocks[i].marker { return true }
            return blocks[i].isParagraph
        }
        // For an aspect whose items have words of their own, a list naming none of them is some
        // other list in passing (補助は福祉分野や文化やスポーツなどの分野など).
        let words = itemWords[aspect]
        for i in paragraphs {
            let block = blocks[i]
            let opensSection = i == paragraphs.first
            // Quoted names in a row (「共催」・「委託」…など) are a list wherever they stand in the section.
            guard opensSection || cues.contains(where: block.text.includes) || InlineList.quotedRun(in: block.text) != nil else { continue }
            // A line of names and nothing else opening the section (`共催、事業協力・協定、委託`).
            if opensSection, let names = InlineList.bareNames(block.text), words.map({ words in names.contains { Self.names($0, words) } }) ?? true {
                return (inlineItems(aspect, names, in: block, sentence: block.text), [i])
            }
            let sentences = InlineList.sentences(block.text)
            for (k, sentence) in sentences.enumerated() where opensSection || cues.contains(where: sentence.includes) || InlineList.quotedRun(in: sentence) != nil {
                // A sentence about another aspect only (協働の相手は… under 協働の相手と形態) is not this one's.
                if !cues.contains(where: sentence.includes), speaksOfAnotherAspect(sentence, not: aspect) { continue }
                // A list may end at its subject's role too (…大学、そして市が担い手になります; …大学及び市を協働の担い手として).
                let enders = data.listEnders + cues.flatMap { ["が" + $0, "を" + $0] }
                guard let names = InlineList.items(in: sentence, enders: enders, topicEnders: data.topicListEnders),
                      words.map({ words in names.contains { Self.names($0, words) } }) ?? true else { continue }
                var items = inlineItems(aspect, names, in: block, sentence: sentence)
                // The list may go on in the paragraph's next sentences (このほか、後援や…といった形態もあります).
                for next in sentences.dropFirst(k + 1) where cues.contains(where: next.includes) {
                    guard let more = InlineList.items(in: next, enders: data.listEnders.filter { !data.topicListEnders.contains($0) }) else { continue }
                    let known = Set(items.map(\.normalizedLabel))
                    for item in inlineItems(aspect, more, in: block, sentence: next) where !known.contains(item.normalizedLabel) {
                        var item = item
                        item.ordinal = items.count + 1
                        items.append(item)
                    }
                }
                return (items, [i])
            }
        }
        return ([], [])
    }

    /// The steps of the first flow line in the body (`【企画】→【実施】→【評価】`), each on its line.
    func flow(_ aspect: Aspect, body: [Int]) -> ([Item], [Int]) {
        for (k, i) in body.prefix(6).enumerated() where blocks[i].table == nil {
            // A flow wrapped over lines (`〔相談〕⇒〔提出〕⇒` / `〔協議〕⇒〔実施〕`): a block ending in a
            // separator goes on in the next one.
            var pieces = [i]
            while let last = pieces.last, endsInStepSeparator(blocks[last].text), k + pieces.count < body.count,
                  body[k + pieces.count] == last + 1, blocks[last + 1].table == nil {
                pieces.append(last + 1)
            }
            // The blocks joined, else the block, or one of its lines (a flow line a note joined
            // onto: `…⇒…⇒…` / `※…。`).
            let b = blocks[i]
            let wrapped = pieces.count > 1 ? flowSteps(pieces.map { blocks[$0].text.trimmedSpaces() }.joined()) : nil
            if wrapped == nil { pieces = [i] }
            guard let steps = wrapped ?? flowSteps(b.text) ?? b.lineTexts.lazy.compactMap({ self.flowSteps($0.text) }).first else { continue }
            var from = 0
            let items = steps.enumerated().map { n, step in
                // A step's gloss in parentheses is its description: `約束（協定）`.
                let (label, gloss) = Self.splitGloss(step)
                // Each step on the line it stands on, in order.
                from = pieces[from...].firstIndex { blocks[$0].text.includes(step) } ?? from
                return item(aspect, n + 1, label: label, description: gloss, attributes: [Attribute("記述", "流れ図")], lines: blocks[pieces[from]].lines(of: step))
            }
            return (items, pieces)
        }
        return ([], [])
    }

    /// Whether a line ends in a step separator: a flow wrapped onto the next line.
    func endsInStepSeparator(_ text: String) -> Bool {
        let t = text.trimmingTrailingSpaces()
        return data.stepSeparators.contains(where: t.hasByteSuffix)
    }

    /// The steps of a line written as a flow: three or more short segments between the data's
    /// step separators, each without its marker and brackets; nil for any other line.
    func flowSteps(_ text: String) -> [String]? {
        guard let sep = data.stepSeparators.first(where: text.includes) else { return nil }
        let parts = text.components(separatedBy: sep)
        guard parts.count >= 3 else { return nil }
        var steps: [String] = []
        for part in parts {
            var s = part.trimmedSpaces()
            if let (_, title, _) = MarkerScanner.scan(s), !title.isEmpty { s = title }
            // (A closing parenthesis stays with its gloss: `約束（協定）`.)
            let glossed = s.dropFirst().contains { $0 == "（" || $0 == "(" }
            s = Self.withoutSchedule(s)
            let glossedNow = s.dropFirst().contains { $0 == "（" || $0 == "(" }
            s = s.trimmingCharacters(in: glossed && glossedNow ? "【】「」［］[]〔〕〈〉《》 　" : "【】「」［］[]〔〕〈〉《》（）() 　")
            guard !s.isEmpty, s.count <= 20, !s.includes("。") else { return nil }
            steps.append(s)
        }
        return steps
    }

    /// A step without the date a schedule gives it: `協働事業の提案7/31(月)まで` → `協働事業の提案`,
    /// `一斉協議の場(NPOと市) 8/31(木)` → `一斉協議の場(NPOと市)`.
    static func withoutSchedule(_ step: String) -> String {
        guard step.contains(where: \.isNumber) else { return step }
        let date = /[\s　]*(\d{1,2}[\/／]\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}月(上旬|中旬|下旬)?)([（(][^）)]{1,3}[）)])?(まで|頃|ごろ|以降)?$/
        guard let m = step.firstMatch(of: date), m.range.lowerBound > step.startIndex else { return step }
        return String(step[..<m.range.lowerBound]).trimmedSpaces()
    }

    /// Whether a sentence holds a cue of another core aspect.
    func speaksOfAnotherAspect(_ sentence: String, not aspect: Aspect) -> Bool {
        Aspect.core.contains { $0 != aspect && $0 != .definition && data.cues(of: $0).contains(where: sentence.includes) }
    }

    /// Items for the names of an inline list, each on the line it stands on.
    func inlineItems(_ aspect: Aspect, _ names: [String], in block: Block, sentence: String) -> [Item] {
        let sentenceAt = block.occurrence(of: sentence)
        let sentenceStart = sentenceAt?.lines.lowerBound ?? block.firstLine
        // Each name after the one before it, from the sentence's start.
        let start = sentenceAt.map { $0.end - sentence.utf8.count } ?? 0
        var offset = start
        return names.enumerated().map { n, name in
            var lines = sentenceStart...sentenceStart
            if let at = block.occurrence(of: name, from: offset) ?? block.occurrence(of: name, from: start) {
                if at.lines.lowerBound >= sentenceStart { lines = at.lines }
                offset = at.end
            }
            return item(aspect, n + 1, label: name, attributes: [Attribute("記述", "本文中の列挙")], lines: lines)
        }
    }

    /// Short lines under the heading, one item each (`ＮＰＯ等（ＮＰＯ法人、…など）`): a gloss in
    /// parentheses becomes the description, as does what follows a colon.
    func labelLines(_ aspect: Aspect, body: [Int]) -> ([Item], [Int]) {
        var items: [Item] = []
        var from: [Int] = []
        for (n, i) in body.enumerated() {
            let b = blocks[i]
            // One sentence introducing the lines (…次のようなものがあります。) goes before them.
            if n == 0, b.isParagraph, b.text.hasByteSuffix("。"), body.count > 2 { continue }
            guard b.isParagraph, !b.text.includes("。") else { break }
            // Short lines one under another with no blank between (`市民` / `自治会・町内会` /
            // `事業者`) are one label each.
            let lines = b.pieces.count > 1 ? Self.labelPieces(b) : nil
            guard lines != nil || b.text.count <= 60 else { break }
            for (text, line) in lines ?? [(b.text, b.firstLine...b.lastLine)] {
                var label = text
                var description = ""
                if let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }), open > text.startIndex {
                    label = String(text[..<open]).trimmedSpaces()
                    description = String(text[text.index(after: open)...]).trimmingCharacters(in: "）)")
                }
                items.append(item(aspect, items.count + 1, label: label, description: description, lines: line))
            }
            from.append(i)
        }
        return items.count >= 2 ? (items, from) : ([], [])
    }

    /// A label of 2 to 20 characters (no 、。「」) before the first space of a text holding 。, and
    /// the text after the space; read over the first bytes only (a paragraph is scanned once).
    static func spaceLabel(_ t: String, sentenceless: Bool = false) -> (String, String)? {
        let utf8 = t.utf8
        var i = utf8.startIndex
        var scalars = 0, bytes = 0
        while i != utf8.endIndex, bytes < 80 {
            let b = utf8[i]
            if b == 0x20 { break }
            if b == 0xE3, bytes + 2 < utf8.count, utf8[utf8.index(i, offsetBy: 1)] == 0x80 {
                let c = utf8[utf8.index(i, offsetBy: 2)]
                if c == 0x80 { break }                        // 　
                if c == 0x81 || c == 0x82 || c == 0x8C || c == 0x8D { return nil }  // 、。「」
            }
            if b < 0x80 || b >= 0xC0 { scalars += 1 }
            bytes += 1
            i = utf8.index(after: i)
        }
        // Without a 。 (a table flattened to `市民　市内に住み、働き、学ぶ人`, a text cut off before its
        // stop) only after an ideographic space, or after such items.
        let ideographic = i != utf8.endIndex && utf8[i] == 0xE3
        // (One character before an ideographic space is a label too: `市　市長その他の執行機関`.)
        guard i != utf8.endIndex, (ideographic ? 1 : 2)...20 ~= scalars, sentenceless || ideographic || t.includes("。") else { return nil }
        guard let label = String(utf8[..<i]) else { return nil }
        let rest = String(Substring(utf8[i...])).trimmedSpaces()
        if !t.includes("。"), rest.count < (ideographic ? 8 : 15) { return nil }
        return (label, rest)
    }

    /// The lines of a paragraph made of two or more short lines (at most 20 characters, none
    /// ending in 、), each with its line; nil when any line is longer.
    static func labelPieces(_ b: Block) -> [(String, ClosedRange<Int>)]? {
        var out: [(String, ClosedRange<Int>)] = []
        for (line, text) in b.lineTexts {
            guard !text.isEmpty, text.count <= 20, !text.hasByteSuffix("、") else { return nil }
            out.append((text, line...line))
        }
        return out.count >= 2 ? out : nil
    }

    /// Paragraphs that each begin with their label: quoted (`「対等の原則」　町民と町は…`) or
    /// before a colon (`対等の原則：…`); two or more in a row, after any prose introducing them.
    func runIn(_ aspect: Aspect, body: [Int]) -> ([Item], [Int]) {
        var items: [Item] = []
        var from: [Int] = []
        for i in body where blocks[i].isParagraph {
            let t = blocks[i].text
            var label: String?
            var rest = ""
            // Searched by bytes, and only near the start: a paragraph is long, its label short.
            // (An English line translates the item above it: `Residents: people who…`.)
            if MarkerScanner.isEnglish(t) {
            } else if t.hasBytePrefix("「"), let close = t.byteRange(of: "」"), t.utf8.distance(from: t.startIndex, to: close.lowerBound) <= 100,
               t.distance(from: t.startIndex, to: close.lowerBound) <= 25 {
                label = String(t[t.index(after: t.startIndex)..<close.lowerBound])
                rest = String(t[close.upperBound...]).trimmedSpaces()
            } else if let colon = t.byteRange(of: "："), t.utf8.distance(from: t.startIndex, to: colon.lowerBound) <= 80,
                      t.distance(from: t.startIndex, to: colon.lowerBound) <= 20 {
                label = String(t[..<colon.lowerBound]).trimmedSpaces()
                rest = String(t[colon.upperBound...]).trimmedSpaces()
            } else if let (name, text) = Self.spaceLabel(t, sentenceless: !items.isEmpty) {
                // A label, a space, a sentence: `公平・公正の原則 協働のパートナーとなる…。` (after
                // such items, also a text cut off before its 。).
                label = name
                rest = text
            }
            guard let name = label, !name.isEmpty, !rest.isEmpty, !rest.hasBytePrefix("と") && !rest.hasBytePrefix("を") && !rest.hasBytePrefix("は") else {
                if items.isEmpty { continue }
                // A paragraph continuing the last item's text.
                if !blocks[i].isTitleLike, let last = items.indices.last {
                    items[last].description += "\n" + t
                    items[last].span.lastLine = blocks[i].lastLine
                    from.append(i)
                    continue
                }
                break
            }
            items.append(item(aspect, items.count + 1, label: name, description: rest, lines: blocks[i].firstLine...blocks[i].lastLine))
            from.append(i)
        }
        return items.count >= 2 ? (items, from) : ([], [])
    }

    /// Sentences ending in こと, one item each, the sentence its label.
    func sentenceItems(_ aspect: Aspect, body: [Int]) -> ([Item], [Int]) {
        var items: [Item] = []
        var from: [Int] = []
        for i in body where blocks[i].isParagraph {
            for sentence in InlineList.sentences(blocks[i].text) {
                let s = sentence.trimmedSpaces()
                let bare = s.hasByteSuffix("。") ? String(s.dropLast()) : s
                guard bare.hasByteSuffix("こと"), bare.count <= 120 else { continue }
                items.append(item(aspect, items.count + 1, label: bare, lines: blocks[i].lines(of: bare)))
                from.append(i)
            }
        }
        return items.count >= 2 ? (items, from) : ([], [])
    }
}
