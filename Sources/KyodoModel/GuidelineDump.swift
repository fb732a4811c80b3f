/// A deterministic, human-readable dump of a `Guideline`: the golden format of reader tests.
///
/// One line per item (`aspect ordinal label @lines`), indented children, attributes and the
/// first line of the description beneath, then dates and findings.
public enum GuidelineDump {
    /// The dump of one guideline.
    public static func render(_ g: Guideline) -> String {
        var out = "document \(g.document.id) reader=\(g.reader)\n"
        if let title = g.title { out += "title \(title)\n" }
        for d in g.dates { out += "date \(d.role.rawValue) \(d.iso) \"\(d.text)\" @\(d.span.firstLine)\n" }
        for (aspect, value) in g.confidence.sorted(by: { $0.key < $1.key }) {
            out += "confidence \(aspect.rawValue) \(twoDecimals(value))\n"
        }
        for item in g.items { render(item, depth: 0, into: &out) }
        for f in g.findings {
            out += "finding \(f.kind.rawValue) \(f.aspect?.rawValue ?? "-")\(f.span.map { " @\($0.firstLine)" } ?? ""): \(f.message)\n"
        }
        return out
    }

    private static func render(_ item: Item, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        let lines = item.span.firstLine == item.span.lastLine ? "\(item.span.firstLine)" : "\(item.span.firstLine)-\(item.span.lastLine)"
        out += "\(pad)\(item.aspect.rawValue) \(item.ordinal) \(item.label) @\(lines)\n"
        if item.normalizedLabel != item.label { out += "\(pad)  key: \(item.normalizedLabel)\n" }
        for a in item.attributes { out += "\(pad)  \(a.name): \(firstLine(a.value))\n" }
        if !item.description.isEmpty { out += "\(pad)  = \(firstLine(item.description))\n" }
        for child in item.children { render(child, depth: depth + 1, into: &out) }
    }

    /// `0.85`: two decimals, without Foundation.
    public static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func firstLine(_ s: String) -> String {
        let line = s.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let clipped = line.count > 48 ? String(line.prefix(48)) + "…" : line
        return s.contains("\n") ? clipped + " ⏎" : clipped
    }
}
