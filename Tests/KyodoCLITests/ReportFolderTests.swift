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

    @Test func aWriteFailingPartWayLeavesThePreviousReportIntact() throws {
        // A file-size limit stands in for a disk filling up part-way: the first report past
        // 100 KB cannot be written. It used to kill kyodo (SIGXFSZ, exit 153) and leave the
        // staging folder behind.
        let out = scratch.dir + "/reports"
        #expect(try cli.run(["report", "--out", out]).status == 0)
        FileManager.default.createFile(atPath: out + "/marker.txt", contents: Data("previous run".utf8))
        let before = contents(out)
        let r = try Scratch.bash(#"ulimit -f 100; "$K" report --out "\#(out)""#)
        #expect(r.status == 74 && r.stderr.contains("cannot write: file too large"), "\(r.stderr)")
        #expect(contents(out) == before)
        #expect(scratch.names() == ["reports"])
    }

    @Test func anInterruptedRunLeavesThePreviousReportIntact() throws {
        // The bundled corpus, then with a long document besides, longer each time a run ends
        // (or commits) before it is caught writing its reports.
        let corpus = try scratch.corpus()
        let out = scratch.dir + "/reports"
        for clauses in [0, 20_000, 80_000, 240_000] {
            if clauses > 0 {
                scratch.longGuideline("corpus/long.txt", clauses: clauses)
                let line = "long\tlong\t長町\tNagamachi\t東京都\t99999\t長い指針\tguideline\tlong.txt\n"
                let manifest = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8)
                try (manifest.contains("long.txt") ? manifest : manifest + line).write(toFile: corpus + "/manifest.tsv", atomically: true, encoding: .utf8)
            }
            let arguments = ["report", "--corpus", corpus, "--out", out, "--max-size", "100"]
            #expect(try cli.run(arguments).status == 0)
            FileManager.default.createFile(atPath: out + "/marker.txt", contents: Data("previous run".utf8))
            let before = contents(out)
            // SIGTERM once the staging folder holds a report, so old and new would be mixed if the swap were not whole.
            let status = try Scratch.interrupt(arguments, with: SIGTERM, stderr: scratch.dir + "/err") {
                scratch.names().contains { $0.hasPrefix(".reports.kyodo-") && !scratch.names(scratch.dir + "/" + $0).isEmpty }
            }
            #expect(scratch.names() == ["corpus", "err", "reports"], "no temporary survives")
            if let status {
                #expect(status == 143)
                if contents(out) == before { return }
            }
            // Finished, or swapped in before the signal: the new folder, whole, without the stale file.
            var expected = before
            expected["marker.txt"] = nil
            #expect(Set(contents(out).keys) == Set(expected.keys))
        }
        Issue.record("no run was slow enough to be interrupted while writing its reports")
    }
}
