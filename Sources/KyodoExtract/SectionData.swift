import Foundation
import KyodoModel
import KyodoText

/// What the extractor knows about where guidelines state what: heading cue words per aspect,
/// definition patterns, count units, table column roles… Read from `sections.tsv` (shipped
/// with the tool) and any files a researcher adds with `--sections FILE`. The format is
/// described at the top of the shipped file.
public struct SectionData: Sendable {
    /// The item sources written once in code; a heading row may restrict a section to some.
    public enum Source: String, Sendable, CaseIterable {
        /// An enumeration or bullet list of any style.
        case enumeration
        /// A table: one item per record.
        case table
        /// A label and its description on one line (run-in, colon, tab).
        case runin
        /// A list inside a sentence (A、B及びC / …など).
        case inline
        /// Short label lines under the heading, one per line.
        case labels
        /// Sentences ending in こと, one item each.
        case sentences
        /// Numbered stages, each holding a table whose rows become the stage's children.
        case stages
        /// Entries described field by field (a title line and its value).
        case fields
        /// Pairs of a name line and a description paragraph.
        case pairs
        /// Steps written on one line between separators (`相談 → 企画 → 実施`).
        case flow

        /// The sources a heading uses when its row names none.
        public static let ordinary: [Source] = [.enumeration, .table, .flow, .pairs, .runin, .inline, .labels, .sentences]
    }

    /// A heading cue for an aspect.
    /// (A class: rules are passed around and held in candidate lists many times per document,
    /// and a struct of five references costs five retains per copy.)
    public final class HeadingRule: Sendable {
        public let aspect: Aspect
        public let cue: String
        public let sources: [Source]
        /// The heading's text becomes this attribute of each item.
        public let headingAttribute: String?
        /// The cue may stand anywhere in a paragraph (an introducing sentence).
        public let inSentence: Bool
        /// The cue counts only in a question (`誰が協働の担い手になるの？`), anywhere in it.
        public let inQuestion: Bool
        /// For an introducing sentence: the items end at a paragraph beginning with this.
        public let stop: String?
        /// The cue ends the aspect's item labels too (`対等の原則`): an entry about the aspect by
        /// this cue alone is an item, not a sub-section (`items=yes`).
        public let endsItems: Bool
        /// Where the rule was written, for messages.
        public let origin: String

        public init(aspect: Aspect, cue: String, sources: [Source], headingAttribute: String?, inSentence: Bool, inQuestion: Bool = false,
                    stop: String?, endsItems: Bool = false, origin: String) {
            self.aspect = aspect
            self.cue = cue
            self.sources = sources
            self.headingAttribute = headingAttribute
            self.inSentence = inSentence
            self.inQuestion = inQuestion
            self.stop = stop
            self.endsItems = endsItems
            self.origin = origin
        }
    }

    /// A definition pattern.
    public struct DefinitionRule: Sendable {
        public enum Form: String, Sendable, CaseIterable { case sentence, article, articleterm, heading, title, quoted, quotedas, term, quotedterm, plainterm, named, namedplain }
        public var cue: String
        public var form: Form
        /// Endings one of which the term must have (`ends=協働|協働のまちづくり`, for plainterm and
        /// title rows): empty, any term.
        public var termEndings: [String] = []
        /// What may follow the quoted definition of an unquoted term (`verbs=と定義|と位置付け`,
        /// for quotedas rows: `協働を「…」と位置付けております`).
        public var verbs: [String] = ["と定義"]
    }

    /// A table anywhere that gives items of an aspect.
    public struct TableRule: Sendable {
        public var aspect: Aspect
        /// Words every one of which some header cell holds.
        public var headerWords: [String]
        public var label: String?
        public var attributes: [String]
        public var effects: String?
        public var dated: Bool
    }

