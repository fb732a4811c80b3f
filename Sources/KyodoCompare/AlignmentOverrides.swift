import KyodoModel
import KyodoText

/// A researcher's alignment file applied to aligned items: a row naming an item replaces the
/// concepts its cues gave with the row's (none, for `-`), each shown as `source = manual` with
/// the row's place. The same file gives the same comparison: rows apply in file order, a later
/// row naming the same item wins.
struct AlignmentOverrides {
    let rows: [AlignmentOverride]
    let vocabulary: Vocabulary

    init(_ rows: [AlignmentOverride], vocabulary: Vocabulary) {
        self.rows = rows
        self.vocabulary = vocabulary
    }

    /// Applies every row; returns the rows about the aspects compared that named no item. A row
    /// of another aspect (its item id's, its own, or the aspects its concepts belong to) is not
    /// about this comparison.
    func apply(to items: inout [AlignedItem], aspects: [Aspect]) -> [AlignmentOverride] {
        guard !rows.isEmpty else { return [] }
        var byID: [String: [Int]] = [:]
        var byLabel: [String: [Int]] = [:]
        for (k, a) in items.enumerated() {
            byID[a.item.id, default: []].append(k)
            byLabel[Self.labelKey(a.item.document, Normalizer.labelKey(a.item.label)), default: []].append(k)
        }
        var unused: [AlignmentOverride] = []
        for row in rows {
            let candidates: [Int]
            if let id = row.itemID {
                candidates = byID[id] ?? []
            } else {
                candidates = (byLabel[Self.labelKey(row.document ?? "", Normalizer.labelKey(row.label ?? ""))] ?? [])
                    .filter { row.aspect == nil || items[$0].item.aspect == row.aspect }
            }
            // A concept must belong to the item's aspect (the file was checked against the codebook).
            let fitting = candidates.filter { k in row.concepts.allSatisfy { vocabulary.concept(items[k].item.aspect, $0) != nil } }
            if fitting.isEmpty {
                let about = row.aspect.map { [$0] } ?? aspects.filter { a in row.concepts.allSatisfy { vocabulary.concept(a, $0) != nil } }
                if about.contains(where: aspects.contains) { unused.append(row) }
                continue
            }
            let note = row.note.map { ": " + $0 } ?? ""
            for k in fitting {
                items[k].matches = row.concepts.map {
                    ConceptMatch(concept: $0, score: 1, reason: "manual, \(row.place)\(note)", source: .manual)
                }
                items[k].manual = row.place
            }
        }
        return unused
    }

    static func labelKey(_ document: String, _ label: String) -> String { document + "\t" + label }
}
