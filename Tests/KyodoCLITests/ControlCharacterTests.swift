import Foundation
import KyodoTestSupport
import Testing

/// Controls from file names and document text never reach a terminal or a spreadsheet raw:
/// text output, diagnostics and CSV show them; JSON keeps them exactly (escaped as JSON does).
@Suite(.serialized) final class ControlCharacterTests {
    let cli = CLITests()
    let scratch = Scratch()

    /// The raw controls that act on a terminal: ESC, BEL, and the right-to-left override.
    func actsOnATerminal(_ bytes: [UInt8]) -> Bool {
        bytes.contains(0x1B) || bytes.contains(0x07) || String(decoding: bytes, as: UTF8.self).unicodeScalars.contains("\u{202E}")
    }

    @Test func aFileNameOrTextWithControlsIsShownNotObeyed() throws {
        let path = scratch.file("evil\u{1B}]0;pwned\u{07}.txt", "協働の原則\n\n① 対等\u{202E}の原則\n② 自主性の原則\n")
        let text = try cli.run(["show", path, "--aspect", "principles"])
        #expect(text.status == 0)
        #expect(!actsOnATerminal(text.stdout) && !actsOnATerminal(Array(text.stderr.utf8)))
        #expect(text.text.contains("evil␛]0;pwned␇") && text.text.contains("対等\\u{202E}の原則"))
        let csv = try cli.run(["show", path, "--aspect", "principles", "--format", "csv"])
        #expect(csv.status == 0 && !actsOnATerminal(csv.stdout))
        let json = try cli.run(["show", path, "--aspect", "principles", "--format", "json"])
        #expect(json.text.contains("evil\\u001b]0;pwned\\u0007") && json.text.contains("対等\u{202E}の原則"))
        // Diagnostics about such a file show its name the same way.
        let warned = try cli.run(["show", scratch.file("bell\u{07}.txt", "今日は良い天気です。\n")])
        #expect(warned.stderr.contains("bell␇.txt") && !actsOnATerminal(Array(warned.stderr.utf8)))
    }
}
