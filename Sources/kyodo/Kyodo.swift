import ArgumentParser

/// The `kyodo` command: reads municipal 協働 guidelines into one schema and writes reports.
@main
struct Kyodo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kyodo",
        abstract: "Read Japanese municipalities' 協働 (collaboration) guidelines into one schema, and report on them.",
        discussion: """
            DOC is a document id from the corpus manifest (kodaira-handbook), a municipality id \
            (kodaira: all its documents), or a path to a file: text, PDF, a saved web page (HTML) or a Word file (DOCX), told by its bytes.
            """,
        version: Kyodo.version,
        subcommands: [List.self, Show.self, Compare.self, Diff.self, Check.self, Evaluate.self, OutlineCommand.self, TextCommand.self, Add.self, Validate.self, ReportCommand.self]
    )

    /// The tool's version (`kyodo --version`), raised with every release.
    static let version = "0.9.0"


    /// Standard streams made safe and signal handlers installed before anything is read or written.
    static func main() {
        StandardStreams.prepare()
        Cleanup.installSignalHandlers()
        main(nil)
    }
}
