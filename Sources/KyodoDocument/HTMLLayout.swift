import Foundation
import KyodoText

/// What tells a web page's own text from its site's furniture, as data (`html-layout.tsv`): the
/// id and class tokens of the element holding the text, of menus and breadcrumbs, and lines
/// that are links back to the top.
struct HTMLLayout: Sendable {
    /// One id/class rule.
    struct Token: Sendable {
        var token: String
        /// Whether the id or a class need only contain the token.
        var part: Bool

        func matches(_ name: String) -> Bool { part ? name.contains(token) : name == token }
    }

    var main: [Token] = []
    var drop: [Token] = []
    var furnitureLines: Set<String> = []

    static let columns = ["rule", "match", "token"]

    /// The shipped data.
    static let shipped: HTMLLayout = {
        guard let url = Bundle.module.url(forResource: "html-layout", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let layout = try? HTMLLayout(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), path: "html-layout.tsv")
        else { fatalError("the shipped html-layout.tsv is missing or malformed: the build is broken") }
        return layout
    }()

    init(lines: [String], path: String) throws {
        for row in try DataFile(lines, path: path, required: Self.columns).rows {
            let token = try row.required("token")
            let match = try row.required("match")
            guard match == "token" || match == "part" else { throw row.error("unknown match '\(match)'; known: token, part") }
            switch try row.required("rule") {
            case "main": main.append(Token(token: token.lowercased(), part: match == "part"))
            case "drop": drop.append(Token(token: token.lowercased(), part: match == "part"))
            case "line": furnitureLines.insert(token)
            case let other: throw row.error("unknown rule '\(other)'; known: main, drop, line")
            }
        }
    }

    /// Whether an element of these id and class names (lower-cased) is furniture.
    func drops(_ names: [String]) -> Bool {
        names.contains { name in drop.contains { $0.matches(name) } }
    }

    /// Whether an element of these names holds the page's text.
    func isMain(_ names: [String]) -> Bool {
        names.contains { name in main.contains { $0.matches(name) } }
    }
}
