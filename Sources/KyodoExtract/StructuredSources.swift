import KyodoDocument
import KyodoModel
import KyodoText

/// Item sources for sections with more structure than a list: stages holding tables of
/// checks, entries described field by field, name and description pairs, and tables anywhere
/// that a table rule names.
extension Extraction {
    /// Numbered stages (`I 事業計画段階`), each with a table whose records become its children
    /// (the column headed 内容 their labels; a first cell holding a number their ordinals).
    func stages(_ aspect: Aspect, body: [Int], title: String) -> ([Item], [Int]) {
        let bodySet = Set(body)
        guard let first = body.first(where: { i in
            guard let s = owners[i], !s.isBullet, s.marker?.number != nil else { return false }
            return s.children.contains { if case .table = $0 { true } else { false } }
        }), let entries = list(startingAt: first, within: bodySet) else { return ([], []) }
        var items: [Item] = []
        var from: [Int] = []
        for (n, e) in entries.enumerated() {
            guard let section = owners[e] else { continue }
            var children: [Item] = []
            for i in section.bodyBlockIndices {
                guard let table = blocks[i].table else { continue }
                let contentColumn = table.header?.cells.firstIndex { isPlainColumn($0) } ?? 1
                for rec in table.records() {
                    let ordinal = Int(rec.row[0]) ?? children.count + 1
                    children.append(item(aspect, ordinal, label: rec.row[contentColumn], lines: rec.lines))
                }
            }
            // Its lines are those an entry of a list has.
            let (entry, used) = entryItem(aspect, e, ordinal: n + 1, within: bodySet, isLast: n == entries.count - 1)
            from += used
            items.append(item(aspect, n + 1, label: blocks[e].text, attributes: title.isEmpty ? [] : [Attribute("表", title)], children: children,
                              lines: entry.span.firstLine...entry.span.lastLine))
        }
        return (items, from)
    }

    /// Entries described field by field: each entry's body is title lines (事業の目的) with their
    /// values below, and a `【A→B→C】` flow whose steps become children.
    func fields(_ aspect: Aspect, body: [Int]) -> ([Item], [Int]) {
        let bodySet = Set(body)
        guard let first = body.first(where: { owners[$0].map { !$0.isBullet } ?? false }),
              let entries = list(startingAt: first, within: bodySet), entries.count >= 2 || blocks[first].marker?.number != nil else { return ([], []) }
        var items: [Item] = []
        var from: [Int] = []
        for (n, e) in entries.enumerated() {
            guard let section = owners[e] else { continue }
            var fields = Fields()
            var children: [Item] = []
            for i in section.bodyBlockIndices {
                let b = blocks[i]
                if b.marker == .bracketed, let sep = data.stepSeparators.first(where: b.text.includes) {
                    fields.close()
                    fields.attributes.append(Attribute("流れ", b.text))
                    for (k, step) in b.text.components(separatedBy: sep).enumerated() {
                        children.append(item(aspect, k + 1, label: step.trimmedSpaces(), attributes: [Attribute("種別", "流れ")], lines: b.firstLine...b.lastLine))
                    }
                } else if Self.isFieldTitle(b) || b.marker == .angled {
                    fields.open(b.text)
                } else if b.table == nil {
                    fields.value.append(b.bulleted || b.marker == .bullet ? "・" + b.text : (b.marker?.number.map { "\($0). " } ?? "") + b.text)
                }
            }
            fields.close()
            from += [e] + section.bodyBlockIndices
            items.append(item(aspect, n + 1, label: blocks[e].text, attributes: fields.attributes, children: children,
                              lines: blocks[e].firstLine...lastLine(section.bodyBlockIndices, or: blocks[e].lastLine)))
        }
        return (items, from)
    }

    /// Field titles and their values, collected in order.
    private struct Fields {
        var attributes: [Attribute] = []
        var field: String?
        var value: [String] = []

        /// Ends the current field (a field with no value is dropped) and starts `name`.
        mutating func open(_ name: String?) {
            close()
            field = name
        }

        /// Ends the current field.
        mutating func close() {
            if let f = field, !value.isEmpty { attributes.append(Attribute(f, value.joined(separator: "\n"))) }
            field = nil
            value = []
        }
    }

