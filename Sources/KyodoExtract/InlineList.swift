import KyodoText

/// Reads a list written inline in a sentence: `…としては、後援、共催、委託、補助、実行委員会などがあります`.
enum InlineList {
    /// The items of the first `…など` enumeration in `sentence` (at least two), or nil.
    ///
    /// The items are the trailing run of short segments before `など`, split on `、` and `や`;
    /// a segment ending in a particle (`は`, `が`, `を`, `に`, `で`, `て`) or longer than
    /// `maxLength` ends the run.
    static func items(in sentence: String, maxLength: Int = 12) -> [String]? {
        guard let nado = sentence.byteRange(of: "など") else { return nil }
        let head = sentence[..<nado.lowerBound]
        let segments = head.split(whereSeparator: { $0 == "、" || $0 == "," }).flatMap { seg -> [Substring] in
            seg.split(separator: "や").count > 1 && seg.count <= maxLength * 2 ? seg.split(separator: "や") : [seg]
        }
        var items: [String] = []
        for segment in segments.reversed() {
            let s = String(segment).trimmedSpaces()
            guard !s.isEmpty, s.count <= maxLength, let last = s.last, !"はがをにでてとばもら".contains(last) else { break }
            items.insert(s, at: 0)
        }
        return items.count >= 2 ? items : nil
    }

    /// Sentences of a text, each with its terminal `。`; a blank remainder is dropped.
    static func sentences(_ text: String) -> [String] {
        var pieces = text.byteSplit("。", keepingSeparator: true, omittingEmpty: true)
        if let last = pieces.last, !last.hasSuffix("。"), String(last).trimmedSpaces().isEmpty { pieces.removeLast() }
        return pieces.map(String.init)
    }
}
