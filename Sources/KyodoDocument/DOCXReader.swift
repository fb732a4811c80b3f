import CLibXML2
import Foundation
import KyodoText

/// Reads a Word file (DOCX): the ZIP's members through `ZIPMembers` (ZIPFoundation inflates),
/// its document, styles and numbering through libxml2; paragraphs as paragraphs, heading styles (and outline levels) as headings,
/// numbered paragraphs (`w:numPr`) as list items with the marker Word renders for them,
/// tables as tables.
enum DOCXReader {
    /// The most a member may inflate to; a guideline's document.xml is 0.1–5 MB.
    static let memberLimit = 64_000_000

    static func read(_ bytes: [UInt8], path: String, memberLimit: Int = memberLimit) throws -> [MarkupBlock] {
        let zip: ZIPMembers
        do { zip = try ZIPMembers(bytes) } catch let failure as ZIPMembers.Failure { throw error(failure, path: path, limit: memberLimit) }
        func member(_ name: String) throws -> [UInt8]? {
            do { return try zip.data(name, limit: memberLimit) } catch let failure as ZIPMembers.Failure { throw error(failure, path: path, limit: memberLimit) }
        }
        guard let document = try member("word/document.xml") else {
            let has = { zip.members[$0] != nil }
            let kind = has("xl/workbook.xml") ? "an Excel workbook" : has("ppt/presentation.xml") ? "a PowerPoint file"
                : has("content.xml") ? "an OpenDocument file" : "a ZIP archive"
            throw ReadError.notWord(path: path, reason: "\(kind), not a Word document (it holds no word/document.xml); save the guideline as DOCX, PDF or text")
        }
        var reader = Reader(path: path)
        if let styles = try member("word/styles.xml") { try WordXML.parse(styles, member: "word/styles.xml", path: path) { reader.readStyles($0) } }
        if let numbering = try member("word/numbering.xml") { try WordXML.parse(numbering, member: "word/numbering.xml", path: path) { reader.readNumbering($0) } }
        try WordXML.parse(document, member: "word/document.xml", path: path) { try reader.readDocument($0) }
        guard reader.blocks.contains(where: { !$0.lines.isEmpty || $0.kind != .paragraph }) else { throw ReadError.wordNoText(path: path) }
        return reader.blocks
    }

    static func error(_ failure: ZIPMembers.Failure, path: String, limit: Int) -> ReadError {
        switch failure {
        case .damaged(let reason): .zipDamaged(path: path, reason: reason)
        case .tooLarge(let member): .zipTooLarge(path: path, member: member, limit: limit)
        }
    }

    /// The state of reading one document: styles, numbering definitions, list counters.
    struct Reader {
        let path: String
        var blocks: [MarkupBlock] = []

        struct Style {
            var name = ""
            var basedOn: String?
            var outlineLevel: Int?
            var numbering: (id: String, level: Int)?
        }
        var styles: [String: Style] = [:]

        struct Level {
            var format = "decimal"
            var text = "%1."
            var suffix = "tab"
            var start = 1
        }
        /// Abstract numbering id → its levels; numbering id → abstract id and start overrides.
        var abstracts: [String: [Int: Level]] = [:]
        var nums: [String: (abstract: String, starts: [Int: Int])] = [:]
        /// Each numbering's counters, level by level.
        var counters: [String: [Int: Int]] = [:]

        init(path: String) { self.path = path }

        // MARK: Styles and numbering

        mutating func readStyles(_ root: xmlNodePtr) {
            for style in WordXML.children(root, "style") where WordXML.attribute(style, "type") == "paragraph" {
                guard let id = WordXML.attribute(style, "styleId") else { continue }
                var s = Style()
                s.name = WordXML.child(style, "name").flatMap { WordXML.attribute($0, "val") } ?? id
                s.basedOn = WordXML.child(style, "basedOn").flatMap { WordXML.attribute($0, "val") }
                if let pPr = WordXML.child(style, "pPr") {
                    s.outlineLevel = WordXML.child(pPr, "outlineLvl").flatMap { WordXML.attribute($0, "val") }.flatMap { Int($0) }
                    if let numPr = WordXML.child(pPr, "numPr"), let num = WordXML.child(numPr, "numId").flatMap({ WordXML.attribute($0, "val") }) {
                        s.numbering = (num, WordXML.child(numPr, "ilvl").flatMap { WordXML.attribute($0, "val") }.flatMap { Int($0) } ?? 0)
                    }
                }
                styles[id] = s
            }
        }

