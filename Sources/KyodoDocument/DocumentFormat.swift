import KyodoText

extension SourceFormat {
    /// The format of a file's bytes, read from the bytes, never from its name: `%PDF-` (within
    /// the first kilobyte, as readers allow), a ZIP holding `word/document.xml`, markup opening
    /// with `<!DOCTYPE html` or `<html` (after a byte-order mark, spaces and comments); any
    /// other bytes are text for the text loader to judge.
    public static func detect(_ bytes: [UInt8]) -> SourceFormat {
        let head = bytes.prefix(1024)
        if let at = head.firstRange(of: Array("%PDF-".utf8)), at.lowerBound < 1024 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // Only a Word document is read; any other ZIP is named as such by the DOCX reader.
            return .docx
        }
        if looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// Whether bytes open as an HTML page: `<!DOCTYPE html`, `<html`, or `<?xml` followed by
    /// either, after a byte-order mark, white space and comments, in any case. The encoding is
    /// not known yet: only ASCII is compared (UTF-16 pages are left to the text loader).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = min(bytes.count, 4096)
        func lower(_ k: Int) -> UInt8 { k < n ? (bytes[k] >= 0x41 && bytes[k] <= 0x5A ? bytes[k] + 0x20 : bytes[k]) : 0 }
        func opens(_ word: String, at k: Int) -> Bool { word.utf8.enumerated().allSatisfy { lower(k + $0.offset) == $0.element } }
        while i < n {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: i += 1
            case 0x3C:
                if opens("<!--", at: i) {
                    // Skip the comment.
                    var k = i + 4
                    while k + 2 < n, !(bytes[k] == 0x2D && bytes[k + 1] == 0x2D && bytes[k + 2] == 0x3E) { k += 1 }
                    guard k + 2 < n else { return false }
                    i = k + 3
                } else if opens("<?xml", at: i) {
                    guard let end = bytes[i..<n].firstIndex(of: 0x3E) else { return false }
                    i = end + 1
                } else {
                    return opens("<!doctype html", at: i) || opens("<html", at: i) && [0x3E, 0x20, 0x09, 0x0A, 0x0D].contains(lower(i + 5))
                }
            default: return false
            }
        }
        return false
    }
}
