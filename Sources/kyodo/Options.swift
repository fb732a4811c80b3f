import ArgumentParser
import Foundation
import KyodoModel
import KyodoCompare
import KyodoExtract
import KyodoReports
import KyodoText

/// Where the corpus is and which reader to use.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp("The corpus folder holding manifest.tsv (default: $KYODO_CORPUS, else ./corpus).", valueName: "folder"))
    var named: String?

    /// The corpus folder: the one named (which must exist), or ./corpus where there is one.
    var corpus: String { named ?? ProcessInfo.processInfo.environment["KYODO_CORPUS"] ?? "corpus" }

    /// Whether the corpus folder was named (by flag or environment) rather than defaulted.
    var corpusNamed: Bool { named != nil || ProcessInfo.processInfo.environment["KYODO_CORPUS"] != nil }

    /// The manifest's path.
    var manifestPath: String { (corpus as NSString).appendingPathComponent("manifest.tsv") }

    @Option(help: ArgumentHelp("Section data to read with besides the shipped rules (TSV: kind, aspect, cue, options); repeatable.", valueName: "file"))
    var sections: [String] = []

    @Option(help: ArgumentHelp("The documents' encoding instead of detecting it: \(TextEncoding.userNames).", valueName: "encoding"))
    var encoding: String?

    @Option(help: ArgumentHelp("Refuse files larger than this many megabytes.", valueName: "MB"))
    var maxSize: Int = 64

    @Flag(name: .shortAndLong, help: "Print no warnings and no progress (errors still).")
    var quiet = false

    @Option(help: ArgumentHelp("Write every warning to this file (standard error shows the first \(Diagnostics.shownWarnings) and a summary).", valueName: "file"))
    var warnings: String?

    func validate() throws {
        if let encoding, TextEncoding(userName: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; known: \(TextEncoding.userNames)")
        }
        if maxSize < 1 || maxSize > Self.maxSizeLimit { throw ValidationError("--max-size must be from 1 to \(Self.maxSizeLimit) (MB)") }
    }

    /// The largest --max-size: a million megabytes (a terabyte), far past any guideline, and far
    /// from overflowing when counted in bytes.
    static let maxSizeLimit = 1_000_000

    /// Loading options from the flags.
    var loadOptions: TextLoader.Options {
        var options = TextLoader.Options(encoding: encoding.flatMap(TextEncoding.init(userName:)))
        options.maxBytes = maxSize * 1_000_000
        return options
    }

    /// The corpus reader; a corpus folder without a manifest still reads plain files, but a
    /// corpus folder named that does not exist is an error (66), never an empty corpus.
    func corpusReader() throws -> CorpusReader {
        try checkCorpusFolder()
        let data = try sectionData()
        guard FileManager.default.fileExists(atPath: manifestPath) else { return CorpusReader(manifest: nil, sections: data) }
        return CorpusReader(manifest: try Manifest.load(path: manifestPath), sections: data)
    }

    /// Throws when the corpus folder was named and is not a folder.
    func checkCorpusFolder() throws {
        guard corpusNamed else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isFolder) else {
            throw CommandError.missingCorpus(path: corpus, reason: "no such corpus folder")
        }
        guard isFolder.boolValue else { throw CommandError.missingCorpus(path: corpus, reason: "not a folder: --corpus names the folder holding manifest.tsv") }
    }

    /// The files besides documents the command reads: the manifest and the section data.
    var dataFiles: InputFiles {
        var files = InputFiles()
        files.add(manifestPath, role: "the corpus manifest")
        for path in sections { files.add(path, role: "the section data \(path)") }
        return files
    }

    /// The shipped section data, extended with the files given.
    func sectionData() throws -> SectionData {
        sections.isEmpty ? .shipped : try SectionData.load(extending: sections)
    }

    /// What was read: the guidelines, the paths of the files they came from, and every file
    /// read (none of which an output may overwrite).
    struct Read {
        var guidelines: [Guideline] = []
        var paths: [String] = []
        var inputs = InputFiles()
    }

    /// Reads every document the names stand for, in the order named, each once.
    func read(_ names: [String]) throws -> Read {
        let corpus = try corpusReader()
        var result = Read()
        var documents: [(Document, String)] = []
        var seen = Set<String>()
        for name in names {
            for (document, path) in try corpus.documents(named: name, warn: Diagnostics.write) where seen.insert(path).inserted {
                documents.append((document, path))
            }
        }
        documents = corpus.distinct(documents, note: Diagnostics.write)
        // Read on every core, with a progress line on a terminal; diagnostics in document order afterwards.
        let progress = Progress("reading documents", total: documents.count, enabled: !quiet && Progress.errorIsTerminal)
        result.guidelines = try corpus.readAll(documents, options: loadOptions, progress: progress.advance)
        progress.finish()
        result.paths = documents.map(\.1)
        result.inputs = dataFiles
        result.inputs.add(documents: result.paths)
        try Diagnostics.report(result.guidelines, quiet: quiet, file: warnings, protecting: result.inputs)
        return result
    }
}

