/// What every command produces and every writer renders: a title, metadata, typed tables.
public struct Report: Sendable, Hashable {
    /// The report's title (Japanese with English alongside).
    public var title: String
    /// Ordered key–value facts about the report (generator, documents and their digests…).
    public var metadata: [MetadataEntry]
    /// The tables; the first is the main one (the one a CSV holds by default).
    public var tables: [ReportTable]
    /// Tables the report has but did not build, because the output holds only one table
    /// (see `TableSelection`): named in messages, never written.
    public var omittedTables: [String]

    public init(title: String, metadata: [MetadataEntry] = [], tables: [ReportTable], omittedTables: [String] = []) {
        self.title = title
        self.metadata = metadata
        self.tables = tables
        self.omittedTables = omittedTables
    }

    /// The table with this name.
    public func table(named name: String) -> ReportTable? { tables.first { $0.name == name } }

    /// The names of every table the report has, built or not.
    public var tableNames: [String] { tables.map(\.name) + omittedTables }
}

/// Which tables a report builder builds: all of them (text, XML, JSON), or only the one a CSV
/// file will hold. The municipality × municipality tables of a national comparison have
/// millions of cells; a CSV of the main table should not pay for them.
public enum TableSelection: Sendable, Hashable {
    /// Every table.
    case all
    /// One table by name; nil: the main (first) table.
    case one(String?)
    /// Every table, and besides them these tables a report builds only on request (the
    /// passages and heatmap cells an HTML view needs, the similarity of every pair).
    case allWith(Set<String>)

    /// Whether the table named `name` is wanted; `isMain` says whether it is the report's first.
    public func wants(_ name: String, isMain: Bool) -> Bool {
        switch self {
        case .all, .allWith: true
        case .one(let wanted): wanted.map { $0 == name } ?? isMain
        }
    }

    /// Whether a table built only on request was requested: by name, or among the extras.
    public func requests(_ name: String) -> Bool {
        switch self {
        case .all: false
        case .one(let wanted): wanted == name
        case .allWith(let extras): extras.contains(name)
        }
    }
}

/// One metadata fact.
public struct MetadataEntry: Sendable, Hashable {
    /// Key (ASCII, stable for scripts).
    public var key: String
    /// Value.
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// A table with typed columns.
public struct ReportTable: Sendable, Hashable {
    /// Name used by scripts and `--table` (ASCII).
    public var name: String
    /// Title for people.
    public var title: String
    /// The columns.
    public var columns: [Column]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// For text output: columns whose values head groups of consecutive rows instead of
    /// repeating on every row. Other formats ignore it.
    public var textGroupBy: [String]

    public init(name: String, title: String, columns: [Column], rows: [[Value]] = [], textGroupBy: [String] = []) {
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
        self.textGroupBy = textGroupBy
    }
}

/// A column: a stable ASCII name, a label for people, a type.
public struct Column: Sendable, Hashable {
    /// The kind of values a column holds.
    public enum Kind: String, Sendable { case text, integer, decimal }
    /// Stable name (`line_start`).
    public var name: String
    /// Label for people (`開始行`).
    public var label: String
    /// The kind of values.
    public var kind: Kind
    /// The display width past which the text writer shortens a cell with `…`; nil for none.
    public var textWidth: Int?
    /// Whether the text writer leaves the column out (it repeats another one for people).
    public var hiddenInText: Bool
    /// Whether the column is an excerpt of another for text output (the HTML view, which
    /// shows the whole text, leaves it out).
    public var isExcerpt: Bool
    /// Whether ［］ in the column's text enclose changed passages (the HTML view underlines them).
    public var marksChanges: Bool

    public init(_ name: String, _ label: String, _ kind: Kind = .text, textWidth: Int? = nil, hiddenInText: Bool = false,
                isExcerpt: Bool = false, marksChanges: Bool = false) {
        self.name = name
        self.label = label
        self.kind = kind
        self.textWidth = textWidth
        self.hiddenInText = hiddenInText
        self.isExcerpt = isExcerpt
        self.marksChanges = marksChanges
    }
}

/// A cell value.
public enum Value: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A score or share (0…1 and the like), written with three decimals.
    case decimal(Double)
    /// Nothing to say: the cell has no content (a municipality states the aspect but not this
    /// concept, a column that does not apply to the row).
    case empty
    /// Not available: the value cannot be had, because what it is computed from is not stated
    /// (a similarity with a municipality that states nothing on the aspect). `NA` in text and
    /// CSV, `null` in JSON, `<missing/>` in XML.
    case missing

    /// The value as text: decimals with three places, `NA` for a missing value, empty for `.empty`.
    public var text: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .decimal(let x): Value.decimalText(x)
        case .empty: ""
        case .missing: "NA"
        }
    }

    /// A decimal as written in every format: three places (halves rounded away from zero),
    /// `-` for negatives, no exponent.
    public static func decimalText(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e12 else { return "NA" }
        let thousandths = Int((abs(x) * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return (x < 0 && thousandths > 0 ? "-" : "") + "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
