import KyodoModel
import KyodoText

/// Reads the layout of 小平市協働の推進に関する指針: numbered chapters, the ordinance's
/// definition quoted in prose, circled directions (one marked `**重点**`), tab tables of the
/// chronology, the policy position and concrete initiatives (with HTML cells).
public struct KodairaGuidelineReader: GuidelineReader {
    public init() {}
    public let name = "kodaira-guideline"
    public let summary = "Kodaira guideline: quoted ordinance definition, ① directions, chronology and policy tables"

    public func detect(_ outline: Outline) -> Int {
        guard let title = outline.blocks.first(where: \.isParagraph)?.text else { return 0 }
        var score = 0
        if title.includes("小平市") && title.includes("指針") { score += 60 }
        if outline.blocks.prefix(6).contains(where: { $0.text.includes("制定") }) { score += 20 }
        return score
    }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        let firstSection = outline.blocks.first(where: { $0.marker != nil })?.firstLine ?? outline.source.lineCount
        r.dates = DateFinder.standalone(in: outline.source, lines: 1...max(1, firstSection - 1), fallback: .published)
        GuidelineSections.readQuotedDefinition(&r)
        GuidelineSections.noteUnlistedPrinciples(&r)
        GuidelineSections.readDirections(&r)
        GuidelineSections.readTables(&r, from: 0)
        r.absent(.forms, "the document lists no forms of collaboration")
        r.absent(.processes, "the document sets out no process for collaboration")
        r.absent(.partners, "the document lists no partner types in a table or list")
        return r.guideline(reader: name, title: outline.blocks.first(where: \.isParagraph)?.text)
    }
}

/// The parts of Kodaira's guideline; the handbook reprints it as 資料1, so both readers use them.
enum GuidelineSections {
    /// `第3条においては、協働の定義を「…」としています` → a definition with its source.
    static func readQuotedDefinition(_ r: inout Reading, in range: Range<Int>? = nil) {
        let range = range ?? 0..<r.blocks.count
        guard let i = range.first(where: { r.blocks[$0].text.includes("の定義を「") }) else {
            r.absent(.definition, "no quoted definition of 協働 was found"); return
        }
        let b = r.blocks[i]
        guard let start = b.text.range(of: "の定義を「"), let end = b.text[start.upperBound...].firstIndex(of: "」") else { return }
        let quoted = String(b.text[start.upperBound..<end])
        let term = b.text[..<start.lowerBound].split(whereSeparator: { "、，,".contains($0) }).last.map(String.init) ?? "協働"
        // The source: the article before the quote (第3条) and the law the section heading names
        // (自治基本条例における協働 → 自治基本条例).
        var attributes: [Attribute] = []
        let before = b.text[..<start.lowerBound]
        if let article = before.range(of: "条", options: .backwards), let dai = before[..<article.lowerBound].range(of: "第", options: .backwards) {
            let heading = (0..<i).reversed().first { r.blocks[$0].marker != nil }.map { r.blocks[$0].text } ?? ""
            let law = heading.components(separatedBy: "における").first ?? ""
            attributes.append(Attribute("出典", (law.isEmpty ? "" : law + " ") + String(before[dai.lowerBound..<article.upperBound])))
        }
        r.items.append(r.item(.definition, 1, label: term, description: quoted, attributes: attributes, lines: b.lines(of: quoted)))
    }

    /// The guideline speaks of 協働の原則 but lists none: say so, naming any it quotes.
    static func noteUnlistedPrinciples(_ r: inout Reading, in range: Range<Int>? = nil) {
        let range = range ?? 0..<r.blocks.count
        let mentions = range.filter { r.blocks[$0].text.includes("協働の原則") }
        var quoted: [String] = []
        for i in mentions {
            let t = r.blocks[i].text
            var rest = t[...]
            while let at = rest.range(of: "協働の原則である「"), let close = rest[at.upperBound...].firstIndex(of: "」") {
                quoted.append("「\(rest[at.upperBound..<close])」 (line \(r.blocks[i].lines(of: String(rest[at.upperBound..<close])).lowerBound))")
                rest = rest[close...]
            }
        }
        let where_ = mentions.first.map { r.blocks[$0].firstLine }
        var message = "the document refers to 協働の原則 but does not list them"
        if !quoted.isEmpty { message += "; it names one in passing: " + quoted.joined(separator: ", ") }
        r.absent(.principles, message, line: where_)
    }

