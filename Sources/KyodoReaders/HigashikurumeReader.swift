import KyodoModel
import KyodoText

/// Reads the layout of 東久留米市's pamphlet on its 協働の指針: sections between `●●●`
/// ornaments, `- (1)` lists of principles (視点) and forms, numbered promotion measures,
/// example projects whose names are wrapped over several short lines.
public struct HigashikurumeReader: GuidelineReader {
    public init() {}
    public let name = "higashikurume"
    public let summary = "Higashikurume pamphlet: ●●● sections, - (1) lists, numbered measures, example projects"

    public func detect(_ outline: Outline) -> Int {
        let ornaments = outline.blocks.filter { $0.marker == .ornamented }.count
        var score = ornaments >= 2 ? 60 : 0
        if outline.blocks.contains(where: { $0.text.includes("東久留米") }) { score += 20 }
        return score
    }

    private static func isParenthesized(_ m: Marker) -> Bool { if case .parenthesized = m { true } else { false } }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        var title: String?
        for block in outline.blocks where block.isParagraph {
            let found = DateFinder.inSentences(of: block, source: outline.source)
            if !found.isEmpty, title == nil, let open = block.text.firstIndex(of: "「"), let close = block.text.firstIndex(of: "」"), open < close {
                title = String(block.text[block.text.index(after: open)..<close])
            }
            r.dates += found.filter { d in !r.dates.contains { $0.iso == d.iso && $0.role == d.role } }
        }
        readDefinition(&r)
        readList(&r, .principles, cues: ["視点", "原則"])
        readList(&r, .forms, cues: ["形態"])
        readMeasures(&r)
        readProjects(&r)
        readPartners(&r)
        if let h = r.marked(["進め方", "プロセス"], where: { $0.marker == .ornamented }) {
            let range = r.sectionRange(h)
            let entries = r.enumeration(in: range)
            if entries.isEmpty, !r.noteLostFigure(.processes, in: range) {
                r.absent(.processes, "the section 「\(r.blocks[h].text)」 lists no steps", line: r.blocks[h].firstLine)
            }
            r.items += r.items(.processes, from: entries)
        } else {
            r.absent(.processes, "no section on how collaboration proceeds was found")
        }
        return r.guideline(reader: name, title: title)
    }

    private func readDefinition(_ r: inout Reading) {
        if !r.readDefinitionSentence() { r.absent(.definition, "no sentence beginning 協働とは was found") }
    }

    private func readList(_ r: inout Reading, _ aspect: Aspect, cues: [String]) {
        guard let h = r.marked(cues, where: { $0.marker == .ornamented }) else {
            r.absent(aspect, "no section headed with \(cues.joined(separator: "/")) was found"); return
        }
        let range = r.sectionRange(h)
        let entries = r.enumeration(in: range, style: Self.isParenthesized)
        r.items += r.items(aspect, from: entries)
        let announcing = ([r.blocks[h]] + range.map { r.blocks[$0] }.filter(\.isParagraph)).map(\.text).joined(separator: "\n")
        r.checkAnnounced(aspect, in: announcing, found: entries.count, line: r.blocks[h].firstLine)
    }

    private func readMeasures(_ r: inout Reading) {
        guard let start = r.outline.firstIndex(where: { if case .numbered = $0.marker { !$0.bulleted } else { false } }) else { return }
        let entries = r.enumeration(in: start..<r.blocks.count) { if case .numbered = $0 { true } else { false } }
        let heading = (0..<start).reversed().first { r.blocks[$0].isTitleLike }.map { r.blocks[$0].text }
        r.items += r.items(.measures, from: entries).map { item in
            var item = item
            if let heading { item.attributes.append(Attribute("見出し", heading)) }
            return item
        }
    }

    /// Example projects: after a sentence introducing them (…紹介します), pairs of a short name
    /// (wrapped over lines) and a description, up to a paragraph beginning その他 or a title.
    private func readProjects(_ r: inout Reading) {
        guard let intro = r.outline.firstIndex(where: { $0.isParagraph && $0.text.includes("紹介します") }) else { return }
        let year = EraDate.find(in: r.blocks[intro].text).first
        var i = intro + 1
        var ordinal = 0
        while i + 1 < r.blocks.count {
            let name = r.blocks[i], body = r.blocks[i + 1]
            guard name.isParagraph, name.isTitleLike, body.isParagraph, !body.isTitleLike, !name.text.hasPrefix("その他") else { break }
            ordinal += 1
            var attributes: [Attribute] = []
            if let year { attributes.append(Attribute("年度", year.text)) }
            r.items.append(r.item(.projects, ordinal, label: name.text, description: body.text, attributes: attributes,
                                  lines: name.firstLine...body.lastLine))
            i += 2
        }
    }

    /// Partners named in prose: `市民・市民活動団体や企業、行政など、様々な協働の担い手`.
    private func readPartners(_ r: inout Reading) {
        for block in r.blocks where block.isParagraph {
            for sentence in InlineList.sentences(block.text) where sentence.includes("担い手") {
                guard let nado = sentence.range(of: "など"), sentence[nado.upperBound...].includes("担い手"),
                      let names = InlineList.items(in: sentence) else { continue }
                for (n, name) in names.enumerated() {
                    let lines = block.lines(of: name)
                    r.items.append(r.item(.partners, n + 1, label: name, attributes: [Attribute("記述", "本文中の列挙")], lines: lines))
                }
                r.findings.append(Finding(.notExhaustive, aspect: .partners, "partners are named in prose as examples (…など)",
                                          span: r.outline.span(block.firstLine, block.lastLine)))
                return
            }
        }
        r.absent(.partners, "the document lists no partner types")
    }
}
