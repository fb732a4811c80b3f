import Foundation
import KyodoModel

/// Reads a codebook file: tab-separated, a header row `aspect, id, ja, en, cues`, cues
/// separated by `|`; blank lines and lines starting with `#` are skipped. Errors name the
/// file and line.
public enum VocabularyFile {
    /// The columns a codebook must have.
    public static let columns = ["aspect", "id", "ja", "en", "cues"]

    /// Reads and checks a codebook.
    /// The codebook is named in reports by its path from the working folder, however it was
    /// spelled (`./corpus/`, `corpus`, an absolute path), so the same files give the same report.
    public static func load(path: String) throws -> Vocabulary {
        var vocabulary = try parse(try TextLoader.load(path: path).lines.map(String.init), path: path)
        vocabulary.source = displayPath(path)
        return vocabulary
    }

    /// `path` normalised, and relative to the working folder when inside it.
    static func displayPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return absolute.hasPrefix(folder + "/") ? String(absolute.dropFirst(folder.count + 1)) : absolute
    }

    /// Parses codebook lines.
    public static func parse(_ lines: [String], path: String) throws -> Vocabulary {
        var concepts: [Concept] = []
        for row in try DataFile(lines, path: path, required: columns).rows {
            let aspectName = try row.required("aspect")
            guard let aspect = Aspect(rawValue: aspectName) else {
                throw row.error("unknown aspect '\(aspectName)'; known: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let id = try row.required("id")
            guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw row.error("concept id '\(id)' must be ASCII letters, digits, - or _")
            }
            guard !concepts.contains(where: { $0.aspect == aspect && $0.id == id }) else { throw row.error("duplicate concept '\(id)' in \(aspectName)") }
            let cues = try row.required("cues").split(separator: "|").map { String($0).trimmedSpaces() }.filter { !$0.isEmpty }
            guard !cues.isEmpty else { throw row.error("no cue words") }
            concepts.append(Concept(aspect: aspect, id: id, japanese: try row.required("ja"), english: try row.required("en"), cues: cues))
        }
        return Vocabulary(source: path, concepts: concepts)
    }
}
