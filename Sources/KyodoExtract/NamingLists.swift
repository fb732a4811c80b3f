import KyodoModel
import KyodoText

extension Extraction {
    /// Lists under no heading about an aspect whose entries name the aspect themselves: three
    /// or more entries, at least three in four of them either about one of its cues
    /// (`(1)対等・補完性の原則`) or a short name holding one of its item words (`「協働委託」`,
    /// `補助・助成（…）`, the `itemword` rows). Returned as the block before each list, as an
    /// announcing paragraph would be, with the list as its body.
    func namingLists(_ aspect: Aspect) -> [(Int, [Int])] {
        let words = itemWords[aspect] ?? []
        let rules = data.headings.indices.filter { data.headings[$0].aspect == aspect && !data.headings[$0].inSentence && !data.headings[$0].inQuestion }
        var out: [(Int, [Int])] = []
        var i = 1
        while i < blocks.count {
            guard let first = owners[i], first.style != nil, !excluded.contains(i), !consumed.contains(i),
                  owners[i - 1]?.style != first.style || parents[i - 1] != parents[i] else { i += 1; continue }
            let body = followingList(i - 1)
            let entries = body.filter { owners[$0] != nil && parents[$0] == parents[i] }
            defer { i = (body.last ?? i) + 1 }
            guard entries.count >= 3 else { continue }
            let naming = entries.filter { e in
                let label = Self.bareLabel(blocks[e].text)
                if topics(ofText: label).contains(where: rules.contains) { return true }
                return Self.names(label, words)
            }
            if naming.count * 4 >= entries.count * 3 { out.append((i - 1, body)) }
        }
        return out
    }

    /// Whether a heading's text is the aspect's items named one after another, two or more
    /// joined by ・ or 、, each a short name holding an item word (`後援・協力・共催とは`,
    /// `委託、補助の申請について`: the last may run on into what the heading says of them), or
    /// one of them standing for the rest (`共催等の違い`).
    func namesItems(_ text: String, _ aspect: Aspect) -> Bool {
        guard text.utf8.count <= 120, !text.includes("。"), let words = itemWords[aspect], !words.isEmpty, text.count <= 30 else { return false }
        // One item word and the others it stands for (`共催等の違い`, `後援などの申請`).
        if words.contains(where: { w in text.hasBytePrefix(w) && (text.dropFirst(w.count).hasBytePrefix("等") || text.dropFirst(w.count).hasBytePrefix("など")) }) { return true }
        guard text.includes("・") || text.includes("、") else { return false }
        let segments = text.split(whereSeparator: { $0 == "・" || InlineList.isSeparator($0) }).map { String($0).trimmedSpaces() }
        guard segments.count >= 2 else { return false }
        // Each a name whose head is an item word (`市民活動` holds 市民 but names an activity);
        // the last may go on with の, とは, について … (`共催の申請手続き`).
        var named = Set<String>()
        for (k, seg) in segments.enumerated() {
            let isLast = k == segments.count - 1
            guard let word = words.filter({ seg.hasByteSuffix($0) || isLast && seg.includes($0) }).max(by: { $0.count < $1.count }), seg.count <= word.count + 4 || isLast else { return false }
            if isLast, !seg.hasByteSuffix(word) {
                guard let at = seg.byteRange(of: word), case let rest = seg[at.upperBound...],
                      ["の", "とは", "について", "に関", "等", "など"].contains(where: rest.hasBytePrefix), seg[..<at.lowerBound].count <= 4 else { return false }
            }
            named.insert(word)
        }
        return named.count >= 2
    }

    /// Whether a label is a short name holding one of the item words (`「協働委託」`, `補助・助成`);
    /// a sentence that mentions 市民 names no partner.
    static func names(_ label: String, _ words: [String]) -> Bool {
        // (A label of more than 16 characters names nothing, whatever the word: looked at first, in bytes.)
        guard !words.isEmpty, label.utf8.count <= 64 else { return false }
        return words.contains { w in label.includes(w) && label.count <= max(w.count + 4, 12) }
    }

    /// An entry's label without what runs into it, its quotes and its gloss.
    static func bareLabel(_ text: String) -> String {
        var label = splitRunIn(text).label
        if label.hasBytePrefix("「"), let close = label.firstIndex(of: "」") { label = String(label[label.index(after: label.startIndex)..<close]) }
        if let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }), open > label.startIndex { label = String(label[..<open]) }
        return label.trimmedSpaces()
    }
}
