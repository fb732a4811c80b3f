import ArgumentParser
import Foundation
import KyodoDocument
import KyodoReports
import KyodoText

/// `kyodo text DOC`: the text Kyodo read from a document, with the line numbers (and a PDF's
/// pages) every citation refers to.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text read from a document (PDF, web page, Word file or text), line by line, as citations number it.",
        discussion: """
            Each line: its number, for a PDF its page and line on the page (p4:12), a mark for what \
            the reader set aside (~ a running header, footer or page number), then the text. \
            A citation file.pdf:p4:12-15 is lines 12 to 15 of page 4; the line numbers of the extracted \
            text are those of the JSON's line_start and line_end.
            """)

    @Argument(help: ArgumentHelp("A document (text, PDF, HTML, DOCX) or a corpus document id.", valueName: "DOC"))
    var document: String

    @Flag(help: "Print the text alone, without line numbers (to read or search it with other tools).")
    var plain = false

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        try ExitCodes.run {
            let reader = try corpus.corpusReader()
            for (doc, path) in try reader.documents(named: document, warn: Diagnostics.write) {
                let read = try DocumentReader.read(path: path, name: doc.file, options: corpus.loadOptions)
                for note in read.notes { Diagnostics.write("\(path): note: \(note.message)") }
                try StandardStreams.output(Array(VisibleText.escape(Self.render(read.tree.source, plain: plain), keeping: ["\n", "\t"]).utf8))
            }
        }
    }

    /// The numbered lines of a source.
    static func render(_ source: SourceText, plain: Bool) -> String {
        let count = source.lineCount
        guard !plain else { return (1...max(count, 1)).map { String(source.slice($0)) }.joined(separator: "\n") + "\n" }
        let width = String(count).count
        let paged = !source.pageStarts.isEmpty
        var out = "text \(source.name) format=\(source.format.rawValue) encoding=\(source.encoding.rawValue) lines=\(count)"
            + (paged ? " pages=\(source.pageStarts.count)" : "") + "\n"
        for n in 1...max(count, 1) {
            let number = String(n)
            out += String(repeating: " ", count: width - number.count) + number
            if let (page, line) = source.page(ofLine: n) {
                let mark = "p\(page):\(line)"
                out += " " + mark + String(repeating: " ", count: max(0, 8 - mark.count))
            }
            out += source.furniture.contains(n) ? " ~ " : "   "
            out += String(source.slice(n)) + "\n"
        }
        return out
    }
}
