import KyodoModel
import KyodoText

extension Extraction {
    /// The appendix a section refers to for its items (`…の形態は、別表第１に掲げるとおりとする。`):
    /// the blocks after the title `別表第１` (`別表第１（第４条関係）`) up to the next title, as the
    /// heading's body. Nil when the section names no appendix or the text holds none.
    func appendix(of h: Heading) -> Heading? {
        let texts = [blocks[h.index].text] + h.body.prefix(3).map { blocks[$0].text }
        guard let text = texts.first(where: { $0.includes("別表") }), let at = text.byteRange(of: "別表") else { return nil }
        // The appendix's name: 別表 and its number (第１, 1), if any.
        let name = "別表" + String(text[at.upperBound...].prefix { $0 == "第" || $0.isNumber })
        guard let title = blocks.indices.first(where: { j in
            j != h.index && !h.body.contains(j) && blocks[j].isParagraph && blocks[j].text.hasBytePrefix(name)
                && blocks[j].text.dropFirst(name.count).first.map { !$0.isNumber } ?? true
        }) else { return nil }
        var body: [Int] = []
        var j = title + 1
        while j < blocks.count, !(blocks[j].isParagraph && blocks[j].isTitleLike && !body.isEmpty) {
            body.append(j)
            if blocks[j].table != nil { break }
            j += 1
        }
        return body.isEmpty ? nil : Heading(index: title, text: blocks[title].text, marked: false, body: body, section: nil)
    }
}