    /// A line naming a field (事業の目的, 応募できる団体): a short title with no digits, commas or
    /// brackets — values (上限100万円（消費税込）, 6月～7月下旬) have them.
    static func isFieldTitle(_ b: Block) -> Bool {
        b.isParagraph && b.isTitleLike && b.text.count <= 15
            && !b.text.contains(where: { $0.isNumber || "、，,（()）～~".contains($0) })
    }

    /// Pairs of a short name (wrapped over lines) and a description paragraph, up to a paragraph
    /// beginning with `stop` or a title.
    func pairs(_ aspect: Aspect, body: [Int], stop: String?, heading: String) -> ([Item], [Int]) {
        // A year the introducing sentence names (平成28年度の事業を…) is each pair's.
        let year = EraDate.find(in: heading).first.map { Attribute("年度", $0.text) }
        var items: [Item] = []
        var from: [Int] = []
        // The pairs begin after the prose that introduces them.
        var k = body.firstIndex { blocks[$0].isParagraph && blocks[$0].isTitleLike } ?? body.count
        guard body[..<k].allSatisfy({ blocks[$0].isParagraph }) else { return ([], []) }
        while k + 1 < body.count {
            let name = blocks[body[k]], text = blocks[body[k + 1]]
            guard name.isParagraph, name.isTitleLike, text.isParagraph, !text.isTitleLike || Self.describes(text, name),
                  !(stop.map(name.text.hasBytePrefix) ?? false) else { break }
            var (label, gloss) = Aspect.core.contains(aspect) ? Self.splitGloss(Self.unquoted(name.text)) : (name.text, "")
            // A name asking what it is (`共催とは`, `後援について`) is the name.
            if Aspect.core.contains(aspect), let ask = ["とは", "について"].first(where: { label.hasByteSuffix($0) && label.count > $0.count + 1 }) {
                label = String(label.dropLast(ask.count))
            }
            // A note below the description (※…, （注）…) is part of it, and so are the next
            // paragraphs before the next label (two at most: 情報共有 / what it means / an example).
            var paragraphs = [text]
            var next = k + 2
            var stopped = false
            // (A sub-heading over indented points, and those points, are part of the description.)
            if next < body.count, case let end = pastSubheadings(body[next]), end > body[next] {
                while next < body.count, body[next] < end { paragraphs.append(blocks[body[next]]); next += 1 }
            }
            while next < body.count, blocks[body[next]].isParagraph, !blocks[body[next]].isTitleLike,
                  ["※", "（注", "(注", "注："].contains(where: blocks[body[next]].text.hasBytePrefix) || paragraphs.count < 3 {
                // A paragraph beginning with the stop word (その他、…) ends the pairs.
                if let stop, blocks[body[next]].text.hasBytePrefix(stop) { stopped = true; break }
                paragraphs.append(blocks[body[next]])
                next += 1
            }
            items.append(item(aspect, items.count + 1, label: label, description: ([gloss] + paragraphs.map(\.text)).filter { !$0.isEmpty }.joined(separator: "\n"),
                              attributes: year.map { [$0] } ?? [], lines: name.firstLine...paragraphs[paragraphs.count - 1].lastLine))
            from += body[k..<next]
            k = next
            if stopped { break }
        }
        return items.count >= 2 ? (items, from) : ([], [])
    }

    /// Whether a block as short as a title is yet the description of the name above it, in a
    /// run of pairs: twice the name's length at least (`事業者` / `営利を目的に活動する企業や個人商店など`).
    static func describes(_ text: Block, _ name: Block) -> Bool {
        text.isParagraph && text.text.count >= max(12, name.text.count * 2)
    }

    // MARK: - Tables anywhere

