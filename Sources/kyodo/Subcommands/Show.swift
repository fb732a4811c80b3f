import ArgumentParser
import KyodoReports

/// `kyodo show DOC…`: the extracted schema, every item with its line span.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was read from documents: every item with its line span.",
        discussion: "CSV columns: document, municipality, aspect, aspect_ja, ordinal, label, normalized_label, description, attributes, line_start, line_end, source.")

    @Argument(help: ArgumentHelp("Document ids, municipality ids or text files.", valueName: "DOC"))
    var documents: [String]

    @Option(help: ArgumentHelp("definition, principles, forms, partners, processes, measures, activities, programmes, checks, projects, history, a comma-separated list, or all.", valueName: "aspect"))
    var aspect: String = "all"

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if documents.isEmpty { throw ValidationError("name at least one document, municipality or file") }
        _ = try AspectChoice.parse(aspect)
    }

    func run() throws {
        try ExitCodes.run {
            let read = try corpus.read(documents)
            let report = ShowReport.make(read.guidelines, aspects: try AspectChoice.parse(aspect))
            try output.emit(report, inputs: read.inputs)
        }
    }
}
