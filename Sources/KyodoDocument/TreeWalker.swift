import KyodoText

extension Section {
    /// Every section below this one, depth first, in document order, with its ancestors
    /// (outermost first, this section included).
    public func descendants() -> [(section: Section, ancestors: [Section])] {
        var out: [(Section, [Section])] = []
        func visit(_ s: Section, _ path: [Section]) {
            for node in s.children {
                switch node {
                case .section(let c): out.append((c, path)); visit(c, path + [c])
                case .list(let l): for c in l.items { out.append((c, path)); visit(c, path + [c]) }
                default: break
                }
            }
        }
        visit(self, [self])
        return out
    }

    /// The nodes directly inside, lists opened into their items.
    public var flatChildren: [Node] {
        children.flatMap { node -> [Node] in
            if case .list(let l) = node { return l.items.map { .section($0) } }
            return [node]
        }
    }

    /// The blocks the section holds below its heading, in document order, at any depth.
    public var bodyBlockIndices: [Int] {
        var out: [Int] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .section(let s): if let i = s.blockIndex { out.append(i) }; visit(s.children)
                case .list(let l): for s in l.items { if let i = s.blockIndex { out.append(i) }; visit(s.children) }
                case .paragraph(let p): out.append(p.blockIndex)
                case .table(let t): out.append(t.blockIndex)
                }
            }
        }
        visit(children)
        return out
    }

    /// The lists directly inside, in order.
    public var lists: [List] {
        children.compactMap { if case .list(let l) = $0 { l } else { nil } }
    }
}

extension DocumentTree {
    /// For each block, the section it stands in directly (its own section for a heading's
    /// block: the section it opens).
    public func owners() -> [Int: Section] {
        var owner: [Int: Section] = [:]
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .section(let s): if let i = s.blockIndex { owner[i] = s }; visit(s.children)
                case .list(let l): for s in l.items { if let i = s.blockIndex { owner[i] = s }; visit(s.children) }
                default: break
                }
            }
        }
        visit(root.children)
        return owner
    }

    /// For each block, the index of the block heading the section that holds it (nil: the root).
    public func parents() -> [Int?] {
        var parent = [Int?](repeating: nil, count: blocks.count)
        func visit(_ s: Section) {
            for node in s.children {
                switch node {
                case .section(let c): if let i = c.blockIndex { parent[i] = s.blockIndex }; visit(c)
                case .list(let l): for c in l.items { if let i = c.blockIndex { parent[i] = s.blockIndex }; visit(c) }
                case .paragraph(let p): parent[p.blockIndex] = s.blockIndex
                case .table(let t): parent[t.blockIndex] = s.blockIndex
                }
            }
        }
        visit(root)
        return parent
    }
}

extension Node {
    /// The index of the node's first block.
    public var firstBlock: Int? {
        switch self {
        case .section(let s): s.blockIndex
        case .list(let l): l.items.first?.blockIndex
        case .paragraph(let p): p.blockIndex
        case .table(let t): t.blockIndex
        }
    }

    /// The indices of every block the node holds, in document order.
    public var blockIndices: [Int] {
        switch self {
        case .section(let s): (s.blockIndex.map { [$0] } ?? []) + s.bodyBlockIndices
        case .list(let l): l.items.flatMap { s in (s.blockIndex.map { [$0] } ?? []) + s.bodyBlockIndices }
        case .paragraph(let p): [p.blockIndex]
        case .table(let t): [t.blockIndex]
        }
    }
}