    /// Items from every table a table rule names by its header, in document order; rows
    /// numbered in their first cell are checked for gaps.
    mutating func readTables() {
        var ordinals: [Aspect: Int] = [:]
        var lastNumber: [Aspect: Int] = [:]
        for (i, block) in blocks.enumerated() where !excluded.contains(i) {
            guard let table = block.table, !table.isTableOfContents, let header = table.header else { continue }
            let headerText = header.cells.map { $0.replacingOccurrences(of: " ", with: "") }
            guard let rule = data.tables.first(where: { r in
                r.dated ? headerText.first == r.headerWords.first : r.headerWords.allSatisfy { w in headerText.contains { $0.includes(w) } }
            }) else { continue }
            let title = (0..<i).reversed().first { blocks[$0].isTitleLike && blocks[$0].table == nil }.map { blocks[$0].text } ?? ""
            if rule.dated {
                for rec in table.records() {
                    ordinals[rule.aspect, default: 0] += 1
                    let row = rec.row
                    var attributes = [Attribute("表", title), Attribute(headerText[0], row[0])]
                    if let date = EraDate.find(in: row[0]).first { attributes.append(Attribute("年", date.iso)) }
                    let description = row.cells.count > 2 ? row.cells[2...].joined(separator: "\n") : ""
                    if row.cells.count > 2 { attributes.append(Attribute(headerText[safe: 1] ?? "", row[1])) }
                    items.append(item(rule.aspect, ordinals[rule.aspect]!, label: row[1], description: description, attributes: attributes, lines: rec.lines))
                }
                continue
            }
            guard let labelColumn = rule.label.flatMap({ w in headerText.firstIndex { $0.includes(w) } }) else { continue }
            if let effects = rule.effects, let effectsColumn = headerText.firstIndex(where: { $0.includes(effects) }) {
                for rec in table.records() {
                    ordinals[rule.aspect, default: 0] += 1
                    let name = Self.cellText(rec.row[labelColumn])
                    let pieces = HTMLFragment.looksLikeHTML(rec.row[effectsColumn]) ? HTMLFragment.pieces(rec.row[effectsColumn])
                        : [HTMLFragment.Piece(isListItem: false, text: rec.row[effectsColumn])]
                    var label = name.first ?? ""
                    var content = ""
                    if let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }) {
                        content = String(label[label.index(after: open)...]).trimmingCharacters(in: "）) ")
                        label = String(label[..<open]).trimmedSpaces()
                    }
                    let children = pieces.filter(\.isListItem).enumerated().map { k, piece in
                        item(rule.aspect, k + 1, label: piece.text, attributes: [Attribute("種別", header[effectsColumn])], lines: rec.lines)
                    }
                    let description = [content, name.dropFirst().joined(separator: "\n")].filter { !$0.isEmpty }.joined(separator: "\n")
                    items.append(item(rule.aspect, ordinals[rule.aspect]!, label: label, description: description,
                                      attributes: [Attribute("表", title)], children: children, lines: rec.lines))
                }
                continue
            }
            // Rows numbered in a first column left unheaded, or in the label cell (`12 事業名`).
            let numbered = header[0].isEmpty
            for rec in table.records() {
                var cells = rec.row.cells
                var number: Int?
                if numbered {
                    number = Int(cells[0])
                    cells.removeFirst()
                } else if let space = cells[0].firstIndex(of: " "), let n = Int(cells[0][..<space]) {
                    number = n
                    cells[0] = String(cells[0][cells[0].index(after: space)...])
                }
                let shift = numbered ? 1 : 0
                ordinals[rule.aspect, default: 0] += 1
                let previous = lastNumber[rule.aspect] ?? 0
                if let number, number != previous + 1 {
                    warn(rule.aspect, "\(rule.aspect.rawValue) table: row \(number) follows row \(previous)", line: rec.row.line)
                }
                lastNumber[rule.aspect] = number ?? previous + 1
                var attributes: [Attribute] = []
                if let number { attributes.append(Attribute("番号", String(number))) }
                for word in rule.attributes {
                    guard let c = headerText.firstIndex(where: { $0.includes(word) }), c != labelColumn else { continue }
                    let values = [cells[safe: c - shift] ?? ""] + rec.continuations.map { $0[c] }
                    attributes.append(Attribute(header[c], values.filter { !$0.isEmpty }.joined(separator: "\n")))
                }
                items.append(item(rule.aspect, ordinals[rule.aspect]!, label: cells[safe: labelColumn - shift] ?? "", attributes: attributes, lines: rec.lines))
            }
        }
    }

    /// The text of a cell, HTML read into its pieces.
    static func cellText(_ cell: String) -> [String] {
        HTMLFragment.looksLikeHTML(cell) ? HTMLFragment.pieces(cell).map { $0.isListItem ? "・" + $0.text : $0.text } : [cell]
    }
}
