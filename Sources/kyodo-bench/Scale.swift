import Foundation
import KyodoCompare
import KyodoModel
import KyodoDocument
import KyodoExtract
import KyodoText

/// One scale run over a generated corpus.
enum Scale {
    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    /// Peak resident memory of this process, from /proc (VmHWM), in MB.
    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    /// Files to guidelines on one core through the tool's own path, and nothing else; the best
    /// of `rounds` runs (this shared machine's wall clock varies by a third from run to run).
    static func pipeline(folder: String, rounds: Int, allCores: Bool = false) throws {
        let manifest = try Manifest.load(path: folder + "/manifest.tsv")
        let reader = CorpusReader(manifest: manifest)
        let entries = manifest.documents.map { ($0, manifest.path(of: $0)) }
        let bytes = entries.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.1)[.size] as? Int) ?? 0) }
        var best = Double.infinity, items = 0
        for _ in 0..<max(1, rounds) {
            items = 0
            let time = try ContinuousClock().measure {
                if allCores {
                    items = try reader.readAll(entries).reduce(0) { $0 + $1.items.count }
                } else {
                    for (document, path) in entries { items += try reader.read(document, path: path).items.count }
                }
            }
            best = min(best, seconds(time))
        }
        print(String(format: "files to guidelines, %@  %7.3f s  %7.1f MB/s  (best of %d; %d documents, %.1f MB, %d items)", allCores ? "all cores" : "one core ", best,
                     Double(bytes) / 1e6 / best, max(1, rounds), manifest.documents.count, Double(bytes) / 1e6, items))
    }

    static func run(folder: String, compare: Bool = true) throws {
        let clock = ContinuousClock()
        let extractor = Extractor()
        let manifest = try Manifest.load(path: folder + "/manifest.tsv")
        let vocabulary = try VocabularyFile.load(path: folder + "/vocabulary.tsv")
        var bytes: [[UInt8]] = []
        let readTime = try clock.measure {
            bytes = try manifest.documents.map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest.path(of: $0)))) }
        }
        let megabytes = Double(bytes.reduce(0) { $0 + $1.count }) / 1e6
        var sources: [SourceText] = []
        let loadTime = try clock.measure {
            sources = try bytes.enumerated().map { try TextLoader.decode($1, name: manifest.documents[$0].file) }
        }
        var folded = 0
        let foldTime = clock.measure { for s in sources { folded &+= Normalizer.fold(s.text).utf8.count } }
        var guidelines: [Guideline] = []
        let readersTime = clock.measure {
            guidelines = sources.enumerated().map { i, s in
                let outline = Outline(s)
                return extractor.read(DocumentTree(outline), document: manifest.documents[i])
            }
        }
        // Accuracy against the generator's expected items (label equal or contained, per aspect).
        var expectedCount = 0, foundCount = 0, matched = 0
        for (i, document) in manifest.documents.enumerated() {
            let path = (manifest.directory as NSString).appendingPathComponent(document.id + ".expected.tsv")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let expected = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            for aspect in Aspect.core {
                let want = expected.filter { $0.first == aspect.rawValue }.compactMap { $0.count > 2 ? Normalizer.labelKey($0[2]) : nil }
                let got = guidelines[i].items(aspect).map(\.normalizedLabel)
                expectedCount += want.count
                foundCount += got.count
                matched += want.filter { w in got.contains { $0 == w || $0.includes(w) || w.includes($0) } }.count
            }
        }
        bytes = []; sources = []  // what the tool would no longer hold
        // The tool's own path: files loaded and read on every core (CorpusReader.readAll).
        let entries = manifest.documents.map { ($0, manifest.path(of: $0)) }
        var parallel: [Guideline] = []
        let parallelTime = try clock.measure { parallel = try CorpusReader(manifest: manifest).readAll(entries) }
        let sameOutput = parallel.map(GuidelineDump.render) == guidelines.map(GuidelineDump.render)
        parallel = []
        var comparison: Comparison?
        let compareTime = clock.measure {
            guard compare else { return }
            comparison = Aligner(vocabulary: vocabulary).compare(guidelines, aspects: [.principles, .forms, .partners, .processes])
        }
        let total = seconds(loadTime) + seconds(foldTime) + seconds(readersTime)
        print("documents \(manifest.documents.count), \(String(format: "%.1f", megabytes)) MB")
        print(String(format: "read bytes            %7.3f s", seconds(readTime)))
        print(String(format: "load (decode, lines)  %7.3f s  %7.1f MB/s", seconds(loadTime), megabytes / seconds(loadTime)))
        print(String(format: "normalise             %7.3f s  %7.1f MB/s", seconds(foldTime), megabytes / seconds(foldTime)))
        print(String(format: "outline + read        %7.3f s  %7.1f MB/s  %7.0f documents/s", seconds(readersTime), megabytes / seconds(readersTime),
                     Double(manifest.documents.count) / seconds(readersTime)))
        print(String(format: "sum, every line folded %6.3f s  %7.1f MB/s  (the tool folds labels only: see pipeline)", total, megabytes / total))
        print(String(format: "files to guidelines   %7.3f s  %7.1f MB/s  %7.0f documents/s  (both cores, wall; same output: %@)", seconds(parallelTime),
                     megabytes / seconds(parallelTime), Double(manifest.documents.count) / seconds(parallelTime), sameOutput ? "yes" : "NO"))
        print(String(format: "compare --all         %7.3f s  (%d items, %d municipalities, 4 aspects)", seconds(compareTime),
                     comparison?.items.count ?? 0, comparison?.municipalities.count ?? 0))
        if expectedCount == 0 {
            print("accuracy              n/a (no DOC.expected.tsv beside the documents: not a generated corpus)")
        } else {
            print(String(format: "accuracy              recall %.3f  precision %.3f  (%d expected, %d found)",
                         Double(matched) / Double(max(1, expectedCount)), Double(matched) / Double(max(1, foundCount)), expectedCount, foundCount))
        }
        print(String(format: "peak memory           %7.0f MB", peakMB()))
    }
}