/// The codebook to align with.
struct VocabularyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The codebook (TSV: aspect, id, ja, en, cues); default: vocabulary.tsv in the corpus folder.", valueName: "file"))
    var vocabulary: String?

    /// The codebook's path: the one named, or the corpus's.
    func path(corpus: CorpusOptions) -> String {
        vocabulary ?? (corpus.corpus as NSString).appendingPathComponent("vocabulary.tsv")
    }

    /// Reads the codebook, noting it among the files the command reads.
    func load(corpus: CorpusOptions, into inputs: inout InputFiles) throws -> Vocabulary {
        let path = path(corpus: corpus)
        inputs.add(path, role: "the codebook \(path)")
        return try VocabularyFile.load(path: path)
    }
}

/// A researcher's alignment file (compare, check, report).
struct AlignmentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Alignments a researcher keeps (TSV: item_id or document and label, concepts, note); they replace what the cues say, shown as source = manual. Default: alignments.tsv in the corpus folder, when there is one.", valueName: "file"))
    var alignments: String?

    /// The file named, or the corpus's when it has one.
    func path(corpus: CorpusOptions) -> String? {
        if let alignments { return alignments }
        let own = (corpus.corpus as NSString).appendingPathComponent("alignments.tsv")
        return FileManager.default.fileExists(atPath: own) ? own : nil
    }

    /// An aligner for the codebook with the alignment file's rows, the file noted among the inputs.
    func aligner(_ vocabulary: Vocabulary, corpus: CorpusOptions, into inputs: inout InputFiles) throws -> Aligner {
        var options = AlignerOptions()
        if let path = path(corpus: corpus) {
            inputs.add(path, role: "the alignment file \(path)")
            options.overrides = try AlignmentFile.load(path: path, vocabulary: vocabulary)
        }
        return Aligner(vocabulary: vocabulary, options: options)
    }

    /// The rows that named no item compared: a warning each when the file was named; with the
    /// corpus's own file, which covers documents not compared, only rows about documents
    /// compared are kept (a label or ordinal that no longer matches), the rest dropped.
    func review(_ comparison: inout Comparison, quiet: Bool) {
        if alignments == nil {
            let compared = Set(comparison.documents.map(\.id))
            comparison.unusedOverrides = comparison.unusedOverrides.filter { o in
                compared.contains(o.document ?? o.itemID.map { String($0.split(separator: "/")[0]) } ?? "")
            }
        }
        guard !quiet else { return }
        for o in comparison.unusedOverrides {
            Diagnostics.write("\(o.place): warning: alignment: \(o.target) names no item compared\(o.concepts.isEmpty ? "" : " (its concepts must be of the item's aspect)")")
        }
    }
}

/// The aspects the comparison commands align (compare, check).
struct AlignedAspectsOptions: ParsableArguments {
    @Option(name: .customLong("aspect"), help: ArgumentHelp("Aspects to align: principles, forms, partners, processes (comma-separated), or all.", valueName: "aspect"))
    var text: String = "principles,forms,partners,processes"

    func validate() throws { _ = try AspectChoice.parse(text) }

    /// The aspects, in schema order.
    func list() throws -> [Aspect] { try AspectChoice.list(text, all: AspectChoice.comparable) }
}

/// Format and destination of a report.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Output format: \(WriterRegistry.formats.joined(separator: ", ")) (default: from the --output file's extension, else text).", valueName: "format"))
    var formatName: String?

    /// The format: the one named (any case), else the one the output file's extension names
    /// (`cmp.csv`, `items.JSON`, `r.txt`), else text.
    var format: String {
        if let formatName { return formatName.lowercased() }
        return output.flatMap(Self.format(ofFile:)) ?? "text"
    }

    /// The format a file's extension names, if any.
    static func format(ofFile path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ext == "txt" ? "text" : WriterRegistry.formats.first { $0 == ext }
    }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (a regular file is replaced whole, atomically; - is standard output) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("CSV dialect: excel (UTF-8 with BOM, CRLF) or plain (no BOM, LF).", valueName: "dialect"))
    var csvDialect: String = "excel"

    @Option(help: ArgumentHelp("The one table to write (CSV: default the report's main table; other formats: default all).", valueName: "name"))
    var table: String?

    func validate() throws {
        guard WriterRegistry.formats.contains(format) else {
            throw ValidationError("unknown format '\(format)'\(DidYouMean.suggestion(format, among: WriterRegistry.formats)); known formats: \(WriterRegistry.formats.joined(separator: ", "))")
        }
        guard WriterOptions.CSVDialect(rawValue: csvDialect.lowercased()) != nil else {
            throw ValidationError("unknown CSV dialect '\(csvDialect)'; known: excel, plain")
        }
    }

    var writerOptions: WriterOptions {
        var o = WriterOptions()
        o.csvDialect = WriterOptions.CSVDialect(rawValue: csvDialect.lowercased()) ?? .excel
        o.csvTable = table
        return o
    }

    /// Renders and writes a report; `inputs` are the files read, which are never overwritten.
    /// The tables the output will hold: the one `--table` names in any format; else one for
    /// CSV, all for the other formats.
    var tableSelection: TableSelection { table.map { .one($0) } ?? (format == "csv" ? .one(nil) : .all) }

    func emit(_ report: Report, inputs: InputFiles) throws {
        if let output { _ = try OutputFile.target(output, protecting: inputs) }  // refused before the work of rendering
        var report = report
        // `--table` in a format holding every table: that table alone.
        if let table, format != "csv" {
            guard let only = report.table(named: table) else { throw ReportError.unknownTable(table, known: report.tableNames) }
            report.tables = [only]
        }
        // A workbook is bytes for a file, not for a terminal.
        if format == "xlsx", output == nil || output == "-", isatty(1) == 1 {
            throw ValidationError("an Excel workbook is not for a terminal: name a file with -o FILE.xlsx")
        }
        let bytes = try WriterRegistry.writer(format, options: writerOptions).render(report)
        if let output {
            try OutputFile.write(bytes, to: output, protecting: inputs)
        } else {
            try StandardStreams.output(bytes)
        }
    }
}

