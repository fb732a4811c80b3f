import KyodoModel
import KyodoText

/// Reads the layout of 小平市's 協働推進のためのハンドブック: `◆` parts, `(N)` sections with
/// tab tables (principles with the city's stance, forms, partners), a six-step process with
/// tables of points, a three-stage check sheet, two programmes described field by field, and
/// appendices ending in a numbered table of collaboration projects.
public struct KodairaHandbookReader: GuidelineReader {
    public init() {}
    public let name = "kodaira-handbook"
    public let summary = "Kodaira handbook: ◆ parts, tables of principles/forms/partners, process, check sheet, programmes, project table"

    public func detect(_ outline: Outline) -> Int {
        var score = 0
        if outline.blocks.prefix(4).contains(where: { $0.text.includes("ハンドブック") }) { score += 50 }
        if outline.blocks.contains(where: { $0.marker == .diamond }) { score += 20 }
        if outline.blocks.prefix(12).contains(where: { $0.text.includes("小平市") }) { score += 20 }
        return score
    }

    private static func isParenthesized(_ m: Marker) -> Bool { if case .parenthesized = m { true } else { false } }

    public func read(_ outline: Outline, document: Document) -> Guideline {
        var r = Reading(outline, document)
        let blocks = outline.blocks
        let firstPart = blocks.firstIndex { $0.marker == .diamond } ?? blocks.count
        readDates(&r, before: firstPart)
        readDefinition(&r)
        readTableSection(&r, .partners, cues: ["パートナー"])
        readTableSection(&r, .principles, cues: ["協働の原則"], headerCue: "原則")
        readTableSection(&r, .forms, cues: ["協働の形態"], headerCue: "形")
        noteFormsInProse(&r)
        readProcess(&r)
        readCheckSheet(&r)
        readProgrammes(&r)
        readProjectTable(&r)
        let title = blocks.prefix(3).filter(\.isParagraph).map(\.text).prefix { !$0.includes("小平市") || $0.includes("ハンドブック") }
        return r.guideline(reader: name, title: title.joined())
    }

    /// Dates on lines of their own before the first part: the first is the publication,
    /// one that closes the foreword (はじめに) is the foreword's.
    private func readDates(_ r: inout Reading, before part: Int) {
        let last = part < r.blocks.count ? r.blocks[part].firstLine - 1 : r.outline.source.lineCount
        let foreword = r.blocks.prefix(part).first { $0.isParagraph && $0.text == "はじめに" }?.firstLine ?? Int.max
        r.dates = DateFinder.standalone(in: r.outline.source, lines: 1...max(1, last)).map { d in
            var d = d
            if d.span.firstLine > foreword { d.role = .foreword }
            return d
        }
    }

    /// The definition stands under a title line ending in とは.
    private func readDefinition(_ r: inout Reading) {
        guard let t = r.outline.firstIndex(where: { $0.isParagraph && $0.isTitleLike && $0.text.hasSuffix("とは") }),
              t + 1 < r.blocks.count, r.blocks[t + 1].isParagraph else {
            r.absent(.definition, "no title ending in とは followed by a definition was found"); return
        }
        let term = String(r.blocks[t].text.dropLast(2))
        let b = r.blocks[t + 1]
        r.items.append(r.item(.definition, 1, label: term, description: b.text, lines: r.blocks[t].firstLine...b.lastLine))
    }

    /// A `(N)` section holding a table: one item per record, label from the first column
    /// (its `①` marker read as the ordinal), description from the second.
    private func readTableSection(_ r: inout Reading, _ aspect: Aspect, cues: [String], headerCue: String? = nil) {
        guard let h = r.marked(cues, where: { $0.marker.map(Self.isParenthesized) ?? false }),
              let (_, table) = r.firstTable(in: r.sectionRange(h), where: { t in headerCue.map { c in t.header?[0].contains(c) ?? false } ?? true })
        else { r.absent(aspect, "no (N) section with a table headed \(cues.joined(separator: "/")) was found"); return }
        let header = table.header?.cells ?? []
        for (n, rec) in table.records().enumerated() {
            let (label, _) = r.cellLabel(rec.row[0])
            var attributes: [Attribute] = []
            if header.count > 1, aspect == .principles { attributes.append(Attribute(header[1], rec.column(1).joined(separator: "\n"))) }
            r.items.append(r.item(aspect, n + 1, label: label, description: rec.column(1).joined(separator: "\n"),
                                  attributes: attributes, lines: rec.lines))
        }
    }

