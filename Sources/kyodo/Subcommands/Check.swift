import Foundation
import ArgumentParser
import KyodoCompare
import KyodoModel
import KyodoReports

/// `kyodo check DRAFT --against DOC…`: what a draft lacks that its peers state.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a draft against peers: the concepts they state that it lacks, with their wording, and what only the draft has.")

    @Argument(help: ArgumentHelp("The draft: a text file (or a document id).", valueName: "DRAFT"))
    var draft: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The peers: document ids, municipality ids or files.", valueName: "DOC"))
    var against: [String] = []

    @OptionGroup var aspects: AlignedAspectsOptions
    @OptionGroup var vocabulary: VocabularyOptions
    @OptionGroup var alignments: AlignmentOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    /// The peers named: `--against a,b c` is a, b and c (a file whose name holds a comma stays whole).
    var peerNames: [String] {
        against.flatMap { name in
            FileManager.default.fileExists(atPath: name) ? [name] : name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    func validate() throws {
        if against.isEmpty { throw ValidationError("name the peers to check against with --against DOC…") }
    }

    func run() throws {
        try ExitCodes.run {
            let draftRead = try corpus.read([draft])
            let peers = try corpus.read(peerNames)
            guard let draftGuideline = draftRead.guidelines.first else { return }
            let chosen = try aspects.list()
            // The draft stands for itself even when its text is a copy of a peer's.
            var own = draftGuideline
            own.document.municipality.id = "draft:" + own.document.id
            let others = peers.guidelines.filter { $0.document.municipality.id != own.document.municipality.id }
            var inputs = draftRead.inputs
            inputs.add(documents: peers.paths)
            let aligner = try alignments.aligner(try vocabulary.load(corpus: corpus, into: &inputs), corpus: corpus, into: &inputs)
            var comparison = aligner.compare([own] + others, aspects: chosen)
            alignments.review(&comparison, quiet: corpus.quiet)
            // The HTML view adds the heatmap of the draft and its peers, with the passages behind it.
            let html = output.format == "html" && output.table == nil
            var both = draftRead
            both.guidelines += peers.guidelines
            both.paths += peers.paths
            let report = CheckReport.make(comparison, draft: own.document.municipality.id,
                                          tables: html ? .allWith(Set(CompareReport.viewTables)) : .all,
                                          passages: html ? try PassageFiles.lookup(both, options: corpus.loadOptions) : nil)
            try output.emit(report, inputs: inputs)
        }
    }
}
