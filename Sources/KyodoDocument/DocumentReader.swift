import KyodoModel
import KyodoText

/// Reads a file of any format Kyodo knows into its `DocumentTree`: the format is told by the
/// bytes (`SourceFormat.detect`), then text goes through the text loader and outline, a PDF
/// through poppler and the same outline, a web page or Word file through its markup straight
/// into blocks (`MarkupOutline`). Everything after the tree is the same for all of them.
public enum DocumentReader {
    /// A document read: its tree, and what the reader noticed.
    public struct Read: Sendable {
        public var tree: DocumentTree
        public var notes: [ReadNote]
        /// The format the file was read as.
        public var format: SourceFormat { tree.source.format }

        public init(tree: DocumentTree, notes: [ReadNote]) {
            self.tree = tree
            self.notes = notes
        }
    }

    /// Reads a file.
    public static func read(path: String, name: String? = nil, options: TextLoader.Options = .default) throws -> Read {
        try read(bytes: try TextLoader.readBytes(path: path, limit: options.maxBytes), path: path, name: name, options: options)
    }

    /// Reads a file's bytes read already (so `add` reads a file once).
    public static func read(bytes: [UInt8], path: String, name: String? = nil, options: TextLoader.Options = .default) throws -> Read {
        let name = name ?? path
        // A named encoding is a text file's: the bytes are read as text whatever they look like.
        let format = options.encoding == nil ? SourceFormat.detect(bytes) : .text
        switch format {
        case .text:
            // An old binary Office file (.doc, .xls: OLE2) is named as such, not as binary text.
            if options.encoding == nil, bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw ReadError.notWord(path: path, reason: "an old binary Office file (.doc, .xls), which Kyodo does not read; save it as DOCX, PDF or text")
            }
            return Read(tree: DocumentTree(try TextLoader.load(bytes: bytes, path: path, name: name, options: options)), notes: [])
        case .pdf:
            let (source, notes) = try PDFReader.read(bytes, name: name, path: path, sha256: SHA256.hex(bytes))
            return Read(tree: DocumentTree(source), notes: notes)
        case .html:
            let page = try HTMLReader.read(bytes, path: path)
            return Read(tree: MarkupOutline.tree(page.blocks, name: name, format: .html, encoding: page.encoding, sha256: SHA256.hex(bytes)),
                        notes: page.notes)
        case .docx:
            let blocks = try DOCXReader.read(bytes, path: path)
            return Read(tree: MarkupOutline.tree(blocks, name: name, format: .docx, encoding: .utf8, sha256: SHA256.hex(bytes)), notes: [])
        }
    }
}
