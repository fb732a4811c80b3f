import CLibXML2

/// XML in the Kyodo report namespace, written with libxml2's text writer; validates against
/// `Schema/kyodo-report.xsd`. Characters XML 1.0 forbids are replaced by U+FFFD.
public struct XMLWriter: ReportWriter {
    public let name = "xml"
    public let fileExtension = "xml"
    /// The namespace of every report element.
    public static let namespace = "urn:kyodo:report:1"

    public init() {}

    public func render(_ report: Report) throws -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { throw ReportError.xml("cannot allocate a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw ReportError.xml("cannot create a writer") }
        var freed = false
        defer { if !freed { xmlFreeTextWriter(writer) } }
        func check(_ rc: Int32) throws { if rc < 0 { throw ReportError.xml("libxml2 text writer failed") } }
        try check(xmlTextWriterSetIndent(writer, 1))
        try check(xmlTextWriterSetIndentString(writer, "  "))
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        try check(xmlTextWriterStartElementNS(writer, nil, "report", Self.namespace))
        try attribute(writer, "title", report.title)
        try attribute(writer, "generator", "kyodo")
        try check(xmlTextWriterStartElement(writer, "metadata"))
        for m in report.metadata {
            try check(xmlTextWriterStartElement(writer, "entry"))
            try attribute(writer, "key", m.key)
            try check(xmlTextWriterWriteString(writer, Self.clean(m.value)))
            try check(xmlTextWriterEndElement(writer))
        }
        try check(xmlTextWriterEndElement(writer))
        for table in report.tables {
            try check(xmlTextWriterStartElement(writer, "table"))
            try attribute(writer, "name", table.name)
            try attribute(writer, "title", table.title)
            try check(xmlTextWriterStartElement(writer, "columns"))
            for c in table.columns {
                try check(xmlTextWriterStartElement(writer, "column"))
                try attribute(writer, "name", c.name)
                try attribute(writer, "label", c.label)
                try attribute(writer, "type", c.kind.rawValue)
                try check(xmlTextWriterEndElement(writer))
            }
            try check(xmlTextWriterEndElement(writer))
            for row in table.rows {
                try check(xmlTextWriterStartElement(writer, "row"))
                for (c, v) in zip(table.columns, row) {
                    // One element per kind of value, so that the schema checks each: `<text>`,
                    // `<integer>`, `<decimal>`, `<empty/>`, `<missing/>` (NA).
                    try check(xmlTextWriterStartElement(writer, Self.element(v)))
                    try attribute(writer, "column", c.name)
                    switch v {
                    case .text, .integer, .decimal: try check(xmlTextWriterWriteString(writer, Self.clean(v.text)))
                    case .empty, .missing: break
                    }
                    try check(xmlTextWriterEndElement(writer))
                }
                try check(xmlTextWriterEndElement(writer))
            }
            try check(xmlTextWriterEndElement(writer))
        }
        try check(xmlTextWriterEndElement(writer))
        try check(xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)
        freed = true
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// The element a value is written as.
    static func element(_ v: Value) -> String {
        switch v {
        case .text: "text"
        case .integer: "integer"
        case .decimal(let x): x.isFinite ? "decimal" : "missing"
        case .empty: "empty"
        case .missing: "missing"
        }
    }

    private func attribute(_ writer: xmlTextWriterPtr, _ name: String, _ value: String) throws {
        if xmlTextWriterWriteAttribute(writer, name, Self.clean(value)) < 0 { throw ReportError.xml("cannot write attribute \(name)") }
    }

    /// The text with every character XML 1.0 forbids replaced by U+FFFD.
    public static func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !allowed($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(allowed(scalar) ? scalar : "\u{FFFD}") }
        return String(out)
    }

    private static func allowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
