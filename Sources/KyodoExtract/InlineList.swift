import Foundation
import KyodoText

/// Reads a list written inline in a sentence: `…としては、後援、共催、委託、補助、実行委員会などがあります`,
/// `協働の主体は、町民、自治会及び町内会、事業者並びに町とします`, `対等、相互理解及び情報公開を原則とする`.
enum InlineList {
    /// The words that end an inline list, most telling first (the section data's `listend` rows).
    static let defaultEnders = ["など"]

    /// The items of the first inline list in `sentence` (at least two), or nil.
    ///
    /// The items are the trailing run of short segments before the first ender, split on `、`,
    /// `や`, `及び` and `並びに`; a segment ending in a particle (`は`, `が`, `を`, `に`, `で`,
    /// `て`) or longer than `maxLength` ends the run.
    /// `topicEnders` (とする, を原則) end a list only right after a topic (`協働の主体は、A、B及びCとする`).
    static func items(in sentence: String, enders: [String] = defaultEnders, topicEnders: [String] = [], maxLength: Int = 12) -> [String]? {
        var best: [String]?
        var bestAt: String.Index?
        for ender in enders {
            guard let at = sentence.byteRange(of: ender), bestAt.map({ at.lowerBound < $0 }) ?? true else { continue }
            let head = sentence[..<at.lowerBound]
            if let found = run(head, maxLength: maxLength, afterTopic: topicEnders.contains(ender)) {
                best = found
                bestAt = at.lowerBound
            }
        }
        return best
    }

    /// The trailing run of list items in the text before an ender.
    private static func run(_ head: Substring, maxLength: Int, afterTopic: Bool) -> [String]? {
        let segments = head.split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" }).flatMap { seg -> [Substring] in
            var parts = [seg]
            for joiner in ["並びに", "及び", "や"] {
                parts = parts.flatMap { p -> [Substring] in
                    let pieces = p.components(separatedBy: joiner).map { Substring($0) }
                    return pieces.count > 1 && p.count <= maxLength * 3 && pieces.allSatisfy({ !$0.isEmpty }) ? pieces : [p]
                }
            }
            return parts
        }
        var items: [String] = []
        var topic = false
        for segment in segments.reversed() {
            let s = String(segment).trimmedSpaces()
            guard !s.isEmpty, s.count <= maxLength, let last = s.last, !"はがをにでてとばもら".contains(last) else {
                topic = s.hasSuffix("は")
                break
            }
            items.insert(s, at: 0)
        }
        if afterTopic && !topic { return nil }
        return items.count >= 2 ? items : nil
    }

    /// Sentences of a text, each with its terminal `。`; a blank remainder is dropped.
    static func sentences(_ text: String) -> [String] {
        var pieces = text.byteSplit("。", keepingSeparator: true, omittingEmpty: true)
        if let last = pieces.last, !last.hasSuffix("。"), String(last).trimmedSpaces().isEmpty { pieces.removeLast() }
        return pieces.map(String.init)
    }
}
