import ArgumentParser
import Foundation
import KyodoCompare
import KyodoDocument
import KyodoExtract
import KyodoModel
import KyodoReports
import KyodoText

/// `kyodo diff OLD NEW`: what changed between two versions of a text.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a text, as a 新旧対照表 and a list of changes.",
        discussion: """
            OLD and NEW are document ids or files, optionally with #SECTION naming a part that begins with that \
            heading (kodaira-handbook#資料1). Extraction noise is not a change: line wraps, block boundaries, \
            width variants, old kanji forms, spacing and HTML markup are ignored.
            """)

    @Argument(help: ArgumentHelp("The older version: DOC or DOC#SECTION.", valueName: "OLD"))
    var old: String

    @Argument(help: ArgumentHelp("The newer version: DOC or DOC#SECTION.", valueName: "NEW"))
    var new: String

    @Flag(help: "Put the old text's columns first (the Japanese 新旧対照表 puts the new text on the left).")
    var oldFirst = false

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ExitCodes.run {
            let (oldSource, oldLines, oldPath) = try resolve(old)
            let (newSource, newLines, newPath) = try resolve(new)
            let diff = TextDiff(old: oldSource, lines: oldLines, new: newSource, lines: newLines)
            var inputs = corpus.dataFiles
            inputs.add(documents: [oldPath, newPath])
            try output.emit(DiffReport.make(Self.result(diff, old: oldSource, new: newSource), oldFirst: oldFirst), inputs: inputs)
        }
    }

    /// The text and lines a reference names.
    func resolve(_ reference: String) throws -> (SourceText, ClosedRange<Int>, String) {
        // A file whose name holds a # is that file, not a section of another.
        let (name, section) = FileManager.default.fileExists(atPath: reference) ? (reference, nil) : NamedSection.split(reference)
        let found = try corpus.corpusReader().documents(named: name, warn: Diagnostics.write)
        guard found.count == 1, let (document, path) = found.first else {
            throw ValidationError("'\(name)' names \(found.count) documents (\(found.map(\.0.id).joined(separator: ", "))): name one")
        }
        let tree = try DocumentReader.read(path: path, name: document.file, options: corpus.loadOptions).tree
        let source = tree.source
        guard let section else { return (source, 1...max(1, source.lineCount), path) }
        guard let lines = NamedSection.lines(of: section, in: tree.outline) else {
            throw ValidationError("no part of \(document.file) begins with '\(section)'")
        }
        return (source, lines, path)
    }

    /// The diff as the report's data; a PDF's lines also as pages (`p4:12-15`).
    static func result(_ d: TextDiff, old: SourceText? = nil, new: SourceText? = nil) -> DiffResult {
        func pages(_ source: SourceText?, _ lines: ClosedRange<Int>?) -> String? {
            guard let source, let lines else { return nil }
            return source.located(SourceSpan(source: source.name, firstLine: lines.lowerBound, lastLine: lines.upperBound)).page?.description
        }
        return DiffResult(oldName: d.old.name, newName: d.new.name, oldLines: d.old.lines, newLines: d.new.lines,
                          rows: d.hunks.map { DiffResult.Row(oldMarked: $0.oldMarked, newMarked: $0.newMarked, oldLines: $0.oldLines, newLines: $0.newLines,
                                                             oldPages: pages(old, $0.oldLines), newPages: pages(new, $0.newLines)) },
                          changes: d.hunks.flatMap(\.changes).map { DiffResult.Change(kind: $0.kind.rawValue, old: $0.old, new: $0.new, oldLine: $0.oldLine, newLine: $0.newLine,
                                                                                      oldPage: pages(old, $0.oldLine...$0.oldLine), newPage: pages(new, $0.newLine...$0.newLine)) },
                          unchangedUnits: d.unchangedUnits)
    }
}
