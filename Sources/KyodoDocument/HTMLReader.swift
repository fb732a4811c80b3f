import CLibXML2
import Foundation
import KyodoText

/// Reads a web page with libxml2's HTML parser into markup blocks: the encoding its meta
/// charset declares (or its bytes show), the element holding the page's text kept and the
/// site's menus, breadcrumbs, header, footer and link lists dropped, headings, lists, tables
/// and paragraphs taken as the markup states them.
enum HTMLReader {
    /// A page read.
    struct Page {
        var blocks: [MarkupBlock]
        var encoding: TextEncoding
        var notes: [ReadNote]
    }

    /// How deep elements may nest: municipal pages nest 20 to 40 deep.
    static let depthLimit = 256

    static func read(_ bytes: [UInt8], path: String, layout: HTMLLayout = .shipped) throws -> Page {
        let (text, encoding, notes) = try decode(bytes, path: path)
        let utf8 = Array(text.utf8) + [0]
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        guard let context = htmlNewParserCtxt() else { throw ReadError.htmlNoText(path: path) }
        defer { htmlFreeParserCtxt(context) }
        // libxml2 copies what it keeps: the buffer's pointer is used only during the call.
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress!, Int32(chars.count - 1), nil, "UTF-8", options)
            }
        }
        guard let doc = parsed else { throw ReadError.htmlNoText(path: path) }
        defer { xmlFreeDoc(doc) }
        // libxml2 stops a page nested deeper than 256 elements where it gets too deep: the rest
        // of the page is lost, so the page is refused rather than read in part.
        if let message = context.pointee.lastError.message, String(cString: message).contains("Excessive depth") {
            throw ReadError.tooDeep(path: path, format: "web page", limit: HTMLReader.depthLimit)
        }
        guard let root = xmlDocGetRootElement(doc) else { throw ReadError.htmlNoText(path: path) }
        var walker = Walker(layout: layout, path: path)
        let start = try walker.mainElement(root, depth: 0) ?? root
        try walker.flow(start, depth: 0, inArticle: false)
        walker.endParagraph()
        guard walker.blocks.contains(where: { !$0.lines.isEmpty || $0.kind != .paragraph }) else { throw ReadError.htmlNoText(path: path) }
        return Page(blocks: walker.blocks, encoding: encoding, notes: notes)
    }

    // MARK: Encoding

    /// The page's text: in the encoding its byte-order mark or meta charset names, else the one
    /// its bytes decode into best (as a text file's).
    static func decode(_ bytes: [UInt8], path: String) throws -> (String, TextEncoding, [ReadNote]) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, let declared = declaredCharset(bytes) {
            if let encoding = encoding(named: declared) {
                if let source = try? TextLoader.decode(bytes, name: path, path: path, encoding: encoding) {
                    return (source.text, encoding, [])
                }
                let source = try TextLoader.decode(bytes, name: path, path: path)
                return (source.text, source.encoding, [ReadNote("the page declares charset \(declared) but is not written in it; read as \(source.encoding.rawValue)", line: nil)])
            }
        }
        let source = try TextLoader.decode(bytes, name: path, path: path)
        return (source.text, source.encoding, [])
    }

    /// The charset a page declares in its first 4 KB: `<meta charset="…">`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, `<?xml … encoding="…"?>`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for key in ["charset", "encoding"] {
            let word = Array(key.utf8)
            var i = head.startIndex
            while let at = head[i...].firstRange(of: word) {
                var k = at.upperBound
                while k < head.count, head[k] == 0x20 || head[k] == 0x09 { k += 1 }
                i = at.upperBound
                guard k < head.count, head[k] == 0x3D else { continue }  // =
                k += 1
                while k < head.count, head[k] == 0x20 || head[k] == 0x22 || head[k] == 0x27 { k += 1 }
                var name: [UInt8] = []
                while k < head.count, name.count < 40, head[k] == 0x2D || head[k] == 0x5F || head[k] == 0x2E || (0x30...0x39).contains(head[k]) || (0x61...0x7A).contains(head[k]) {
                    name.append(head[k])
                    k += 1
                }
                if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
            }
        }
        return nil
    }

    /// The encoding of a charset name pages use (`shift_jis`, `x-sjis`, `windows-31j`,
    /// `euc-jp`, `utf-8`…); nil for one Kyodo does not read (then the bytes decide).
    static func encoding(named name: String) -> TextEncoding? {
        var key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        if key.hasPrefix("x") && key != "xsjis" { key.removeFirst() }
        switch key {
        case "xsjis", "mskanji", "csshiftjis", "windows31j": return .shiftJIS
        case "cseucpkdfmtjapanese": return .eucJP
        case "usascii", "ascii": return .utf8
        default: return TextEncoding(userName: key)
        }
    }

    // MARK: Walking the tree

    /// Walks the elements, writing blocks. No pointer of the document outlives `read`.
    struct Walker {
        let layout: HTMLLayout
        let path: String
        var blocks: [MarkupBlock] = []
        /// The open paragraph's lines and its open line.
        var lines: [String] = []
        var line = TextRun()
        /// The list items opened and not yet given their text: the next paragraph is the item's.
        var openItems: [(depth: Int, marker: String?, claimed: Bool)] = []
        var listDepth = 0

        init(layout: HTMLLayout, path: String) {
            self.layout = layout
            self.path = path
        }

        /// Elements whose content is never the page's text.
        static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "aside", "form",
                                           "iframe", "svg", "math", "button", "select", "textarea", "input", "object", "embed", "map",
                                           "canvas", "audio", "video", "img", "picture", "dialog"]
        /// Elements that open and close a paragraph.
        static let blockLike: Set<String> = ["p", "div", "section", "article", "main", "blockquote", "address", "figure", "figcaption",
                                             "center", "fieldset", "details", "summary", "caption", "legend", "body", "html", "hgroup", "hr", "header", "footer"]
        static let roleSkipped: Set<String> = ["navigation", "banner", "contentinfo", "search", "complementary"]

        /// Refuses a page nested deeper than any guideline is (`<div>` in `<div>` a thousand deep).
        func check(_ depth: Int) throws {
            if depth > HTMLReader.depthLimit { throw ReadError.tooDeep(path: path, format: "web page", limit: HTMLReader.depthLimit) }
        }

        func name(_ node: xmlNodePtr) -> String {
            node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        }

        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { free(value) }
            return String(cString: value)
        }

        /// The element's id and class names, lower-cased.
        func names(_ node: xmlNodePtr) -> [String] {
            var out: [String] = []
            if let id = attribute(node, "id") { out.append(id.lowercased()) }
            if let classes = attribute(node, "class") { out += classes.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }
            return out
        }

        /// Whether an element is furniture: a menu, a hidden element, the site's header.
        func isFurniture(_ node: xmlNodePtr, _ tag: String, inArticle: Bool) -> Bool {
            if Self.skipped.contains(tag) { return true }
            // A header or footer inside an article is the article's own (its title, its date).
            if (tag == "header" || tag == "footer") && !inArticle { return true }
            if let role = attribute(node, "role")?.lowercased(), Self.roleSkipped.contains(role) { return true }
            if xmlHasProp(node, "hidden") != nil || attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
            if let style = attribute(node, "style")?.lowercased().filter({ $0 != " " }), style.contains("display:none") || style.contains("visibility:hidden") { return true }
            return layout.drops(names(node))
        }

        /// The element holding the page's text: `<main>`, `role="main"`, or the first element of
        /// a main id or class that holds text; nil when the page marks none.
        func mainElement(_ root: xmlNodePtr, depth: Int) throws -> xmlNodePtr? {
            var byName: xmlNodePtr?
            func search(_ node: xmlNodePtr, _ depth: Int) throws -> xmlNodePtr? {
                try check(depth)
                var child = node.pointee.children
                while let current = child {
                    defer { child = current.pointee.next }
                    guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                    let tag = name(current)
                    if Self.skipped.contains(tag) { continue }
                    if tag == "main" || attribute(current, "role")?.lowercased() == "main" { return current }
                    if byName == nil, layout.isMain(names(current)), hasText(current, depth + 1) { byName = current }
                    if let found = try search(current, depth + 1) { return found }
                }
                return nil
            }
            return try search(root, depth) ?? byName
        }

        /// Whether an element holds any text but white space.
        func hasText(_ node: xmlNodePtr, _ depth: Int) -> Bool {
            guard depth <= HTMLReader.depthLimit else { return false }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content,
                   !String(cString: content).trimmedSpaces().isEmpty { return true }
                if current.pointee.type == XML_ELEMENT_NODE, !Self.skipped.contains(name(current)), hasText(current, depth + 1) { return true }
                child = current.pointee.next
            }
            return false
        }

        // MARK: Flow

        /// Walks an element's children as the page's flow.
        mutating func flow(_ node: xmlNodePtr, depth: Int, inArticle: Bool) throws {
            try check(depth)
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { line.append(String(cString: content)) }
                case XML_ELEMENT_NODE:
                    try element(current, depth: depth + 1, inArticle: inArticle)
                default: break
                }
            }
        }

        mutating func element(_ node: xmlNodePtr, depth: Int, inArticle: Bool) throws {
            let tag = name(node)
            if isFurniture(node, tag, inArticle: inArticle) {
                // (A dropped element between two words still parts them.)
                line.space()
                return
            }
            switch tag {
            case "br":
                endLine()
            case "h1", "h2", "h3", "h4", "h5", "h6":
                endParagraph()
                let level = Int(String(tag.dropFirst())) ?? 1
                let title = try text(of: node, depth: depth)
                if !title.isEmpty { blocks.append(MarkupBlock(kind: .heading(level), lines: [title])) }
            case "ul", "ol", "menu", "dir":
                endParagraph()
                try list(node, ordered: tag == "ol", depth: depth, inArticle: inArticle)
            case "li":
                // An item outside any list: an item of one.
                endParagraph()
                try item(node, depth: max(listDepth, 1), marker: "・", treeDepth: depth, inArticle: inArticle)
            case "dl":
                endParagraph()
                try definitions(node, depth: depth, inArticle: inArticle)
            case "table":
                endParagraph()
                try table(node, depth: depth, inArticle: inArticle)
            case "pre":
                endParagraph()
                let text = try text(of: node, depth: depth, preserving: true)
                for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    line.append(String(piece))
                    endLine()
                }
                endParagraph()
            default:
                if Self.blockLike.contains(tag) || tag == "dt" || tag == "dd" || tag == "tr" || tag == "td" || tag == "th" {
                    endParagraph()
                    try flow(node, depth: depth, inArticle: inArticle || tag == "article" || tag == "main" || tag == "section")
                    endParagraph()
                } else {
                    try flow(node, depth: depth, inArticle: inArticle)
                }
            }
        }

        /// Ends the open line: a `<br>`, or the paragraph's end.
        mutating func endLine() {
            let text = line.take()
            if !text.isEmpty, !layout.furnitureLines.contains(text) { lines.append(text) }
        }

        /// Ends the open paragraph: its lines become the open list item's text, or a paragraph.
        mutating func endParagraph() {
            endLine()
            guard !lines.isEmpty else { return }
            if let k = openItems.indices.last, !openItems[k].claimed {
                openItems[k].claimed = true
                blocks.append(MarkupBlock(kind: .item(depth: openItems[k].depth, marker: openItems[k].marker), lines: lines))
            } else {
                blocks.append(MarkupBlock(kind: .paragraph, lines: lines))
            }
            lines = []
        }

        // MARK: Lists

        mutating func list(_ node: xmlNodePtr, ordered: Bool, depth: Int, inArticle: Bool) throws {
            if try isLinkList(node, depth: depth) { return }
            listDepth += 1
            defer { listDepth -= 1 }
            var number = attribute(node, "start").flatMap { Int($0.trimmedSpaces()) } ?? 1
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                if current.pointee.type == XML_ELEMENT_NODE, name(current) == "li" {
                    if isFurniture(current, "li", inArticle: inArticle) { continue }
                    if let value = attribute(current, "value").flatMap({ Int($0.trimmedSpaces()) }) { number = value }
                    try item(current, depth: listDepth, marker: ordered ? "\(number). " : "・", treeDepth: depth + 1, inArticle: inArticle)
                    number += 1
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    try element(current, depth: depth + 1, inArticle: inArticle)
                } else if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    line.append(String(cString: content))
                }
            }
            endParagraph()
        }

        /// An item: its first paragraph is the item's text, what follows (a nested list, more
        /// paragraphs) comes after it.
        mutating func item(_ node: xmlNodePtr, depth: Int, marker: String, treeDepth: Int, inArticle: Bool) throws {
            endParagraph()
            openItems.append((depth, marker, false))
            try flow(node, depth: treeDepth, inArticle: inArticle)
            endParagraph()
            openItems.removeLast()
        }

        /// A list of three links or more and nothing else: a menu, a list of related pages.
        func isLinkList(_ node: xmlNodePtr, depth: Int) throws -> Bool {
            var items = 0
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                guard current.pointee.type == XML_ELEMENT_NODE else {
                    if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content, !String(cString: content).trimmedSpaces().isEmpty { return false }
                    continue
                }
                guard name(current) == "li" else { return false }
                items += 1
                let all = try text(of: current, depth: depth + 1)
                let linked = try linkText(current, depth: depth + 1)
                if all.isEmpty { continue }
                guard linked.filter({ !$0.isWhitespace }) == all.filter({ !$0.isWhitespace }) else { return false }
            }
            return items >= 3
        }

        /// The text inside an element's links.
        func linkText(_ node: xmlNodePtr, depth: Int) throws -> String {
            try check(depth)
            var out = ""
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    out += name(current) == "a" ? try text(of: current, depth: depth + 1) : try linkText(current, depth: depth + 1)
                }
                child = current.pointee.next
            }
            return out
        }

        // MARK: Definitions and tables

        mutating func definitions(_ node: xmlNodePtr, depth: Int, inArticle: Bool) throws {
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                // (`<div>` groups a term and its description in HTML5.)
                if name(current) == "div" {
                    try definitions(current, depth: depth + 1, inArticle: inArticle)
                } else {
                    try element(current, depth: depth + 1, inArticle: inArticle)
                }
            }
        }

        mutating func table(_ node: xmlNodePtr, depth: Int, inArticle: Bool) throws {
            var rows: [xmlNodePtr] = []
            var caption: xmlNodePtr?
            func collect(_ node: xmlNodePtr) {
                var child = node.pointee.children
                while let current = child {
                    defer { child = current.pointee.next }
                    guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                    switch name(current) {
                    case "tr": rows.append(current)
                    case "thead", "tbody", "tfoot": collect(current)
                    case "caption": caption = current
                    default: break
                    }
                }
            }
            collect(node)
            if let caption {
                let text = try text(of: caption, depth: depth + 1)
                if !text.isEmpty { blocks.append(MarkupBlock(kind: .paragraph, lines: [text])) }
            }
            // A table that lays the page out (headings or tables in its cells, a cell of
            // running text pages long) is read as the page's flow, cell by cell.
            if try isLayout(node, depth: depth) {
                for row in rows { try flow(row, depth: depth + 1, inArticle: inArticle); endParagraph() }
                return
            }
            var grid: [[String]] = []
            // Cells a rowspan carries into the rows below: column → rows left.
            var carried: [Int: Int] = [:]
            for row in rows {
                var cells: [String] = []
                func fillCarried() {
                    while let left = carried[cells.count], left > 0 {
                        carried[cells.count] = left - 1
                        cells.append("")
                    }
                }
                var child = row.pointee.children
                while let current = child {
                    defer { child = current.pointee.next }
                    guard current.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(name(current)) else { continue }
                    fillCarried()
                    let span = min(max(attribute(current, "colspan").flatMap { Int($0.trimmedSpaces()) } ?? 1, 1), 100)
                    let down = min(max(attribute(current, "rowspan").flatMap { Int($0.trimmedSpaces()) } ?? 1, 1), 1000)
                    let column = cells.count
                    cells.append(try text(of: current, depth: depth + 2))
                    for _ in 1..<span { cells.append("") }
                    if down > 1 { for c in column..<(column + span) { carried[c] = down - 1 } }
                }
                fillCarried()
                grid.append(cells)
            }
            blocks.append(MarkupBlock(kind: .table(grid), lines: []))
        }

        /// Whether a table lays the page out rather than tabulating: it holds a heading or a
        /// table, or a cell of more than 400 characters.
        func isLayout(_ node: xmlNodePtr, depth: Int) throws -> Bool {
            func search(_ node: xmlNodePtr, _ depth: Int, top: Bool) throws -> Bool {
                try check(depth)
                var child = node.pointee.children
                while let current = child {
                    defer { child = current.pointee.next }
                    guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                    let tag = name(current)
                    if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(tag) || tag == "table" && !top { return true }
                    if tag == "td" || tag == "th", try text(of: current, depth: depth + 1).unicodeScalars.count > 400 { return true }
                    if try search(current, depth + 1, top: false) { return true }
                }
                return false
            }
            return try search(node, depth, top: true)
        }

        // MARK: Text

        /// All the text of an element on one line (line breaks, paragraphs and cells as spaces,
        /// list items after `・`), or its lines kept for `<pre>`.
        func text(of node: xmlNodePtr, depth: Int, preserving: Bool = false) throws -> String {
            var run = TextRun(preserving: preserving)
            try collect(node, into: &run, depth: depth)
            return run.take()
        }

        func collect(_ node: xmlNodePtr, into run: inout TextRun, depth: Int) throws {
            try check(depth)
            var child = node.pointee.children
            while let current = child {
                defer { child = current.pointee.next }
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { run.append(String(cString: content)) }
                case XML_ELEMENT_NODE:
                    let tag = name(current)
                    if isFurniture(current, tag, inArticle: true) { run.space(); continue }
                    if tag == "br" { run.preserving ? run.append("\n") : run.space(); continue }
                    if tag == "li" { run.space(); run.append("・") }
                    let parts = tag == "p" || tag == "div" || tag == "li" || tag == "tr" || tag == "td" || tag == "th" || tag == "dt" || tag == "dd"
                    if parts { run.space() }
                    try collect(current, into: &run, depth: depth + 1)
                    if parts { run.space() }
                default: break
                }
            }
        }
    }

    /// Text as a browser lays it out in a line: runs of white space one space, a line end
    /// between two Japanese characters nothing (the source's wrapping, not a space).
    struct TextRun {
        var preserving = false
        private var text = String.UnicodeScalarView()
        /// White space since the last character; whether it held a line end; whether an
        /// element's edge stood in it.
        private var pendingSpace = false
        private var pendingBreak = false
        private var forced = false

        init(preserving: Bool = false) { self.preserving = preserving }

        mutating func append(_ string: String) {
            for s in string.unicodeScalars {
                if preserving && s == "\n" { text.append(s); reset(); continue }
                switch s {
                case " ", "\t", "\r", "\u{0C}", "\u{A0}":
                    pendingSpace = true
                case "\n":
                    pendingSpace = true
                    pendingBreak = true
                default:
                    if pendingSpace, let last = text.last, last != "\n", last != " " {
                        // A line end between two wide characters (CJK) is the source's wrapping.
                        let wide = { (c: Unicode.Scalar) in c.value >= 0x2E80 && c.value < 0xFF61 || c.value >= 0x20000 }
                        if forced || !(pendingBreak && wide(last) && wide(s)) { text.append(" ") }
                    }
                    reset()
                    if s.value >= 0x20 && s.value != 0x7F { text.append(s) }
                }
            }
        }

        private mutating func reset() {
            pendingSpace = false
            pendingBreak = false
            forced = false
        }

        /// A break between words (a dropped element, a cell's end).
        mutating func space() {
            pendingSpace = true
            forced = true
        }

        /// The text so far, trimmed, and an empty run after it.
        mutating func take() -> String {
            let out = String(text).trimmedSpaces()
            text = String.UnicodeScalarView()
            reset()
            return out
        }
    }
}
