/// A range of lines in an original source file, 1-based and inclusive.
public struct SourceSpan: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The document id or path the lines belong to.
    public var source: String
    /// First line, 1-based.
    public var firstLine: Int
    /// Last line, 1-based, inclusive.
    public var lastLine: Int

    public init(source: String, firstLine: Int, lastLine: Int) {
        self.source = source
        self.firstLine = firstLine
        self.lastLine = max(firstLine, lastLine)
    }

    /// The smallest span holding both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(source: source, firstLine: min(firstLine, other.firstLine), lastLine: max(lastLine, other.lastLine))
    }

    /// `file:12` or `file:12-15`.
    public var description: String {
        firstLine == lastLine ? "\(source):\(firstLine)" : "\(source):\(firstLine)-\(lastLine)"
    }
}
