import KyodoModel
import KyodoText

/// Reads the layout of 日野市's guideline for collaboration with NPOs: a table of contents,
/// numbered chapters (`1.`), parenthesised sections whose titles hold `見出し～考え方`, circled
/// sub-items, definitions headed `…の定義`.
public struct HinoReader: GuidelineReader {
    public init() {}
    public let name = "hino"
    public let summary = "Hino guideline: 1. chapters, (1) sections with ～ ideas, ① sub-items, …の定義 headings"

    public func detect(_ outline: Outline) -> Int {
        var score = 0
        if outline.blocks.prefix(8).contains(where: { $0.text.includes("日野市") }) { score += 40 }
        let tilde = outline.blocks.filter { b in b.marker.map { if case .parenthesized = $0 { true } else { false } } ?? false && b.text.includes("～") }
        if tilde.count >= 3 { score += 30 }
        if outline.blocks.contains(where: { $0.text.hasByteSuffix("の定義") }) { score += 10 }
        return score
    }

    private static func isParenthesized(_ m: Marker) -> Bool { if case .parenthesized = m { true } else { false } }
    private static func isCircled(_ m: Marker) -> Bool { if case .circled = m { true } else { false } }
    private static func isNumbered(_ b: Block) -> Bool { if case .numbered = b.marker { !b.bulleted } else { false } }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        var seen = Set<String>()
        for d in DateFinder.standalone(in: outline.source, lines: 1...max(1, outline.source.lineCount)) where seen.insert(d.iso + d.role.rawValue).inserted {
            r.dates.append(d)
        }
        readDefinitions(&r)
        if let h = r.marked(["基本的な考え方", "原則"], where: Self.isNumbered) {
            for (n, e) in r.enumeration(in: r.sectionRange(h), style: Self.isParenthesized).enumerated() {
                let parts = e.block.text.split(separator: "～", maxSplits: 1).map { String($0).trimmedSpaces() }
                var attributes = [Attribute("見出し", parts.first ?? "")]
                if parts.count == 2 { attributes.append(Attribute("考え方", parts[1])) }
                r.items.append(r.item(.principles, n + 1, label: e.block.text, description: r.text(of: e.body),
                                      attributes: attributes, lines: e.block.firstLine...e.lastLine))
            }
        } else {
            r.absent(.principles, "no chapter on basic ideas (基本的な考え方) was found")
        }
        if let h = r.marked(["進め方"], where: Self.isNumbered) {
            for (n, group) in r.enumeration(in: r.sectionRange(h), style: Self.isParenthesized).enumerated() {
                let bodyRange = (group.index + 1)..<(group.index + 1 + group.body.count)
                let steps = r.items(.processes, from: r.enumeration(in: bodyRange, style: Self.isCircled))
                let intro = group.body.prefix { $0.marker == nil || $0.bulleted }
                r.items.append(r.item(.processes, n + 1, label: group.block.text, description: r.text(of: Array(intro)),
                                      children: steps, lines: group.block.firstLine...group.lastLine))
            }
        } else {
            r.absent(.processes, "no chapter on how collaboration proceeds (進め方) was found")
        }
        r.absent(.partners, "the document defines 市民活動団体 but lists no partner types")
        return r.guideline(reader: name, title: outline.blocks.first(where: \.isParagraph)?.text)
    }

    /// `(N) Xの定義` sections give definitions; a `…の形態` section without a list gives a lost-figure finding.
    private func readDefinitions(_ r: inout Reading) {
        guard let h = r.marked(["とは"], where: Self.isNumbered) else {
            r.absent(.definition, "no chapter of definitions (…とは) was found"); return
        }
        var ordinal = 0
        var formsSeen = false
        for e in r.enumeration(in: r.sectionRange(h), style: Self.isParenthesized) {
            if e.block.text.hasSuffix("の定義") {
                ordinal += 1
                let term = String(e.block.text.dropLast("の定義".count))
                r.items.append(r.item(.definition, ordinal, label: term, description: r.text(of: e.body), lines: e.block.firstLine...e.lastLine))
            } else if e.block.text.includes("形態") {
                formsSeen = true
                let range = (e.index + 1)..<(e.index + 1 + e.body.count)
                let listed = r.enumeration(in: range)
                if listed.isEmpty {
                    if !r.noteLostFigure(.forms, in: range) {
                        r.absent(.forms, "the section 「\(e.block.text)」 lists no forms", line: e.block.firstLine)
                    }
                } else {
                    r.items += r.items(.forms, from: listed)
                }
            }
        }
        if !formsSeen { r.absent(.forms, "no section on forms of collaboration was found") }
    }
}
