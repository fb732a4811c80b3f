import Foundation
import KyodoTestSupport
import Testing

/// `kyodo report` replaces its folder whole: stale files go, a failed or interrupted run
/// leaves the previous folder as it was, no temporary survives.
@Suite(.serialized) final class ReportFolderTests {
    let cli = CLITests()
    let scratch = Scratch()

    func contents(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for name in scratch.names(folder) { result[name] = FileManager.default.contents(atPath: folder + "/" + name) }
        return result
    }

    @Test func staleFilesGoAndNothingElseIsLeft() throws {
        let out = scratch.dir + "/reports"
        #expect(try cli.run(["report", "--out", out]).status == 0)
        FileManager.default.createFile(atPath: out + "/show-gone.csv", contents: Data("stale".utf8))
        #expect(try cli.run(["report", "--out", out]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/show-gone.csv"))
        #expect(scratch.names() == ["reports"])
    }

    @Test func aFileOrAForeignFolderIsNotReplaced() throws {
        let file = scratch.file("notes.txt", "mine")
        let r = try cli.run(["report", "--out", file])
        #expect(r.status == 73 && r.stderr.contains("notes.txt: cannot write: it is a file, not a folder"))
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        scratch.file("mine/thesis.md", "years of work")
        let foreign = try cli.run(["report", "--out", scratch.dir + "/mine"])
        #expect(foreign.status == 73 && foreign.stderr.contains("holds files kyodo did not write"))
        #expect(scratch.names(scratch.dir + "/mine") == ["thesis.md"])
        // A folder holding the corpus read is never swapped away.
        let inside = try cli.run(["report", "--out", Fixtures.root])
        #expect(inside.status == 73)
    }

    @Test func anInterruptedRunLeavesThePreviousReportIntact() throws {
        let out = scratch.dir + "/reports"
        #expect(try cli.run(["report", "--out", out]).status == 0)
        FileManager.default.createFile(atPath: out + "/marker.txt", contents: Data("previous run".utf8))
        let before = contents(out)
        let process = try Scratch.start(["report", "--out", out], environment: ["KYODO_TEST_STALL_BEFORE_COMMIT": "30"], stderr: scratch.dir + "/err")
        // Every file is written into the staging folder (its index last) before the commit stalls.
        let staged = Scratch.wait(seconds: 60) {
            scratch.names().contains { $0.hasPrefix(".reports.kyodo-") && FileManager.default.fileExists(atPath: scratch.dir + "/" + $0 + "/README.md") }
        }
        #expect(staged)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(contents(out) == before)
        #expect(scratch.names() == ["err", "reports"])
    }
}
