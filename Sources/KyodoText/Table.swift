/// Tab-separated lines read as a table: what PDF extraction leaves of a printed table.
public struct Table: Sendable, Hashable {
    /// One line of the table.
    public struct Row: Sendable, Hashable {
        /// The 1-based line number in the original file.
        public var line: Int
        /// The cells, split on tabs and trimmed; empty cells are kept.
        public var cells: [String]

        /// The cell at `index`, or an empty string.
        public subscript(_ index: Int) -> String { index < cells.count ? cells[index] : "" }

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }

        /// Whether every cell is empty.
        public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
    }

    /// A row together with the continuation lines that belong to it.
    public struct Record: Sendable, Hashable {
        /// The row that opens the record.
        public var row: Row
        /// Following rows whose first cell is empty: the rest of this record.
        public var continuations: [Row]
        /// First and last line.
        public var lines: ClosedRange<Int> { row.line...(continuations.last?.line ?? row.line) }
        /// The cell at `index` of the opening row followed by the same cell of each continuation.
        public func column(_ index: Int) -> [String] {
            ([row] + continuations).map { $0[index] }.filter { !$0.isEmpty }
        }
    }

    /// Every line, in order.
    public let rows: [Row]
    /// Whether the table is a table of contents: titles followed by page numbers. Decided once
    /// here; readers ask it of every table they pass.
    public let isTableOfContents: Bool

    /// Whether the first row is a header: not when it is an entry like the rest (`ア　委託…`,
    /// `・委託　　市の事業を…`) or ends a sentence.
    public let hasHeader: Bool

    public init(rows: [Row]) {
        self.rows = rows
        self.isTableOfContents = Table.looksLikeContents(rows)
        self.hasHeader = Table.opensWithHeader(rows)
    }

    /// The first row, when it is a header.
    public var header: Row? { hasHeader ? rows.first : nil }

    /// The rows after the header (all of them in a table without one), each with its
    /// continuation lines (rows whose first cell is empty).
    public func records(skippingHeader: Bool = true) -> [Record] {
        var records: [Record] = []
        for row in rows.dropFirst(skippingHeader && hasHeader ? 1 : 0) where !row.isEmpty {
            if row[0].isEmpty, !records.isEmpty {
                records[records.count - 1].continuations.append(row)
            } else {
                records.append(Record(row: row, continuations: []))
            }
        }
        return records
    }

    /// Whether a first row reads as a header: its first cell carries no enumeration marker or
    /// bullet, and no cell ends a sentence.
    static func opensWithHeader(_ rows: [Row]) -> Bool {
        guard let first = rows.first else { return false }
        if let (marker, _, bulleted) = MarkerScanner.scan(first[0].trimmedSpaces()), marker.number != nil || bulleted || marker == .bullet { return false }
        return !first.cells.contains { $0.hasByteSuffix("。") }
    }

    /// At least three rows, four in five of them a title and a page number (or nothing).
    static func looksLikeContents(_ rows: [Row]) -> Bool {
        guard rows.count >= 3 else { return false }
        let pageLike = rows.filter { row in
            guard row.cells.count == 2, let last = row.cells.last else { return false }
            return last.isEmpty || Table.isPageNumber(last)
        }
        return pageLike.count * 10 >= rows.count * 8
    }

    /// One to four numerals (digits of any width, or other numeric characters), with dashes and
    /// spaces around them: `12`, `- 3 -`, `－５－`.
    static func isPageNumber(_ s: String) -> Bool {
        var digits = 0
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x2D, 0x20, 0xFF0D: continue  // - space －
            default:
                guard scalar.properties.numericType != nil else { return false }
                digits += 1
                if digits > 4 { return false }
            }
        }
        return digits > 0
    }
}
