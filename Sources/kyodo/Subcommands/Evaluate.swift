import ArgumentParser
import Foundation
import KyodoCompare
import KyodoExtract
import KyodoModel
import KyodoReports
import KyodoText

/// `kyodo evaluate CODING.tsv…`: the tool's reading scored against a researcher's hand coding.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score what the tool reads against a hand coding: precision, recall and F1 per aspect and document.",
        discussion: """
            A coding sheet is TSV with the columns document, aspect, label and optionally ordinal, line_start, line_end \
            and concept (codebook ids joined by |, - for none). document is a text file (relative to the sheet's folder) or a corpus \
            document id. An item counts as found when the tool has one of the same aspect whose label is equal after \
            folding and whose lines overlap the coded ones. Tables: scores (main), missed, extra, and concepts when the \
            sheet codes concepts (Cohen's κ over the concept sets of matched items; precision, recall and F1 per item and \
            concept, and of pairs: two items of different documents linked when they share a concept).
            """)

    @Argument(help: ArgumentHelp("Coding sheets (TSV).", valueName: "CODING.tsv"))
    var sheets: [String]

    @OptionGroup var vocabulary: VocabularyOptions
    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if sheets.isEmpty { throw ValidationError("name at least one coding sheet") }
    }

    func run() throws {
        try ExitCodes.run {
            let reader = try corpus.corpusReader()
            // The documents the sheets name, in the order first named, each with its coded items.
            var order: [String] = []
            var coded: [String: [CodedItem]] = [:]
            var located: [String: (Document, String)] = [:]
            for sheet in sheets {
                let folder = (sheet as NSString).deletingLastPathComponent
                for item in try CodingSheet.load(path: sheet) {
                    let relative = folder.isEmpty ? item.document : (folder as NSString).appendingPathComponent(item.document)
                    let key = FileManager.default.fileExists(atPath: relative) ? relative : item.document
                    if coded[key] == nil {
                        order.append(key)
                        guard let found = try reader.documents(named: key, warn: Diagnostics.write).first else { continue }
                        located[key] = found
                    }
                    coded[key, default: []].append(item)
                }
            }
            let documents = order.compactMap { located[$0] }
            let guidelines = try reader.readAll(documents, options: corpus.loadOptions)
            let conceptsCoded = coded.values.contains { $0.contains { $0.concepts != nil } }
            var inputs = corpus.dataFiles
            inputs.add(documents: documents.map(\.1))
            for sheet in sheets { inputs.add(sheet, role: "the coding sheet \(sheet)") }
            let aligned = conceptsCoded ? Aligner(vocabulary: try vocabulary.load(corpus: corpus, into: &inputs)).compare(guidelines) : nil
            let evaluation = Evaluation(coding: order.map { ($0, coded[$0] ?? []) }, guidelines: guidelines, aligned: aligned)
            try output.emit(EvaluateReport.make(evaluation, sheets: sheets), inputs: inputs)
        }
    }
}
