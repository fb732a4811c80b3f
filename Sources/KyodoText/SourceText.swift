#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KyodoModel

/// The text of one file, decoded, split into its original lines.
///
/// Line numbers are 1-based and refer to the original file: a CRLF, CR or LF each end a line,
/// and nothing is joined or dropped here. A line is held as where it stands in the one decoded
/// text; a `Substring` or `String` of it is made when asked for.
public struct SourceText: Sendable {
    /// The document id or path used in spans and messages.
    public var name: String
    /// The decoded text, whole.
    public let text: String
    /// Where each line stands in `text`'s UTF-8 bytes, line end excluded.
    let lineRanges: [Range<Int>]
    /// The encoding the bytes were decoded from.
    public var encoding: TextEncoding
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    /// The format of the file the text was read from.
    public var format: SourceFormat = .text
    /// For a paged source (a PDF's text), the line each page begins on, page 1 first; empty
    /// for any other.
    public var pageStarts: [Int] = []
    /// For a paged source, each line's number among the printed (non-blank) lines of its page,
    /// as a reader counts down the page; a blank line takes the number of the line above it.
    public var pageLines: [Int] = []
    /// Lines the reader knows are no part of the document's text (a PDF's running headers,
    /// footers and page numbers): the outline reads them as blank.
    public var furniture: Set<Int> = []
    /// Lines the reader of a paged source saw run to the right edge of their column: broken
    /// there for want of room, so the outline joins the next line to them.
    public var wrapped: Set<Int> = []

    /// Lines given one by one (they are joined with LF into `text`, each kept exactly as given).
    public init<S: StringProtocol>(name: String, lines: [S], encoding: TextEncoding = .utf8, sha256: String = "") {
        var text = ""
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            if i > 0 { text += "\n" }
            let start = text.utf8.count
            text += line
            ranges.append(start..<text.utf8.count)
        }
        self.init(name: name, text: text, lineRanges: ranges, encoding: encoding, sha256: sha256)
    }

    /// Splits text on CRLF, CR and LF, keeping every line (a final line end adds no empty line).
    public init(name: String, text: String, encoding: TextEncoding = .utf8, sha256: String = "") {
        var text = text
        let ranges = text.withUTF8(SourceText.lineRanges)
        self.init(name: name, text: text, lineRanges: ranges, encoding: encoding, sha256: sha256)
    }

    private init(name: String, text: String, lineRanges: [Range<Int>], encoding: TextEncoding, sha256: String) {
        self.name = name
        self.text = text
        self.lineRanges = lineRanges
        self.encoding = encoding
        self.sha256 = sha256
    }

    /// The number of lines.
    public var lineCount: Int { lineRanges.count }

    /// The line with this 1-based number, or an empty string when out of range.
    public func line(_ number: Int) -> String {
        String(slice(number))
    }

    /// The line with this 1-based number as a slice of `text`, or an empty one when out of range.
    public func slice(_ number: Int) -> Substring {
        guard number >= 1 && number <= lineRanges.count else { return "" }
        let range = lineRanges[number - 1], utf8 = text.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// Every line, as slices of `text`, made on each call (in a loop, use `lineCount` and `slice(_:)`).
    public var lines: [Substring] { (0..<lineCount).map { slice($0 + 1) } }

    /// The first line that is not blank, without its leading and trailing spaces.
    public var firstTextLine: String? {
        var text = text
        let number: Int? = text.withUTF8 { all in
            lineRanges.firstIndex { !Search.spaceTrimmed(UnsafeBufferPointer(rebasing: all[$0])).isEmpty }.map { $0 + 1 }
        }
        return number.map { String(slice($0).trimmedSpaces()) }
    }

    /// A span of this text (with its pages, for a paged source).
    public func span(_ first: Int, _ last: Int) -> SourceSpan {
        located(SourceSpan(source: name, firstLine: first, lastLine: last))
    }

    /// The page a line stands on and its line on that page, both 1-based; nil for a source
    /// without pages.
    public func page(ofLine line: Int) -> (page: Int, line: Int)? {
        guard !pageStarts.isEmpty else { return nil }
        // The last page starting at or before the line.
        var low = 0, high = pageStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if pageStarts[mid] <= line { low = mid } else { high = mid - 1 }
        }
        let printed = line >= 1 && line <= pageLines.count ? pageLines[line - 1] : line - pageStarts[low] + 1
        return (low + 1, max(1, printed))
    }

    /// The span with its pages found from its lines (unchanged for a source without pages).
    public func located(_ span: SourceSpan) -> SourceSpan {
        guard let first = page(ofLine: span.firstLine), let last = page(ofLine: span.lastLine) else { return span }
        var span = span
        span.page = PageSpan(firstPage: first.page, firstLine: first.line, lastPage: last.page, lastLine: last.line)
        return span
    }

    /// The byte ranges of the lines of UTF-8 text, line ends excluded (a CR or LF byte is never
    /// inside a multi-byte sequence).
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return ranges }
        // Most files have no CR at all: one look tells, and spares a second search per line.
        let hasCR = memchr(base, 0x0D, bytes.count) != nil
        var start = 0
        while start < bytes.count {
            // The next CR or LF: memchr for LF, then a CR before it (rare) wins.
            let rest = bytes.count - start
            let lf = memchr(base + start, 0x0A, rest).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            let crLimit = hasCR ? (lf ?? bytes.count) - start : 0
            let cr = crLimit > 0 ? memchr(base + start, 0x0D, crLimit).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } : nil
            guard let end = cr ?? lf else { ranges.append(start..<bytes.count); break }
            ranges.append(start..<end)
            start = end + ((bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A) ? 2 : 1)
        }
        return ranges
    }
}

/// The formats Kyodo reads a document from.
public enum SourceFormat: String, Sendable, CaseIterable {
    case text, pdf, html, docx

    /// The name in messages (`PDF`, `web page`…).
    public var name: String {
        switch self {
        case .text: "text"
        case .pdf: "PDF"
        case .html: "web page (HTML)"
        case .docx: "Word document (DOCX)"
        }
    }
}

/// The encodings the loader reads.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case shiftJIS = "CP932"
    case eucJP = "EUC-JP"
    case iso2022JP = "ISO-2022-JP"

    /// The encoding a user names with `--encoding` (case and punctuation are ignored:
    /// `utf-8`, `UTF8`, `shift_jis`, `sjis`, `cp932`, `euc-jp`, `iso-2022-jp`, `utf-16`…).
    public init?(userName: String) {
        switch userName.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "utf8": self = .utf8
        case "utf16", "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "cp932", "sjis", "shiftjis", "windows31j", "ms932": self = .shiftJIS
        case "eucjp": self = .eucJP
        case "iso2022jp", "jis": self = .iso2022JP
        default: return nil
        }
    }

    /// The names `--encoding` accepts.
    public static let userNames = "utf-8, utf-16, utf-16be, cp932 (shift_jis), euc-jp, iso-2022-jp"
}
