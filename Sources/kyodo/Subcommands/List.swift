import ArgumentParser
import KyodoReports

/// `kyodo list`: the corpus, with dates and item counts per aspect.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the corpus: documents, municipalities, dates, item counts per aspect.")

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ExitCodes.run {
            let ids = try corpus.corpusReader().manifest?.documents.map(\.id) ?? []
            let read = try corpus.read(ids)
            try output.emit(ListReport.make(read.guidelines), inputs: read.inputs)
        }
    }
}
