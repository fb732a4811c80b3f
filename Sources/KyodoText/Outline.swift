#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KyodoModel

/// The structure of a document: its blocks in order, read from the original lines.
///
/// Blank lines separate blocks, except where PDF extraction broke a sentence: a line of at
/// least `wrapWidth` characters that does not end a sentence continues on the next text line,
/// across blank lines. Structure (markers, numbering) is read from the original characters;
/// nothing is normalised here.
public struct Outline: Sendable {
    /// Options for building an outline.
    public struct Options: Sendable {
        /// Lines at least this long that do not end a sentence are taken as hard-wrapped.
        public var wrapWidth: Int = 30
        public init() {}
        /// The defaults.
        public static let `default` = Options()
    }

    /// The source the outline was read from.
    public var source: SourceText
    /// The blocks, in document order.
    public var blocks: [Block]

    /// Reads the outline of a text.
    public init(_ source: SourceText, options: Options = .default) {
        self.source = source
        self.blocks = OutlineBuilder(options: options).build(source)
    }

    /// An outline whose blocks a reader of markup built itself (a web page's headings, lists
    /// and tables, a Word file's styled paragraphs), over the text it wrote for them.
    public init(source: SourceText, blocks: [Block]) {
        self.source = source
        self.blocks = blocks
    }

    /// The index of the first block at or after `start` that matches.
    public func firstIndex(from start: Int = 0, where predicate: (Block) -> Bool) -> Int? {
        guard start < blocks.count else { return nil }
        return blocks[max(0, start)...].firstIndex(where: predicate)
    }

    /// The blocks after the marked block at `index`, up to the next marker of the same or a
    /// lower rank (or a stop block), i.e. the body of a section.
    public func section(at index: Int, stop: ((Block) -> Bool)? = nil) -> ArraySlice<Block> {
        guard index < blocks.count else { return [] }
        let rank = blocks[index].marker?.rank ?? Int.max
        var end = index + 1
        while end < blocks.count {
            let b = blocks[end]
            if let m = b.marker, m.rank <= rank, !b.bulleted || m.rank <= 2 { break }
            if let stop, stop(b) { break }
            end += 1
        }
        return blocks[(index + 1)..<end]
    }

    /// A span in this outline's source.
    public func span(_ first: Int, _ last: Int) -> SourceSpan { source.span(first, last) }

    /// The span of a block.
    public func span(_ block: Block) -> SourceSpan { source.span(block.firstLine, block.lastLine) }
}

/// Turns lines into blocks.
struct OutlineBuilder {
    var options: Outline.Options

