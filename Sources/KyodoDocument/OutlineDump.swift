import KyodoText

/// A deterministic, human-readable dump of a `DocumentTree`: the golden format of the tree's
/// tests. One line per node, indented by depth: `§` a section with its level, marker and
/// lines, `≡` a list with its style and size, `¶` a paragraph, `▦` a table.
public enum OutlineDump {
    /// The dump of a tree.
    public static func render(_ tree: DocumentTree) -> String {
        var out = "tree \(tree.source.name) lines=\(tree.source.lineCount) blocks=\(tree.blocks.count)\n"
        render(tree.root.children, depth: 0, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        for node in nodes {
            switch node {
            case .list(let l):
                if l.items.count > 1 { out += "\(pad)≡ \(l.style) ×\(l.items.count)\n" }
                for s in l.items { section(s, depth: l.items.count > 1 ? depth + 1 : depth, into: &out) }
            case .section(let s):
                section(s, depth: depth, into: &out)
            case .paragraph(let p):
                out += "\(pad)¶ \(lines(p.block.firstLine, p.block.lastLine)) \(clip(p.text))\(p.block.isTitleLike ? " [title]" : "")\n"
            case .table(let t):
                // The header, or the first row of a table without one.
                let first = t.table.rows.first.map { $0.cells.map { clip($0, 12) }.joined(separator: " | ") } ?? ""
                out += "\(pad)▦ \(lines(t.block.firstLine, t.block.lastLine)) rows=\(t.table.rows.count)\(t.table.isTableOfContents ? " contents" : "")\(t.table.hasHeader ? "" : " headerless") \(first)\n"
            }
        }
    }

    private static func section(_ s: Section, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        let number = s.marker?.number.map { " \($0)" } ?? ""
        out += "\(pad)§\(s.level) \(s.style.map(\.description) ?? "-")\(number) \(lines(s.firstLine, s.lastLine)) \(clip(s.title))\n"
        render(s.children, depth: depth + 1, into: &out)
    }

    private static func lines(_ a: Int, _ b: Int) -> String { a == b ? "@\(a)" : "@\(a)-\(b)" }

    private static func clip(_ s: String, _ n: Int = 32) -> String {
        let one = s.replacingOccurrences(of: "\n", with: " ")
        return one.count > n ? String(one.prefix(n)) + "…" : one
    }
}
