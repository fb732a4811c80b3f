import ArgumentParser
import KyodoCompare
import KyodoModel
import KyodoReports

/// `kyodo compare DOC…`: items of several municipalities aligned to the codebook.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align municipalities' guidelines to the codebook's concepts and compare them.",
        discussion: """
            Layouts: wide (concepts × municipalities, each cell the wording as written with its line), \
            long (one row per item per concept: aspect, concept, municipality, document, label, score, source (label, gloss, description or manual), line_start, line_end), \
            presence (1 / 0 / NA). Every layout adds a summary, the items unique to one municipality, items carrying \
            several concepts, each municipality's closest municipalities per aspect (neighbours), and the aspects a \
            municipality does not state, caveats, and suggested_concepts (items no concept fits, grouped across \
            municipalities with a proposed cue and the codebook line to paste); with an alignment file, a manual table. \
            Pick one with --table (summary, unique, combined, neighbours, not_stated, caveats, suggested_concepts, manual). \
            --table similarity gives the similarity of every pair of municipalities (n(n-1)/2 rows per aspect), \
            built only when asked for.
            """)

    @Argument(help: ArgumentHelp("Document ids, municipality ids or text files.", valueName: "DOC"))
    var documents: [String] = []

    @Flag(help: "Compare every document of the corpus.")
    var all = false

    @Option(help: ArgumentHelp("wide, long or presence.", valueName: "layout"))
    var layout: String = "wide"

    @OptionGroup var aspects: AlignedAspectsOptions
    @OptionGroup var vocabulary: VocabularyOptions
    @OptionGroup var alignments: AlignmentOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if documents.isEmpty && !all { throw ValidationError("name documents or municipalities to compare, or use --all") }
        if !documents.isEmpty && all { throw ValidationError("--all compares the whole corpus: name no documents with it") }
        guard CompareReport.Layout(rawValue: layout.lowercased()) != nil else {
            let known = CompareReport.Layout.allCases.map(\.rawValue)
            throw ValidationError("unknown layout '\(layout)'\(DidYouMean.suggestion(layout, among: known)); known: \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        try ExitCodes.run {
            let names = all ? try corpus.corpusReader().manifest?.documents.map(\.id) ?? [] : documents
            var read = try corpus.read(names)
            let chosen = try aspects.list()
            let aligner = try alignments.aligner(try vocabulary.load(corpus: corpus, into: &read.inputs), corpus: corpus, into: &read.inputs)
            var comparison = aligner.compare(read.guidelines, aspects: chosen)
            alignments.review(&comparison, quiet: corpus.quiet)
            // The HTML view draws the heatmap with the passages behind it, and the similarity of
            // every pair while there are few enough to draw; a table asked for by name is that table.
            let html = output.format == "html" && output.table == nil
            let wantsPassages = html || output.table == "passages"
            let report = CompareReport.make(comparison, layout: CompareReport.Layout(rawValue: layout.lowercased()) ?? .wide,
                                            tables: html ? CompareReport.htmlTables(comparison) : output.tableSelection,
                                            passages: wantsPassages ? try PassageFiles.lookup(read, options: corpus.loadOptions) : nil)
            try output.emit(report, inputs: read.inputs)
        }
    }
}