        mutating func readNumbering(_ root: xmlNodePtr) {
            for abstract in WordXML.children(root, "abstractNum") {
                guard let id = WordXML.attribute(abstract, "abstractNumId") else { continue }
                var levels: [Int: Level] = [:]
                for lvl in WordXML.children(abstract, "lvl") {
                    guard let ilvl = WordXML.attribute(lvl, "ilvl").flatMap({ Int($0) }) else { continue }
                    var level = Level()
                    if let v = WordXML.child(lvl, "numFmt").flatMap({ WordXML.attribute($0, "val") }) { level.format = v }
                    if let v = WordXML.child(lvl, "lvlText").flatMap({ WordXML.attribute($0, "val") }) { level.text = v }
                    if let v = WordXML.child(lvl, "suff").flatMap({ WordXML.attribute($0, "val") }) { level.suffix = v }
                    if let v = WordXML.child(lvl, "start").flatMap({ WordXML.attribute($0, "val") }).flatMap({ Int($0) }) { level.start = v }
                    levels[ilvl] = level
                }
                abstracts[id] = levels
            }
            for num in WordXML.children(root, "num") {
                guard let id = WordXML.attribute(num, "numId"), let abstract = WordXML.child(num, "abstractNumId").flatMap({ WordXML.attribute($0, "val") }) else { continue }
                var starts: [Int: Int] = [:]
                for override in WordXML.children(num, "lvlOverride") {
                    if let ilvl = WordXML.attribute(override, "ilvl").flatMap({ Int($0) }),
                       let start = WordXML.child(override, "startOverride").flatMap({ WordXML.attribute($0, "val") }).flatMap({ Int($0) }) {
                        starts[ilvl] = start
                    }
                }
                nums[id] = (abstract, starts)
            }
        }

        /// A style's property, looked up through the styles it is based on.
        func inherited<T>(_ id: String?, _ property: (Style) -> T?) -> T? {
            var id = id
            var seen = Set<String>()
            while let current = id, let style = styles[current], seen.insert(current).inserted {
                if let value = property(style) { return value }
                id = style.basedOn
            }
            return nil
        }

        /// The heading level of a paragraph style: its outline level, or a name `heading N`
        /// (`見出し N`), `Title` as level 1.
        func headingLevel(_ styleId: String?, outline: Int?) -> Int? {
            if let outline, outline < 9 { return outline + 1 }
            if let level = inherited(styleId, { $0.outlineLevel }), level < 9 { return level + 1 }
            var id = styleId
            var seen = Set<String>()
            while let current = id, let style = styles[current], seen.insert(current).inserted {
                let name = style.name.lowercased()
                for prefix in ["heading", "見出し"] where name.hasPrefix(prefix) {
                    if let n = Int(name.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)), (1...9).contains(n) { return n }
                }
                if name == "title" || name == "表題" { return 1 }
                id = style.basedOn
            }
            return nil
        }

        /// The marker Word renders for the next paragraph of numbering `id` at `level`, the
        /// counters stepped; nil for a numbering that renders none.
        mutating func marker(_ id: String, level: Int) -> String? {
            guard id != "0", let num = nums[id], let levels = abstracts[num.abstract], let lvl = levels[level] else { return nil }
            var counts = counters[id] ?? [:]
            let start = num.starts[level] ?? lvl.start
            counts[level] = (counts[level] ?? start - 1) + 1
            // A deeper level starts again under a new item.
            for deeper in counts.keys where deeper > level { counts[deeper] = nil }
            counters[id] = counts
            if lvl.format == "none" { return nil }
            if lvl.format == "bullet" { return "・" }
            var text = lvl.text
            for k in (1...9).reversed() where text.contains("%\(k)") {
                let l = k - 1
                let format = levels[l]?.format ?? "decimal"
                let value = counts[l] ?? (num.starts[l] ?? levels[l]?.start ?? 1)
                text = text.replacingOccurrences(of: "%\(k)", with: Self.render(value, format: format))
            }
            let suffix = lvl.suffix == "nothing" ? "" : lvl.suffix == "space" ? " " : "　"
            return text.trimmedSpaces().isEmpty ? nil : text + suffix
        }

