/// JSON for pandas, R and jq: `{title, metadata, tables: [{name, title, columns, rows}]}`,
/// rows as objects keyed by column name, keys in a stable order.
public struct JSONWriter: ReportWriter {
    public let name = "json"
    public let fileExtension = "json"

    public init() {}

    public func render(_ report: Report) throws -> [UInt8] {
        var out = "{\n  \"title\": \(Self.string(report.title)),\n  \"metadata\": {"
        out += report.metadata.map { "\n    \(Self.string($0.key)): \(Self.string($0.value))" }.joined(separator: ",")
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
        case .text(let s): string(s)
        case .empty: "null"
        }
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
