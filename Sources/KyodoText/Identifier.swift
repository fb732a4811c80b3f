/// The one rule for the names Kyodo turns into paths: document ids, municipality ids and kinds
/// (a report is `show-ID.csv`, an added document `ID.txt`), checked where a manifest is read
/// and where `add` takes them, so no name can lead a path out of its folder.
public enum Identifier {
    /// The rule, as messages state it.
    public static let rule = "ASCII letters, digits, - and _, beginning with a letter or digit, at most 64 characters"

    /// Whether `name` is a valid id.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 64, isLetterOrDigit(first) else { return false }
        return name.utf8.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// Whether `path` is relative and stays inside its folder: no `..`, no leading `/`, no
    /// empty or hidden component, no control character.
    public static func staysInside(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { isPlainFileName(String($0)) }
    }

    /// Whether `name` is one plain file name: not empty, no `/`, not hidden (so neither `.` nor
    /// `..`), no control character.
    public static func isPlainFileName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0.value < 0x20 || $0.value == 0x7F }
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
