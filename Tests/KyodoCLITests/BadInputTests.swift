import Foundation
import KyodoTestSupport
import Testing

/// Every kind of bad input gets a specific message and exit code; none crashes or hangs.
/// A class so that each test's scratch folder is removed when the test's instance goes.
@Suite(.serialized) final class BadInputTests {
    let cli = CLITests()
    let dir: String = {
        let d = NSTemporaryDirectory() + "kyodo-bad-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func file(_ name: String, _ data: Data) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    @Test func emptyAndBlankFiles() throws {
        let empty = try cli.run(["show", file("empty.txt", Data())])
        #expect(empty.status == 65 && empty.stderr.contains("empty.txt: the file is empty"))
        let blank = try cli.run(["show", file("blank.txt", Data(" \n\u{3000}\n\t\n".utf8))])
        #expect(blank.status == 65 && blank.stderr.contains("only whitespace"))
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let path = file("huge.txt", Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        let r = try cli.run(["show", path])
        #expect(r.status == 65 && r.stderr.contains("200 MB is too large") && r.stderr.contains("--max-size"))
    }

    @Test func oneLineOfTenMegabytesIsReadNotHung() throws {
        let path = file("longline.txt", Data(String(repeating: "協働の原則とは対等である", count: 300_000).utf8))  // 10.8 MB, no line end
        let r = try cli.run(["show", path, "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("no structure of a collaboration guideline"))
    }

    @Test func twentyThousandTitlesAreReadNotHung() throws {
        // Every line a title standing alone, many about an aspect: each title's body and each
        // candidate heading are bounded, so this reads in well under a second (it once took minutes).
        let lines = (0..<20_000).map { $0 % 3 == 0 ? "協働の原則" : "協働項目\($0)" }
        let r = try cli.run(["show", file("titles.txt", Data(lines.joined(separator: "\n\n").utf8)), "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("headings about principles; the first 64 were tried"))
    }

    @Test func enumerationNestedAThousandDeep() throws {
        var lines: [String] = []
        for depth in 0..<1000 {
            let marker = ["(\(depth % 20 + 1))", "①", "1.", "・", "第\(depth + 1)章 ", "【見出し】"][depth % 6]
            lines.append(String(repeating: "\u{3000}", count: depth % 50) + marker + "第\(depth)層の原則")
        }
        let r = try cli.run(["show", file("nested.txt", Data(lines.joined(separator: "\n").utf8)), "--format", "json"])
        #expect(r.status == 0)
    }

    @Test func aRaggedTableIsReadCellBySafeCell() throws {
        let text = "(1) 協働の形態\n\n形態\t内容\n委託\n共催\t共に行う\t余分\t余分\n\t\t\t\t\t\t続き\n後援\t\n"
        let r = try cli.run(["show", file("ragged.txt", Data(text.utf8)), "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        #expect(r.text.contains(",forms,形態,1,委託,") && r.text.contains(",forms,形態,3,後援,"))
    }

    @Test func nulBytesAndInvalidUTF8NameTheOffset() throws {
        let nul = try cli.run(["show", file("nul.txt", Data([0x41, 0x42, 0x00, 0x43]))])
        #expect(nul.status == 65 && nul.stderr.contains("NUL byte at offset 2"))
        var broken = Array("協働の原則について述べます。対等な立場で協議します。".utf8)
        broken.insert(0xC0, at: 9)
        let invalid = try cli.run(["show", file("broken.txt", Data(broken))])
        #expect(invalid.status == 65 && invalid.stderr.contains("broken UTF-8 (invalid byte at offset 9)"))
        let wrong = try cli.run(["show", Fixtures.root + "/Tests/Fixtures/higashikurume-pamphlet.euc-jp.txt", "--encoding", "utf-8"])
        #expect(wrong.status == 65 && wrong.stderr.contains("offset"))
        let unknown = try cli.run(["show", "hino", "--encoding", "latin-9"])
        #expect(unknown.status == 64 && unknown.stderr.contains("euc-jp"))
    }

    @Test func anEncodingNamedOrDetectedReadsTheSame() throws {
        let utf8 = try cli.run(["show", "corpus/higashikurume-pamphlet.txt", "--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
        for (file, encoding) in [("higashikurume-pamphlet.euc-jp.txt", "euc-jp"), ("higashikurume-pamphlet.iso-2022-jp.txt", "iso-2022-jp")] {
            let path = "Tests/Fixtures/" + file
            for arguments in [["show", path], ["show", path, "--encoding", encoding]] {
                let r = try cli.run(arguments + ["--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
                #expect(r.status == 0)
                // The same principles on the same lines (the document, source and item_id columns name the file).
                let rows = { (t: String) in t.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2).dropLast(2).joined(separator: ",") } }
                #expect(rows(r.text) == rows(utf8.text))
            }
        }
    }

    @Test func aDirectoryAndAnUnreadableFile() throws {
        // A folder where documents are named: its .txt files; with none, a clear error.
        let d = try cli.run(["show", dir])
        #expect(d.status == 66 && d.stderr.contains("a folder with no documents in it"))
        // A folder where a file is required.
        let v = try cli.run(["compare", "hino", "koganei", "--vocabulary", dir])
        #expect(v.status == 66 && v.stderr.contains("is a directory"))
        // Root reads every file: drop to nobody to test a file without read permission.
        let secret = file("secret.txt", Data("協働とは、共に取り組むことです。".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            let r = try cli.run(["show", secret])
            #expect(r.status == 0 || r.status == 66)
            return
        }
        let r = try cli.runAs(nobody: true, ["show", secret])
        #expect(r.status == 66 && r.stderr.contains("secret.txt: cannot read: permission denied"))
    }

    @Test func malformedCodebookAndManifestNameFileAndLine() throws {
        let vocabulary = file("vocabulary.tsv", Data("aspect\tid\tja\ten\tcues\nprinciples\tx\tX\tx\tx\nprincples\ty\tY\ty\ty\n".utf8))
        let r = try cli.run(["compare", "hino", "koganei", "--vocabulary", vocabulary])
        #expect(r.status == 65 && r.stderr.contains("vocabulary.tsv:3: unknown aspect 'princples'"))
    }

    @Test func validateNeverResolvesExternalEntities() throws {
        let xml = file("evil.xml", Data("""
            <?xml version="1.0"?>
            <!DOCTYPE report [<!ENTITY x SYSTEM "http://example.invalid/x">]>
            <report xmlns="urn:kyodo:report:1" title="&x;" generator="kyodo"><metadata/></report>
            """.utf8))
        let r = try cli.run(["validate", xml])
        #expect(r.status == 65)
        #expect(r.stderr.contains("evil.xml"))
    }
}
