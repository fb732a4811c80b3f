import Foundation
import KyodoDocument
import KyodoExtract
import KyodoModel
import KyodoTestSupport
import KyodoText
import Testing

/// The same document as text, PDF, web page and Word file gives the same items, and a PDF's
/// items cite the pages they are printed on (`Tests/Formats/`, made by
/// `scripts/make_format_fixtures.py`; its README says what each file is).
@Suite struct FormatAgreementTests {
    static let folder = Fixtures.root + "/Tests/Formats"

    /// The fixtures of a set: every NAME.txt with a version in another format (but the
    /// encrypted PDF, which is read only to be refused).
    static func names(_ set: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + set)) ?? []
        return entries.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.filter { $0 != "encrypted" }.sorted()
    }

    static func read(_ path: String) throws -> Guideline {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try CorpusReader(manifest: nil).read(Fixtures.document(base), path: path)
    }

    /// Which PDF page each line of NAME.txt is printed on (NAME.pages.tsv: line, page).
    static func pages(_ path: String) throws -> [Int: Int] {
        let lines = try TextLoader.load(path: path).lines.map(String.init)
        var pages: [Int: Int] = [:]
        for row in try DataFile(lines, path: path, required: ["line", "page"]).rows {
            guard let line = Int(try row.required("line")), let page = Int(try row.required("page")) else { throw row.error("not a number") }
            pages[line] = page
        }
        return pages
    }

    /// How far two readings agree: items matched by aspect and label (normalised, in order),
    /// and for a PDF, how many matched items stand on the page the text's line is printed on.
    struct Agreement: CustomStringConvertible {
        var matched = 0, expected = 0, found = 0
        var pagesRight = 0, pagesChecked = 0
        var missing: [String] = [], extra: [String] = [], wrongPages: [String] = []

        /// Matched items over the larger of the two counts (extras cost as misses do).
        var ratio: Double { max(expected, found) == 0 ? 1 : Double(matched) / Double(max(expected, found)) }

        var description: String {
            String(format: "%d/%d items (%.1f%%)", matched, max(expected, found), ratio * 100) + (pagesChecked > 0 ? ", pages \(pagesRight)/\(pagesChecked)" : "")
                + (missing.isEmpty ? "" : "; missing: " + missing.prefix(5).joined(separator: ", "))
                + (extra.isEmpty ? "" : "; extra: " + extra.prefix(5).joined(separator: ", "))
                + (wrongPages.isEmpty ? "" : "; wrong pages: " + wrongPages.prefix(5).joined(separator: ", "))
        }

        static func += (a: inout Agreement, b: Agreement) {
            a.matched += b.matched; a.expected += b.expected; a.found += b.found
            a.pagesRight += b.pagesRight; a.pagesChecked += b.pagesChecked
        }
    }

    static func flatten(_ items: [Item]) -> [Item] { items.flatMap { [$0] + flatten($0.children) } }

    static func agreement(text: Guideline, other: Guideline, pages: [Int: Int]?) -> Agreement {
        var result = Agreement()
        let want = flatten(text.items), got = flatten(other.items)
        result.expected = want.count
        result.found = got.count
        var used = Set<Int>()
        for item in want {
            let key = Normalizer.labelKey(item.label)
            guard let k = got.indices.first(where: { !used.contains($0) && got[$0].aspect == item.aspect && Normalizer.labelKey(got[$0].label) == key }) else {
                result.missing.append("\(item.aspect.rawValue) \(item.label)")
                continue
            }
            used.insert(k)
            result.matched += 1
            if let pages, let page = pages[item.span.firstLine] {
                result.pagesChecked += 1
                if got[k].span.page?.firstPage == page { result.pagesRight += 1 } else {
                    result.wrongPages.append("\(item.label) p\(got[k].span.page?.firstPage ?? 0) not p\(page)")
                }
            }
        }
        result.extra = got.indices.filter { !used.contains($0) }.map { "\(got[$0].aspect.rawValue) \(got[$0].label)" }
        return result
    }

    /// Every format version of every fixture of a set against its text version.
    static func agreements(_ set: String) throws -> [(name: String, format: String, agreement: Agreement)] {
        var out: [(String, String, Agreement)] = []
        for name in names(set) {
            let base = folder + "/" + set + "/" + name
            let text = try read(base + ".txt")
            for format in ["pdf", "html", "docx"] where FileManager.default.fileExists(atPath: base + "." + format) {
                let pages = format == "pdf" && FileManager.default.fileExists(atPath: base + ".pages.tsv") ? try Self.pages(base + ".pages.tsv") : nil
                out.append((name, format, agreement(text: text, other: try read(base + "." + format), pages: pages)))
            }
        }
        return out
    }

    @Test func everyFormatOfEveryTunedFixtureGivesTheTextsItems() throws {
        let results = try Self.agreements("tune") + Self.agreements("special")
        try #require(results.count >= 18, "the format fixtures are missing: run scripts/make_format_fixtures.py")
        for (name, format, agreement) in results {
            print("tune \(name).\(format): \(agreement)")
            #expect(agreement.ratio >= 0.97, "\(name).\(format): \(agreement)")
            #expect(agreement.pagesRight == agreement.pagesChecked, "\(name).\(format): \(agreement)")
        }
    }

    /// The holdout was not looked at while the readers were written: its figures are the
    /// readers' accuracy on layouts they were not tuned on (the note quotes them). Only a floor
    /// is asserted, so that it is measured, not tuned to.
    @Test func theHoldoutIsMeasured() throws {
        let results = try Self.agreements("holdout")
        try #require(!results.isEmpty, "the holdout fixtures are missing")
        var byFormat: [String: Agreement] = [:]
        for (name, format, agreement) in results {
            byFormat[format, default: Agreement()] += agreement
            print("holdout \(name).\(format): \(agreement)")
        }
        for (format, total) in byFormat.sorted(by: { $0.key < $1.key }) {
            print("holdout \(format): \(total)")
            #expect(total.ratio >= 0.9, "holdout \(format): \(total)")
        }
    }
}
