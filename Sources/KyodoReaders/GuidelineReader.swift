import KyodoModel
import KyodoText

/// A reader turns the outline of one document layout into a `Guideline`.
///
/// A reader is a pure function of the text: it never opens files, and every item it returns
/// is found in the outline with its line span. No reader holds a list of what a city states.
public protocol GuidelineReader: Sendable {
    /// The name used with `--reader` (`kodaira-handbook`).
    var name: String { get }
    /// One line saying which layout it reads.
    var summary: String { get }
    /// How strongly the text looks like this reader's layout, 0 (not at all) to 100.
    func detect(_ outline: Outline) -> Int
    /// Reads the document.
    func read(_ outline: Outline, document: Document) -> Guideline
}

/// Errors of the readers module.
public enum ReaderError: Error, Equatable, CustomStringConvertible {
    case unknownReader(String, known: [String])

    public var description: String {
        switch self {
        case .unknownReader(let name, let known): "unknown reader '\(name)'; known readers: \(known.joined(separator: ", "))"
        }
    }
}