    /// The circled directions under 取組の方向性; a `**…**` mark becomes an attribute.
    static func readDirections(_ r: inout Reading, in range: Range<Int>? = nil) {
        let range = range ?? 0..<r.blocks.count
        guard let h = range.first(where: { r.blocks[$0].marker != nil && r.blocks[$0].text.includes("方向性") }) else { return }
        let entries = r.enumeration(in: r.sectionRange(h)) { if case .circled = $0 { true } else { false } }
        for (n, e) in entries.enumerated() {
            var label = e.block.text
            var attributes: [Attribute] = []
            if let open = label.range(of: "**"), let close = label.range(of: "**", range: open.upperBound..<label.endIndex) {
                attributes.append(Attribute("重点", String(label[open.upperBound..<close.lowerBound])))
                label = String(label[..<open.lowerBound]).trimmedSpaces()
            }
            r.items.append(r.item(.measures, n + 1, label: label, description: r.text(of: e.body), attributes: attributes,
                                  lines: e.block.firstLine...e.lastLine))
        }
    }

    /// The tables after a title: the chronology (年度 → 取組), the policy position, the initiatives.
    static func readTables(_ r: inout Reading, from start: Int, upTo end: Int? = nil) {
        let end = end ?? r.blocks.count
        var historyOrdinal = 0
        var projectOrdinal = 0
        for i in start..<end {
            guard let table = r.blocks[i].table, !table.isTableOfContents, let header = table.header else { continue }
            let title = (start..<i).reversed().first { r.blocks[$0].isTitleLike }.map { r.blocks[$0].text } ?? ""
            let headerText = header.cells.map { $0.replacingOccurrences(of: " ", with: "") }
            if headerText.first == "年度" || headerText.first == "時期" {
                for rec in table.records() {
                    historyOrdinal += 1
                    let row = rec.row
                    var attributes = [Attribute("表", title), Attribute(headerText[0], row[0])]
                    if let date = EraDate.find(in: row[0]).first { attributes.append(Attribute("年", date.iso)) }
                    let label = row[1]
                    let description = row.cells.count > 2 ? row.cells[2...].joined(separator: "\n") : ""
                    if row.cells.count > 2 { attributes.append(Attribute(headerText[safe: 1] ?? "", row[1])) }
                    r.items.append(r.item(.history, historyOrdinal, label: label, description: description, attributes: attributes,
                                          lines: rec.lines))
                }
            } else if headerText.contains(where: { $0.hasPrefix("事業名") }) && headerText.contains(where: { $0.hasPrefix("事業効果") }) {
                for rec in table.records() {
                    projectOrdinal += 1
                    let name = cellText(rec.row[0])
                    let effects = HTMLFragment.looksLikeHTML(rec.row[1]) ? HTMLFragment.pieces(rec.row[1]) : [HTMLFragment.Piece(isListItem: false, text: rec.row[1])]
                    var label = name.first ?? ""
                    var content = ""
                    if let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }) {
                        content = String(label[label.index(after: open)...]).trimmingCharacters(in: "）) ")
                        label = String(label[..<open]).trimmedSpaces()
                    }
                    let children = effects.filter { $0.isListItem }.enumerated().map { k, piece in
                        r.item(.projects, k + 1, label: piece.text, attributes: [Attribute("種別", "事業効果")], lines: rec.lines)
                    }
                    let details = name.dropFirst().joined(separator: "\n")
                    let description = [content, details].filter { !$0.isEmpty }.joined(separator: "\n")
                    r.items.append(r.item(.projects, projectOrdinal, label: label, description: description,
                                          attributes: [Attribute("表", title)], children: children, lines: rec.lines))
                }
            }
        }
    }

    /// The text of a cell, HTML read into its pieces.
    static func cellText(_ cell: String) -> [String] {
        HTMLFragment.looksLikeHTML(cell) ? HTMLFragment.pieces(cell).map { $0.isListItem ? "・" + $0.text : $0.text } : [cell]
    }
}
