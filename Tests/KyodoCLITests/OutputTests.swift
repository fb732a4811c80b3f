import Foundation
import KyodoTestSupport
import Testing

/// Every write goes one way: a regular file replaced whole (mode kept, no temporary left),
/// anything else written in place, every input refused, every failure a sentence and 73 or 74.
@Suite(.serialized) final class OutputTests {
    let cli = CLITests()
    let scratch = Scratch()

    @Test func aFIFOIsWrittenInPlaceNotReplaced() throws {
        let fifo = scratch.dir + "/out.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Open the reading end first (non-blocking), so the writer's open does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let r = try cli.run(["list", "--format", "csv", "--csv-dialect", "plain", "--output", fifo])
        #expect(r.status == 0)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let n = read(reader, &buffer, buffer.count)
        #expect(n > 0 && String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self).hasPrefix("document,municipality"))
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced by a file")
    }

    @Test func dashAndDevStdoutAreStandardOutput() throws {
        for name in ["-", "/dev/stdout"] {
            let r = try cli.run(["list", "--format", "csv", "--output", name])
            #expect(r.status == 0 && r.text.contains("kodaira-handbook"), "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: Fixtures.root + "/-"))
    }

    @Test func aReplacedFileKeepsItsModeAndNoTemporaryIsLeft() throws {
        let path = scratch.file("private.csv", "old")
        chmod(path, 0o600)
        #expect(try cli.run(["show", "hino", "--format", "csv", "--output", path]).status == 0)
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(scratch.names() == ["private.csv"])
        // Its owner too, where the user may give it (root, as CI runs): a file of nobody's stays nobody's.
        if geteuid() == 0 {
            #expect(chown(path, 65534, 65534) == 0)
            #expect(try cli.run(["show", "hino", "--format", "csv", "--output", path]).status == 0)
            #expect(stat(path, &status) == 0 && status.st_uid == 65534 && status.st_gid == 65534 && status.st_mode & 0o777 == 0o600)
        }
        // A link to the output keeps being a link; the file it names is replaced.
        let link = scratch.dir + "/link.csv"
        #expect(symlink(path, link) == 0)
        #expect(try cli.run(["list", "--format", "csv", "--output", link]).status == 0)
        #expect(lstat(link, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self).contains("kodaira-handbook"))
    }

    @Test func aLinkPlantedAtATemporaryNameIsNotFollowed() throws {
        // The temporary used to be .NAME.kyodo-PID.tmp, opened following links: a link planted
        // at that name for the next process ids made kyodo overwrite the file it pointed to.
        let victim = scratch.file("victim.txt", "years of work")
        // Other processes on the machine take ids too: a run whose id was not planted proves nothing, and is tried again.
        for _ in 0..<3 {
            let folder = scratch.dir + "/out-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            let last = Int((try String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            let planted = (last + 1)...(last + 1_000)
            #expect(planted.allSatisfy { symlink(victim, folder + "/.out.csv.kyodo-\($0).tmp") == 0 })
            let process = try Scratch.start(["show", "hino", "--format", "csv", "--output", folder + "/out.csv"], stderr: scratch.dir + "/err")
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: FileManager.default.contents(atPath: victim) ?? Data(), as: UTF8.self) == "years of work")
            #expect(String(decoding: FileManager.default.contents(atPath: folder + "/out.csv") ?? Data(), as: UTF8.self).contains("hino-guideline"))
            #expect(scratch.names(folder).count == planted.count + 1, "the links and out.csv, nothing else")
            if planted.contains(Int(process.processIdentifier)) { return }
        }
        Issue.record("no run got a process id among those planted")
    }

    @Test func everyFileReadIsRefusedAsTheOutput() throws {
        let corpus = try scratch.corpus()
        let sections = scratch.file("sections.tsv", "kind\taspect\tcue\toptions\nheading\tprinciples\t協働のルールブック\n")
        let sheet = scratch.file("coding.tsv", "document\taspect\tlabel\nhino-guideline\tprinciples\t対等\n")
        let cases: [([String], String, String)] = [
            (["show", "hino", "--corpus", corpus], corpus + "/manifest.tsv", "the corpus manifest"),
            (["compare", "hino", "kodaira", "--corpus", corpus], corpus + "/vocabulary.tsv", "the codebook"),
            (["show", "hino", "--corpus", corpus, "--sections", sections], sections, "the section data"),
            (["evaluate", sheet, "--corpus", corpus], sheet, "the coding sheet"),
            (["show", "hino", "--corpus", corpus], corpus + "/hino-guideline.txt", "the document"),
        ]
        for (arguments, target, role) in cases {
            let before = FileManager.default.contents(atPath: target)
            let r = try cli.run(arguments + ["--output", target])
            #expect(r.status == 73 && r.stderr.contains("refusing to overwrite \(role)"), "\(arguments): \(r.stderr)")
            #expect(FileManager.default.contents(atPath: target) == before)
        }
        // Another spelling of the same file, or a hard link to it, is the same file.
        let hard = scratch.dir + "/hard.tsv"
        #expect(link(corpus + "/manifest.tsv", hard) == 0)
        #expect(try cli.run(["show", "hino", "--corpus", corpus, "--output", hard]).status == 73)
    }

    @Test func aFullDiskAClosedOrBrokenStandardOutputExit74() throws {
        let full = try Scratch.bash(#""$K" show hino > /dev/full"#)
        #expect(full.status == 74 && full.stderr.contains("standard output: cannot write: no space left on device"))
        let fileFull = try Scratch.bash(#""$K" show hino --output /dev/full"#)
        #expect(fileFull.status == 74 && fileFull.stderr.contains("/dev/full: cannot write"))
        // Past the file-size limit (ulimit -f, in KB): an error, not a death by SIGXFSZ leaving the temporary.
        let old = scratch.file("big.json", "the old report")
        let limited = try Scratch.bash(#"ulimit -f 16; "$K" show kodaira --format json --output "\#(old)""#)
        #expect(limited.status == 74 && limited.stderr.contains("big.json: cannot write: file too large; the old file is unchanged"), "\(limited.stderr)")
        #expect(String(decoding: FileManager.default.contents(atPath: old) ?? Data(), as: UTF8.self) == "the old report")
        #expect(scratch.names() == ["big.json"])
        let closed = try Scratch.bash(#""$K" show hino >&-"#)
        #expect(closed.status == 74 && closed.stderr.contains("standard output: cannot write: it is closed"))
        let broken = try Scratch.bash(#""$K" show kodaira koganei higashikurume hino --format json | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}"#)
        #expect(broken.status == 74 && broken.stderr.contains("standard output: cannot write: broken pipe"))
    }

    @Test func outputIntoAFolderOrAMissingFolderIs73() throws {
        let folder = try cli.run(["list", "--output", scratch.dir])
        #expect(folder.status == 73 && folder.stderr.contains("it is a folder, not a file"))
        let missing = try cli.run(["list", "--output", scratch.dir + "/no/such/x.csv"])
        #expect(missing.status == 73 && missing.stderr.contains("does not exist"))
    }

    @Test func maxSizeBeyondItsRangeIsAUsageError() throws {
        let r = try cli.run(["show", "hino", "--max-size", "9999999999999999"])
        #expect(r.status == 64 && r.stderr.contains("--max-size must be from 1 to"))
    }

    @Test func aMistypedCorpusIsMissingInput() throws {
        let r = try cli.run(["list", "--corpus", scratch.dir + "/corpsu"])
        #expect(r.status == 66 && r.stderr.contains("corpsu: no such corpus folder"))
        let report = try cli.run(["report", "--corpus", scratch.dir, "--out", scratch.dir + "/r"])
        #expect(report.status == 66 && report.stderr.contains("kyodo report needs a corpus manifest"))
        #expect(!FileManager.default.fileExists(atPath: scratch.dir + "/r"))
    }

    @Test func theOutputDoesNotDependOnHowTheCorpusIsSpelled() throws {
        let spellings = ["corpus", "./corpus/", Fixtures.root + "/corpus"]
        let outputs = try spellings.map { try cli.run(["compare", "--all", "--aspect", "principles", "--format", "json", "--corpus", $0]).stdout }
        #expect(outputs.allSatisfy { $0 == outputs[0] && !$0.isEmpty })
    }

    @Test func anInterruptedWriteLeavesTheOldFileAndNoTemporary() throws {
        let old = Data("the old report".utf8)
        let path = scratch.file("out.json", old)
        // Ctrl-C the moment the temporary appears. A run too quick to be caught, or caught only
        // after its commit, proves nothing: each such try has a larger document (1 to 47 MB).
        for clauses in [10_000, 40_000, 160_000, 400_000] {
            let document = scratch.longGuideline("long.txt", clauses: clauses)
            let arguments = ["show", document, "--format", "json", "--output", path, "--max-size", "100"]
            let status = try Scratch.interrupt(arguments, with: SIGINT, stderr: scratch.dir + "/err") {
                scratch.names().contains { $0.hasPrefix(".out.json.kyodo-") }
            }
            #expect(scratch.names() == ["err", "long.txt", "out.json"], "no temporary survives")
            let written = FileManager.default.contents(atPath: path) ?? Data()
            if let status {
                #expect(status == 130)
                if written == old {
                    #expect(String(decoding: FileManager.default.contents(atPath: scratch.dir + "/err") ?? Data(), as: UTF8.self).contains("kyodo: interrupted"))
                    return
                }
            }
            // Finished, or committed before the signal: the new report, whole.
            #expect((try? JSONSerialization.jsonObject(with: written)) != nil, "a complete JSON report")
            FileManager.default.createFile(atPath: path, contents: old)
        }
        Issue.record("no run was slow enough to be interrupted while writing its output")
    }
}
