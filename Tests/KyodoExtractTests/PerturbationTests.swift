import Foundation
import KyodoDocument
import KyodoExtract
import KyodoModel
import KyodoTestSupport
import KyodoText
import Testing

/// Each corpus document changed the way another city's printing of it would differ — its
/// enumeration restyled, its headings reworded or re-marked, the city renamed, a running page
/// header, tabs for spaces, hard wraps, Markdown, CP932 bytes — must give the same items
/// (labels per aspect; line numbers may move). Measured over all documents and perturbations:
/// at least 97% of the items kept, precision at least 0.97.
@Suite struct PerturbationTests {
    /// A named change to a document's lines.
    struct Perturbation: CustomStringConvertible, Sendable {
        var name: String
        var apply: @Sendable ([String]) -> [String]
        var description: String { name }
    }

    static func replacing(_ pairs: [(String, String)]) -> @Sendable ([String]) -> [String] {
        { lines in lines.map { line in pairs.reduce(line) { $0.replacingOccurrences(of: $1.0, with: $1.1) } } }
    }

    static let circled = Array("①②③④⑤⑥⑦⑧⑨⑩").map(String.init)

    static let all: [Perturbation] = [
        // ① → (1), or → ア where the document numbers something else (1) already: no printing
        // uses one style at two levels.
        Perturbation(name: "circled numbers restyled", apply: { lines in
            let usesParentheses = lines.contains { $0.hasPrefix("(1)") || $0.hasPrefix("（１）") }
            let katakana = Array("アイウエオカキクケコ").map(String.init)
            return lines.map { line in
                guard let first = line.first.map(String.init), let n = circled.firstIndex(of: first) else { return line }
                return (usesParentheses ? katakana[n] + " " : "(\(n + 1))") + line.dropFirst()
            }
        }),
        Perturbation(name: "headings reworded", apply: replacing([("協働の原則", "協働の基本原則"), ("協働の形態", "協働の形態について"), ("協働の進め方", "協働の進め方（手順）")])),
        Perturbation(name: "city renamed", apply: replacing([("小平市", "架空市"), ("小金井市", "緑川市"), ("東久留米市", "東山市"), ("日野市", "北浜市"),
                                                              ("小平", "架空"), ("小金井", "緑川"), ("東久留米", "東山"), ("日野", "北浜")])),
        Perturbation(name: "running header every 40 lines", apply: { lines in
            var out: [String] = []
            for (i, line) in lines.enumerated() {
                if i > 0 && i % 40 == 0 { out += ["", "協働の指針", "- \(i / 40) -", ""] }
                out.append(line)
            }
            return out
        }),
        // Hard wraps as PDF extraction makes them: every line over 40 characters cut at 36, the
        // rest on the next line.
        Perturbation(name: "hard-wrapped at 36", apply: { lines in
            lines.flatMap { line -> [String] in
                guard line.count > 40, !line.contains("\t") else { return [line] }
                var out: [String] = []
                var rest = Substring(line)
                while rest.count > 36 { out.append(String(rest.prefix(36))); rest = rest.dropFirst(36) }
                return out + [String(rest)]
            }
        }),
        Perturbation(name: "ideographic spaces as ASCII", apply: replacing([("\u{3000}", " ")])),
        Perturbation(name: "blank lines doubled", apply: { lines in lines.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? [$0, ""] : [$0] } }),
        Perturbation(name: "trailing spaces", apply: { lines in lines.map { $0.isEmpty ? $0 : $0 + "  " } }),
        // Converted to Markdown: the outer headings (第N章, ◆, ●●●, 1.) become ## headings keeping
        // their numbers, bullets (・) become `- `.
        Perturbation(name: "Markdown", apply: { lines in
            lines.map { line in
                guard let (marker, title, bulleted) = MarkerScanner.scan(line.trimmingCharacters(in: .whitespaces)), !bulleted else { return line }
                switch marker {
                case .chapter(let n): return "## 第\(n)章 " + title
                case .diamond, .ornamented: return "## " + title
                case .numbered(let n): return "### \(n). " + title
                case .bullet: return line.hasPrefix("・") ? "- " + title : line
                default: return line
                }
            }
        }),
    ]

    static let files = GoldenTests.files

    /// The items of the shared schema as (aspect, folded label), with multiplicity.
    static func keys(_ g: Guideline) -> [String] {
        Aspect.core.filter { $0 != .definition }.flatMap { a in g.items(a).map { a.rawValue + " " + $0.normalizedLabel } }
    }

    static func score(_ original: [String], _ changed: [String]) -> (kept: Int, found: Int, correct: Int) {
        var pool = original
        var correct = 0
        for k in changed {
            if let i = pool.firstIndex(of: k) { pool.remove(at: i); correct += 1 }
        }
        return (correct, changed.count, correct)
    }

    @Test func itemsSurviveEveryPerturbation() throws {
        var kept = 0, total = 0, found = 0, correct = 0
        var lines: [String] = []
        for p in Self.all {
            var pKept = 0, pTotal = 0
            for file in Self.files {
                let original = Self.keys(try Fixtures.readCorpus(file))
                let changed = Self.keys(try Fixtures.read(p.apply(Fixtures.lines(file)), name: file, reprints: Fixtures.reprints(file)))
                let s = Self.score(original, changed)
                if ProcessInfo.processInfo.environment["PERTURB_VERBOSE"] != nil, s.kept < original.count {
                    var pool = changed
                    let lost = original.filter { k in if let i = pool.firstIndex(of: k) { pool.remove(at: i); return false }; return true }
                    print("\(p.name) \(file) lost: \(lost)")
                }
                kept += s.kept; total += original.count; found += s.found; correct += s.correct
                pKept += s.kept; pTotal += original.count
            }
            lines.append("  \(p.name): \(pKept) of \(pTotal) kept")
        }
        // CP932 bytes of each document read through the loader.
        var converted = 0
        for file in Self.files {
            let original = Self.keys(try Fixtures.readCorpus(file))
            let text = Fixtures.lines(file).joined(separator: "\r\n")
            let path = NSTemporaryDirectory() + "kyodo-perturb-\(UUID().uuidString).txt"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + ".utf8"))
            defer { try? FileManager.default.removeItem(atPath: path + ".utf8") }
            // glibc's iconv command writes the CP932 bytes (Foundation cannot encode ① in Shift_JIS).
            let iconv = Process()
            iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
            iconv.arguments = ["-f", "UTF-8", "-t", "CP932", "-o", path, path + ".utf8"]
            try iconv.run()
            iconv.waitUntilExit()
            // A document with characters CP932 lacks (⑴) cannot be written in it: no printing could be.
            guard iconv.terminationStatus == 0 else { continue }
            converted += 1
            let source = try TextLoader.load(path: path, name: file)
            var document = Fixtures.document(file)
            document.reprints = Fixtures.reprints(file)
            let s = Self.score(original, Self.keys(Extractor().read(DocumentTree(source), document: document)))
            kept += s.kept; total += original.count; found += s.found; correct += s.correct
        }
        let recall = Double(kept) / Double(max(1, total)), precision = Double(correct) / Double(max(1, found))
        print("perturbed corpus documents: \(kept) of \(total) items kept (\(GuidelineDump.twoDecimals(recall))), precision \(GuidelineDump.twoDecimals(precision))\n" + lines.joined(separator: "\n"))
        #expect(converted >= 2)
        #expect(recall >= 0.97)
        #expect(precision >= 0.97)
    }
}
