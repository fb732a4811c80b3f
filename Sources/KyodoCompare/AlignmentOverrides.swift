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

    /// Applies every row; returns the rows that named no item compared and no item of the
    /// documents at all, or whose concepts are not of their item's aspect. A row naming an item
    /// of an aspect not compared (`kyodo report` compares one at a time) is not about this
    /// comparison. `everyItem` holds the keys of every item of the documents, of every aspect.
    func apply(to items: inout [AlignedItem], aspects: [Aspect], everyItem: Set<String>) -> [AlignmentOverride] {
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
                let elsewhere = everyItem.contains(Self.key(row)) && candidates.isEmpty
                if !elsewhere { unused.append(row) }
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

    /// The key a row names its item by: its id, or its document and folded label.
    static func key(_ row: AlignmentOverride) -> String {
        row.itemID ?? labelKey(row.document ?? "", Normalizer.labelKey(row.label ?? ""))
    }

    /// The keys of every item of some guidelines, by id and by document and folded label.
    static func keys(_ guidelines: [Guideline]) -> Set<String> {
        var keys = Set<String>()
        for g in guidelines {
            for item in g.items {
                keys.insert(Item.id(document: g.document.id, aspect: item.aspect, ordinal: String(item.ordinal)))
                keys.insert(labelKey(g.document.id, Normalizer.labelKey(item.label)))
            }
        }
        return keys
    }
}