        static func render(_ n: Int, format: String) -> String {
            let fullWidth = { (s: String) in String(String.UnicodeScalarView(s.unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 })) }
            let aiueo = Array("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
            let iroha = Array("イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス")
            let kanji = Array("〇一二三四五六七八九")
            switch format {
            case "decimalFullWidth", "decimalFullWidth2": return fullWidth(String(n))
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": return (1...20).contains(n) ? String(Unicode.Scalar(0x2460 + n - 1)!) : "(\(n))"
            case "decimalEnclosedParen": return (1...20).contains(n) ? String(Unicode.Scalar(0x2474 + n - 1)!) : "(\(n))"
            case "aiueoFullWidth", "aiueo": return n >= 1 && n <= aiueo.count ? String(aiueo[n - 1]) : String(n)
            case "iroha", "irohaFullWidth": return n >= 1 && n <= iroha.count ? String(iroha[n - 1]) : String(n)
            case "lowerLetter": return n >= 1 && n <= 26 ? String(Unicode.Scalar(0x60 + n)!) : String(n)
            case "upperLetter": return n >= 1 && n <= 26 ? String(Unicode.Scalar(0x40 + n)!) : String(n)
            case "lowerRoman", "upperRoman":
                let numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
                var rest = min(max(n, 1), 39), out = ""
                for (value, digits) in numerals { while rest >= value { out += digits; rest -= value } }
                return format == "upperRoman" ? out.uppercased() : out
            case "japaneseCounting", "ideographDigital", "chineseCounting", "japaneseDigitalTenThousand":
                if n >= 1 && n <= 9 { return String(kanji[n]) }
                if n >= 10 && n <= 99 { return (n / 10 > 1 ? String(kanji[n / 10]) : "") + "十" + (n % 10 > 0 ? String(kanji[n % 10]) : "") }
                return String(n)
            default: return String(n)
            }
        }

        // MARK: The document

        mutating func readDocument(_ root: xmlNodePtr) throws {
            guard let body = WordXML.child(root, "body") else { return }
            try content(body, depth: 1)
            blocks = Self.tabbedTables(blocks)
        }

