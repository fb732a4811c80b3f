/// A range of lines in an original source file, 1-based and inclusive.
///
/// The lines are those of the text the document was read as: a text file's own lines, or the
/// lines of the text Kyodo took from a PDF, web page or Word file (`kyodo text` prints them).
/// A span in a PDF also says where it stands on the printed pages.
public struct SourceSpan: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The document id or path the lines belong to.
    public var source: String
    /// First line, 1-based.
    public var firstLine: Int
    /// Last line, 1-based, inclusive.
    public var lastLine: Int
    /// For a paged document, the pages and the lines on them; nil for any other.
    public var page: PageSpan?

    public init(source: String, firstLine: Int, lastLine: Int, page: PageSpan? = nil) {
        self.source = source
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
        self.page = page
    }

    /// The smallest span holding both (its pages found again by whoever knows the pages).
    public func union(_ other: SourceSpan) -> SourceSpan {
        let first = firstLine <= other.firstLine ? self : other, last = lastLine >= other.lastLine ? self : other
        let page = first.page.flatMap { f in last.page.map { l in PageSpan(firstPage: f.firstPage, firstLine: f.firstLine, lastPage: l.lastPage, lastLine: l.lastLine) } }
        return SourceSpan(source: source, firstLine: first.firstLine, lastLine: last.lastLine, page: page)
    }

    /// `file:12`, `file:12-15`; in a PDF the page and its lines, `file.pdf:p4:12-15`.
    public var description: String {
        if let page { return "\(source):\(page)" }
        return firstLine == lastLine ? "\(source):\(firstLine)" : "\(source):\(firstLine)-\(lastLine)"
    }
}

/// Where a span stands on a paged document's pages: the page and line (1-based, counted on
/// that page) it begins on, and the page and line it ends on.
public struct PageSpan: Codable, Sendable, Hashable, CustomStringConvertible {
    public var firstPage: Int
    public var firstLine: Int
    public var lastPage: Int
    public var lastLine: Int

    public init(firstPage: Int, firstLine: Int, lastPage: Int, lastLine: Int) {
        self.firstPage = firstPage
        self.firstLine = firstLine
        self.lastPage = lastPage
        self.lastLine = lastLine
    }

    /// `p4:12`, `p4:12-15`, or across a page break `p4:30-p5:2`.
    public var description: String {
        if firstPage != lastPage { return "p\(firstPage):\(firstLine)-p\(lastPage):\(lastLine)" }
        return firstLine == lastLine ? "p\(firstPage):\(firstLine)" : "p\(firstPage):\(firstLine)-\(lastLine)"
    }
}
