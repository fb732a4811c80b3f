/// JSON for pandas, R and jq: `{title, metadata, tables: [{name, title, columns, rows}]}`,
/// rows as objects keyed by column name, keys in a stable order and never repeated: a metadata
/// key given more than once (`document`) holds an array of its values. Integers and decimals
/// are numbers; a missing value (NA: what it is computed from is not stated) and an empty
/// cell are `null`.
public struct JSONWriter: ReportWriter {
    public let name = "json"
    public let fileExtension = "json"

    public init() {}

    public func render(_ report: Report) throws -> [UInt8] {
        var out = "{\n  \"title\": \(Self.string(report.title)),\n  \"metadata\": {"
        out += Self.grouped(report.metadata).map { key, values in
            let value = values.count == 1 && !Self.listKeys.contains(key)
                ? Self.string(values[0]) : "[" + values.map(Self.string).joined(separator: ", ") + "]"
            return "\n    \(Self.string(key)): \(value)"
        }.joined(separator: ",")
        out += report.metadata.isEmpty ? "},\n" : "\n  },\n"
        out += "  \"tables\": ["
        out += report.tables.map { table in
            var t = "\n    {\n      \"name\": \(Self.string(table.name)),\n      \"title\": \(Self.string(table.title)),\n      \"columns\": ["
            t += table.columns.map { "{\"name\": \(Self.string($0.name)), \"label\": \(Self.string($0.label)), \"type\": \(Self.string($0.kind.rawValue))}" }
                .joined(separator: ", ")
            t += "],\n      \"rows\": ["
            t += table.rows.map { row in
                "\n        {" + zip(table.columns, row).map { c, v in "\(Self.string(c.name)): \(Self.value(v))" }.joined(separator: ", ") + "}"
            }.joined(separator: ",")
            t += table.rows.isEmpty ? "]\n    }" : "\n      ]\n    }"
            return t
        }.joined(separator: ",")
        out += report.tables.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Array(out.utf8)
    }

    private static func value(_ v: Value) -> String {
        switch v {
        case .integer(let n): String(n)
        case .decimal(let x): x.isFinite ? Value.decimalText(x) : "null"
        case .text(let s): string(s)
        case .empty, .missing: "null"
        }
    }

    /// Metadata keys that are lists whatever their number of values (a report of one
    /// document still has an array of documents).
    static let listKeys: Set<String> = ["document"]

    /// The metadata's keys in the order they first appear, each with its values in order.
    static func grouped(_ metadata: [MetadataEntry]) -> [(String, [String])] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for m in metadata {
            if values[m.key] == nil { order.append(m.key) }
            values[m.key, default: []].append(m.value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }

    /// A JSON string literal: `"`, `\`, control characters and U+2028/2029 escaped, everything
    /// else copied. Over the UTF-8 bytes: appending scalar by scalar was 40% of writing the JSON
    /// of a national corpus.
    static func string(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 2)
            out.append(0x22)
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x00..<0x20: out += Array("\\u00".utf8) + hex(c >> 4) + hex(c & 0x0F)
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    out += Array("\\u202".utf8) + [b[i + 2] == 0xA8 ? 0x38 : 0x39]  // U+2028, U+2029
                    i += 3
                    continue
                default: out.append(c)
                }
                i += 1
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A lower-case hex digit.
    private static func hex(_ v: UInt8) -> [UInt8] { [v < 10 ? 0x30 + v : 0x61 + v - 10] }
}