    /// The forms section's prose may name forms its table does not hold.
    private func noteFormsInProse(_ r: inout Reading) {
        guard let h = r.marked(["協働の形態"], where: { $0.marker.map(Self.isParenthesized) ?? false }) else { return }
        let tableKeys = Set(r.items.filter { $0.aspect == .forms }.map(\.normalizedLabel))
        for i in r.sectionRange(h) where r.blocks[i].isParagraph {
            for sentence in InlineList.sentences(r.blocks[i].text) {
                guard let names = InlineList.items(in: sentence) else { continue }
                let extra = names.filter { name in
                    let key = Normalizer.labelKey(name)
                    return !tableKeys.contains { $0.includes(key) || key.includes($0) }
                }
                if !extra.isEmpty {
                    r.findings.append(Finding(.notExhaustive, aspect: .forms,
                                              "the prose also names forms the table does not hold: " + extra.joined(separator: "、"),
                                              span: r.outline.span(r.blocks[i].firstLine, r.blocks[i].lastLine)))
                }
            }
        }
    }

    /// The numbered chapter on how to proceed: `(N)` steps, each with a purpose line, prose,
    /// and a table of points whose records become the step's children.
    private func readProcess(_ r: inout Reading) {
        guard let h = r.marked(["進め方"], where: { if case .numbered = $0.marker { true } else { false } }) else {
            r.absent(.processes, "no numbered chapter on how to proceed (進め方) was found"); return
        }
        for (n, step) in r.enumeration(in: r.sectionRange(h), style: Self.isParenthesized).enumerated() {
            var attributes: [Attribute] = []
            var prose: [Block] = []
            var children: [Item] = []
            for b in step.body {
                if let table = b.table, let header = table.header {
                    for rec in table.records() {
                        children.append(r.item(.processes, children.count + 1, label: rec.row[0], description: rec.column(1).joined(separator: "\n"),
                                               attributes: [Attribute("種別", header[0])], lines: rec.lines))
                    }
                } else if b.isParagraph, b.isTitleLike, attributes.isEmpty, prose.isEmpty {
                    attributes.append(Attribute("目的", b.text))
                } else if b.marker == .bracketed {
                    break
                } else {
                    prose.append(b)
                }
            }
            r.items.append(r.item(.processes, n + 1, label: step.block.text, description: r.text(of: prose),
                                  attributes: attributes, children: children, lines: step.block.firstLine...step.lastLine))
        }
    }

    /// The check sheet: Roman-numbered stages after its title, each with a table of checks.
    private func readCheckSheet(_ r: inout Reading) {
        guard let t = r.outline.firstIndex(where: { $0.isParagraph && $0.isTitleLike && $0.text.includes("チェックシート") }) else { return }
        let stop = r.outline.firstIndex(from: t) { b in if case .numbered = b.marker { !b.bulleted } else { false } } ?? r.blocks.count
        let stages = r.enumeration(in: t..<stop) { if case .roman = $0 { true } else { false } }
        for (n, stage) in stages.enumerated() {
            var children: [Item] = []
            for b in stage.body {
                guard let table = b.table else { continue }
                let contentColumn = table.header?.cells.firstIndex { $0.includes("内容") } ?? 1
                for rec in table.records() {
                    let ordinal = Int(rec.row[0]) ?? children.count + 1
                    children.append(r.item(.checks, ordinal, label: rec.row[contentColumn], lines: rec.lines))
                }
            }
            r.items.append(r.item(.checks, n + 1, label: stage.block.text, attributes: [Attribute("表", r.blocks[t].text)],
                                  children: children, lines: stage.block.firstLine...stage.lastLine))
        }
        let announcing = r.blocks[t..<stop].filter { $0.text.includes("段階") }.map(\.text).joined()
        r.checkAnnounced(.checks, in: announcing, found: stages.count, line: r.blocks[t].firstLine)
    }

