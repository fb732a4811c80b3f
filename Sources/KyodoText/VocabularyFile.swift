import Foundation
import KyodoModel

/// Reads a codebook file: tab-separated, a header row `aspect, id, ja, en, cues`, cues
/// separated by `|`; blank lines and lines starting with `#` are skipped. Errors name the
/// file and line.
public enum VocabularyFile {
    /// The columns a codebook must have.
    public static let columns = ["aspect", "id", "ja", "en", "cues"]

    /// Reads and checks a codebook.
    public static func load(path: String) throws -> Vocabulary {
        try parse(try TextLoader.load(path: path).lines, path: path)
    }

    /// Parses codebook lines.
    public static func parse(_ lines: [String], path: String) throws -> Vocabulary {
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmedSpaces().isEmpty && !$0.hasPrefix("#") }) else {
            throw ManifestError.malformed(path: path, line: 1, message: "empty codebook")
        }
        let header = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
        var index: [String: Int] = [:]
        for name in columns {
            guard let i = header.firstIndex(of: name) else {
                throw ManifestError.malformed(path: path, line: headerIndex + 1, message: "missing column '\(name)' (needs: \(columns.joined(separator: ", ")))")
            }
            index[name] = i
        }
        var concepts: [Concept] = []
        var seen = Set<String>()
        for n in lines.indices.dropFirst(headerIndex + 1) {
            let line = lines[n]
            guard !line.trimmedSpaces().isEmpty, !line.hasPrefix("#") else { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmedSpaces() }
            func cell(_ name: String) throws -> String {
                let i = index[name] ?? 0
                guard i < cells.count, !cells[i].isEmpty else {
                    throw ManifestError.malformed(path: path, line: n + 1, message: "missing value for '\(name)'")
                }
                return cells[i]
            }
            let aspectName = try cell("aspect")
            guard let aspect = Aspect(rawValue: aspectName) else {
                throw ManifestError.malformed(path: path, line: n + 1,
                                              message: "unknown aspect '\(aspectName)'; known: \(Aspect.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let id = try cell("id")
            guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw ManifestError.malformed(path: path, line: n + 1, message: "concept id '\(id)' must be ASCII letters, digits, - or _")
            }
            guard seen.insert(aspectName + "/" + id).inserted else {
                throw ManifestError.malformed(path: path, line: n + 1, message: "duplicate concept '\(id)' in \(aspectName)")
            }
            let cues = try cell("cues").split(separator: "|").map { String($0).trimmedSpaces() }.filter { !$0.isEmpty }
            guard !cues.isEmpty else { throw ManifestError.malformed(path: path, line: n + 1, message: "no cue words") }
            concepts.append(Concept(aspect: aspect, id: id, japanese: try cell("ja"), english: try cell("en"), cues: cues))
        }
        return Vocabulary(source: path, concepts: concepts)
    }
}
