/// One line added to a manifest as the file itself is written: its encoding (UTF-8 with or
/// without BOM, UTF-16, CP932, EUC-JP, ISO-2022-JP) and its line ends (CRLF, CR or LF), every
/// byte before it untouched.
public enum ManifestAppend {
    /// The manifest's bytes with `row` added as its last line.
    public static func appending(_ row: String, to bytes: [UInt8], path: String) throws -> [UInt8] {
        let source = try TextLoader.decode(bytes, name: path, path: path)
        let text = source.text
        let end = text.contains("\r\n") ? "\r\n" : text.contains("\r") ? "\r" : "\n"
        // A last line without its line end gets one first, so the row is a line of its own.
        // (By scalars: "\r\n" is one Character, which hasSuffix("\n") does not match.)
        let last = text.unicodeScalars.last
        let ends = last == nil || last == "\n" || last == "\r"
        let addition = (ends ? "" : end) + row + end
        guard let encoded = encode(addition, source.encoding) else {
            throw DataFileError.malformed(path: path, line: source.lineCount + 1,
                                          message: "the new line cannot be written in the manifest's encoding, \(source.encoding.rawValue): convert the manifest to UTF-8 or give names that have a form in it")
        }
        return bytes + encoded
    }

    static func encode(_ text: String, _ encoding: TextEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8, .utf8BOM: Array(text.utf8)
        case .utf16LE: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .shiftJIS: Iconv.encode(text, to: "CP932")
        case .eucJP: Iconv.encode(text, to: "EUC-JP")
        case .iso2022JP: Iconv.encode(text, to: "ISO-2022-JP")
        }
    }
}
