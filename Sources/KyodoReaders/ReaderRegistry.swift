import KyodoModel
import KyodoText

/// Every reader Kyodo has, and the choice among them.
///
/// Adding a layout is one new file and one line in `all`.
public enum ReaderRegistry {
    /// The dedicated readers, then the generic fallback.
    public static let all: [any GuidelineReader] = [
        KodairaHandbookReader(),
        KodairaGuidelineReader(),
        KoganeiReader(),
        HigashikurumeReader(),
        HinoReader(),
        GenericReader(),
    ]

    /// The reader with this name; an unknown name throws, listing the known ones.
    public static func reader(named name: String) throws -> any GuidelineReader {
        guard let reader = all.first(where: { $0.name == name }) else {
            throw ReaderError.unknownReader(name, known: all.map(\.name))
        }
        return reader
    }

    /// The reader whose layout the text matches best; the generic reader when none scores 50.
    public static func detect(_ outline: Outline) -> any GuidelineReader {
        let scored = all.map { ($0, $0.detect(outline)) }
        let best = scored.max { $0.1 < $1.1 }
        if let best, best.1 >= 50 { return best.0 }
        return GenericReader()
    }

    /// Reads a document with the named reader, or the detected one.
    public static func read(_ outline: Outline, document: Document, readerName: String? = nil) throws -> Guideline {
        let reader = try readerName.map { try self.reader(named: $0) } ?? detect(outline)
        return reader.read(outline, document: document)
    }
}
