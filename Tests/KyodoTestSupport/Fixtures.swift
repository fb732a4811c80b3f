import Foundation
import KyodoDocument
import KyodoModel
import KyodoExtract
import KyodoText
import Testing

/// Paths and helpers shared by the test targets.
public enum Fixtures {
    /// The repository root (tests run from it under `swift test`; found from this file otherwise).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A file of the bundled corpus.
    public static func corpusPath(_ file: String) -> String { root + "/corpus/" + file }

    /// The lines of a corpus document.
    public static func lines(_ file: String) -> [String] {
        let source = try! TextLoader.load(path: corpusPath(file), name: file)
        return source.lines.map(String.init)
    }

    /// A placeholder document for reading text that is not in the manifest.
    public static func document(_ id: String, municipality: String? = nil) -> Document {
        Document(id: id, municipality: Municipality(id: municipality ?? id, name: "", nameEnglish: "", prefecture: "", code: ""),
                 title: "", kind: "test", file: id)
    }

    /// Reads lines with the extractor (and the shipped section data, or other).
    public static func read(_ lines: [String], name: String, municipality: String? = nil, sections: SectionData = .shipped,
                            reprints: [Reprint] = []) throws -> Guideline {
        let source = SourceText(name: name, lines: lines)
        var document = document(name, municipality: municipality)
        document.reprints = reprints
        return Extractor(data: sections).read(DocumentTree(source), document: document)
    }

    /// The bundled corpus's manifest.
    public static let manifest: Manifest? = try? Manifest.load(path: root + "/corpus/manifest.tsv")

    /// The parts of a corpus file the manifest says reprint another document.
    public static func reprints(_ file: String) -> [Reprint] {
        manifest?.documents.first { $0.file == file }?.reprints ?? []
    }

    /// Reads a corpus document, optionally edited first.
    public static func readCorpus(_ file: String, municipality: String? = nil,
                                  edit: (inout [String]) -> Void = { _ in }) throws -> Guideline {
        var lines = lines(file)
        edit(&lines)
        return try read(lines, name: file, municipality: municipality, reprints: reprints(file))
    }
}

/// Edits to a document's lines, for the tests that prove output follows the text.
public enum Edit {
    /// Replaces `old` with `new` on the 1-based line `line`; records a test issue if `old` is not there.
    public static func replace(_ lines: inout [String], line: Int, _ old: String, _ new: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        guard lines.indices.contains(line - 1), lines[line - 1].contains(old) else {
            Issue.record("line \(line) does not contain \(old)", sourceLocation: sourceLocation)
            return
        }
        lines[line - 1] = lines[line - 1].replacingOccurrences(of: old, with: new)
    }

    /// Swaps two 1-based line ranges of equal shape (the second after the first).
    public static func swap(_ lines: inout [String], _ a: ClosedRange<Int>, _ b: ClosedRange<Int>) {
        let first = Array(lines[(a.lowerBound - 1)...(a.upperBound - 1)])
        let second = Array(lines[(b.lowerBound - 1)...(b.upperBound - 1)])
        lines.replaceSubrange((b.lowerBound - 1)...(b.upperBound - 1), with: first)
        lines.replaceSubrange((a.lowerBound - 1)...(a.upperBound - 1), with: second)
    }

    /// Deletes 1-based lines.
    public static func delete(_ lines: inout [String], _ range: ClosedRange<Int>) {
        lines.removeSubrange((range.lowerBound - 1)...(range.upperBound - 1))
    }

    /// Hard-wraps the 1-based line `line` after `characters` characters, with a blank line
    /// between the pieces, as PDF extraction does.
    public static func rewrap(_ lines: inout [String], line: Int, after characters: Int) {
        let text = lines[line - 1]
        let cut = text.index(text.startIndex, offsetBy: characters)
        lines.replaceSubrange((line - 1)...(line - 1), with: [String(text[..<cut]), "", String(text[cut...])])
    }

    /// Inserts lines after the 1-based line `line`.
    public static func insert(_ lines: inout [String], after line: Int, _ new: [String]) {
        lines.insert(contentsOf: new, at: line)
    }
}

extension Guideline {
    /// The labels of the top-level items of an aspect, in order.
    public func labels(_ aspect: Aspect) -> [String] { items(aspect).map(\.label) }
}

extension Fixtures {
    /// The `.txt` files of a folder below the repository root, as root-relative paths, in name order.
    public static func textFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
    }
}
