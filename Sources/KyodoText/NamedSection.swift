/// Naming a part of a document: `kodaira-handbook#資料1` is the part headed by a line that
/// begins 資料1, up to the next heading of its series (資料2) or of its rank.
public enum NamedSection {
    /// Splits `doc#name` into the document and the section name.
    public static func split(_ reference: String) -> (document: String, section: String?) {
        guard let hash = reference.lastIndex(of: "#") else { return (reference, nil) }
        let section = String(reference[reference.index(after: hash)...])
        return (String(reference[..<hash]), section.isEmpty ? nil : section)
    }

    /// The lines of the section whose heading begins with `name` (the heading line excluded),
    /// or nil when no block of the outline begins so.
    public static func lines(of name: String, in outline: Outline) -> ClosedRange<Int>? {
        let key = Normalizer.labelKey(name)
        guard let start = outline.blocks.firstIndex(where: { $0.table == nil && Normalizer.labelKey($0.text).hasPrefix(key) }) else { return nil }
        let heading = outline.blocks[start]
        var end = outline.blocks.count
        if heading.marker != nil {
            end = outline.section(at: start).endIndex
        } else {
            // A series such as 資料1, 資料2: the next block with the same prefix and another number.
            let prefix = String(key.prefix { !$0.isNumber })
            if !prefix.isEmpty, key.dropFirst(prefix.count).first?.isNumber == true {
                end = outline.blocks[(start + 1)...].firstIndex { b in
                    let k = Normalizer.labelKey(b.text)
                    return b.table == nil && k.hasPrefix(prefix) && k.dropFirst(prefix.count).first?.isNumber == true
                } ?? outline.blocks.count
            }
        }
        guard start + 1 < end else { return nil }
        return outline.blocks[start + 1].firstLine...outline.blocks[end - 1].lastLine
    }
}
