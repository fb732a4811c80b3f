import ArgumentParser
import Foundation
import KyodoReports
import KyodoText

/// `kyodo validate FILE.xml`: checks an XML report against the shipped schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check XML reports against the shipped schema (no entities resolved, no network).")

    @Argument(help: ArgumentHelp("XML files to check.", valueName: "FILE.xml"))
    var files: [String]

    func run() throws {
        try ExitCodes.run {
            var bad = 0
            for file in files {
                // A regular file only (a FIFO used to block here), within the size any document may have.
                let data = try TextLoader.readBytes(path: file, limit: TextLoader.Options.default.maxBytes)
                let errors = try XMLValidator.validate(data, name: file)
                if errors.isEmpty {
                    try StandardStreams.output(line: "\(file): valid")
                } else {
                    bad += 1
                    for e in errors { Diagnostics.write("\(file): \(e)") }
                }
            }
            if bad > 0 { throw ExitCode(65) }
        }
    }
}
