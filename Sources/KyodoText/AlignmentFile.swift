import KyodoModel

/// Reads a researcher's alignment file: tab-separated with a header row; each row names an item
/// by `item_id` (`koganei-guideline/principles/3`) or by `document` and `label` (with `aspect`
/// if a label stands in several), and gives its `concepts` (codebook ids joined by `|`; `-` for
/// none), with an optional `note`. Blank lines and `#` lines are skipped. Every concept id is
/// checked against the codebook; errors name the file and line.
public enum AlignmentFile {
    /// Reads and checks an alignment file against `vocabulary`.
    public static func load(path: String, vocabulary: Vocabulary) throws -> [AlignmentOverride] {
        try parse(try TextLoader.load(path: path).lines.map(String.init), path: path, vocabulary: vocabulary)
    }

    /// Parses alignment-file lines.
    public static func parse(_ lines: [String], path: String, vocabulary: Vocabulary) throws -> [AlignmentOverride] {
        let file = try DataFile(lines, path: path, required: ["concepts"])
        guard file.hasColumn("item_id") || (file.hasColumn("document") && file.hasColumn("label")) else {
            throw DataFileError.malformed(path: path, line: file.headerLine,
                                          message: "an alignment file names items by 'item_id', or by 'document' and 'label'; its columns are \(file.columns.joined(separator: ", "))")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var result: [AlignmentOverride] = []
        for row in file.rows {
            var aspect: Aspect?
            if let text = row.optional("aspect") {
                guard let a = Aspect(rawValue: text.lowercased()) else {
                    let known = Aspect.allCases.map(\.rawValue)
                    throw row.error("unknown aspect '\(text)'\(DidYouMean.suggestion(text.lowercased(), among: known)); known: \(known.joined(separator: ", "))")
                }
                aspect = a
            }
            let itemID = row.optional("item_id")
            if let itemID {
                let parts = itemID.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count >= 3, !parts[0].isEmpty, let a = Aspect(rawValue: String(parts[1])), !parts[2].isEmpty else {
                    throw row.error("item_id '\(itemID)' is not DOCUMENT/ASPECT/ORDINAL (koganei-guideline/principles/3)")
                }
                if let aspect, aspect != a { throw row.error("item_id '\(itemID)' is of \(a.rawValue), the row says aspect \(aspect.rawValue)") }
                aspect = a
            } else if row.optional("document") == nil || row.optional("label") == nil {
                throw row.error("name the item: an item_id, or a document and a label")
            }
            let text = try row.required("concepts")
            let concepts = text == "-" ? [] : text.split(separator: "|").map { String($0).trimmedSpaces() }.filter { !$0.isEmpty }
            guard text == "-" || !concepts.isEmpty else { throw row.error("no concept ids in '\(text)' (write - for none)") }
            for id in concepts {
                let known = aspect.map { vocabulary.concepts($0) } ?? vocabulary.concepts
                guard known.contains(where: { $0.id == id }) else {
                    let ids = Array(Set(known.map(\.id))).sorted()
                    let scope = aspect.map { "\($0.rawValue) concept" } ?? "concept"
                    throw row.error("unknown \(scope) '\(id)'\(DidYouMean.suggestion(id, among: ids)) in the codebook \(vocabulary.source)")
                }
            }
            result.append(AlignmentOverride(place: "\(name):\(row.line)", itemID: itemID, document: itemID == nil ? row.optional("document") : nil,
                                            aspect: aspect, label: itemID == nil ? row.optional("label") : nil, concepts: concepts, note: row.optional("note")))
        }
        return result
    }
}
