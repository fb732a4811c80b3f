import ArgumentParser
import Foundation
import KyodoDocument
import KyodoReports
import KyodoText

/// `kyodo outline FILE`: the document tree the extractor reads, to see why an item was or was not found.
struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print the document tree of a document: sections with their levels and lines, lists, paragraphs, tables.",
        discussion: "§LEVEL STYLE NUMBER @LINES TITLE for a section, ≡ for a list of sibling sections, ¶ a paragraph ([title]: a title standing alone), ▦ a table.")

    @Argument(help: ArgumentHelp("A document (text, PDF, HTML, DOCX) or a corpus document id.", valueName: "DOC"))
    var document: String

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        try ExitCodes.run {
            let reader = try corpus.corpusReader()
            for (doc, path) in try reader.documents(named: document, warn: Diagnostics.write) {
                let tree = try DocumentReader.read(path: path, name: doc.file, options: corpus.loadOptions).tree
                try StandardStreams.output(Array(VisibleText.escape(OutlineDump.render(tree), keeping: ["\n", "\t"]).utf8))
            }
        }
    }
}
