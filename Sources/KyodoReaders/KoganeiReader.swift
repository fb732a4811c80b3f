import KyodoModel
import KyodoText

/// Reads the layout of 小金井市協働推進基本指針: chapters (第N章), sections (⑴), circled
/// principles with descriptions, forms named in prose, a closing list of partner examples.
public struct KoganeiReader: GuidelineReader {
    public init() {}
    public let name = "koganei"
    public let summary = "Koganei guideline: 第N章 chapters, ⑴ sections, ① principles, forms in prose"

    public func detect(_ outline: Outline) -> Int {
        let title = outline.blocks.first?.text ?? ""
        var score = title.includes("小金井市") ? 60 : 0
        if outline.blocks.contains(where: { if case .chapter = $0.marker { true } else { false } }) { score += 20 }
        if outline.blocks.prefix(3).contains(where: { $0.text.includes("基本指針") }) { score += 10 }
        return score
    }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        for block in outline.blocks.prefix(12) where block.isParagraph {
            r.dates += DateFinder.inSentences(of: block, source: outline.source)
        }
        readDefinition(&r)
        if let h = r.marked(["協働の原則", "基本原則"]) {
            r.items += r.items(.principles, from: r.enumeration(in: r.sectionRange(h)) { if case .circled = $0 { true } else { false } })
        } else {
            r.absent(.principles, "no section headed 協働の原則 was found")
        }
        if let h = r.marked(["対象となる活動"]) {
            r.items += r.items(.activities, from: r.enumeration(in: r.sectionRange(h)) { $0 == .bullet })
        }
        readForms(&r)
        readPartners(&r)
        if let h = r.marked(["環境整備"], where: { if case .chapter = $0.marker { true } else { false } }) {
            r.items += r.items(.measures, from: r.enumeration(in: r.sectionRange(h)) { if case .parenthesized = $0 { true } else { false } })
        }
        if !r.items.contains(where: { $0.aspect == .processes }) {
            r.absent(.processes, "the document sets out no process or steps for collaboration")
        }
        return r.guideline(reader: name, title: outline.blocks.first?.text)
    }

    private func readDefinition(_ r: inout Reading) {
        if !r.readDefinitionSentence() {
            let aims = r.marked(["理念"]).map { " (its aims are stated under 「\(r.blocks[$0].text)」, line \(r.blocks[$0].firstLine))" } ?? ""
            r.absent(.definition, "the document states no definition of 協働\(aims)")
        }
    }

    /// Forms named in a sentence of the 協働の形態 section (…後援、共催、委託…などがあります).
    private func readForms(_ r: inout Reading) {
        guard let h = r.marked(["協働の形態"]) else { r.absent(.forms, "no section headed 協働の形態 was found"); return }
        let range = r.sectionRange(h)
        for i in range where r.blocks[i].isParagraph {
            let block = r.blocks[i]
            for sentence in InlineList.sentences(block.text) {
                guard let names = InlineList.items(in: sentence) else { continue }
                let sentenceStart = block.lines(of: sentence).lowerBound
                for (n, name) in names.enumerated() {
                    // The name's own line: its first occurrence at or after the sentence.
                    let at = block.lines(of: name)
                    let lines = at.lowerBound >= sentenceStart ? at : sentenceStart...sentenceStart
                    r.items.append(r.item(.forms, n + 1, label: name, attributes: [Attribute("記述", "本文中の列挙")], lines: lines))
                }
                let limits = r.text(of: Array(r.blocks[range])).includes("限定して")
                r.findings.append(Finding(.notExhaustive, aspect: .forms,
                                          "the forms are named in prose as examples (…など)" + (limits ? "; the text says it does not limit itself to them" : ""),
                                          span: r.outline.span(block.firstLine, block.lastLine)))
                return
            }
        }
        r.absent(.forms, "the section 協働の形態 names no forms", line: r.blocks[h].firstLine)
    }

    private func readPartners(_ r: inout Reading) {
        guard let h = r.titleParagraph(["の例"]) else { r.absent(.partners, "no list of partner examples was found"); return }
        var ordinal = 0
        for i in (h + 1)..<r.blocks.count {
            let b = r.blocks[i]
            guard b.isParagraph, b.text.count <= 60, !b.text.includes("。") else { break }
            ordinal += 1
            var label = b.text
            var examples = ""
            if let open = b.text.firstIndex(where: { $0 == "（" || $0 == "(" }) {
                label = String(b.text[..<open])
                examples = String(b.text[b.text.index(after: open)...]).trimmingCharacters(in: "）)")
            }
            r.items.append(r.item(.partners, ordinal, label: label, description: examples, lines: b.firstLine...b.lastLine))
        }
        if ordinal > 0, r.items.contains(where: { $0.aspect == .partners && $0.description.includes("など") }) {
            r.findings.append(Finding(.notExhaustive, aspect: .partners, "partner categories are given as examples (…など)",
                                      span: r.outline.span(r.blocks[h].firstLine, r.blocks[h].lastLine)))
        }
    }
}
