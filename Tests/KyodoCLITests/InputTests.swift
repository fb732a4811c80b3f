import Foundation
import KyodoTestSupport
import Testing

/// Only regular files are read, so nothing hangs; a folder's odd entries are skipped with a
/// warning; encodings that are not read are named; control characters are refused at their line.
@Suite(.serialized) final class InputTests {
    let cli = CLITests()
    let scratch = Scratch()
    let guideline = "協働の原則\n\n① 対等の原則\n② 自主性尊重の原則\n"

    @Test func aFIFOAnywhereIsRefusedNotWaitedOn() throws {
        let folder = scratch.dir + "/docs"
        scratch.file("docs/a.txt", guideline)
        #expect(mkfifo(folder + "/pipe.txt", 0o600) == 0)
        // Run under timeout(1): before, each of these blocked in open(2) forever (exit 124).
        let named = try Scratch.bash(#"timeout -s KILL 10 "$K" show "\#(folder)/pipe.txt""#)
        #expect(named.status == 66 && named.stderr.contains("pipe.txt: is a FIFO (named pipe), not a regular file"))
        let vocabulary = try Scratch.bash(#"timeout -s KILL 10 "$K" compare hino kodaira --vocabulary "\#(folder)/pipe.txt""#)
        #expect(vocabulary.status == 66 && vocabulary.stderr.contains("is a FIFO"))
        let inFolder = try Scratch.bash(#"timeout -s KILL 10 "$K" show "\#(folder)" --format csv"#)
        #expect(inFolder.status == 0 && inFolder.stderr.contains("pipe.txt: warning: skipped: a FIFO"))
        #expect(mkfifo(folder + "/report.xml", 0o600) == 0)
        let validate = try Scratch.bash(#"timeout -s KILL 10 "$K" validate "\#(folder)/report.xml""#)
        #expect(validate.status == 66 && validate.stderr.contains("report.xml: is a FIFO"))
    }

    @Test func aFolderSkipsHiddenFilesSubfoldersAndDanglingLinks() throws {
        let folder = scratch.dir + "/docs"
        scratch.file("docs/a.txt", guideline)
        scratch.file("docs/.#a.txt", "an editor's lock")
        try FileManager.default.createDirectory(atPath: folder + "/old.txt", withIntermediateDirectories: true)
        #expect(symlink(folder + "/gone", folder + "/dead.txt") == 0)
        let r = try cli.run(["show", folder, "--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        #expect(r.text.contains("a,a,principles,原則,1,対等の原則"))
        #expect(!r.text.contains("editor"))
        for (name, reason) in [(".#a.txt", "a hidden file"), ("old.txt", "a folder"), ("dead.txt", "a symbolic link to a file that does not exist")] {
            #expect(r.stderr.contains("\(name): warning: skipped: \(reason)"), "\(name)")
        }
        // Every command that names documents reads a folder the same way.
        let outline = try cli.run(["outline", folder])
        #expect(outline.status == 0 && outline.text.contains("対等の原則") && !outline.text.contains("editor"))
        #expect(outline.stderr.contains("dead.txt: warning: skipped: a symbolic link"))
        let diff = try cli.run(["diff", folder, "corpus/hino-guideline.txt"])
        #expect(diff.status == 0 && diff.stderr.contains(".#a.txt: warning: skipped: a hidden file"))
        scratch.file("coding.tsv", "document\taspect\tlabel\ndocs\tprinciples\t対等の原則\n")
        let evaluate = try cli.run(["evaluate", scratch.dir + "/coding.tsv", "--format", "csv"])
        #expect(evaluate.status == 0 && evaluate.stderr.contains("old.txt: warning: skipped: a folder"))
    }

    @Test func twoFilesOfOneNameAreTwoDocuments() throws {
        scratch.file("east/city.txt", guideline)
        scratch.file("west/city.txt", guideline.replacingOccurrences(of: "対等", with: "公平"))
        let r = try cli.run(["show", scratch.dir + "/east", scratch.dir + "/west", "--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        let documents = Set(r.text.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        #expect(documents == ["city", scratch.dir + "/west/city"])
        #expect(r.stderr.contains("west/city.txt is read as"))
    }

    @Test func encodingsNotReadAreNamed() throws {
        let utf32 = scratch.file("u32.txt", guideline.data(using: .utf32LittleEndian)!)
        let r32 = try cli.run(["show", utf32])
        #expect(r32.status == 65 && r32.stderr.contains("u32.txt: UTF-32LE text, which is not read"))
        let utf16 = scratch.file("u16.txt", guideline.data(using: .utf16LittleEndian)!)
        let r16 = try cli.run(["show", utf16])
        #expect(r16.status == 65 && r16.stderr.contains("without a byte-order mark") && r16.stderr.contains("--encoding utf-16"))
        #expect(try cli.run(["show", utf16, "--encoding", "utf-16"]).status == 0)
    }

    @Test func controlCharactersAreRefusedAtTheirLine() throws {
        let escape = scratch.file("escape.txt", "協働の原則\n対等\u{1B}]0;title\u{07}\n")
        let r = try cli.run(["show", escape])
        #expect(r.status == 65 && r.stderr.contains("escape.txt:2: control character U+001B"))
        // UTF-16 with its byte-order mark holding U+0000: once read, then written into a manifest.
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "協働\n\u{0}の原則\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let nul = scratch.file("nul16.txt", Data(bytes))
        let n = try cli.run(["show", nul])
        #expect(n.status == 65 && n.stderr.contains("nul16.txt:2: control character U+0000"))
        let corpus = try scratch.corpus()
        let manifest = FileManager.default.contents(atPath: corpus + "/manifest.tsv")
        let added = try cli.run(["add", nul, "--municipality", "nulshi", "--name", "試験市", "--name-en", "Nulshi",
                                 "--prefecture", "東京都", "--code", "13999", "--corpus", corpus])
        #expect(added.status == 65 && added.stderr.contains("nul16.txt:2: control character U+0000"))
        #expect(FileManager.default.contents(atPath: corpus + "/manifest.tsv") == manifest)
        #expect(!FileManager.default.fileExists(atPath: corpus + "/nulshi-guideline.txt"))
        #expect(try cli.run(["list", "--corpus", corpus]).status == 0)
    }

    @Test func aSizeJustOverTheLimitIsToldInBytes() throws {
        let path = scratch.file("big.txt", Data())
        #expect(truncate(path, 1_500_000) == 0)
        let r = try cli.run(["show", path, "--max-size", "1"])
        #expect(r.status == 65 && r.stderr.contains("1500000 bytes is too large for a guideline (limit 1000000 bytes"))
    }

    @Test func aFileNameWithAHashIsAFileToDiff() throws {
        let a = scratch.file("v#1.txt", guideline)
        let b = scratch.file("v#2.txt", guideline.replacingOccurrences(of: "対等", with: "公平"))
        let r = try cli.run(["diff", a, b, "--format", "csv", "--table", "changes", "--csv-dialect", "plain"])
        #expect(r.status == 0 && r.text.contains("changed,変更,対等,公平"))
    }
}
