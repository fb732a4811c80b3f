import CLibXML2
import Foundation

/// Validates XML against the shipped report schema with libxml2. Never resolves external
/// entities, loads no DTD, touches no network.
public enum XMLValidator {
    /// The schema text shipped with Kyodo.
    public static func schemaText() throws -> String {
        guard let url = Bundle.module.url(forResource: "kyodo-report", withExtension: "xsd"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { throw ReportError.xml("the report schema is missing from the installation") }
        return text
    }

    /// The problems found (`line N: message`); empty when the document is valid.
    public static func validate(_ xml: [UInt8], name: String = "report.xml") throws -> [String] {
        let schemaBytes = Array(try schemaText().utf8)
        // The parser context keeps the buffer's pointer and reads it in xmlSchemaParse: both
        // run inside the closure that lends it (outside it, -O has freed the bytes).
        let parsed: xmlSchemaPtr?? = schemaBytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { bytes -> xmlSchemaPtr?? in
                guard let parserContext = xmlSchemaNewMemParserCtxt(bytes, Int32(buf.count)) else { return .none }
                defer { xmlSchemaFreeParserCtxt(parserContext) }
                return .some(xmlSchemaParse(parserContext))
            }
        }
        guard let parsedSchema = parsed else { throw ReportError.xml("cannot read the schema") }
        guard let schema = parsedSchema else { throw ReportError.xml("the schema does not parse") }
        defer { xmlSchemaFree(schema) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        var errors = ErrorBox()
        let doc: xmlDocPtr? = xml.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { xmlReadMemory($0, Int32(buf.count), name, nil, options) }
        }
        guard let doc else {
            let error = xmlGetLastError()
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } } ?? "not well-formed"
            return ["line \(error?.pointee.line ?? 0): \(message)"]
        }
        defer { xmlFreeDoc(doc) }
        if let intSubset = doc.pointee.intSubset, intSubset.pointee.children != nil || doc.pointee.intSubset.pointee.entities != nil {
            errors.messages.append("line 1: a DTD with entity declarations is not allowed in a report (entities are never resolved)")
        }
        guard let validContext = xmlSchemaNewValidCtxt(schema) else { throw ReportError.xml("cannot create a validation context") }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        withUnsafeMutablePointer(to: &errors) { box in
            xmlSchemaSetValidStructuredErrors(validContext, { userData, error in
                guard let userData, let error else { return }
                let box = userData.assumingMemoryBound(to: ErrorBox.self)
                let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "invalid"
                box.pointee.messages.append("line \(error.pointee.line): \(message)")
            }, box)
            _ = xmlSchemaValidateDoc(validContext, doc)
        }
        return errors.messages
    }

    private struct ErrorBox { var messages: [String] = [] }
}