/// The aspects a user asks for.
enum AspectChoice {
    /// The aspects of `text` in schema order; `all` (or nil) gives `fallback`.
    static func list(_ text: String, all fallback: [Aspect]) throws -> [Aspect] {
        try parse(text).map { chosen in Aspect.allCases.filter(chosen.contains) } ?? fallback
    }

    /// The aspects compared across municipalities by default: the shared schema but the definition.
    static let comparable = Aspect.core.filter { $0 != .definition }

    /// Parses `principles`, `all`, or a comma-separated list.
    static func parse(_ text: String) throws -> Set<Aspect>? {
        if text.lowercased() == "all" { return nil }
        var result = Set<Aspect>()
        for part in text.split(separator: ",") {
            let name = String(part).trimmingCharacters(in: .whitespaces).lowercased()
            guard let a = Aspect(rawValue: name) else {
                let known = Aspect.allCases.map(\.rawValue)
                throw ValidationError("unknown aspect '\(part)'\(DidYouMean.suggestion(name, among: known)); known: \(known.joined(separator: ", ")), all")
            }
            result.insert(a)
        }
        return result
    }
}

/// Messages on standard error: warnings as `file:line: warning: message`, errors as
/// `kyodo: error: message`.
enum Diagnostics {
    /// How many warnings standard error shows before it summarises the rest.
    static let shownWarnings = 20

    static func report(_ g: Guideline) {
        for line in warningLines(g) { write(line) }
    }

    /// A guideline's warnings as `file:line: warning: aspect: message` lines.
    static func warningLines(_ g: Guideline) -> [String] {
        g.findings.filter { ($0.kind == .warning || $0.kind == .lostInExtraction) && !g.document.acknowledges($0) }.map { f in
            let place = f.span.map { "\($0.source):\($0.firstLine)" } ?? g.document.file
            return "\(place): warning: \(f.aspect.map { $0.rawValue + ": " } ?? "")\(f.message)"
        }
    }

    /// The warnings of many guidelines: the first `shownWarnings` on standard error, then one
    /// line saying how many there were and where they all are; all of them to `file` when one
    /// is named; none on standard error when `quiet`.
    static func report(_ guidelines: [Guideline], quiet: Bool, file: String?, protecting inputs: InputFiles) throws {
        let perDocument = guidelines.map(warningLines)
        let all = perDocument.flatMap { $0 }
        if let file {
            try OutputFile.write(Array(all.map { VisibleText.escape($0, keeping: ["\t"]) + "\n" }.joined().utf8), to: file, protecting: inputs)
        }
        guard !quiet else { return }
        for line in all.prefix(shownWarnings) { write(line) }
        guard all.count > shownWarnings else { return }
        let documents = perDocument.filter { !$0.isEmpty }.count
        let whereAll = file.map { "all of them are in \($0)" } ?? "--warnings FILE writes them all"
        write("kyodo: \(Progress.grouped(all.count)) warnings in \(Progress.grouped(documents)) documents, the first \(shownWarnings) shown; "
              + "\(whereAll), and the findings table of `kyodo show` has them (--quiet: none)")
    }

    /// Writes one line to standard error, its controls (from file names, document text) made visible.
    static func write(_ line: String) {
        StandardStreams.error(VisibleText.escape(line, keeping: ["\n", "\t"]))
    }
}