    public var headings: [HeadingRule] = []
    public var suffixes: [String] = []
    public var definitions: [DefinitionRule] = []
    public var continuations: [String] = []
    /// Heading words under which a document states its aims (理念): named when it defines nothing.
    public var aimsWords: [String] = []
    /// Count units, each with its spellings in unfolded text.
    public var countUnits: [(folded: String, forms: [String])] = []
    public var figureWords: [String] = []
    public var openWords: [String] = []
    /// Words by which a sentence announces the list after it (次の, 以下の).
    public var announceWords: [String] = []
    /// Words that end a list written inline (など, といった, とする).
    public var listEnders: [String] = []
    /// List enders that end a list only right after a topic (協働の主体は、…とする).
    public var topicListEnders: [String] = []
    public var notLimitedWords: [String] = []
    /// Label splits: separator and the names of the two parts, per aspect.
    public var splits: [(aspect: Aspect, separator: String, names: [String])] = []
    /// Inline marks: the mark and the attribute it gives, per aspect.
    public var marks: [(aspect: Aspect, mark: String, attribute: String)] = []
    public var tables: [TableRule] = []
    /// Header words meaning just "what the item is": such a column is the description only.
    public var plainColumns: [String] = []
    public var forewordTitles: [String] = []
    /// Beginnings of lines that are page furniture (更新日：, ページの先頭へ): never a heading or an item.
    public var furniture: [String] = [] { didSet { furniturePrefixes = PrefixSet(furniture) } }
    /// The furniture words, looked up by a line's first bytes.
    public private(set) var furniturePrefixes = PrefixSet([])
    /// Furniture that, standing alone as a title, heads a footer (問い合わせ over an office's address).
    public var footerWords: [String] = []
    /// A title standing first under an item becomes this attribute of the item, per aspect.
    public var subtitles: [(aspect: Aspect, attribute: String)] = []
    public var stepSeparators: [String] = []
    /// Words that name an item of an aspect (委託, 自治会): a list under no heading whose entries
    /// are short names holding them is that aspect's list.
    public var itemWords: [(aspect: Aspect, word: String)] = []

    /// The columns of a section data file.
    public static let columns = ["kind", "aspect", "cue"]

    /// The shipped data.
    public static let shipped: SectionData = {
        guard let url = Bundle.module.url(forResource: "sections", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let data = try? SectionData(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), path: "sections.tsv")
        else { fatalError("the shipped sections.tsv is missing or malformed: the build is broken") }
        return data
    }()

    /// The shipped data extended with the rows of the files named (read after it, in order).
    public static func load(extending paths: [String]) throws -> SectionData {
        var data = shipped
        for path in paths {
            try data.add(lines: TextLoader.load(path: path).lines.map(String.init), path: path)
        }
        return data
    }

    /// Reads data rows.
    public init(lines: [String], path: String) throws {
        try add(lines: lines, path: path)
    }

    /// Adds the rows of a data file.
    public mutating func add(lines: [String], path: String) throws {
        for row in try DataFile(lines, path: path, required: Self.columns).rows {
            try add(row)
        }
    }

