import KyodoModel

/// What a `diff` found, as plain data (so that this module needs no diff engine).
public struct DiffResult: Sendable {
    /// One differing passage pair.
    public struct Row: Sendable {
        public var oldMarked: String, newMarked: String
        public var oldLines: ClosedRange<Int>?, newLines: ClosedRange<Int>?
        /// For a PDF, the pages and lines on them (`p4:12-15`).
        public var oldPages: String?, newPages: String?
        public init(oldMarked: String, newMarked: String, oldLines: ClosedRange<Int>?, newLines: ClosedRange<Int>?,
                    oldPages: String? = nil, newPages: String? = nil) {
            self.oldMarked = oldMarked; self.newMarked = newMarked; self.oldLines = oldLines; self.newLines = newLines
            self.oldPages = oldPages; self.newPages = newPages
        }
    }
    /// One changed passage.
    public struct Change: Sendable {
        public var kind: String, old: String, new: String, oldLine: Int, newLine: Int
        /// For a PDF, the page and line on it (`p4:12`).
        public var oldPage: String?, newPage: String?
        public init(kind: String, old: String, new: String, oldLine: Int, newLine: Int, oldPage: String? = nil, newPage: String? = nil) {
            self.kind = kind; self.old = old; self.new = new; self.oldLine = oldLine; self.newLine = newLine
            self.oldPage = oldPage; self.newPage = newPage
        }
    }
    public var oldName: String, newName: String
    public var oldLines: ClosedRange<Int>, newLines: ClosedRange<Int>
    public var rows: [Row]
    public var changes: [Change]
    public var unchangedUnits: Int

    public init(oldName: String, newName: String, oldLines: ClosedRange<Int>, newLines: ClosedRange<Int>, rows: [Row], changes: [Change], unchangedUnits: Int) {
        self.oldName = oldName; self.newName = newName; self.oldLines = oldLines; self.newLines = newLines
        self.rows = rows; self.changes = changes; self.unchangedUnits = unchangedUnits
    }
}

/// The `diff` report: a 新旧対照表 (new text on the left, old on the right by Japanese
/// convention; changed passages in ［］) and the list of changes.
public enum DiffReport {
    /// Builds the report; `oldFirst` puts the old text's columns first.
    public static func make(_ d: DiffResult, oldFirst: Bool = false) -> Report {
        func lines(_ r: ClosedRange<Int>?) -> Value {
            guard let r else { return .empty }
            return .text(r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)")
        }
        // A PDF's side cites its pages too, in a column after its lines.
        let oldPaged = d.rows.contains { $0.oldPages != nil }, newPaged = d.rows.contains { $0.newPages != nil }
        func pages(_ p: String?) -> Value { p.map { .text($0) } ?? .empty }
        let newColumns = [Column("new_lines", "新 行")] + (newPaged ? [Column("new_pages", "新 頁")] : [])
            + [Column("new_text", "改正後（新）", hiddenInText: true, marksChanges: true), Column("new_excerpt", "改正後（新） 抜粋", isExcerpt: true, marksChanges: true)]
        let oldColumns = [Column("old_lines", "旧 行")] + (oldPaged ? [Column("old_pages", "旧 頁")] : [])
            + [Column("old_text", "改正前（旧）", hiddenInText: true, marksChanges: true), Column("old_excerpt", "改正前（旧） 抜粋", isExcerpt: true, marksChanges: true)]
        var table = ReportTable(name: "comparison", title: "新旧対照表 Comparison of versions (changed passages in ［］)",
                                columns: oldFirst ? oldColumns + newColumns : newColumns + oldColumns)
        for r in d.rows {
            let new: [Value] = [lines(r.newLines)] + (newPaged ? [pages(r.newPages)] : []) + [.text(r.newMarked), .text(excerpt(r.newMarked))]
            let old: [Value] = [lines(r.oldLines)] + (oldPaged ? [pages(r.oldPages)] : []) + [.text(r.oldMarked), .text(excerpt(r.oldMarked))]
            table.rows.append(oldFirst ? old + new : new + old)
        }
        var changes = ReportTable(name: "changes", title: "変更一覧 Changes",
                                  columns: [Column("number", "番号", .integer), Column("kind", "種別"), Column("kind_ja", "種別(日本語)"),
                                            Column("old", "旧", textWidth: 40), Column("new", "新", textWidth: 40),
                                            Column("old_line", "旧 行", .integer), Column("new_line", "新 行", .integer)]
                                      + (oldPaged ? [Column("old_page", "旧 頁")] : []) + (newPaged ? [Column("new_page", "新 頁")] : []))
        for (n, c) in d.changes.enumerated() {
            let ja = ["changed": "変更", "added": "追加", "deleted": "削除"][c.kind] ?? c.kind
            changes.rows.append([.integer(n + 1), .text(c.kind), .text(ja), .text(c.old), .text(c.new), .integer(c.oldLine), .integer(c.newLine)]
                                + (oldPaged ? [pages(c.oldPage)] : []) + (newPaged ? [pages(c.newPage)] : []))
        }
        let metadata = [MetadataEntry("generator", "kyodo"),
                        MetadataEntry("old", "\(d.oldName):\(d.oldLines.lowerBound)-\(d.oldLines.upperBound)"),
                        MetadataEntry("new", "\(d.newName):\(d.newLines.lowerBound)-\(d.newLines.upperBound)"),
                        MetadataEntry("ignored", "line wraps, block boundaries, width variants, old kanji forms, spacing, HTML markup"),
                        MetadataEntry("changes", String(d.changes.count)), MetadataEntry("unchanged_units", String(d.unchangedUnits))]
        return Report(title: "新旧対照 Kyodo: what changed between two versions", metadata: metadata, tables: [table, changes])
    }

    /// The marked text around each change: `context` characters on each side of every ［…］,
    /// windows that touch merged, the rest elided with `…`.
    static func excerpt(_ marked: String, context: Int = 16) -> String {
        let chars = Array(marked)
        var windows: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "［", let close = chars[i...].firstIndex(of: "］") else { i += 1; continue }
            let window = max(0, i - context)..<min(chars.count, close + 1 + context)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                windows.append(window)
            }
            i = close + 1
        }
        guard !windows.isEmpty, chars.count > 2 * context + 8 else { return marked }
        var out = windows[0].lowerBound > 0 ? "…" : ""
        for (k, w) in windows.enumerated() {
            if k > 0 { out += "…" }
            out += String(chars[w])
        }
        return out + (windows.last!.upperBound < chars.count ? "…" : "")
    }
}
