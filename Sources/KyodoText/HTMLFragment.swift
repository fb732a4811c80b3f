import CLibXML2

/// Reads the HTML fragments PDF extraction left in table cells (`<p>…</p>`, `<ul><li>…`)
/// into plain paragraphs and list items, with libxml2's HTML parser (no network, no entities
/// fetched).
public enum HTMLFragment {
    /// One piece of a fragment's text.
    public struct Piece: Sendable, Hashable {
        /// Whether the piece is a list item (an `<li>` or a `・` bullet inside a list).
        public var isListItem: Bool
        /// The text, whitespace collapsed.
        public var text: String

        public init(isListItem: Bool, text: String) {
            self.isListItem = isListItem
            self.text = text
        }
    }

    /// Whether a cell holds HTML markup.
    public static func looksLikeHTML(_ s: String) -> Bool {
        s.includes("<p>") || s.includes("<ul") || s.includes("<li") || s.includes("</p>") || s.includes("<br")
    }

    /// All the text of an HTML fragment, tags removed, text nodes joined by spaces.
    public static func text(_ html: String) -> String {
        pieces(html).map { $0.isListItem ? "・" + $0.text : $0.text }.joined(separator: " ")
    }

    /// The paragraphs and list items of an HTML fragment, in order.
    public static func pieces(_ html: String) -> [Piece] {
        let wrapped = "<html><body>" + html + "</body></html>"
        var utf8 = Array(wrapped.utf8)
        utf8.append(0)
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue)
        guard let doc = utf8.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count - 1), nil, "UTF-8", options)
            }
        }) else { return [Piece(isListItem: false, text: collapse(html))] }
        defer { xmlFreeDoc(doc) }
        var collector = Collector()
        collector.walk(xmlDocGetRootElement(doc), inList: false)
        collector.flush()
        return collector.pieces
    }

    private struct Collector {
        var pieces: [Piece] = []
        var buffer = ""
        var bufferInList = false

        mutating func flush() {
            let text = HTMLFragment.collapse(buffer)
            buffer = ""
            guard !text.isEmpty else { return }
            if bufferInList || text.hasPrefix("・") {
                // A list written as text with `・` bullets: one item per bullet.
                for part in HTMLFragment.splitBullets(text) { pieces.append(Piece(isListItem: true, text: part)) }
            } else {
                pieces.append(Piece(isListItem: false, text: text))
            }
        }

        mutating func walk(_ node: xmlNodePtr?, inList: Bool) {
            var node = node
            while let current = node {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    if buffer.isEmpty { bufferInList = inList }
                    buffer += String(cString: content)
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    let name = current.pointee.name.map { String(cString: $0) } ?? ""
                    let block = ["p", "li", "ul", "ol", "div", "br", "tr", "td"].contains(name)
                    if block { flush() }
                    let childrenInList = name == "p" ? false : (inList || name == "ul" || name == "ol" || name == "li")
                    walk(current.pointee.children, inList: childrenInList)
                    if block { flush() }
                }
                node = current.pointee.next
            }
        }
    }

    static func collapse(_ s: String) -> String {
        var out = ""
        var lastSpace = true
        for ch in s {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\u{3000}" || ch == "\r" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(ch)
                lastSpace = false
            }
        }
        return out.trimmingTrailingSpaces()
    }

    /// Splits `・a ・b` into items; a `・` not preceded by a space stays inside its item.
    static func splitBullets(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var previous: Character = " "
        for ch in text {
            if ch == "・" && previous == " " {
                if !current.trimmedSpaces().isEmpty { items.append(current.trimmedSpaces()) }
                current = ""
            } else {
                current.append(ch)
            }
            previous = ch
        }
        if !current.trimmedSpaces().isEmpty { items.append(current.trimmedSpaces()) }
        return items
    }
}
