import ArgumentParser
import Foundation
import KyodoReports

/// `kyodo validate FILE.xml`: checks an XML report against the shipped schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check XML reports against the shipped schema (no entities resolved, no network).")

    @Argument(help: ArgumentHelp("XML files to check.", valueName: "FILE.xml"))
    var files: [String]

    func run() throws {
        try ExitCodes.run {
            var bad = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    Diagnostics.write("kyodo: error: \(file): cannot read")
                    throw ExitCode(66)
                }
                let errors = try XMLValidator.validate([UInt8](data), name: file)
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
