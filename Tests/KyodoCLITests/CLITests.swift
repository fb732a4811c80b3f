import Foundation
import KyodoTestSupport
import Testing

/// Runs the built `kyodo` binary as a user would.
@Suite(.serialized) struct CLITests {
    struct Result { var status: Int32; var stdout: [UInt8]; var stderr: String; var text: String { String(decoding: stdout, as: UTF8.self) } }

    static let binary: String = {
        let candidates = [".build/debug/kyodo", ".build/release/kyodo"].map { Fixtures.root + "/" + $0 }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let path = dir.appendingPathComponent("kyodo").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
            dir.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    func run(_ arguments: [String]) throws -> Result { try runAs(nobody: false, arguments) }

    /// Runs the binary, as the unprivileged user `nobody` when asked (via setpriv).
    func runAs(nobody: Bool, _ arguments: [String]) throws -> Result {
        let process = Process()
        if nobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: [UInt8](stdout), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func showCSVHasTheColumnsScriptsRelyOn() throws {
        let r = try run(["show", "kodaira", "koganei", "higashikurume", "hino", "--aspect", "all", "--format", "csv"])
        #expect(r.status == 0)
        #expect(Array(r.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: r.stdout.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        for column in ["document", "municipality", "aspect", "ordinal", "label", "line_start", "line_end"] { #expect(header.contains(column)) }
        #expect(lines.contains { $0.hasPrefix("kodaira-handbook,kodaira,principles,原則,4,対等関係,") && $0.contains(",153,153,") })
        #expect(lines.contains { $0.hasPrefix("higashikurume-pamphlet,higashikurume,principles,原則,7,時限性の原則,") })
    }

    @Test func showAspectFiltersAndTextReads() throws {
        let r = try run(["show", "koganei-guideline", "--aspect", "principles"])
        #expect(r.status == 0)
        #expect(r.text.contains("対等性・自主性の尊重"))
        #expect(!r.text.contains("実行委員会"))
        #expect(r.text.contains("koganei-guideline.txt:164-168"))
    }

    @Test func aFileOutsideTheCorpusIsRead() throws {
        let r = try run(["show", "corpus/hino-guideline.txt", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.text.contains("\"label\": \"自主性・自立性の尊重\"") || r.text.contains("自主性・自立性の尊重"))
    }

    @Test func errorsHaveSysexitsCodesAndNameThePlace() throws {
        let unknown = try run(["show", "nosuch"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("known ids") && unknown.stderr.contains("kodaira-handbook"))
        let missing = try run(["show", "/nonexistent/guideline.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/guideline.txt"))
        let format = try run(["show", "hino", "--format", "pdf"])
        #expect(format.status == 64)
        // An option that is not there (the old --reader flag exited 1) is a usage error too.
        let option = try run(["show", "hino", "--reader", "nope"])
        #expect(option.status == 64 && option.stderr.contains("Unknown option '--reader'"))
        let directory = try run(["show", "Sources/"])
        #expect(directory.status == 66)
    }

    @Test func badDataExits65NamingTheFile() throws {
        let binary = NSTemporaryDirectory() + "kyodo-binary-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: binary) }
        try Data([0x41, 0x00, 0x42]).write(to: URL(fileURLWithPath: binary))
        let r = try run(["show", binary])
        #expect(r.status == 65)
        #expect(r.stderr.contains(binary) && r.stderr.contains("offset 1"))
        let corpus = NSTemporaryDirectory() + "kyodo-corpus-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try "id\tfile\n".write(toFile: corpus + "/manifest.tsv", atomically: true, encoding: .utf8)
        let m = try run(["list", "--corpus", corpus])
        #expect(m.status == 65)
        #expect(m.stderr.contains("manifest.tsv:1:"))
    }

    @Test func unrecognisedFilesGetAWarningNamingWhatWasNotFound() throws {
        let path = NSTemporaryDirectory() + "kyodo-weather-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "今日は良い天気です。\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = try run(["show", path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning") && r.stderr.contains("principles"))
    }

    @Test func outputIsWrittenAtomicallyAndNeverOverAnInput() throws {
        let path = NSTemporaryDirectory() + "kyodo-out-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try run(["show", "hino", "--format", "xml", "--output", path])
        #expect(r.status == 0)
        let v = try run(["validate", path])
        #expect(v.status == 0 && v.text.contains("valid"))
        let copy = NSTemporaryDirectory() + "kyodo-input-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: Fixtures.corpusPath("hino-guideline.txt"), toPath: copy)
        let refused = try run(["show", copy, "--output", copy])
        #expect(refused.status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: Fixtures.corpusPath("hino-guideline.txt"))))
        // Named by id, the document's file is still protected.
        let byId = try run(["show", "hino", "--output", "corpus/hino-guideline.txt"])
        #expect(byId.status == 73)
        #expect(byId.stderr.contains("refusing to overwrite"))
        let noFolder = try run(["show", "hino", "--output", "/nonexistent-dir/x.csv"])
        #expect(noFolder.status == 73)
    }

    @Test func listIsDeterministic() throws {
        let a = try run(["list", "--format", "csv"]), b = try run(["list", "--format", "csv"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.text.contains("kodaira-handbook,kodaira,小平市,13211"))
    }

    @Test func compareLongCSVHasTheDesignColumns() throws {
        let r = try run(["compare", "kodaira", "koganei", "higashikurume", "--aspect", "principles", "--layout", "long", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        let lines = r.text.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("aspect,concept,concept_ja,municipality,document,label,score,source,line_start,line_end,reason"))
        #expect(lines.contains { $0.hasPrefix("principles,time_limit,時限性・見直し,higashikurume,higashikurume-pamphlet,時限性の原則,1.000,label,104,104,") })
        let bad = try run(["compare", "kodaira", "--layout", "tall"])
        #expect(bad.status == 64 && bad.stderr.contains("wide, long, presence"))
        let none = try run(["compare"])
        #expect(none.status == 64)
    }

    @Test func compareTablesAreReachableAsCSV() throws {
        let r = try run(["compare", "--all", "--aspect", "principles", "--format", "csv", "--table", "similarity", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        #expect(r.text.hasPrefix("aspect,municipality_a,municipality_b,concepts,text\nprinciples,kodaira,koganei,0.500,0.263\n"))
        #expect(r.text.split(separator: "\n").count == 1 + 6)  // every pair of four municipalities, once
        // Closest first: most shared concepts, then the most alike wording (koganei 0.263 before hino 0.239).
        let n = try run(["compare", "--all", "--aspect", "principles", "--format", "csv", "--table", "neighbours", "--csv-dialect", "plain"])
        #expect(n.text.hasPrefix("aspect,municipality,rank,neighbour,concepts,text\nprinciples,kodaira,1,higashikurume,0.545,0.075\nprinciples,kodaira,2,koganei,0.500,0.263\nprinciples,kodaira,3,hino,0.500,0.239\n"))
        // --table in a format holding every table writes that table alone; an unknown name lists them.
        let text = try run(["compare", "--all", "--aspect", "principles", "--table", "neighbours"])
        #expect(text.status == 0 && text.text.contains("近い自治体") && !text.text.contains("要約 Summary"))
        let bad = try run(["compare", "--all", "--aspect", "principles", "--format", "json", "--table", "nonsense"])
        #expect(bad.status == 64 && bad.stderr.contains("neighbours") && bad.stderr.contains("similarity"))
    }

    /// Many warnings: standard error shows the first twenty and one line saying how many there
    /// were in how many documents; --warnings FILE gets every one; --quiet prints none.
    @Test func manyWarningsAreSummarisedAndWrittenWholeOnRequest() throws {
        let folder = NSTemporaryDirectory() + "kyodo-warnings-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        for k in 1...25 {
            let path = folder + "/g\(k).txt"
            // Announces three principles and lists two: one warning each.
            try "架空市協働指針\n\n協働の原則\n次の3つの原則を大切にします。\n(1) 対等の原則\n(2) 自主性尊重の原則\n".write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let all = folder + "/warnings.txt"
        let r = try run(["show"] + files + ["--format", "csv", "--warnings", all])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 21 && lines.prefix(20).allSatisfy { $0.contains(": warning: principles:") })
        #expect(lines.last?.contains("25 warnings in 25 documents, the first 20 shown") == true && lines.last?.contains(all) == true)
        let written = try String(contentsOfFile: all, encoding: .utf8).split(separator: "\n")
        #expect(written.count == 25 && written.allSatisfy { $0.contains("announced 3 items, found 2") })
        let quiet = try run(["show"] + files + ["--format", "csv", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && !quiet.stdout.isEmpty)
    }

    /// The habits of other command-line tools: --version; the format from -o's extension;
    /// names in any case; a slip answered with the closest name; show --all; comma lists in
    /// --against; the plain CSV dialect leaving cells as they are.
    @Test func commandLineHabits() throws {
        let version = try run(["--version"])
        #expect(version.status == 0 && version.text.split(separator: ".").count == 3)
        let path = NSTemporaryDirectory() + "kyodo-habits-\(UUID().uuidString).JSON"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try run(["show", "hino", "--aspect", "Principles", "-o", path]).status == 0)
        let json = try String(contentsOfFile: path, encoding: .utf8)
        #expect(json.hasPrefix("{") && json.contains("\"name\": \"items\""))
        let slip = try run(["compare", "--all", "--layout", "wdie"])
        #expect(slip.status == 64 && slip.stderr.contains("did you mean 'wide'?"))
        let aspect = try run(["show", "hino", "--aspect", "principls"])
        #expect(aspect.status == 64 && aspect.stderr.contains("did you mean 'principles'?"))
        let id = try run(["show", "kodaira-guidline"])
        #expect(id.status != 0 && id.stderr.contains("did you mean 'kodaira-guideline'?"))
        let all = try run(["show", "--all", "--format", "csv", "--csv-dialect", "plain"])
        let named = try run(["show", "kodaira", "koganei", "higashikurume", "hino", "--format", "csv", "--csv-dialect", "plain"])
        #expect(all.status == 0 && all.stdout == named.stdout)
        let commas = try run(["check", "corpus/koganei-guideline.txt", "--against", "kodaira,hino", "--format", "csv", "--csv-dialect", "plain"])
        let spaced = try run(["check", "corpus/koganei-guideline.txt", "--against", "kodaira", "hino", "--format", "csv", "--csv-dialect", "plain"])
        #expect(commas.status == 0 && commas.stdout == spaced.stdout && !commas.stdout.isEmpty)
    }

    /// Every item row carries a stable id, and the ids of `compare --layout long` are ids of
    /// `show`: the two tables join.
    @Test func itemIdsJoinCompareBackToShow() throws {
        func column(_ csv: String, _ name: String) -> [String] {
            let lines = csv.split(separator: "\n").map(String.init)
            guard let header = lines.first?.split(separator: ",").map(String.init), let k = header.firstIndex(of: name) else { return [] }
            // (The ids hold no comma or quote; they are the last column.)
            return lines.dropFirst().compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) }.filter { _ in k == header.count - 1 }
        }
        let long = try run(["compare", "--all", "--aspect", "all", "--layout", "long", "--format", "csv", "--csv-dialect", "plain"])
        let show = try run(["show", "--all", "--format", "csv", "--csv-dialect", "plain"])
        let aligned = Set(column(long.text, "item_id")), shown = Set(column(show.text, "item_id"))
        #expect(aligned.contains("koganei-guideline/principles/3") && shown.contains("hino-guideline/processes/4.2"))
        #expect(!aligned.isEmpty && aligned.isSubset(of: shown))
    }

    /// What the readers found qualifies the comparison: Kodaira's prose names 協定 beyond its
    /// table, Koganei's forms are an open …など list, Hino's forms were in a lost figure. The
    /// presence matrix stays 1 / 0 / NA with the caveats beside it; long rows carry theirs.
    @Test func caveatsStandBesideTheComparison() throws {
        let caveats = try run(["compare", "--all", "--aspect", "forms", "--format", "csv", "--table", "caveats", "--csv-dialect", "plain"])
        #expect(caveats.text.contains("forms,kodaira,named_in_prose,") && caveats.text.contains("協定"))
        #expect(caveats.text.contains("forms,koganei,open_list,") && caveats.text.contains("forms,hino,lost_in_extraction,"))
        let summary = try run(["compare", "--all", "--aspect", "forms", "--format", "csv", "--table", "summary", "--csv-dialect", "plain"])
        #expect(summary.text.contains("hino lists no forms in its text: they were in a figure lost in extraction"))
        #expect(summary.text.contains("koganei's forms are an open list") && !summary.text.contains("hino states no forms"))
        let presence = try run(["compare", "--all", "--aspect", "forms", "--layout", "presence", "--format", "csv", "--csv-dialect", "plain"])
        #expect(presence.text.split(separator: "\n").dropFirst().allSatisfy { row in row.split(separator: ",").suffix(4).allSatisfy { ["0", "1", "NA"].contains($0) } })
        let long = try run(["compare", "--all", "--aspect", "forms", "--layout", "long", "--format", "csv", "--csv-dialect", "plain"])
        #expect(long.text.hasPrefix("aspect,concept,concept_ja,municipality,document,label,score,source,line_start,line_end,reason,caveat,item_id\n"))
        #expect(long.text.split(separator: "\n").contains { $0.contains(",koganei,") && $0.contains(",open_list,koganei-guideline/forms/") })
        let wide = try run(["compare", "--all", "--aspect", "forms", "--format", "csv", "--csv-dialect", "plain"])
        #expect(wide.text.contains("（図で記載・抽出不能 lost in extraction）"))
    }

    /// The bundled corpus's lost figures are acknowledged in its manifest: no command warns of
    /// them, and the findings table still has them.
    @Test func acknowledgedFindingsAreNotReWarned() throws {
        let compare = try run(["compare", "--all"])
        #expect(compare.status == 0 && compare.stderr.isEmpty)
        let findings = try run(["show", "hino", "--format", "csv", "--table", "findings", "--csv-dialect", "plain"])
        #expect(findings.stderr.isEmpty && findings.text.contains("hino-guideline,forms,lostInExtraction,"))
    }

    @Test func diffNamesASectionAndPutsNewTextFirst() throws {
        let r = try run(["diff", "kodaira-guideline", "kodaira-handbook#資料1", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        #expect(r.text.hasPrefix("new_lines,new_text,new_excerpt,old_lines,old_text,old_excerpt\n600,"))
        let oldFirst = try run(["diff", "kodaira-guideline", "kodaira-handbook#資料1", "--old-first", "--format", "csv", "--csv-dialect", "plain"])
        #expect(oldFirst.text.hasPrefix("old_lines,old_text,old_excerpt,new_lines"))
        let changes = try run(["diff", "kodaira-guideline", "kodaira-handbook#資料1", "--format", "csv", "--table", "changes", "--csv-dialect", "plain"])
        #expect(changes.text.contains("6,changed,変更,市,庁,134,661"))
        let noSection = try run(["diff", "kodaira-guideline", "kodaira-handbook#資料9"])
        #expect(noSection.status == 64 && noSection.stderr.contains("資料9"))
    }

    @Test func checkADraft() throws {
        let r = try run(["check", "Tests/Fixtures/koganei-draft.txt", "--against", "kodaira", "higashikurume", "hino", "--aspect", "principles",
                         "--format", "csv", "--table", "draft_only", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        #expect(r.text.contains("principles,協働の継続性,継続性,Tests/Fixtures/koganei-draft.txt:181-183,no peer states 継続性"))
        let noPeers = try run(["check", "Tests/Fixtures/koganei-draft.txt"])
        #expect(noPeers.status == 64)
    }

    @Test func reportWritesEveryReportDeterministically() throws {
        let a = NSTemporaryDirectory() + "kyodo-report-a-\(UUID().uuidString)", b = NSTemporaryDirectory() + "kyodo-report-b-\(UUID().uuidString)"
        defer { for d in [a, b] { try? FileManager.default.removeItem(atPath: d) } }
        #expect(try run(["report", "--out", a]).status == 0)
        #expect(try run(["report", "--out", b]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        #expect(files.contains("README.md") && files.contains("compare-principles-presence.csv") && files.contains("diff-kodaira-guideline-kodaira-handbook.xml"))
        for f in files {
            #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: b + "/" + f), "\(f) differs between runs")
        }
        // The committed Reports/ is what the command produces.
        for f in files { #expect(FileManager.default.contents(atPath: a + "/" + f) == FileManager.default.contents(atPath: Fixtures.root + "/Reports/" + f), "Reports/\(f) is stale") }
    }

    @Test func aFolderOfFilesIsRead() throws {
        let r = try run(["show", "Tests/Fixtures/generic", "--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
        #expect(r.status == 0)
        let documents = Set(r.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(documents == ["ordinance", "runin", "tables", "webpage"])
        let c = try run(["compare", "Tests/Fixtures/generic", "kodaira", "--aspect", "principles", "--layout", "presence", "--format", "csv", "--csv-dialect", "plain"])
        #expect(c.text.hasPrefix("aspect,concept,concept_ja,ordinance,runin,tables,webpage,kodaira\n"))
    }

    @Test func addPutsADocumentIntoACorpus() throws {
        let corpus = NSTemporaryDirectory() + "kyodo-add-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: corpus) }
        try FileManager.default.copyItem(atPath: Fixtures.root + "/corpus", toPath: corpus)
        let arguments = ["add", "Tests/Fixtures/generic/runin.txt", "--municipality", "testshi", "--name", "試験市", "--name-en", "Testshi",
                         "--prefecture", "東京都", "--code", "13999", "--corpus", corpus]
        let r = try run(arguments)
        #expect(r.status == 0 && r.text.contains("added testshi-guideline"))
        #expect(FileManager.default.contents(atPath: corpus + "/testshi-guideline.txt") == FileManager.default.contents(atPath: Fixtures.root + "/Tests/Fixtures/generic/runin.txt"))
        let list = try run(["list", "--corpus", corpus, "--format", "csv", "--csv-dialect", "plain"])
        #expect(list.text.contains("testshi-guideline,testshi,試験市,13999,協働推進の手引き,guideline,text,"))
        let show = try run(["show", "testshi", "--corpus", corpus, "--aspect", "principles", "--format", "csv", "--csv-dialect", "plain"])
        #expect(show.text.contains(",principles,原則,1,目的の共有,"))
        // Twice: refused, and nothing changed.
        let manifest = FileManager.default.contents(atPath: corpus + "/manifest.tsv")
        let again = try run(arguments)
        #expect(again.status == 64 && again.stderr.contains("already has a document 'testshi-guideline'"))
        #expect(FileManager.default.contents(atPath: corpus + "/manifest.tsv") == manifest)
        let bad = try run(["add", "Tests/Fixtures/generic/runin.txt", "--municipality", "試験", "--name", "x", "--name-en", "x", "--prefecture", "x", "--code", "1", "--corpus", corpus])
        #expect(bad.status == 64)
    }

    @Test func anExistingOutputIsReplacedWhole() throws {
        // A folder of its own: the temporary folder is shared with every other run on the machine.
        let folder = NSTemporaryDirectory() + "kyodo-replace-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try Data("old content that is longer than nothing".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try run(["show", "hino", "--format", "csv", "--output", path]).status == 0)
        let first = FileManager.default.contents(atPath: path)
        #expect(try run(["show", "hino", "--format", "csv", "--output", path]).status == 0)
        #expect(FileManager.default.contents(atPath: path) == first)
        #expect(String(decoding: first ?? Data(), as: UTF8.self).contains("hino-guideline"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"], "no temporary is left")
    }

    @Test func everySubcommandHasHelp() throws {
        for sub in ["list", "show", "compare", "diff", "check", "add", "validate", "report"] {
            let r = try run([sub, "--help"])
            #expect(r.status == 0 && r.text.contains("USAGE"))
        }
    }
}
