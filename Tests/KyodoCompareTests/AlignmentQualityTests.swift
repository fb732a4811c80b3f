import Foundation
import KyodoCompare
import KyodoModel
import KyodoExtract
import KyodoTestSupport
import KyodoText
import Testing

/// The aligner against a hand-checked alignment of the corpus: pairwise precision and recall
/// (two items linked when they share a concept) and per-item concept precision and recall.
@Suite struct AlignmentQualityTests {
    struct Expected: Hashable { var aspect: String; var municipality: String; var label: String }

    static func expected() throws -> [Expected: Set<String>] {
        let text = try String(contentsOfFile: Fixtures.root + "/Tests/KyodoCompareTests/expected-alignment.tsv", encoding: .utf8)
        var result: [Expected: Set<String>] = [:]
        for line in text.split(separator: "\n").dropFirst() where !line.hasPrefix("#") && !line.hasPrefix("aspect\t") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4 else { continue }
            result[Expected(aspect: cells[0], municipality: cells[1], label: cells[2])] = cells[3] == "-" ? [] : Set(cells[3].split(separator: "|").map(String.init))
        }
        return result
    }

    static func comparison() throws -> Comparison {
        let guidelines = try GoldenFiles.all.map { try Fixtures.readCorpus($0, municipality: $0.components(separatedBy: "-")[0]) }
        let vocabulary = try VocabularyFile.load(path: Fixtures.corpusPath("vocabulary.tsv"))
        return Aligner(vocabulary: vocabulary).compare(guidelines, aspects: [.principles, .forms, .partners, .processes])
    }

    @Test func everyExtractedItemIsInTheHandAlignmentAndViceVersa() throws {
        let expected = try Self.expected()
        let predicted = try Self.comparison().items
        let keys = Set(predicted.map { Expected(aspect: $0.item.aspect.rawValue, municipality: $0.item.municipality, label: $0.item.label) })
        #expect(keys == Set(expected.keys))
    }

    @Test func precisionAndRecallAgainstTheHandAlignment() throws {
        let expected = try Self.expected()
        let items = try Self.comparison().items
        var predicted: [Expected: Set<String>] = [:]
        for a in items { predicted[Expected(aspect: a.item.aspect.rawValue, municipality: a.item.municipality, label: a.item.label)] = Set(a.matches.map(\.concept)) }

        // Per item and concept.
        var tp = 0, fp = 0, fn = 0
        for (key, truth) in expected {
            let guess = predicted[key] ?? []
            tp += guess.intersection(truth).count
            fp += guess.subtracting(truth).count
            fn += truth.subtracting(guess).count
        }
        let conceptPrecision = Double(tp) / Double(max(1, tp + fp)), conceptRecall = Double(tp) / Double(max(1, tp + fn))

        // Pairwise: two items of different municipalities are linked when they share a concept.
        func links(_ assignment: [Expected: Set<String>]) -> Set<[Expected]> {
            var result = Set<[Expected]>()
            let keys = assignment.keys.sorted { ($0.aspect, $0.municipality, $0.label) < ($1.aspect, $1.municipality, $1.label) }
            for (i, a) in keys.enumerated() {
                for b in keys[(i + 1)...] where a.aspect == b.aspect && a.municipality != b.municipality {
                    if !assignment[a]!.isDisjoint(with: assignment[b]!) { result.insert([a, b]) }
                }
            }
            return result
        }
        let truthLinks = links(expected), guessLinks = links(predicted)
        let shared = truthLinks.intersection(guessLinks).count
        let pairPrecision = Double(shared) / Double(max(1, guessLinks.count)), pairRecall = Double(shared) / Double(max(1, truthLinks.count))

        print(String(format: "alignment vs hand-checked: concepts P=%.3f R=%.3f (tp %d, fp %d, fn %d); pairs P=%.3f R=%.3f (%d predicted, %d expected)",
                     conceptPrecision, conceptRecall, tp, fp, fn, pairPrecision, pairRecall, guessLinks.count, truthLinks.count))
        #expect(conceptPrecision >= 0.95)
        #expect(conceptRecall >= 0.9)
        #expect(pairPrecision >= 0.95)
        #expect(pairRecall >= 0.9)
    }
}

enum GoldenFiles {
    static let all = ["kodaira-guideline.txt", "kodaira-handbook.txt", "koganei-guideline.txt", "higashikurume-pamphlet.txt", "hino-guideline.txt"]
}