    private mutating func add(_ row: DataFile.Row) throws {
        let kind = try row.required("kind")
        let aspectName = try row.required("aspect")
        let cue = try row.required("cue")
        let options = try Self.options(row.optional("options") ?? "", row: row)
        func aspect() throws -> Aspect {
            guard let a = Aspect(rawValue: aspectName) else {
                throw row.error("unknown aspect '\(aspectName)'; known: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return a
        }
        func allow(_ keys: [String]) throws {
            for key in options.keys.sorted() where !keys.contains(key) {
                throw row.error("unknown option '\(key)' for \(kind)" + (keys.isEmpty ? " (it takes none)" : "; known: \(keys.joined(separator: ", "))"))
            }
        }
        switch kind {
        case "heading":
            try allow(["source", "attribute", "match", "stop", "items"])
            if let items = options["items"], items != "yes" { throw row.error("items must be yes, not '\(items)'") }
            var sources = Source.ordinary
            if let names = options["source"] {
                sources = try names.split(separator: "|").map { name in
                    guard let s = Source(rawValue: String(name)) else {
                        throw row.error("unknown item source '\(name)'; known: \(Source.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    return s
                }
            }
            if let match = options["match"], match != "contains", match != "question" { throw row.error("unknown match '\(match)'; known: contains, question") }
            let rule = HeadingRule(aspect: try aspect(), cue: cue, sources: sources, headingAttribute: options["attribute"],
                                   inSentence: options["match"] == "contains", inQuestion: options["match"] == "question",
                                   stop: options["stop"], endsItems: options["items"] == "yes", origin: "\(row.path):\(row.line)")
            headings.append(rule)
            if !rule.inSentence && !rule.inQuestion { aspectCues[rule.aspect, default: []].append(cue) }
        case "suffix": try allow([]); suffixes.append(cue)
        case "definition":
            try allow(["form", "ends", "verbs"])
            guard let name = options["form"], let form = DefinitionRule.Form(rawValue: name) else {
                throw row.error("a definition needs form=\(DefinitionRule.Form.allCases.map(\.rawValue).joined(separator: "|"))")
            }
            let endings = Self.alternatives(options["ends"]) ?? []
            guard endings.isEmpty || form == .plainterm || form == .title else { throw row.error("ends= is an option of form=plainterm and form=title only") }
            var rule = DefinitionRule(cue: cue, form: form, termEndings: endings)
            if let verbs = Self.alternatives(options["verbs"]) {
                guard form == .quotedas else { throw row.error("verbs= is an option of form=quotedas only") }
                rule.verbs = verbs
            }
            definitions.append(rule)
        case "continuation": try allow([]); continuations.append(cue)
        case "aims": try allow([]); aimsWords.append(cue)
        case "count":
            try allow(["forms"])
            countUnits.append((Normalizer.fold(cue), Self.alternatives(options["forms"]) ?? [cue]))
        case "figure": try allow([]); figureWords.append(cue)
        case "open": try allow([]); openWords.append(cue)
        case "announce": try allow([]); announceWords.append(cue)
        case "listend":
            try allow(["after"])
            listEnders.append(cue)
            if let after = options["after"] {
                guard after == "topic" else { throw row.error("unknown after '\(after)'; known: topic") }
                topicListEnders.append(cue)
            }
        case "notlimited": try allow([]); notLimitedWords.append(cue)
        case "split":
            try allow(["names"])
            let names = Self.alternatives(options["names"]) ?? []
            guard names.count == 2 else { throw row.error("a split needs names=A|B") }
            splits.append((try aspect(), cue, names))
        case "mark":
            try allow(["attribute"])
            guard let name = options["attribute"] else { throw row.error("a mark needs attribute=NAME") }
            marks.append((try aspect(), cue, name))
        case "table":
            try allow(["label", "attributes", "effects", "date"])
            tables.append(TableRule(aspect: try aspect(), headerWords: cue.split(separator: "+").map(String.init), label: options["label"],
                                    attributes: Self.alternatives(options["attributes"]) ?? [],
                                    effects: options["effects"], dated: options["date"] == "yes"))
        case "plaincolumn": try allow([]); plainColumns.append(cue)
        case "subtitle":
            try allow([])
            subtitles.append((try aspect(), cue))
        case "furniture":
            try allow(["footer"])
            furniture.append(cue)
            if let footer = options["footer"] {
                guard footer == "yes" else { throw row.error("footer must be yes, not '\(footer)'") }
                footerWords.append(cue)
            }
        case "foreword": try allow([]); forewordTitles.append(cue)
        case "stepsep": try allow([]); stepSeparators.append(cue)
        case "itemword": try allow([]); itemWords.append((try aspect(), cue))
        default:
            throw row.error("unknown kind '\(kind)'; known: heading, suffix, definition, continuation, aims, count, figure, open, notlimited, announce, listend, split, mark, table, plaincolumn, subtitle, furniture, foreword, stepsep, itemword")
        }
    }

    /// `key=value; key=value`.
    private static func options(_ text: String, row: DataFile.Row) throws -> [String: String] {
        var out: [String: String] = [:]
        for part in text.split(separator: ";") {
            let piece = String(part).trimmedSpaces()
            guard !piece.isEmpty else { continue }
            guard let eq = piece.firstIndex(of: "=") else { throw row.error("option '\(piece)' is not key=value") }
            out[String(piece[..<eq]).trimmedSpaces()] = String(piece[piece.index(after: eq)...]).trimmedSpaces()
        }
        return out
    }

    /// The aspects that have heading rules, in the order first named.
    public var aspects: [Aspect] {
        var seen: [Aspect] = []
        for h in headings where !seen.contains(h.aspect) { seen.append(h.aspect) }
        return seen
    }

    /// The cue words that speak of an aspect in any text (not those of introducing sentences
    /// or of questions only), most specific first.
    public func cues(of aspect: Aspect) -> [String] { aspectCues[aspect] ?? [] }

    /// The cues of each aspect, kept as heading rows are added (asked for per list entry).
    private var aspectCues: [Aspect: [String]] = [:]

    /// The heading rules (indices) a heading is about. A question (`協働の担い手は誰ですか？`) is
    /// about every cue it holds; other headings about a cue that ends them.
    /// With `rules`, only those rules (indices, ascending) are tried: a document's reader passes
    /// the rules whose cue its text may hold.
    public func topics(of heading: String, among rules: [Int]? = nil) -> [Int] {
        // A count, 主な or quote marks in the heading say nothing of its topic: `協働の５つの原則` is
        // about 協働の原則, `大切にしたい６つのこと` about 大切にしたいこと, `協働の主なかたち` about
        // 協働のかたち, `いろいろな「かたち」があります` about いろいろなかたち.
        // (A cue holding the count, `つのポイント`, is looked for in the heading as written too.)
        if let bare = Self.withoutCount(heading) {
            let found = topics(of: bare, among: rules)
            let holdingCount = (rules ?? Array(headings.indices)).filter { headings[$0].cue.includes("つの") && !found.contains($0) && isTopic(headings[$0].cue, of: heading) }
            return holdingCount.isEmpty ? found : (found + holdingCount).sorted()
        }
        // A heading in two languages (`協働の原則 / Principles of Collaboration`): either side.
        for separator in [" / ", "／"] where heading.includes(separator) {
            let parts = heading.components(separatedBy: separator).map { $0.trimmedSpaces() }.filter { !$0.isEmpty }
            if parts.count >= 2 {
                var found: [Int] = []
                for part in parts { for k in topics(of: part, among: rules) where !found.contains(k) { found.append(k) } }
                return found.sorted()
            }
        }
        let question = Self.isQuestion(heading)
        return (rules ?? Array(headings.indices)).filter { k in
            let h = headings[k]
            if h.inSentence { return false }
            if question, heading.includes(h.cue) { return true }
            return !h.inQuestion && isTopic(h.cue, of: heading)
        }
    }

    /// The values of an option written `A|B|C`, nil where the row has none.
    static func alternatives(_ value: String?) -> [String]? {
        value.map { $0.split(separator: "|").map(String.init) }
    }

    /// A text without its quote marks 「」『』.
    static func withoutQuotes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for v in text.unicodeScalars where !(0x300C...0x300F).contains(v.value) { out.append(v) }
        return String(out)
    }

    /// The heading without a count before つの (`５つの`, `六つの`), a 主な or quote marks, nil
    /// when it has none of them.
    static func withoutCount(_ heading: String) -> String? {
        var text = heading
        var changed = false
        if text.includes("「") || text.includes("『") {
            text = withoutQuotes(text)
            changed = true
        }
        for word in ["主な", "おもな"] where text.includes(word) {
            text = text.replacingOccurrences(of: word, with: "")
            changed = true
        }
        if text.includes("つの"), let at = text.range(of: "つの") {
            var start = at.lowerBound
            while start > text.startIndex, case let c = text[text.index(before: start)], c.isNumber || "一二三四五六七八九十".contains(c) {
                start = text.index(before: start)
            }
            if start < at.lowerBound {
                text.removeSubrange(start..<at.upperBound)
                changed = true
            }
        }
        return changed && !text.isEmpty ? text : nil
    }

    /// A short heading ending in a question mark.
    static func isQuestion(_ heading: String) -> Bool {
        guard let last = heading.unicodeScalars.last, last == "？" || last == "?" else { return false }
        return heading.count <= 40
    }

    /// Whether `cue` is what a heading is about: it ends the heading, or only a suffix follows
    /// (`）`, `について`, `～…`, `と特徴`). 多様な担い手との連携・協働の推進 is not about partners.
    public func isTopic(_ cue: String, of heading: String) -> Bool {
        guard heading.utf8.count <= 160, heading.includes(cue), heading.count <= 40, let range = heading.lastByteRange(of: cue) else { return false }
        let suffix = String(heading[range.upperBound...]).trimmingCharacters(in: " \u{3000}")
        if suffix.isEmpty || suffixes.contains(suffix) { return true }
        if let first = suffix.first, "～~〜（(―".contains(first) { return true }
        // `と特徴`, `とチェック項目` (a second short noun joined by と, not `との連携`);
        // `協働の担い手はこの皆さん` (a short predicate after は, no question of its own).
        // (A noun ends it, not a kana ending: `協働の相手と話し合う` is a step, not about partners.)
        if suffix.hasBytePrefix("と"), !suffix.hasBytePrefix("との"), suffix.count <= 8,
           let end = suffix.unicodeScalars.last, !(0x3041...0x309F).contains(end.value),
           !["の", "を", "に", "が", "。"].contains(where: suffix.includes) { return true }
        return suffix.hasBytePrefix("は") && suffix.count <= 6 && !suffix.includes("か")
    }
}