    /// Scalars that end a sentence: 。．！？!?」）)』】＞>:：
    @inline(__always) private static func endsSentence(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x300D, 0xFF09, 0x29, 0x300F, 0x3011, 0xFF1E, 0x3E, 0x3A, 0xFF1A: true
        default: false
        }
    }

    /// Reads the lines over the text's bytes: a line is a byte range until it joins a block, and
    /// a block's text is made once, when the block is complete. (Per line, substrings and the
    /// block being read cost several reference-count operations each, the largest part of
    /// building an outline.)
    func build(_ source: SourceText) -> [Block] {
        var text = source.text
        return text.withUTF8 { build(source, $0) }
    }

    private func build(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> [Block] {
        var blocks: [Block] = []
        // The open block: a paragraph or marked block that may continue on the next lines.
        var openKind: Block.Kind?  // nil: no block is open
        var openBytes: [UInt8] = []  // its text so far
        var openBulleted = false
        var openPieces: [Block.Piece] = []
        var openFirst = 0, openLast = 0, openIndent = 0
        var openEnclosed = false
        var openSpaced = false
        var openLastScalar: UInt32?  // the last scalar of its text
        var openMayWrap = false      // its last line looks hard-wrapped
        var blankSinceOpen = false
        var openIsContents = false  // the open block is a contents line
        var openStandalone = false  // the open block is a line that stands alone (a menu entry, a breadcrumb)
        var openIsTitleAfterSentence = false  // the open block is a short title right after a sentence's end
        var openIsEnglish = false  // the open block is an English line (a translation beside the Japanese)
        var ruleAbove = false  // the last line that was not blank was a horizontal rule
        var openRuled = false  // the open block is a paragraph under a horizontal rule
        var openAfterRule = false  // the open block, of any kind, starts under a horizontal rule
        var openEndsInTitle = false  // the open paragraph's last line is a short Japanese line ending no clause (a title)
        var seenQuestion = false  // a question (Q1.) has been read: `A.` opens its answer, not a list
        var tabbed = true  // the open table's rows are split by tabs (a line after one is a ragged row)
        var tableRows: [Table.Row] = []
        // A text without a tab has no table: one look spares a search per line.
        let hasTab = all.baseAddress.map { memchr($0, 0x09, all.count) != nil } ?? false
        // Lines that stand alone: in a run of six or more short lines with no sentence end (a
        // menu, a list of links saved from a web page), no line continues another.
        let standalone = Self.shortLineRuns(source, all).union(Self.termLineRuns(source, all))
        let indentation = Self.indentationShowsLevels(source, all)
        // Tables laid out with spaces, where the text has two spaces in a row anywhere.
        var spaceRows = source.text.includes("  ") || source.text.includes("\u{3000}\u{3000}") ? SpaceTable.rows(source) : [:]
        // Web pages saved with each block's cells joined on one line (`協働の原則｜市と…`,
        // `協働の担い手｜市民｜自治会｜…`): lines of one cell count in a row are a table, any
        // other such line is read cell by cell, all with its number.
        let joined = source.text.includes("｜") || source.text.includes(" | ") || source.text.includes("│")
            ? PipeJoined.lines(source, all) : (cells: [:], tableRows: [:])

        func flushTable() {
            guard let first = tableRows.first, let last = tableRows.last else { return }
            blocks.append(Block(kind: .table(Table(rows: tableRows)), text: "", bulleted: false, pieces: [],
                                firstLine: first.line, lastLine: last.line))
            tableRows = []
        }
        func flushOpen() {
            if let kind = openKind {
                // (Lines only ever increase within a block; max() keeps a span a span whatever the input.)
                blocks.append(Block(kind: kind, text: Search.string(validUTF8: openBytes), bulleted: openBulleted, pieces: openPieces,
                                    firstLine: openFirst, lastLine: max(openFirst, openLast), indent: openIndent, enclosedMarker: openEnclosed,
                                    spacedNumber: openSpaced, ruled: openRuled))
            }
            openKind = nil
            openBytes.removeAll(keepingCapacity: true)
            openMayWrap = false
        }

        // (What a paged source's reader knows of its lines, taken once out of the source.)
        let wrapped = source.wrapped
        let found = Self.pageFurniture(source, all)
        // What the reader of a paged format knows to be page furniture (page numbers, running
        // headers and footers) is read as page numbers are: a page break.
        let pageNumbers = found.numbers.union(source.furniture), runningHeaders = found.headers
        // A page in two columns read row by row is read column by column.
        let columnRuns = ColumnPage.runs(source, all, pageNumbers: pageNumbers)
        for run in columnRuns { for n in run.lines { spaceRows[n] = nil } }
        var nextRun = 0
        var columnLines = Set<Int>()  // lines read as columns: a narrow column wraps short lines

        // A line of a text with no line breaks (an e-book's page, a PDF without them) holding an
        // enumeration (① … ② … ③ …) is read as one line per entry, all with its number.
        var virtual: [(number: Int, range: Range<Int>)] = []
        var columnBreaks = Set<Int>()  // indices in `virtual` where the left column ended
        virtual.reserveCapacity(source.lineRanges.count)
        for (index, range) in source.lineRanges.enumerated() {
            while nextRun < columnRuns.count, index + 1 > columnRuns[nextRun].lines.upperBound { nextRun += 1 }
            if nextRun < columnRuns.count, columnRuns[nextRun].lines.contains(index + 1) {
                let run = columnRuns[nextRun]
                guard index + 1 == run.lines.lowerBound else { continue }
                // The left column, a blank, then the right column; a blank part is a blank line.
                for n in run.lines { virtual.append((n, run.parts[n]?.left ?? range.lowerBound..<range.lowerBound)) }
                columnBreaks.insert(virtual.count)
                virtual.append((run.lines.upperBound, range.lowerBound..<range.lowerBound))
                for n in run.lines { virtual.append((n, run.parts[n]?.right ?? range.lowerBound..<range.lowerBound)) }
                columnLines.formUnion(run.lines)
                continue
            }
            if let cells = joined.cells[index + 1] {
                // Each cell a line of its own, blanks between and after.
                for cell in cells {
                    virtual.append((index + 1, cell))
                    virtual.append((index + 1, cell.upperBound..<cell.upperBound))
                }
                continue
            }
            guard range.count >= 240 else { virtual.append((index + 1, range)); continue }
            var start = range.lowerBound
            for cut in Self.enumerationCuts(UnsafeBufferPointer(rebasing: all[range])) {
                virtual.append((index + 1, start..<(range.lowerBound + cut)))
                start = range.lowerBound + cut
            }
            virtual.append((index + 1, start..<range.upperBound))
        }
        func lineSlice(_ range: Range<Int>) -> Substring {
            let utf8 = source.text.utf8
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }

        let garbled = Self.garbledCircledNumbers(source, all)
        let glued = Self.gluedNumbers(source, all)
        var pageBreak = false  // a page number or running header since the open table's last row
        var loneBullet: String?  // a bullet standing alone on the line before, its entry's text on this one

        for (position, (number, range)) in virtual.enumerated() {
            // Nothing runs on from the left column into the right one.
            if columnBreaks.contains(position) { flushTable(); flushOpen(); blankSinceOpen = true; continue }
            let raw = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(raw)
            // A page number standing alone (`- 3 -`, `３`) or a running header beside one is page
            // furniture, read as a blank line; a table the page break cut goes on after it.
            if pageNumbers.contains(number) || runningHeaders.contains(number) {
                if !tableRows.isEmpty { pageBreak = true }
                blankSinceOpen = true
                continue
            }
            // A box-drawing rule (┌──┬──┐, ├──┼──┤) frames a table's rows and ends nothing.
            if !kept.isEmpty, Self.isBoxRule(UnsafeBufferPointer(rebasing: raw[kept])) {
                blankSinceOpen = true
                continue
            }
            if kept.isEmpty || Self.isRule(UnsafeBufferPointer(rebasing: raw[kept])) {
                // (The rule under a line framed by rules closes the frame: it is above nothing.)
                if !kept.isEmpty, Self.isHorizontalRule(UnsafeBufferPointer(rebasing: raw[kept])) {
                    ruleAbove = !(openKind != nil && openAfterRule && !blankSinceOpen && openFirst == openLast)
                }
                // A blank before page furniture is part of the page break.
                if !tableRows.isEmpty, !pageBreak {
                    var next = number + 1
                    while next <= source.lineCount, source.slice(next).trimmedSpaces().isEmpty { next += 1 }
                    if pageNumbers.contains(next) || runningHeaders.contains(next) { pageBreak = true }
                }
                if !pageBreak { flushTable() }
                blankSinceOpen = true
                continue
            }
            if pageBreak {
                pageBreak = false
                let tabRow = hasTab && memchr(raw.baseAddress!, 0x09, raw.count) != nil
                if !(tabbed && tabRow) { flushTable() }
            }
            // A tab makes a table row; so does any line that directly follows one (a ragged row
            // whose other cells are empty).
            // A row of cells joined by ｜ among rows of as many cells.
            if let cells = joined.tableRows[number] {
                flushOpen()
                if tabbed && !tableRows.isEmpty { flushTable() }
                tabbed = false
                tableRows.append(Table.Row(line: number, cells: cells))
                continue
            }
            // A Markdown table row `| a | b |` (its `|:--|` separator row is no row).
            if kept.count >= 2, raw[kept.lowerBound] == 0x7C, raw[kept.upperBound - 1] == 0x7C {
                flushOpen()
                if tabbed && !tableRows.isEmpty { flushTable() }
                tabbed = false
                let cells = Self.pipeCells(lineSlice(range).trimmedSpaces())
                if !cells.allSatisfy({ $0.allSatisfy { "-:| ".contains($0) } }) { tableRows.append(Table.Row(line: number, cells: cells)) }
                continue
            }
            // A row of a table drawn with box characters: `│委託　　│市の事業を…│` (a framed
            // box of one column, `│コラム…│`, is text).
            if kept.count >= 6, Self.isBoxBar(raw, kept.lowerBound), Self.isBoxBar(raw, kept.upperBound - 3),
               case let row = lineSlice(range).trimmedSpaces(), case let cells = Self.pipeCells(row, separator: row.first!), cells.count >= 2 {
                flushOpen()
                if tabbed && !tableRows.isEmpty { flushTable() }
                tabbed = false
                tableRows.append(Table.Row(line: number, cells: cells))
                continue
            }
            if let cells = spaceRows[number] {
                flushOpen()
                if tabbed { flushTable() }
                tabbed = false
                tableRows.append(Table.Row(line: number, cells: cells))
                continue
            }
            if !tabbed { flushTable() }
            // (A note under the table, `※…`, is no row of it.)
            let isNote = kept.count >= 3 && raw[kept.lowerBound] == 0xE2 && raw[kept.lowerBound + 1] == 0x80 && raw[kept.lowerBound + 2] == 0xBB
            if !tableRows.isEmpty && !isNote || (hasTab && memchr(raw.baseAddress!, 0x09, raw.count) != nil) {
                flushOpen()
                tabbed = true
                tableRows.append(Table.Row(line: number, cells: Self.cells(lineSlice(range))))
                continue
            }
            flushTable()
            var trimmed = UnsafeBufferPointer(rebasing: raw[kept])
            // A quoted line (`> 協働とは…`): the quote mark is no part of the text.
            if trimmed.count > 2, trimmed[0] == 0x3E, trimmed[1] == 0x20 { trimmed = UnsafeBufferPointer(rebasing: trimmed[2...]) }
            // After a question, an answer (`A. 協働とは…`, `A1　…`) opens a paragraph of its own,
            // without its mark.
            var answer = false
            if seenQuestion, trimmed[0] == 0x41 || trimmed[0] == 0xEF, case let n = MarkerScanner.answerPrefixLength(trimmed), n > 0 {
                trimmed = UnsafeBufferPointer(rebasing: trimmed[n...])
                answer = true
            }
            let first = Search.decode(trimmed, 0).0, last = Search.lastScalar(trimmed) ?? 0
            // A bullet alone on its line (`-` / `協働は目的達成のための手段`: a list item whose
            // marker extraction put on a line of its own) marks the line after it.
            if Search.scalarCount(trimmed) == 1, Self.isBulletGlyph(first), position + 1 < virtual.count,
               !Search.spaceTrimmed(UnsafeBufferPointer(rebasing: all[virtual[position + 1].1])).isEmpty {
                loneBullet = String(decoding: trimmed, as: UTF8.self)
                continue
            }
            let bulletBefore = loneBullet
            loneBullet = nil
            // Only a line whose first character can open a marker is scanned, as a substring.
            var scanned = MarkerScanner.mayStartMarker(first) && !answer ? MarkerScanner.scan(lineSlice(range).trimmedSpaces()) : nil
            if let bullet = bulletBefore, scanned == nil { scanned = MarkerScanner.scan(bullet + " " + lineSlice(range).trimmedSpaces()) }
            if let n = garbled[number] {
                scanned = (.circled(n), String(lineSlice(range).trimmedSpaces().dropFirst()).trimmedSpaces(), false)
            } else if scanned == nil, let (n, digits) = glued[number] {
                scanned = (.numbered(n), String(lineSlice(range).trimmedSpaces().dropFirst(digits)).trimmedSpaces(), false)
            }
            // In a narrow column, a line of eight characters or more that ends no sentence wraps.
            // (A paged source's reader knows which lines run to the edge of their column.)
            let long = isLong(trimmed) || scanned == nil && columnLines.contains(number) && trimmed.count >= 24 && Search.scalarCount(trimmed) >= 8
                || !wrapped.isEmpty && wrapped.contains(number)
            // (Across a blank line, a marked title with no clause in it, `(3)協働によるまちづくりを
            // 進めるために…取り組み`, does not run on into the sentence below it: that is its text.)
            let titleOverSentence = blankSinceOpen && openKind.map { if case .marked = $0 { true } else { false } } ?? false
                && !openBytes.withUnsafeBufferPointer { Self.holdsComma($0) || Self.holdsFullStop($0) } && Self.holdsFullStop(trimmed)
            let continuesWrap = openMayWrap && !titleOverSentence && (!blankSinceOpen || long || Self.endsSentence(last) || last == 0x3001)  // 、
            let openIsParagraph = if case .paragraph = openKind { true } else { false }
            // A line indented with an ideographic space opens a paragraph (字下げ); a contents
            // line (`協働の原則 ……… 3`) stands alone, and so does the line after it.
            let indented = raw.count >= 3 && raw[0] == 0xE3 && raw[1] == 0x80 && raw[2] == 0x80
            let contents = Self.endsInLeaderAndNumber(trimmed)
            // A short title line directly above a sentence is a heading over its text, not the
            // start of a paragraph (web pages saved as text put them on consecutive lines).
            // (A title after a sentence stays one whatever it ends in: `協働の基本原則(ルール)`; so
            // does a short question over its answer: `「協働」ってなに?`.)
            let titleAboveSentence = openIsParagraph && openPieces.count == 1 && !openMayWrap
                && (openLastScalar.map { !Self.endsSentence($0) && $0 != 0x3001 || $0 == 0xFF1F || $0 == 0x3F } ?? false || openIsTitleAfterSentence)
                && openBytes.count <= 90 && (memchr(trimmed.baseAddress!, 0xE3, trimmed.count) != nil && Self.holdsFullStop(trimmed) || long)
            // A flow (`【企画】→【実施】→【評価】`) stands alone too.
            let flow = Self.isFlow(trimmed)
            // So does a short line without 。 right after a sentence's end: a title (web pages saved
            // without blank lines: `…を定めました。` / `協働の原則` / `自主・自立の原則` / `…をいいます。`).
            // The titles may come one under another (協働の原則 / 対等の原則).
            // (A sentence asking, `…があるのでしょうか?`, ends as one: a question with a clause in it.)
            // (So does a note in parentheses closing on its 。, `（…提出願います。）`.)
            let openEndsSentence = openLastScalar == 0x3002
                || (openLastScalar == 0x3F || openLastScalar == 0xFF1F) && openBytes.withUnsafeBufferPointer(Self.holdsComma)
                || (openLastScalar == 0x29 || openLastScalar == 0xFF09) && Self.endsInStopAndParenthesis(openBytes)
            let titleAfterSentence = openIsParagraph && !blankSinceOpen && (openEndsSentence || openIsTitleAfterSentence) && last != 0x3001 && trimmed.count <= 100
                && !Self.holdsFullStop(trimmed) && Search.scalarCount(trimmed) <= 25 && !(long && columnLines.contains(number))
                && !Self.holdsComma(trimmed) && !Self.opensWithParticle(first)
            // And a label running into its sentence (`公平・公正の原則 協働の…。`) after a sentence's
            // end or a short title: a table flattened by extraction, one record a line.
            let runIn = openIsParagraph && !openMayWrap && openLastScalar.map { $0 == 0x3002 || openBytes.count <= 75 } ?? false
                && Self.isRunInLine(trimmed)
            // English beside Japanese (a bilingual edition's translation lines) joins neither way.
            let english = Self.isEnglishLine(trimmed)
            // A line indented deeper than the short title line above it is that title's text, not
            // its continuation (a document whose levels are shown by indentation alone).
            let underTitle = indentation && openIsParagraph && openPieces.count == 1 && !openMayWrap && Self.indent(raw) > openIndent
                && openBytes.count <= 90 && !(openLastScalar.map(Self.endsSentence) ?? true)
                && !openBytes.withUnsafeBufferPointer(Self.holdsFullStop)
            // Short title lines one under another (`施策1 …` / `施策の基本方針` / a slogan) are
            // titles each, not one paragraph: a line too short to be wrapped takes no next line.
            // (A line opening with a particle, `の解決や…`, `と定義します。`, continues a narrow column.)
            let titleUnderTitle = openIsParagraph && openEndsInTitle && !blankSinceOpen && Self.bracketsBalance(trimmed)
                && !Self.opensWithParticle(first)
            if scanned == nil, !answer, !flow, !titleAfterSentence, !runIn, !underTitle, !titleUnderTitle, openKind != nil, english == openIsEnglish, !contents, !openIsContents, !(indented && openIsParagraph && !openMayWrap && openLastScalar != 0x3001), !titleAboveSentence,
               !standalone.contains(number), !openStandalone,
               continuesWrap || (!blankSinceOpen && openIsParagraph) {
                // A hard-wrapped line, or the next line of a paragraph with no blank between.
                if let x = openLastScalar, isASCIILetter(x), isASCIILetter(first) { openBytes.append(0x20) }
                openPieces.append(Block.Piece(line: number, offset: openBytes.count))
                openBytes.append(contentsOf: trimmed)
                openLast = number
                openLastScalar = last
                openMayWrap = long && !Self.endsSentence(last)
                openEndsInTitle = Self.isShortTitleLine(trimmed, long: long, last: last)
                blankSinceOpen = false
                ruleAbove = false
                continue
            }
            flushOpen()
            openRuled = ruleAbove && scanned == nil
            openAfterRule = ruleAbove
            openIsContents = contents
            openStandalone = standalone.contains(number) || flow
            openIsTitleAfterSentence = titleAfterSentence && scanned == nil
            openIsEnglish = english && scanned == nil
            if let (marker, title, bulleted) = scanned {
                if case .question = marker { seenQuestion = true }
                openKind = .marked(marker)
                openEnclosed = (0x2474...0x2487).contains(first)
                openSpaced = if case .numbered = marker { Self.numberBeforeSpace(trimmed) } else { false }
                openBytes.append(contentsOf: title.utf8)
                openLastScalar = title.lastScalarValue
                openBulleted = bulleted
            } else {
                openKind = .paragraph
                openEnclosed = false
                openSpaced = false
                openBytes.append(contentsOf: trimmed)
                openLastScalar = last
                openBulleted = false
            }
            openPieces = [Block.Piece(line: number, offset: 0)]
            openEndsInTitle = scanned == nil && Self.isShortTitleLine(trimmed, long: long, last: last)
            openFirst = number
            openIndent = Self.indent(raw)
            openLast = number
            openMayWrap = long && !Self.endsSentence(last)
            blankSinceOpen = false
            ruleAbove = false
        }
        flushTable()
        flushOpen()
        return blocks
    }

    /// Whether bytes end in `。)` or `。）`.
    static func endsInStopAndParenthesis(_ bytes: [UInt8]) -> Bool {
        let stop: [UInt8] = [0xE3, 0x80, 0x82]
        if bytes.count >= 4, bytes.last == 0x29 { return Array(bytes[(bytes.count - 4)..<(bytes.count - 1)]) == stop }
        if bytes.count >= 6, bytes.suffix(3).elementsEqual([0xEF, 0xBC, 0x89]) { return Array(bytes[(bytes.count - 6)..<(bytes.count - 3)]) == stop }
        return false
    }

    /// The bullets a list item may stand alone before its text: - ・ ● ○ ■ ◆ ◇ *.
    static func isBulletGlyph(_ v: UInt32) -> Bool {
        [0x2D, 0x30FB, 0x25CF, 0x25CB, 0x25A0, 0x25C6, 0x25C7, 0x2A].contains(v)
    }

    /// A line too short to be hard-wrapped, in Japanese, ending no clause and holding no 。:
    /// a title, which takes no next line into its block.
    /// (A pamphlet's title broken over lines of a few characters, `自治会長と` / `市長との`, or
    /// in a word or a parenthesis, `くらしフェスタ` / `くるめ(東久留米`, is one title: a title line
    /// has seven characters or more, ends in no particle or ー, and closes what it opens.)
    static func isShortTitleLine(_ line: UnsafeBufferPointer<UInt8>, long: Bool, last: UInt32) -> Bool {
        guard !long, last != 0x3001, last != 0xFF0C, line.count >= 14, memchr(line.baseAddress!, 0xE3, line.count) != nil,
              !holdsComma(line),
              !holdsFullStop(line), case let count = Search.scalarCount(line), (4...25).contains(count) else { return false }
        // と の や が を に は へ で も ー — but …こと ends a sentence item, not in a particle
        // (the こ before the final と: its three bytes E3 81 93).
        let endsInKoto = last == 0x3068 && line.count >= 6 && line[line.count - 6] == 0xE3 && line[line.count - 5] == 0x81 && line[line.count - 4] == 0x93
        // (…とは asks what a term is: `協働事業とは` is a title.)
        let endsInToha = last == 0x306F && line.count >= 6 && line[line.count - 6] == 0xE3 && line[line.count - 5] == 0x81 && line[line.count - 4] == 0xA8
        guard count >= 7 || endsInToha else { return false }
        guard endsInKoto || endsInToha || ![0x3068, 0x306E, 0x3084, 0x304C, 0x3092, 0x306B, 0x306F, 0x3078, 0x3067, 0x3082, 0x30FC].contains(last) else { return false }
        return bracketsBalance(line)
    }

    /// Whether a line closes every parenthesis and bracket it opens, and opens every one it closes.
    static func bracketsBalance(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var depth = 0, i = 0
        while i < line.count {
            let (scalar, length) = Search.decode(line, i)
            if scalar == 0x28 || scalar == 0xFF08 || scalar == 0x300C || scalar == 0x3010 { depth += 1 }
            if scalar == 0x29 || scalar == 0xFF09 || scalar == 0x300D || scalar == 0x3011 { depth -= 1; if depth < 0 { return false } }
            i += max(1, length)
        }
        return depth == 0
    }

    /// Whether a line holds a comma (`、`, `，`, `,`): a clause goes on, it is no title.
    static func holdsComma(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count {
            if line[i] == 0x2C { return true }
            if i + 2 < line.count, line[i] == 0xE3, line[i + 1] == 0x80, line[i + 2] == 0x81 { return true }  // 、
            if i + 2 < line.count, line[i] == 0xEF, line[i + 1] == 0xBC, line[i + 2] == 0x8C { return true }  // ，
            i += 1
        }
        return false
    }

    /// Whether a line's first character is a particle that cannot open a text (の と を に は が で や へ も).
    static func opensWithParticle(_ first: UInt32) -> Bool {
        [0x306E, 0x3068, 0x3092, 0x306B, 0x306F, 0x304C, 0x3067, 0x3084, 0x3078, 0x3082].contains(first)
    }

    /// Whether the text shows its levels by indentation: two in five of its lines or more are
    /// indented, one in ten or more is not (headings at the margin, their text indented under them).
    static func indentationShowsLevels(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> Bool {
        var indented = 0, flush = 0
        for range in source.lineRanges where !range.isEmpty {
            let first = all[range.lowerBound]
            if first == 0x20 || first == 0x09 || first == 0xE3 && range.count >= 3 && all[range.lowerBound + 1] == 0x80 && all[range.lowerBound + 2] == 0x80 {
                let line = UnsafeBufferPointer(rebasing: all[range])
                if !Search.spaceTrimmed(line).isEmpty { indented += 1 }
            } else if first != 0x0D {
                flush += 1
            }
        }
        let total = indented + flush
        return total >= 10 && indented * 5 >= total * 2 && flush * 10 >= total
    }

    /// The lines of runs of six or more consecutive short lines (at most 20 scalars) that end no
    /// sentence: menus and link lists, whose lines are items of their own, not a wrapped text.
    static func shortLineRuns(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        var out = Set<Int>()
        var run: [Int] = []
        func finish() {
            if run.count >= 6 { out.formUnion(run) }
            run.removeAll()
        }
        for (index, range) in source.lineRanges.enumerated() {
            // Long lines are none of these: one look at the length.
            guard range.count <= 240 else { finish(); continue }
            let line = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(line)
            guard !kept.isEmpty else { finish(); continue }
            let t = traits(UnsafeBufferPointer(rebasing: line[kept]))
            // A breadcrumb trail (ホーム > 市政 > 協働) stands alone whatever its length, and so
            // does a field line (ページID：4521　更新日：2021年7月1日, 電話：0000-00-0000).
            if t.separators >= 2 || t.fieldLine { out.insert(index + 1); finish(); continue }
            guard kept.count <= 80, t.scalars <= 20, !endsSentence(t.last) || t.last == 0x3011 || t.last == 0x300D else { finish(); continue }
            // A line with a comma inside is a narrow column's text, not a menu entry.
            guard !holdsComma(UnsafeBufferPointer(rebasing: line[kept])) else { finish(); continue }
            run.append(index + 1)
        }
        finish()
        return out
    }

    /// The lines of a definition list saved as text (an HTML `<dl>`): a short term line over a
    /// longer description line, three times or more in a row with no blank line, a note
    /// (`*…`, `※…`) allowed after a description: `市民` / `市内に在住し、…人` / `地域組織` / `区、町内会…`.
    /// The term lines stand alone: a description without its 。 takes no next term into it, and
    /// a term takes no description (a description still takes the lines that go on with it).
    static func termLineRuns(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        let ranges = source.lineRanges
        // Per line: its scalar count (0 when blank), whether it may be a term, whether it is a note.
        func look(_ k: Int) -> (scalars: Int, term: Bool, note: Bool) {
            guard ranges[k].count <= 600 else { return (200, false, false) }
            let line = UnsafeBufferPointer(rebasing: all[ranges[k]])
            let kept = Search.spaceTrimmed(line)
            guard !kept.isEmpty else { return (0, false, false) }
            let trimmed = UnsafeBufferPointer(rebasing: line[kept])
            let t = traits(trimmed)
            let first = Search.decode(trimmed, 0).0
            let term = (2...12).contains(t.scalars) && !endsSentence(t.last) && !holdsComma(trimmed) && !holdsFullStop(trimmed)
                && ![0x3068, 0x306E, 0x3084, 0x304C, 0x3092, 0x306B, 0x306F, 0x3078, 0x3067, 0x3082, 0x3001].contains(t.last) && !opensWithParticle(first)
            return (t.scalars, term, first == 0x2A || first == 0x203B || first == 0xFF0A)
        }
        // Each line looked at once, and only where a term may start: a short line.
        var looked: [(scalars: Int, term: Bool, note: Bool)?] = Array(repeating: nil, count: ranges.count)
        func at(_ k: Int) -> (scalars: Int, term: Bool, note: Bool) {
            if let known = looked[k] { return known }
            let found = look(k)
            looked[k] = found
            return found
        }
        var out = Set<Int>()
        var k = 0
        while k + 1 < ranges.count {
            // (A term is at most 12 scalars, 48 bytes with its spaces around: a longer line starts no run.)
            guard ranges[k].count <= 64 else { k += 1; continue }
            var j = k
            var lines: [Int] = []
            var terms = 0
            while j + 1 < ranges.count {
                let term = at(j)
                guard term.term else { break }
                let description = at(j + 1)
                guard description.scalars >= max(10, term.scalars * 2), !description.term else { break }
                lines.append(j + 1)
                terms += 1
                j += 2
                while j < ranges.count, case let note = at(j), note.note, note.scalars > 0 { j += 1 }
            }
            if terms >= 3 { out.formUnion(lines) }
            k = max(k + 1, j)
        }
        return out
    }

    /// What one pass over a trimmed line tells: breadcrumb separators (` > `, `＞`, `»`), whether
    /// it is a field line, its scalar count and last scalar.
    static func traits(_ line: UnsafeBufferPointer<UInt8>) -> (separators: Int, fieldLine: Bool, scalars: Int, last: UInt32) {
        guard let p = line.baseAddress, !line.isEmpty else { return (0, false, 0, 0) }
        let n = line.count
        var separators = 0, scalars = 0, i = 0
        var colonAt: Int?
        var fullStop = false
        // Byte by byte (the text is valid UTF-8): a scalar starts at every byte but a
        // continuation byte; the few scalars looked for are told by their lead bytes.
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b == 0x3E { if i > 0, p[i - 1] == 0x20 { separators += 1 } }  // ` >`
                else if b == 0x3A, colonAt == nil, scalars >= 1, scalars <= 10 { colonAt = scalars }  // :
                scalars &+= 1
            } else if b & 0xC0 != 0x80 {
                if b == 0xEF, i + 2 < n, p[i + 1] == 0xBC {
                    if p[i + 2] == 0x9E { separators += 1 }  // ＞
                    else if p[i + 2] == 0x9A, colonAt == nil, scalars >= 1, scalars <= 10 { colonAt = scalars }  // ：
                } else if b == 0xE3, i + 2 < n, p[i + 1] == 0x80, p[i + 2] == 0x82 {
                    fullStop = true  // 。
                } else if b == 0xC2, i + 1 < n, p[i + 1] == 0xBB {
                    separators += 1  // »
                }
                scalars &+= 1
            }
            i &+= 1
        }
        var start = n - 1
        while start > 0, p[start] & 0xC0 == 0x80 { start -= 1 }
        let last = Search.decode(line, start).0
        let field = !fullStop && line.count <= 200 && colonAt.map { scalars <= 50 && scalars > $0 + 1 } ?? false
        return (separators, field, scalars, last)
    }

    /// Where a long line holding an enumeration is cut: before each entry of a run in sequence
    /// (two or more) of ①②③, ⑴⑵⑶, (1)(2)(3) or （１）（２）, and before a numbered heading that
    /// follows a sentence's end (`…ました。 2 協働の原則 …`). Byte offsets in the line.
    static func enumerationCuts(_ line: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [[(at: Int, n: Int)]] = [[], [], [], [], [], [], [], []]
        // Whether the text before byte `i` ends a sentence or a word: 。 or a space.
        func afterStopOrSpace(_ i: Int) -> Bool {
            i == 0 || line[i - 1] == 0x20 || (i >= 3 && line[i - 3] == 0xE3 && line[i - 2] == 0x80 && (line[i - 1] == 0x82 || line[i - 1] == 0x80))
        }
        func digits(_ i: Int, fullWidth: Bool) -> (n: Int, end: Int)? {
            var j = i, n = 0, count = 0
            while count < 2 {
                if !fullWidth, j < line.count, (0x30...0x39).contains(line[j]) { n = n * 10 + Int(line[j] - 0x30); j += 1 }
                else if fullWidth, j + 2 < line.count, line[j] == 0xEF, line[j + 1] == 0xBC, (0x90...0x99).contains(line[j + 2]) { n = n * 10 + Int(line[j + 2] - 0x90); j += 3 }
                else { break }
                count += 1
            }
            return count > 0 ? (n, j) : nil
        }
        var i = 0
        while i < line.count {
            let b = line[i]
            if b == 0xE2, i + 2 < line.count, line[i + 1] == 0x91 {
                let c = line[i + 2]
                if (0xA0...0xB3).contains(c) { found[0].append((i, Int(c - 0xA0) + 1)) }
                if (0xB4...0xBF).contains(c) { found[1].append((i, Int(c - 0xB4) + 1)) }
            } else if b == 0x28, let (n, end) = digits(i + 1, fullWidth: false), end < line.count, line[end] == 0x29 {
                found[2].append((i, n))
            } else if b == 0xEF, i + 2 < line.count, line[i + 1] == 0xBC, line[i + 2] == 0x88, let (n, end) = digits(i + 3, fullWidth: true),
                      end + 2 < line.count, line[end] == 0xEF, line[end + 1] == 0xBC, line[end + 2] == 0x89 {
                found[3].append((i, n))
            } else if (0x31...0x39).contains(b), afterStopOrSpace(i), let (n, end) = digits(i, fullWidth: false), end + 1 < line.count,
                      line[end] == 0x2E, line[end + 1] >= 0x80 {
                // `。1.目的を分かち合う …2.対等に向き合う`: numbered with a stop, in sequence.
                found[6].append((i, n))
            } else if b == 0x53, afterStopOrSpace(i), i + 4 < line.count, line[i + 1] == 0x54, line[i + 2] == 0x45, line[i + 3] == 0x50,
                      let (n, end) = digits(i + 4, fullWidth: false), end < line.count, line[end] == 0x20 || line[end] >= 0x80 {
                // `。STEP1 思いを伝える … STEP2 …`
                found[7].append((i, n))
            } else if b == 0x20, let (n, end) = digits(i + 1, fullWidth: false), end + 1 < line.count, line[end] == 0x20, line[end + 1] >= 0x80 {
                // ` 3 協働の原則`: after a sentence's end, or in a run in sequence (` 2 … 3 …`).
                let afterStop = i >= 3 && line[i - 3] == 0xE3 && line[i - 2] == 0x80 && line[i - 1] == 0x82
                found[afterStop ? 4 : 5].append((i + 1, n))
            }
            i += 1
        }
        var cuts = Set<Int>()
        // A numbered heading after a sentence's end is always cut before.
        cuts.formUnion(found[4].map(\.at))
        // Numbered headings with spaces round the number, any of them, cut where in sequence.
        let spaced = (found[4] + found[5]).sorted { $0.at < $1.at }
        for (k, marks) in [found[0], found[1], found[2], found[3], spaced, found[6], found[7]].enumerated() {
            // Runs in sequence: each mark the next number after the one before it.
            var run: [Int] = []
            var expected: Int?
            for m in marks {
                if let e = expected, m.n == e { run.append(m.at) }
                else if m.n == 1 || k == 4 {
                    if run.count >= 2 { cuts.formUnion(run) }
                    run = [m.at]
                } else { continue }
                expected = m.n + 1
            }
            if run.count >= 2 { cuts.formUnion(run) }
        }
        return cuts.filter { $0 > 0 }.sorted()
    }

    /// The lines that are page furniture: page numbers standing alone, and running headers — a
    /// short line without a tab that stands three times or more beside a page number (within two
    /// lines), each such occurrence.
    static func pageFurniture(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> (numbers: Set<Int>, headers: Set<Int>) {
        var numbers = Set<Int>()
        for (index, range) in source.lineRanges.enumerated() where range.count <= 48 {
            let line = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(line)
            guard !kept.isEmpty, kept.count <= 24 else { continue }
            if isPageNumber(UnsafeBufferPointer(rebasing: line[kept]), source: source, line: index + 1) { numbers.insert(index + 1) }
        }
        guard !numbers.isEmpty else { return (numbers, []) }
        // Running headers: only where there are page numbers, only the lines beside them.
        var short: [String: [Int]] = [:]
        for n in numbers {
            for m in [n - 2, n - 1, n + 1, n + 2] where m >= 1 && m <= source.lineCount && !numbers.contains(m) {
                let line = UnsafeBufferPointer(rebasing: all[source.lineRanges[m - 1]])
                let kept = Search.spaceTrimmed(line)
                guard !kept.isEmpty, kept.count <= 90 else { continue }
                let trimmed = UnsafeBufferPointer(rebasing: line[kept])
                guard memchr(trimmed.baseAddress!, 0x09, trimmed.count) == nil else { continue }
                short[String(decoding: trimmed, as: UTF8.self), default: []].append(m)
            }
        }
        var headers = Set<Int>()
        for (_, lines) in short where Set(lines).count >= 3 { headers.formUnion(lines) }
        return (numbers, headers)
    }

    /// The display width of a line's leading spaces (a tab as four, an ideographic space as two).
    static func indent(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var width = 0, i = 0
        while i < raw.count {
            if raw[i] == 0x20 { width += 1; i += 1 }
            else if raw[i] == 0x09 { width += 4; i += 1 }
            else if i + 2 < raw.count, raw[i] == 0xE3, raw[i + 1] == 0x80, raw[i + 2] == 0x80 { width += 2; i += 3 }
            else { break }
        }
        return width
    }

    /// A line of one repeated rule character (`-----`, `=====`, `━━━━`, `＿＿＿`), three or more,
    /// or an arrow alone: a horizontal rule, a setext underline or a flow's arrow, read as a blank line.
    /// Whether the three bytes at `i` are a box-drawing vertical bar (│ ┃).
    static func isBoxBar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= 0 && i + 2 < bytes.count && bytes[i] == 0xE2 && bytes[i + 1] == 0x94 && (bytes[i + 2] == 0x82 || bytes[i + 2] == 0x83)
    }

    /// A line of box-drawing characters (U+2500–U+257F) and spaces only, with a corner or a
    /// junction in it: a table's frame, not a rule between sections.
    static func isBoxRule(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 6, line[0] == 0xE2, line[1] == 0x94 || line[1] == 0x95 else { return false }
        var i = 0
        var corner = false
        while i < line.count {
            let (v, w) = Search.decode(line, i)
            if v == 0x20 || v == 0x3000 { i += w; continue }
            guard (0x2500...0x257F).contains(v) else { return false }
            if v != 0x2500 && v != 0x2501 { corner = true }
            i += w
        }
        return corner
    }

    /// A rule line that is no arrow: three or more of one rule character.
    static func isHorizontalRule(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let (_, width) = Search.decode(line, 0)
        return width < line.count && isRule(line)
    }

    static func isRule(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        let (first, width) = Search.decode(line, 0)
        // An arrow alone between steps (↓, ⇩, ▼) joins nothing.
        if width == line.count, [0x2193, 0x21E9, 0x2B07, 0x21D3, 0x25BC, 0x25BD].contains(first) { return true }
        guard [0x2D, 0x3D, 0x5F, 0x2A, 0x2501, 0x2500, 0xFF3F, 0xFF1D, 0x30FC, 0x2015].contains(first), line.count / width >= 3 else { return false }
        var i = 0
        while i < line.count {
            let (v, w) = Search.decode(line, i)
            if v != first && v != 0x20 { return false }
            i += w
        }
        return true
    }

    /// The cells of a Markdown table row, trimmed, the outer bars dropped.
    static func pipeCells(_ row: Substring, separator: Character = "|") -> [String] {
        var cells = row.split(separator: separator, omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
        if cells.first == "" { cells.removeFirst() }
        if cells.last == "" { cells.removeLast() }
        return cells.map { MarkerScanner.unbolded($0) }
    }

    /// An English line: ASCII only, beginning with a letter, holding a lowercase one.
    static func isEnglishLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        return !line.contains { $0 >= 0x80 } && line.contains { (0x61...0x7A).contains($0) }
    }

    /// Whether a trimmed line opens with a label of 2 to 20 scalars (no 、。「」) and a space
    /// (half-width or ideographic), then a sentence of ten scalars or more; or with such a label
    /// and a colon, then five scalars or more.
    static func isRunInLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, scalars = 0
        while i < line.count, scalars <= 20 {
            let (v, w) = Search.decode(line, i)
            if v == 0x20 || v == 0x3000 { break }
            // `見出し：説明…`: a label before a colon.
            if v == 0xFF1A || v == 0x3A {
                guard (2...20).contains(scalars) else { return false }
                let rest = UnsafeBufferPointer(rebasing: line[(i + w)...])
                return rest.count >= 12 && Search.scalarCount(rest) >= 5
            }
            if v == 0x3001 || v == 0x3002 || v == 0x300C || v == 0x300D || v < 0x80 && v != 0x2E { return false }
            scalars += 1
            i += w
        }
        guard (2...20).contains(scalars), i < line.count else { return false }
        let rest = UnsafeBufferPointer(rebasing: line[i...])
        return rest.count >= 30 && Search.scalarCount(rest) >= 11
    }

    /// Circled numbers a wrong decoding turned into ASCII (CP932's ①②③ losing their lead byte
    /// become `@`, `A`, `B`, …): lines, one after another, beginning `@` then `A`, `B` … directly
    /// before Japanese text. The line numbers with the number each stands for.
    static func garbledCircledNumbers(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        guard let base = all.baseAddress, memchr(base, 0x40, all.count) != nil else { return [:] }
        var out: [Int: Int] = [:]
        func lead(_ line: Int) -> UInt8? {
            let range = source.lineRanges[line - 1]
            let raw = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(raw)
            guard kept.count >= 4, raw[kept.lowerBound + 1] >= 0xE3 else { return nil }
            return raw[kept.lowerBound]
        }
        var line = 1
        while line <= source.lineCount {
            guard lead(line) == 0x40 else { line += 1; continue }
            var run = [line]
            var next = line + 1
            while next <= source.lineCount, run.count < 20 {
                if source.slice(next).trimmedSpaces().isEmpty { next += 1; continue }
                guard lead(next) == 0x41 + UInt8(run.count - 1) else { break }
                run.append(next)
                next += 1
            }
            if run.count >= 3 { for (k, l) in run.enumerated() { out[l] = k + 1 } }
            line = next
        }
        return out
    }

    /// Numbers written straight before their title (`1参画、政策提案`, `2委託`), known by their
    /// sequence: three or more such lines numbered 1, 2, 3 … in order, other lines between.
    /// A unit after the digits (3つ, 5年, 2割) makes a quantity, not a number. The line numbers
    /// with each one's number and its digit count.
    static func gluedNumbers(_ source: SourceText, _ all: UnsafeBufferPointer<UInt8>) -> [Int: (Int, Int)] {
        var candidates: [(line: Int, n: Int, digits: Int)] = []
        for (index, range) in source.lineRanges.enumerated() where range.count >= 4 && range.count <= 240 {
            let raw = UnsafeBufferPointer(rebasing: all[range])
            let kept = Search.spaceTrimmed(raw)
            guard kept.count >= 4, (0x31...0x39).contains(raw[kept.lowerBound]) else { continue }
            var i = kept.lowerBound, n = 0
            while i < kept.upperBound, (0x30...0x39).contains(raw[i]), i - kept.lowerBound < 2 { n = n * 10 + Int(raw[i] - 0x30); i += 1 }
            guard i < kept.upperBound, raw[i] >= 0xE3 else { continue }
            let (next, _) = Search.decode(UnsafeBufferPointer(rebasing: raw[i..<kept.upperBound]), 0)
            guard let scalar = Unicode.Scalar(next), !gluedUnits.contains(Character(scalar)), !(0xFF00...0xFF65).contains(next), !(0x3000...0x3003).contains(next) else { continue }
            candidates.append((index + 1, n, i - kept.lowerBound))
        }
        var out: [Int: (Int, Int)] = [:]
        var run: [(line: Int, n: Int, digits: Int)] = []
        func finish() {
            if run.count >= 3 { for c in run { out[c.line] = (c.n, c.digits) } }
            run = []
        }
        for c in candidates {
            if let last = run.last, c.n == last.n + 1 { run.append(c); continue }
            finish()
            if c.n == 1 { run = [c] }
        }
        finish()
        return out
    }

    /// What may follow digits as a unit, making them a quantity.
    static let gluedUnits: Set<Character> = Set("つ年月日人回件点割倍万億千百円時分秒歳名社かヶカ箇項条章号節部編番階度級位種校団町市村区期次代")

    /// Whether the digits at the start of a line stand before a space (`1 総則`, `１　総則`).
    static func numberBeforeSpace(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count {
            if (0x30...0x39).contains(line[i]) { i += 1 }
            else if i + 2 < line.count, line[i] == 0xEF, line[i + 1] == 0xBC, (0x90...0x99).contains(line[i + 2]) { i += 3 }
            else { break }
        }
        guard i > 0, i < line.count else { return false }
        return line[i] == 0x20 || (i + 2 < line.count && line[i] == 0xE3 && line[i + 1] == 0x80 && line[i + 2] == 0x80)
    }

    /// Whether a line is a flow of steps: two arrows → (E2 86 92) or more, and no 。.
    static func isFlow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        var arrows = 0, i = 0
        // From one E2 byte to the next (memchr): Japanese text has few.
        while i + 2 < line.count, let p = memchr(base + i, 0xE2, line.count - i - 2) {
            i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if line[i + 1] == 0x86, line[i + 2] == 0x92 { arrows += 1 }
            i += 1
        }
        return arrows >= 2 && !holdsFullStop(line)
    }

    /// Whether a line holds 。 (E3 80 82).
    static func holdsFullStop(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < line.count {
            if line[i] == 0xE3, line[i + 1] == 0x80, line[i + 2] == 0x82 { return true }
            i += 1
        }
        return false
    }

    /// Whether a trimmed line is a page number standing alone: dashes around one to four digits
    /// (`- 3 -`, `－３－`), or bare digits with a blank line (or the file's edge) on each side.
    static func isPageNumber(_ line: UnsafeBufferPointer<UInt8>, source: SourceText, line number: Int) -> Bool {
        guard line.count <= 24 else { return false }
        var digits = 0, dashes = 0, i = 0
        while i < line.count {
            let (v, width) = Search.decode(line, i)
            switch v {
            case 0x30...0x39, 0xFF10...0xFF19: digits += 1
            case 0x2D, 0xFF0D, 0x2015, 0x2010, 0x2212, 0x2500: dashes += 1
            case 0x20, 0x3000: break
            default: return false
            }
            i += width
        }
        guard (1...4).contains(digits) else { return false }
        if dashes > 0 { return true }
        let blank = { (n: Int) in n < 1 || n > source.lineCount || source.slice(n).trimmedSpaces().isEmpty }
        return blank(number - 1) && blank(number + 1)
    }

    /// Whether a trimmed line ends in leader dots and a page number: a table-of-contents line.
    static func endsInLeaderAndNumber(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = line.count
        var digits = 0
        while end > 0, (0x30...0x39).contains(line[end - 1]) { end -= 1; digits += 1 }
        if digits == 0 {
            // Full-width digits: EF BC 90-99.
            while end >= 3, line[end - 3] == 0xEF, line[end - 2] == 0xBC, (0x90...0x99).contains(line[end - 1]) { end -= 3; digits += 1 }
        }
        guard (1...4).contains(digits) else { return false }
        while end > 0, line[end - 1] == 0x20 { end -= 1 }
        // … (E2 80 A6) and ‥ (E2 80 A5) once or more; ・ (E3 83 BB), . and ．(EF BC 8E) twice or more.
        var ellipses = 0, dots = 0
        while true {
            if end >= 3, line[end - 3] == 0xE2, line[end - 2] == 0x80, line[end - 1] == 0xA6 || line[end - 1] == 0xA5 { end -= 3; ellipses += 1 }
            else if end >= 3, line[end - 3] == 0xE3, line[end - 2] == 0x83, line[end - 1] == 0xBB { end -= 3; dots += 1 }
            else if end >= 3, line[end - 3] == 0xEF, line[end - 2] == 0xBC, line[end - 1] == 0x8E { end -= 3; dots += 1 }
            else if end >= 1, line[end - 1] == 0x2E { end -= 1; dots += 1 }
            else { break }
        }
        return ellipses >= 1 || dots >= 2
    }

    /// The cells of a table row: the text between tabs, trimmed. (Split by bytes: a tab is a
    /// control character, a grapheme cluster of its own, so this is what splitting by
    /// `Character` gives, without walking clusters.)
    static func cells(_ row: Substring) -> [String] {
        let tabs: [Int] = row.withUTF8Bytes { b in b.indices.filter { b[$0] == 0x09 } }
        let utf8 = row.utf8
        var cells: [String] = []
        cells.reserveCapacity(tabs.count + 1)
        var start = 0
        for end in tabs + [utf8.count] {
            let cell = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            cells.append(String(cell.trimmedSpaces()))
            start = end + 1
        }
        return cells
    }

    /// At least `wrapWidth` scalars (a scalar is one to four UTF-8 bytes, so the byte count
    /// mostly decides without counting).
    private func isLong(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        if line.count < options.wrapWidth { return false }
        if line.count >= options.wrapWidth * 4 { return true }
        // By display width, a wide character counting two: an English heading of 35 letters is
        // no wrapped Japanese line of 35 characters.
        var width = 0
        for b in line where b < 0x80 || b >= 0xC0 { width += b < 0x80 ? 1 : b >= 0xE0 ? 2 : 1 }
        return width >= options.wrapWidth * 2
    }

    @inline(__always) private func isASCIILetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
}
