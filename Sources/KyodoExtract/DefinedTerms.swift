import KyodoModel
import KyodoText

extension Extraction {
    /// The items a definition of the aspect's own term lists: `「多様な主体」とは、住民自治組織（…）、
    /// NPO法人その他の市民活動団体、事業者、学校等…並びに市をいう` gives the partners. The term must
    /// be about one of the aspect's heading cues; what parentheses hold is left out, and a name
    /// given with examples is the kind it names.
    func definedItems(_ aspect: Aspect) -> ([Item], Block)? {
        let rules = Set(liveRules.filter { data.headings[$0].aspect == aspect })
        guard !rules.isEmpty else { return nil }
        for d in items where d.aspect == .definition && topics(ofText: d.label).contains(where: rules.contains) {
            guard let i = blocks.firstIndex(where: { $0.firstLine <= d.span.firstLine && d.span.firstLine <= $0.lastLine }) else { continue }
            let plain = InlineList.withoutParentheses(d.description)
            // The list ends where the definition's wording takes over: …等地域の…, …をいう.
            var head = plain[...]
            for end in ["をいう", "をいい", "のことを", "を指", "など", "等"] {
                if let at = head.byteRange(of: end) { head = head[..<at.lowerBound] }
            }
            var names = head.split(whereSeparator: InlineList.isSeparator).flatMap { seg -> [String] in
                seg.components(separatedBy: "並びに").flatMap { $0.components(separatedBy: "及び") }.map { String(InlineList.exemplified($0[...])).trimmedSpaces() }
            }
            names = names.filter { InlineList.isItem($0, maxLength: 12) }
            // …等地域の取組を行う全ての個人及び団体並びに市をいう: the last name after the wording.
            if let at = plain.lastByteRange(of: "並びに") ?? plain.lastByteRange(of: "及び"), case let tail = plain[at.upperBound...],
               let end = tail.byteRange(of: "をいう"), case let last = String(tail[..<end.lowerBound]), last.count <= 4,
               InlineList.isItem(last, maxLength: 4), !names.contains(last) {
                names.append(last)
            }
            if names.count >= 3 { return (inlineItems(aspect, names, in: blocks[i], sentence: blocks[i].text), blocks[i]) }
        }
        return nil
    }
}
