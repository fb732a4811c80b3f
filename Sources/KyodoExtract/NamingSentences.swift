import KyodoModel
import KyodoText

extension Extraction {
    /// A sentence under no heading whose run of three or more names, separated by 、 (or や,
    /// 及び), mostly names items of the aspect by its item words: `自治会・町内会やボランティア・NPO、
    /// 各種団体、企業、そして市民など…と行政が…`. Three in four names must hold an item word, or
    /// half when a cue follows the run closely (`『市民、…、市』のそれぞれの主体が`). The sentence must
    /// speak of 協働 or name a cue (names that only set the scene are no list: 自治会やNPOなどが
    /// 活動を続けています); the first such is taken. A sentence defining a term (…とは) is passed over.
    func namingSentence(_ aspect: Aspect, cues: [String]) -> ([Item], Block)? {
        let words = itemWords[aspect] ?? []
        guard !words.isEmpty else { return nil }
        for i in listParagraphs where !excluded.contains(i) && !consumed.contains(i) {
            let block = blocks[i]
            guard !isDefinitionBody(block), block.text.includes("協働") || block.text.includes("とは、") || cues.contains(where: block.text.includes),
                  words.contains(where: block.text.includes) else { continue }
            for slice in InlineList.sentenceSlices(block.text) {
                // Only a sentence holding two separators and an item word can hold a run of three.
                guard Self.holdsSeparators(slice, atLeast: 2), words.contains(where: slice.includes),
                      slice.includes("協働") || cues.contains(where: slice.includes) || slice.includes("とは、") else { continue }
                let sentence = String(slice)
                guard !Self.definesCollaboration(sentence) else { continue }
                // Glosses in parentheses left out (`地縁組織（自治会・町会など）`), unless the list is
                // what they hold (`四者（市民、…、行政）`): the longer run of the two.
                let hasParentheses = sentence.includes("（") || sentence.includes("(")
                let forms = (hasParentheses ? [InlineList.withoutParentheses(sentence), sentence] : [sentence]).map(InlineList.collapsingExamples)
                guard let (sentence, (names, end)) = forms.compactMap({ f in Self.namingRun(in: f, words: words).map { (f, $0) } })
                    .max(by: { $0.1.0.count < $1.1.0.count }) else { continue }
                let after = String(sentence[end...].prefix(14))
                let naming = names.filter { Self.names($0, words) }.count
                guard naming * 4 >= names.count * 3 || naming * 2 >= names.count && cues.contains(where: after.includes) else { continue }
                return (inlineItems(aspect, names, in: block, sentence: sentence), block)
            }
        }
        return nil
    }

    /// Whether a text holds at least `n` of 、 , ， (looked for over its bytes).
    static func holdsSeparators(_ s: String, atLeast n: Int) -> Bool { holdsSeparators(s[...], atLeast: n) }

    /// `holdsSeparators` of a slice.
    static func holdsSeparators(_ s: Substring, atLeast n: Int) -> Bool {
        s.withUTF8Bytes { b in
            guard let p = b.baseAddress else { return false }
            var count = 0
            var i = 0
            while i < b.count {
                let c = p[i]
                if c == 0x2C { count += 1 }
                // 、 is E3 80 81; ， is EF BC 8C.
                else if c == 0x81 || c == 0x8C, i >= 2, p[i - 1] == (c == 0x81 ? 0x80 : 0xBC), p[i - 2] == (c == 0x81 ? 0xE3 : 0xEF) { count += 1 }
                if count >= n { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether a sentence defines 協働 (the actors it names are part of what 協働 means).
    static func definesCollaboration(_ sentence: String) -> Bool {
        if ["協働とは", "協働」とは", "協働」とい", "協働」と定義", "を「協働」"].contains(where: sentence.includes) { return true }
        // A term holding 協働 (`協働のまちづくりとは、…`).
        guard let at = sentence.byteRange(of: "とは") else { return false }
        return sentence[..<at.lowerBound].includes("協働")
    }

    /// The longest run of three or more names in a sentence (with where it ends): the segments
    /// between 、 (split again at や, 及び, 並びに), each wholly a name, the first ending in one
    /// and the last starting with one. A name is written in kanji, katakana or Latin letters
    /// (`自治会・町内会`, `NPO法人`); a name given with examples is the kind it names.
    static func namingRun(in sentence: String, words: [String]) -> ([String], String.Index)? {
        var segments: [Substring] = []
        for piece in sentence.split(whereSeparator: InlineList.isSeparator) {
            var parts = [piece]
            for joiner in ["並びに", "及び", "や"] {
                parts = parts.flatMap { p -> [Substring] in
                    var out: [Substring] = []
                    var rest = p
                    while let at = rest.byteRange(of: joiner) {
                        out.append(rest[..<at.lowerBound])
                        rest = rest[at.upperBound...]
                    }
                    return out + [rest]
                }
            }
            segments += parts.filter { !$0.isEmpty }
        }
        var best: ([String], String.Index)?
        var run: [String] = []
        var runEnd = sentence.startIndex
        func close() {
            if run.count >= 3, run.count > best?.0.count ?? 0 { best = (run, runEnd) }
            run = []
        }
        for segment in segments {
            let core = InlineList.exemplified(InlineList.cleaned(String(segment))[...])
            if !core.isEmpty, core.count <= 12, core.allSatisfy(isNameCharacter) {
                run.append(String(core))
                runEnd = segment.endIndex
                continue
            }
            // A name ending this segment starts a run; one starting it ends the run before.
            let lead = core.prefix(while: isNameCharacter)
            if !lead.isEmpty, lead.count <= 12, !run.isEmpty {
                run.append(String(lead))
                // (`lead` is a piece of a cleaned copy: only the segment's own indices are the sentence's.)
                runEnd = segment.startIndex
            }
            close()
            let tail = core.reversed().prefix(while: isNameCharacter)
            if !tail.isEmpty, tail.count <= 12 {
                run = [String(tail.reversed())]
                runEnd = segment.endIndex
            }
        }
        close()
        return best
    }

    /// Kanji, katakana (with ー and ・), Latin letters and digits of either width.
    static func isNameCharacter(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3005, 0xF900...0xFAFF: return true  // kanji, 々
        case 0x30A1...0x30FA, 0x30FC, 0x30FB, 0xFF66...0xFF9F: return true  // katakana, ー, ・
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF10...0xFF19: return true
        default: return false
        }
    }
}
