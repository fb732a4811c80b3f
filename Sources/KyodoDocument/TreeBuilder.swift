import KyodoModel
import KyodoText

/// Builds a `DocumentTree` from an outline, inferring the level of each marker style from the
/// order the styles first appear in this document.
///
/// - A style seen for the first time nests under the section open at that point — unless the
///   fixed rank of `Marker` puts it above or beside that section's style *and* the open section's list
///   does not continue after it (a 第1章 after a closing ③ is not inside ③; a ① under ■ is
///   inside ■ when another ■ follows).
/// - A style seen before keeps its place: it closes every open section not above it.
/// - A question (`Q1.`) stands in the section open before it and holds its whole answer: a
///   style first seen inside it nests under it.
/// - A title standing alone under a horizontal rule (`━━━━`) closes every section: a part of
///   the document begins, whose styles find their levels afresh.
/// - Bullets (`・`, and markers written after a bullet, `- (1)`) are leaves: they nest under the
///   innermost heading, never hold a heading, and a title standing alone closes them.
struct TreeBuilder {
    let outline: Outline

    /// A section being built.
    private struct Open {
        var section: Section
        var style: MarkerStyle?
        var isLeaf: Bool
    }

    func build() -> DocumentTree {
        let blocks = outline.blocks
        var levels: [MarkerStyle] = []  // non-leaf styles, outermost first
        var stack: [Open] = [Open(section: Section(blockIndex: nil, heading: nil, level: 0, children: [], lastLine: 0), style: nil, isLeaf: false)]

        func close() {
            let done = stack.removeLast()
            var s = done.section
            s.lastLine = max(s.lastLine, s.children.last?.lastLine ?? s.firstLine, s.heading?.lastLine ?? 0)
            stack[stack.count - 1].section.children.append(.section(s))
        }
        func closeLeaves() { while stack.count > 1, stack[stack.count - 1].isLeaf { close() } }

        /// Closes the sections a non-leaf heading of `style` at block `i` is not inside, and gives
        /// a style seen for the first time its place.
        func makeRoom(for style: MarkerStyle, _ marker: Marker, at i: Int) {
            closeLeaves()
            if let place = levels.firstIndex(of: style) {
                while stack.count > 1, let top = stack.last?.style, !(levels.firstIndex(of: top).map { $0 < place } ?? false) { close() }
            } else {
                // A question stands in the section open before it (よくある質問 over its Q1, Q2).
                let question = if case .question = marker { true } else { false }
                while !question, stack.count > 1, let top = stack.last, let topMarker = top.section.marker,
                      marker.rank <= topMarker.rank, !continues(top.section, after: i, levels: levels) {
                    close()
                }
                let parent = stack.last?.style.flatMap { levels.firstIndex(of: $0) }
                levels.insert(style, at: parent.map { $0 + 1 } ?? 0)
            }
        }

        for (i, block) in blocks.enumerated() {
            guard let style = MarkerStyle(block), let marker = block.marker else {
                // A paragraph or table stands in the open section; a title standing alone ends a
                // bullet list; an article's caption (（基本原則）) stands where its article does.
                // (A line indented under the bullet, its translation say, stays with it.)
                // A title under a horizontal rule heads a part of its own: every section closes,
                // and the part's marker styles find their levels afresh.
                if block.isParagraph && block.isTitleLike && block.ruled {
                    while stack.count > 1 { close() }
                    levels = []
                }
                if block.isParagraph && block.isTitleLike && !(stack.count > 1 && stack[stack.count - 1].isLeaf
                    && block.indent > (stack[stack.count - 1].section.heading?.indent ?? 0)) { closeLeaves() }
                if Self.isCaption(block), i + 1 < blocks.count, let next = blocks[i + 1].marker, case .article = next,
                   let nextStyle = MarkerStyle(blocks[i + 1]), !blocks[i + 1].bulleted {
                    makeRoom(for: nextStyle, next, at: i + 1)
                }
                let node: Node = block.table != nil ? .table(TableNode(blockIndex: i, block: block)) : .paragraph(Paragraph(blockIndex: i, block: block))
                stack[stack.count - 1].section.children.append(node)
                continue
            }
            let isLeaf = block.bulleted || marker == .bullet
            if isLeaf {
                // A sibling of the same style, or of one open further out, closes back to it.
                // Bullets indented deeper than this one close; an open bullet of its style at its
                // indent (or one further out) is its sibling; one indented less holds it.
                while stack.count > 1, let top = stack.last, top.isLeaf, (top.section.heading?.indent ?? 0) > block.indent { close() }
                if let k = stack.lastIndex(where: { $0.isLeaf && $0.style == style && ($0.section.heading?.indent ?? 0) >= block.indent }) {
                    while stack.count > k { close() }
                }
            } else {
                makeRoom(for: style, marker, at: i)
            }
            let level = stack.count
            stack.append(Open(section: Section(blockIndex: i, heading: block, level: level, children: [], lastLine: block.lastLine),
                              style: style, isLeaf: isLeaf))
        }
        while stack.count > 1 { close() }
        var root = stack[0].section
        root.lastLine = outline.source.lineCount
        root.children = Self.grouped(root.children)
        return DocumentTree(source: outline.source, outline: outline, root: root)
    }

    /// Whether the list `open` belongs to goes on after block `index`: a later block of its
    /// style with the next number (or, unnumbered, any later block of its style) comes before
    /// a block of a style known to stand above it.
    private func continues(_ open: Section, after index: Int, levels: [MarkerStyle]) -> Bool {
        guard let heading = open.heading, let marker = heading.marker, let style = MarkerStyle(heading),
              let place = levels.firstIndex(of: style) else { return false }
        for b in outline.blocks[(index + 1)...] {
            guard let m = b.marker, let s = MarkerStyle(b) else { continue }
            if s == style { return marker.number.map { m.number == $0 + 1 } ?? true }
            // A style known to stand above the open one would have closed it first.
            if let k = levels.firstIndex(of: s), k < place { return false }
        }
        return false
    }

    /// `（基本原則）`, `(目的)`: a short parenthesised paragraph.
    static func isCaption(_ b: Block) -> Bool {
        let t = b.text
        return b.isParagraph && (t.hasBytePrefix("（") || t.hasBytePrefix("(")) && (t.hasByteSuffix("）") || t.hasByteSuffix(")")) && t.count <= 20
    }

    /// Groups consecutive sibling sections of one style into lists, at every depth.
    static func grouped(_ nodes: [Node]) -> [Node] {
        var out: [Node] = []
        for node in nodes {
            guard case .section(var s) = node else { out.append(node); continue }
            s.children = grouped(s.children)
            // A numbering that starts again at 1 starts another list (①…④, then ①…⑥).
            let restarts = s.heading?.marker?.number == 1 && (out.last.flatMap { node -> Int? in
                if case .list(let l) = node { return l.items.last?.heading?.marker?.number } else { return nil } } ?? 0) > 1
            if !restarts, case .list(var list)? = out.last, let style = s.style, list.style == style {
                list.items.append(s)
                out[out.count - 1] = .list(list)
            } else if let style = s.style {
                out.append(.list(List(style: style, items: [s])))
            }
        }
        return out
    }
}

extension DocumentTree {
    /// Reads the tree of an outline.
    public init(_ outline: Outline) {
        self = TreeBuilder(outline: outline).build()
    }

    /// Reads the tree of a text.
    public init(_ source: SourceText) {
        self.init(Outline(source))
    }
}
