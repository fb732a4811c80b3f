import KyodoModel
import KyodoText

/// The fallback for a layout no dedicated reader knows: finds sections by the cue words of
/// their headings, items by enumeration or table rows, the definition by `協働とは`, and
/// says what it did not find.
public struct GenericReader: GuidelineReader {
    public init() {}
    public let name = "generic"
    public let summary = "any layout: sections by heading cue words, items by enumeration or table rows"

    /// Heading cue words per aspect.
    static let cues: [(Aspect, [String])] = [
        (.principles, ["原則", "視点", "基本的な考え方", "大切なこと"]),
        (.forms, ["形態", "手法"]),
        (.partners, ["担い手", "パートナー", "主体"]),
        (.processes, ["進め方", "手順", "プロセス"]),
    ]

    public func detect(_ outline: Outline) -> Int { 10 }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        r.dates = DateFinder.standalone(in: outline.source, lines: 1...max(1, min(20, outline.source.lines.count)))
        if !r.readDefinitionSentence() { r.warn(.definition, "no sentence beginning 協働とは was found") }
        for (aspect, cues) in Self.cues {
            guard let h = r.marked(cues) else {
                r.warn(aspect, "no heading containing \(cues.joined(separator: ", ")) was found")
                continue
            }
            let range = r.sectionRange(h)
            let entries = r.enumeration(in: range) { _ in true }
            if !entries.isEmpty {
                r.items += r.items(aspect, from: entries)
            } else if let (_, table) = r.firstTable(in: range) {
                if table.records().isEmpty {
                    r.warn(aspect, "the section 「\(outline.blocks[h].text)」 has a table with no rows", line: outline.blocks[h].firstLine)
                }
                for (n, rec) in table.records().enumerated() {
                    let (label, _) = r.cellLabel(rec.row[0])
                    r.items.append(r.item(aspect, n + 1, label: label, description: rec.column(1).joined(separator: "\n"), lines: rec.lines))
                }
            } else if !r.noteLostFigure(aspect, in: range) {
                r.warn(aspect, "the section 「\(outline.blocks[h].text)」 has no enumerated items or table", line: outline.blocks[h].firstLine)
            }
        }
        if r.items.isEmpty {
            r.warn(nil, "no structure of a collaboration guideline was recognised: no definition, principles, forms, partners or process")
        }
        return r.guideline(reader: name, title: outline.blocks.first(where: \.isParagraph)?.text)
    }
}