        /// Two paragraphs or more in a row, each one line parted by tabs (`委託<tab>市の事業を…`),
        /// are a table set with tab stops; a lone one is a line with spaces for its tabs.
        static func tabbedTables(_ blocks: [MarkupBlock]) -> [MarkupBlock] {
            func isRow(_ b: MarkupBlock) -> Bool { b.kind == .paragraph && b.lines.count == 1 && b.lines[0].contains("\t") }
            var out: [MarkupBlock] = []
            var k = 0
            while k < blocks.count {
                var e = k
                while e < blocks.count, isRow(blocks[e]) { e += 1 }
                if e - k >= 2 {
                    out.append(MarkupBlock(kind: .table(blocks[k..<e].map { $0.lines[0].split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() } }), lines: []))
                    k = e
                    continue
                }
                var block = blocks[k]
                block.lines = block.lines.map { $0.replacingOccurrences(of: "\t", with: "　") }
                out.append(block)
                k += 1
            }
            return out
        }

        /// Block content: paragraphs, tables, content controls and inserted text holding them.
        mutating func content(_ node: xmlNodePtr, depth: Int) throws {
            guard depth <= WordXML.depthLimit else { throw ReadError.tooDeep(path: path, format: "Word document", limit: WordXML.depthLimit) }
            for child in WordXML.elements(node) {
                switch WordXML.name(child) {
                case "p": try paragraph(child, depth: depth + 1)
                case "tbl": try table(child, depth: depth + 1)
                case "sdt": if let inner = WordXML.child(child, "sdtContent") { try content(inner, depth: depth + 1) }
                case "customXml", "ins", "smartTag": try content(child, depth: depth + 1)
                default: break
                }
            }
        }

        mutating func paragraph(_ p: xmlNodePtr, depth: Int) throws {
            let pPr = WordXML.child(p, "pPr")
            let styleId = pPr.flatMap { WordXML.child($0, "pStyle") }.flatMap { WordXML.attribute($0, "val") }
            let outline = pPr.flatMap { WordXML.child($0, "outlineLvl") }.flatMap { WordXML.attribute($0, "val") }.flatMap { Int($0) }
            var lines = [""]
            try runs(p, into: &lines, depth: depth)
            lines = lines.map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
            // Numbering stated on the paragraph, else by its style (a numbered heading style).
            var numbering: (id: String, level: Int)?
            if let numPr = pPr.flatMap({ WordXML.child($0, "numPr") }) {
                let id = WordXML.child(numPr, "numId").flatMap { WordXML.attribute($0, "val") }
                let level = WordXML.child(numPr, "ilvl").flatMap { WordXML.attribute($0, "val") }.flatMap { Int($0) }
                if let id { numbering = (id, level ?? inherited(styleId, { $0.numbering?.level }) ?? 0) }
            } else if let styled = inherited(styleId, { $0.numbering }) {
                numbering = styled
            }
            guard !lines.isEmpty else { return }  // (an empty paragraph steps no counter)
            let rendered = numbering.flatMap { marker($0.id, level: min(max($0.level, 0), 8)) }
            if let level = headingLevel(styleId, outline: outline) {
                blocks.append(MarkupBlock(kind: .heading(level), lines: [(rendered ?? "") + lines.joined(separator: " ")]))
            } else if let numbering, numbering.id != "0" {
                blocks.append(MarkupBlock(kind: .item(depth: min(max(numbering.level, 0), 8) + 1, marker: rendered), lines: lines))
            } else {
                blocks.append(MarkupBlock(kind: .paragraph, lines: lines))
            }
        }

        /// The text of a paragraph's runs: `w:t`, tabs, breaks; deleted and hidden text,
        /// field codes and the alternatives of drawings skipped.
        func runs(_ node: xmlNodePtr, into lines: inout [String], depth: Int) throws {
            guard depth <= WordXML.depthLimit else { throw ReadError.tooDeep(path: path, format: "Word document", limit: WordXML.depthLimit) }
            for child in WordXML.elements(node) {
                switch WordXML.name(child) {
                case "t": lines[lines.count - 1] += WordXML.text(child)
                // A tab after text parts columns (a table set with tab stops); before any, it indents.
                case "tab", "ptab": lines[lines.count - 1] += lines[lines.count - 1].trimmedSpaces().isEmpty ? "　" : "\t"
                case "br":
                    // A page or column break parts nothing in the text; a line break does.
                    if WordXML.attribute(child, "type").map({ $0 == "textWrapping" }) ?? true { lines.append("") }
                case "cr": lines.append("")
                case "noBreakHyphen": lines[lines.count - 1] += "-"
                case "r":
                    if let rPr = WordXML.child(child, "rPr"), let vanish = WordXML.child(rPr, "vanish"),
                       WordXML.attribute(vanish, "val").map({ $0 != "0" && $0 != "false" }) ?? true { continue }
                    try runs(child, into: &lines, depth: depth + 1)
                case "pPr", "rPr", "del", "delText", "instrText", "fldData", "moveFrom", "footnoteReference", "endnoteReference", "commentReference":
                    continue
                case "AlternateContent":
                    // The first alternative only: the others say the same again.
                    if let choice = WordXML.elements(child).first { try runs(choice, into: &lines, depth: depth + 1) }
                default:
                    try runs(child, into: &lines, depth: depth + 1)
                }
            }
        }

        mutating func table(_ tbl: xmlNodePtr, depth: Int) throws {
            var grid: [[String]] = []
            for tr in WordXML.elements(tbl) where WordXML.name(tr) == "tr" {
                var cells: [String] = []
                for tc in WordXML.elements(tr) where WordXML.name(tc) == "tc" {
                    let tcPr = WordXML.child(tc, "tcPr")
                    let span = min(max(tcPr.flatMap { WordXML.child($0, "gridSpan") }.flatMap { WordXML.attribute($0, "val") }.flatMap { Int($0) } ?? 1, 1), 100)
                    // A cell merged into the one above (`w:vMerge` without `restart`) is blank.
                    let merged = tcPr.flatMap { WordXML.child($0, "vMerge") }.map { WordXML.attribute($0, "val") != "restart" } ?? false
                    cells.append(merged ? "" : try cellText(tc, depth: depth + 1))
                    for _ in 1..<span { cells.append("") }
                }
                grid.append(cells)
            }
            blocks.append(MarkupBlock(kind: .table(grid), lines: []))
        }

        /// A cell's paragraphs on one line, spaces between, a numbered one after `・`.
        func cellText(_ tc: xmlNodePtr, depth: Int) throws -> String {
            guard depth <= WordXML.depthLimit else { throw ReadError.tooDeep(path: path, format: "Word document", limit: WordXML.depthLimit) }
            var parts: [String] = []
            for child in WordXML.elements(tc) {
                switch WordXML.name(child) {
                case "p":
                    var lines = [""]
                    try runs(child, into: &lines, depth: depth + 1)
                    let text = lines.map { $0.trimmedSpaces() }.filter { !$0.isEmpty }.joined(separator: " ")
                    guard !text.isEmpty else { continue }
                    let numbered = WordXML.child(child, "pPr").flatMap { WordXML.child($0, "numPr") } != nil
                    parts.append(numbered && MarkerScanner.scan(text) == nil ? "・" + text : text)
                case "tbl", "sdt", "sdtContent", "customXml":
                    let inner = try cellText(child, depth: depth + 1)
                    if !inner.isEmpty { parts.append(inner) }
                case "tr", "tc":
                    let inner = try cellText(child, depth: depth + 1)
                    if !inner.isEmpty { parts.append(inner) }
                default: break
                }
            }
            return parts.joined(separator: " ")
        }
    }
}

