import ArgumentParser
import KyodoReports

/// `kyodo show DOC…`: the extracted schema, every item with its line span.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was read from documents: every item with its line span.",
        discussion: "CSV columns: document, municipality, aspect, aspect_ja, ordinal, label, normalized_label, description, attributes, line_start, line_end, source, item_id (document/aspect/ordinal: the id compare's long layout gives the same item).")

    @Argument(help: ArgumentHelp("Document ids, municipality ids or text files.", valueName: "DOC"))
    var documents: [String] = []

    @Flag(help: "Show every document of the corpus.")
    var all = false

    @Option(help: ArgumentHelp("definition, principles, forms, partners, processes, measures, activities, programmes, checks, projects, history, a comma-separated list, or all.", valueName: "aspect"))
    var aspect: String = "all"

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if documents.isEmpty && !all { throw ValidationError("name at least one document, municipality or file, or use --all") }
        if !documents.isEmpty && all { throw ValidationError("--all shows the whole corpus: name no documents with it") }
        _ = try AspectChoice.parse(aspect)
    }

    func run() throws {
        try ExitCodes.run {
            let names = all ? try corpus.corpusReader().manifest?.documents.map(\.id) ?? [] : documents
            if all && names.isEmpty { throw CommandError.missingCorpus(path: corpus.manifestPath, reason: "no such file: --all reads the corpus manifest (name the folder with --corpus)") }
            let read = try corpus.read(names)
            let report = ShowReport.make(read.guidelines, aspects: try AspectChoice.parse(aspect))
            try output.emit(report, inputs: read.inputs)
        }
    }
}
