import ArgumentParser
import Foundation
import KyodoCompare
import KyodoDocument
import KyodoModel
import KyodoReports
import KyodoText

/// `kyodo report`: every report for the corpus in every format, with an index.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write every report for the corpus in every format into a folder, with a README index.",
        discussion: """
            list; show for all documents and for each; compare for each aspect in each layout (wide, long, \
            presence); the diff of every reprint the manifest names. A CSV holds one table: the report's main \
            table in NAME.csv, the others in NAME.TABLE.csv.
            """)

    @Option(name: [.customLong("output"), .customShort("o"), .customLong("out")], help: ArgumentHelp("The folder to write into (--out is the older spelling).", valueName: "folder"))
    var out: String = "Reports"

    @OptionGroup var vocabulary: VocabularyOptions
    @OptionGroup var alignments: AlignmentOptions
    @OptionGroup var corpus: CorpusOptions

    /// The files of one report, in the order they are written (every format, then the CSV of
    /// each extra table after the main CSV), and its cells of the index.
    static func files(_ entry: Entry) throws -> (files: [(String, [UInt8])], cells: [String]) {
        var files: [(String, [UInt8])] = []
        var cells: [String] = []
        for format in WriterRegistry.formats {
            let writer = try WriterRegistry.writer(format)
            let file = "\(entry.name).\(writer.fileExtension)"
            files.append((file, try writer.render(format == "html" ? entry.htmlReport ?? entry.report : entry.report)))
            var cell = "[\(writer.fileExtension)](\(file))"
            if format == "csv" {
                for table in entry.extraCSV {
                    var options = WriterOptions()
                    options.csvTable = table
                    let extra = "\(entry.name).\(table).csv"
                    files.append((extra, try CSVWriter(options: options).render(entry.csvTables ?? entry.report)))
                    cell += " [\(table)](\(extra))"
                }
            }
            cells.append(cell)
        }
        return (files, cells)
    }

    /// One report to write: its file name, what it holds, and which of its tables get CSV files of their own.
    struct Entry {
        var name: String
        var what: String
        var report: Report
        var extraCSV: [String] = []
        /// The report the extra CSV files are taken from, when it holds tables `report` does not
        /// (the similarity of every pair, written only as CSV).
        var csvTables: Report?
        /// The report the HTML page is drawn from, when it holds the tables of a view (the
        /// heatmap with its passages, the similarity of every pair).
        var htmlReport: Report?
    }

    /// What `index.html` says above its list.
    static let indexIntro = "Every report on the corpus, by kyodo report. Each compare-ASPECT-wide page draws the concepts × municipalities heatmap "
        + "(a click on a cell shows the items, their lines and the passage itself) and the municipalities' similarity, clustered; "
        + "diff pages are 新旧対照表 with the changes underlined. Every page is one file and makes no network request."

    func run() throws {
        try ExitCodes.run {
            let corpusReader = try corpus.corpusReader()
            // No manifest is no corpus: an empty report would replace the previous one.
            guard let manifest = corpusReader.manifest else {
                throw CommandError.missingCorpus(path: corpus.manifestPath, reason: "no such file: kyodo report needs a corpus manifest (name the folder with --corpus)")
            }
            var read = try corpus.read(manifest.documents.map(\.id))
            let guidelines = read.guidelines
            var entries = [Entry(name: "list", what: "The corpus: documents, dates, item counts per aspect", report: ListReport.make(guidelines))]
            entries.append(Entry(name: "show-all", what: "Every item of every document, with findings and dates",
                                 report: ShowReport.make(guidelines), extraCSV: ["findings", "dates"]))
            for g in guidelines {
                entries.append(Entry(name: "show-\(g.document.id)", what: "Items of \(g.document.id) (\(g.document.title))", report: ShowReport.make([g])))
            }
            let aligner = try alignments.aligner(try vocabulary.load(corpus: corpus, into: &read.inputs), corpus: corpus, into: &read.inputs)
            let passages = try PassageFiles.lookup(read, options: corpus.loadOptions)
            for aspect in AspectChoice.comparable {
                var comparison = aligner.compare(guidelines, aspects: [aspect])
                alignments.review(&comparison, quiet: corpus.quiet)
                // The companion tables and the similarity of every pair are written once, with the
                // wide layout; every pair only while they are few (a national comparison has
                // millions: `compare --table similarity` writes them on request).
                // The HTML page of the wide layout draws the views (the heatmap with the passages
                // behind it, the clustered similarity); the other layouts' pages are their tables.
                let everyPair = CompareReport.pairs(comparison) <= CompareReport.everyPairLimit
                for layout in CompareReport.Layout.allCases {
                    // The wide layout is built once, with the views' tables, and the other formats take it without them.
                    var html: Report?
                    if layout == .wide {
                        html = CompareReport.make(comparison, layout: layout, tables: CompareReport.htmlTables(comparison), passages: passages)
                    }
                    let report = html.map(CompareReport.withoutOnRequestTables) ?? CompareReport.make(comparison, layout: layout)
                    var withPairs: Report?
                    if layout == .wide {
                        if everyPair {
                            withPairs = report
                            withPairs?.tables += html?.table(named: "similarity").map { [$0] } ?? []
                        }
                    }
                    entries.append(Entry(name: "compare-\(aspect.rawValue)-\(layout.rawValue)",
                                         what: "\(aspect.rawValue.capitalized) of every municipality, \(layout.rawValue) layout, with summary, unique items and closest municipalities"
                                             + (layout == .wide ? "; its HTML page draws the heatmap (a click shows the passage) and the clustered similarity" : ""),
                                         report: report,
                                         extraCSV: layout == .wide ? CompareReport.companionTables.filter { report.table(named: $0) != nil } + (withPairs == nil ? [] : ["similarity"]) : [],
                                         csvTables: withPairs, htmlReport: html))
                }
            }
            for document in manifest.documents {
                for reprint in document.reprints {
                    guard let original = manifest.documents.first(where: { $0.id == reprint.document }) else { continue }
                    let oldSource = try DocumentReader.read(path: manifest.path(of: original), name: original.file, options: corpus.loadOptions).tree.source
                    let newTree = try DocumentReader.read(path: manifest.path(of: document), name: document.file, options: corpus.loadOptions).tree
                    let newSource = newTree.source
                    guard let lines = NamedSection.lines(of: reprint.section, in: newTree.outline) else {
                        throw ValidationError("\(document.file): no part begins with '\(reprint.section)' (manifest: reprints)")
                    }
                    let diff = TextDiff(old: oldSource, lines: 1...max(1, oldSource.lineCount), new: newSource, lines: lines)
                    entries.append(Entry(name: "diff-\(original.id)-\(document.id)",
                                         what: "新旧対照表: \(original.id) and its reprint \(document.id)#\(reprint.section)",
                                         report: DiffReport.make(Diff.result(diff, old: oldSource, new: newSource)), extraCSV: ["changes"]))
                }
            }
            let folder = try ReportFolder(out, protecting: read.inputs)
            defer { folder.discard() }
            var written = 0
            var pages: [(name: String, what: String, files: [(label: String, href: String)])] = []
            var index = """
                \(ReportFolder.indexMark)

                Generated by `kyodo report` from `corpus/`; do not edit by hand (CI regenerates them and fails on any \
                difference). Every XML file validates against `Sources/KyodoReports/Schema/kyodo-report.xsd`. CSV files \
                are UTF-8 with BOM and CRLF (Excel); `NAME.csv` holds a report's main table, `NAME.TABLE.csv` another; \
                `NAME.xlsx` holds every table of a report, a sheet each, with a legend; `NAME.html` is a page for the \
                browser (`index.html` lists them all).

                | report | what it holds | text | CSV | XML | JSON | Excel | HTML |
                |---|---|---|---|---|---|---|---|

                """
            // Rendered on every core a few reports at a time (what is held stays a few reports'
            // bytes), written in order: the folder is the same whatever the cores.
            let progress = Progress("writing reports", total: entries.count, enabled: !corpus.quiet && Progress.errorIsTerminal)
            let chunk = 2 * ProcessInfo.processInfo.activeProcessorCount
            var start = 0
            while start < entries.count {
                let part = Array(entries[start..<min(entries.count, start + chunk)])
                let rendered = Parallel.map(part.count) { k in Result { try Self.files(part[k]) } }
                for (entry, result) in zip(part, rendered) {
                    let (files, cells) = try result.get()
                    for (name, bytes) in files {
                        try folder.write(bytes, name)
                        written += 1
                    }
                    index += "| \(entry.name) | \(entry.what) | " + cells.joined(separator: " | ") + " |\n"
                    // (Each file linked by what follows the report's name: `txt`, `summary.csv`, `html`.)
                    pages.append((entry.name, entry.what, files.map { (label: String($0.0.dropFirst(entry.name.count + 1)), href: $0.0) }))
                    progress.advance()
                }
                start += part.count
            }
            progress.finish()
            try folder.write(Array(index.utf8), "README.md")
            try folder.write(HTMLWriter.index(title: "協働指針の報告 Kyodo reports", intro: Self.indexIntro, rows: pages), "index.html")
            try folder.commit()
            try StandardStreams.output(line: "wrote \(written + 2) files to \(out)/")
        }
    }
}