/// libxml2's XML reader for a Word file's members: no network, no DTD loaded, no entity
/// expanded; every node pointer lives only inside `parse`'s body.
enum WordXML {
    /// How deep elements may nest: a Word document nests 10 to 30 deep.
    static let depthLimit = 200

    static func parse(_ bytes: [UInt8], member: String, path: String, _ body: (xmlNodePtr) throws -> Void) throws {
        guard let context = xmlNewParserCtxt() else { throw ReadError.xmlDamaged(path: path, member: member, line: 0, reason: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let terminated = bytes + [0]
        let parsed: xmlDocPtr? = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(context, chars.baseAddress!, Int32(chars.count - 1), member, nil, options)
            }
        }
        guard let doc = parsed, context.pointee.wellFormed != 0 else {
            if let doc = parsed { xmlFreeDoc(doc) }
            let error = context.pointee.lastError
            let reason = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "cannot be parsed"
            throw ReadError.xmlDamaged(path: path, member: member, line: Int(error.line), reason: reason)
        }
        defer { xmlFreeDoc(doc) }
        // A document type declaration has no place in a Word file: its entities are not read.
        if doc.pointee.intSubset != nil {
            throw ReadError.xmlDamaged(path: path, member: member, line: 1, reason: "a document type declaration, which Word never writes")
        }
        guard let root = xmlDocGetRootElement(doc) else { throw ReadError.xmlDamaged(path: path, member: member, line: 1, reason: "no root element") }
        try body(root)
    }

    /// The local name of an element (`p` of `w:p`).
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The element children.
    static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
            child = current.pointee.next
        }
        return out
    }

    static func children(_ node: xmlNodePtr, _ local: String) -> [xmlNodePtr] {
        elements(node).filter { name($0) == local }
    }

    static func child(_ node: xmlNodePtr, _ local: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, name(current) == local { return current }
            child = current.pointee.next
        }
        return nil
    }

    /// An attribute by its local name, whatever its namespace (`w:val`).
    static func attribute(_ node: xmlNodePtr, _ local: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let n = current.pointee.name, String(cString: n) == local {
                guard let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) else { return "" }
                defer { free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The text of an element's text children (`w:t`).
    static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                out += String(cString: content)
            }
            child = current.pointee.next
        }
        return out
    }
}