    /// The programmes: `(N)` sections under the chapter after the check sheet, each described
    /// by title lines (事業の目的, 応募できる団体…) with their text, and a 【A→B→C】 flow.
    private func readProgrammes(_ r: inout Reading) {
        guard let sheet = r.outline.firstIndex(where: { $0.isParagraph && $0.text.includes("チェックシート") }),
              let h = r.outline.firstIndex(from: sheet, where: { b in if case .numbered = b.marker { !b.bulleted } else { false } })
        else { return }
        for (n, programme) in r.enumeration(in: r.sectionRange(h), endsAtTitle: false, style: Self.isParenthesized).enumerated() {
            var fields = Fields()
            var children: [Item] = []
            for b in programme.body {
                if b.marker == .bracketed, b.text.includes("→") {
                    fields.close()
                    fields.attributes.append(Attribute("流れ", b.text))
                    for (k, step) in b.text.split(separator: "→").enumerated() {
                        children.append(r.item(.programmes, k + 1, label: String(step).trimmedSpaces(), attributes: [Attribute("種別", "流れ")],
                                               lines: b.firstLine...b.lastLine))
                    }
                } else if isFieldTitle(b) || b.marker == .angled {
                    fields.open(b.text)
                } else if b.table == nil {
                    fields.value.append(b.bulleted ? "・" + b.text : (b.marker?.number.map { "\($0). " } ?? "") + b.text)
                }
            }
            fields.close()
            let attributes = fields.attributes
            r.items.append(r.item(.programmes, n + 1, label: programme.block.text, attributes: attributes, children: children,
                                  lines: programme.block.firstLine...programme.lastLine))
        }
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

    /// A line naming a field of a programme (事業の目的, 応募できる団体): a short title with no
    /// digits, commas or brackets — values (上限100万円（消費税込）, 6月～7月下旬) have them.
    private func isFieldTitle(_ b: Block) -> Bool {
        b.isParagraph && b.isTitleLike && b.text.count <= 15
            && !b.text.contains(where: { $0.isNumber || "、，,（()）～~".contains($0) })
    }

    /// The project table of the last appendix: numbered rows (department, project, partner(s),
    /// form) split over several tables that repeat the header; continuation lines join their row.
    private func readProjectTable(_ r: inout Reading) {
        var ordinal = 0
        var lastNumber = 0
        for block in r.blocks {
            guard let table = block.table, let header = table.header,
                  let formColumn = header.cells.firstIndex(where: { $0.includes("協働形態") || $0.includes("形態") }),
                  let nameColumn = header.cells.firstIndex(where: { $0.includes("事業名") }) else { continue }
            let numbered = header[0].isEmpty  // a first header cell left empty heads the row numbers
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
                func column(_ header: Int) -> [String] { rec.column(header).filter { !$0.isEmpty } }
                let partnerColumn = header.cells.firstIndex { $0.includes("相手") }
                let deptColumn = header.cells.firstIndex { $0.includes("課名") }
                ordinal += 1
                if let number, number != lastNumber + 1 {
                    r.warn(.projects, "project table: row \(number) follows row \(lastNumber)", line: rec.row.line)
                }
                lastNumber = number ?? lastNumber + 1
                var attributes: [Attribute] = []
                if let number { attributes.append(Attribute("番号", String(number))) }
                if let deptColumn { attributes.append(Attribute(header[deptColumn], cells[safe: deptColumn - shift] ?? "")) }
                if let partnerColumn { attributes.append(Attribute(header[partnerColumn], column(partnerColumn).joined(separator: "\n"))) }
                attributes.append(Attribute(header[formColumn], column(formColumn).joined(separator: "\n")))
                r.items.append(r.item(.projects, ordinal, label: cells[safe: nameColumn - shift] ?? "", attributes: attributes, lines: rec.lines))
            }
        }
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
