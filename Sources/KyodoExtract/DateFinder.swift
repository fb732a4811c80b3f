import KyodoModel
import KyodoText

/// Finds the dates a document states about itself.
enum DateFinder {
    /// Role words and the role they give a date on the same line or in the same sentence.
    static let roleWords: [(String, DocumentDate.Role)] = [
        ("制定", .enacted), ("策定", .enacted), ("改定", .revised), ("改訂", .revised), ("改正", .revised), ("発行", .published),
    ]

    /// Dates standing on a line of their own, optionally with a role word (`平成20年10月 制定`,
    /// `発行・印刷 平成19年3月`). A bare date takes `fallback`.
    static func standalone(in source: SourceText, lines: ClosedRange<Int>, fallback: DocumentDate.Role = .published) -> [DocumentDate] {
        var found: [DocumentDate] = []
        for number in lines where number <= source.lineCount {
            let line = source.line(number).trimmedSpaces()
            let dates = EraDate.find(in: line)
            guard dates.count == 1, let date = dates.first, date.month != nil || !date.isFiscalYear else { continue }
            var rest = line.replacingOccurrences(of: date.text, with: "")
            // A day after the month (令和3年3月26日) belongs to the date.
            if date.month != nil, let day = rest.firstIndex(of: "日"), rest[..<day].allSatisfy({ $0.isNumber }) {
                rest = String(rest[rest.index(after: day)...])
            }
            let role = roleWords.first { rest.contains($0.0) }?.1
            for (word, _) in roleWords { rest = rest.replacingOccurrences(of: word, with: "") }
            rest = rest.replacingOccurrences(of: "・印刷", with: "").replacingOccurrences(of: "・", with: "").trimmedSpaces()
            guard rest.isEmpty else { continue }
            found.append(DocumentDate(role: role ?? fallback, iso: date.iso, text: date.text, span: source.span(number, number)))
        }
        return found
    }

    /// Dates in sentences saying the document itself was made or revised
    /// (`平成29年10月「協働の指針」を改訂しました`): the role word must follow the date in its sentence.
    static func inSentences(of block: Block, source: SourceText) -> [DocumentDate] {
        var found: [DocumentDate] = []
        guard EraDate.mentionsEra(block.text) else { return found }
        for sentence in block.text.byteSplit("。") where EraDate.mentionsEra(sentence) {
            for date in EraDate.find(in: String(sentence)) {
                guard let r = sentence.byteRange(of: date.text) else { continue }
                let after = sentence[r.upperBound...]
                if after.hasBytePrefix("末現在") || after.hasBytePrefix("現在") {
                    let line = block.lines(of: date.text).lowerBound
                    found.append(DocumentDate(role: .stated, iso: date.iso, text: date.text, span: source.span(line, line)))
                    continue
                }
                // The role word nearest after the date: 「…」を策定しました.
                let roles = roleWords.compactMap { w in after.byteRange(of: w.0 + "しました").map { ($0.lowerBound, w.1) } }
                guard let role = roles.min(by: { $0.0 < $1.0 })?.1 else { continue }
                let line = block.lines(of: date.text).lowerBound
                found.append(DocumentDate(role: role, iso: date.iso, text: date.text, span: source.span(line, line)))
            }
        }
        return found
    }
}
