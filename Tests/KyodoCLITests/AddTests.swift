import Foundation
import KyodoTestSupport
import Testing

/// `kyodo add` appends one line in the manifest's own form, refuses what would merge or
/// duplicate silently, and lets no name lead a path out of the corpus.
@Suite(.serialized) final class AddTests {
    let cli = CLITests()
    let scratch = Scratch()
    let runin = Fixtures.root + "/Tests/Fixtures/generic/runin.txt"

    func add(_ corpus: String, file: String? = nil, _ extra: [String] = []) throws -> CLITests.Result {
        try cli.run(["add", file ?? runin, "--municipality", "testshi", "--name", "試験市", "--name-en", "Testshi",
                     "--prefecture", "東京都", "--code", "13999", "--corpus", corpus] + extra)
    }

    /// Rewrites the corpus's manifest with a BOM, CRLF line ends, or in CP932.
    func restyle(_ corpus: String, bom: Bool = false, crlf: Bool = false, cp932: Bool = false) throws -> [UInt8] {
        var text = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8)
        if crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes = cp932 ? [UInt8](text.data(using: .shiftJIS)!) : Array(text.utf8)
        if bom { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        FileManager.default.createFile(atPath: corpus + "/manifest.tsv", contents: Data(bytes))
        return bytes
    }

    @Test func aBOMAndCRLFManifestKeepsThem() throws {
        let corpus = try scratch.corpus()
        let before = try restyle(corpus, bom: true, crlf: true)
        let r = try add(corpus)
        #expect(r.status == 0, "\(r.stderr)")
        let after = [UInt8](FileManager.default.contents(atPath: corpus + "/manifest.tsv") ?? Data())
        #expect(Array(after.prefix(before.count)) == before)
        let added = Array(after.dropFirst(before.count))
        #expect(added.starts(with: Array("testshi-guideline\ttestshi\t試験市\t".utf8)), "\(added)")
        #expect(added.suffix(2) == [0x0D, 0x0A] && added.filter { $0 == 0x0A || $0 == 0x0D }.count == 2)
        #expect(try cli.run(["list", "--corpus", corpus, "--format", "csv"]).text.contains("testshi-guideline"))
    }

    @Test func aCP932ManifestStaysCP932() throws {
        let corpus = try scratch.corpus()
        let before = try restyle(corpus, cp932: true)
        #expect(try add(corpus).status == 0)
        let after = FileManager.default.contents(atPath: corpus + "/manifest.tsv") ?? Data()
        #expect(Array(after.prefix(before.count)) == before)
        #expect(String(data: after, encoding: .shiftJIS)?.contains("testshi-guideline\ttestshi\t試験市\tTestshi\t東京都\t13999") == true)
        let list = try cli.run(["list", "--corpus", corpus, "--format", "csv", "--csv-dialect", "plain"])
        #expect(list.status == 0 && list.text.contains("testshi-guideline,testshi,試験市,13999"))
    }

    @Test func aDuplicateOrAConflictingMunicipalityIsRefused() throws {
        let corpus = try scratch.corpus()
        let manifest = FileManager.default.contents(atPath: corpus + "/manifest.tsv")
        let duplicate = try add(corpus, file: corpus + "/hino-guideline.txt")
        #expect(duplicate.status == 65 && duplicate.stderr.contains("the corpus has this document already, byte for byte: hino-guideline"))
        let conflicting = try cli.run(["add", runin, "--municipality", "kodaira", "--name", "国分寺市", "--name-en", "Kokubunji",
                                       "--prefecture", "東京都", "--code", "13214", "--kind", "pamphlet", "--corpus", corpus])
        #expect(conflicting.status == 65 && conflicting.stderr.contains("municipality 'kodaira' is 小平市"))
        #expect(FileManager.default.contents(atPath: corpus + "/manifest.tsv") == manifest)
        #expect(scratch.names(corpus).filter { $0 != ".kyodo.lock" } == scratch.names(Fixtures.root + "/corpus"))
    }

    @Test func noKindOrIdLeavesTheCorpus() throws {
        let corpus = try scratch.corpus()
        for extra in [["--kind", "../../escaped"], ["--id", "../escaped"], ["--kind", "a/b"]] {
            let r = try add(corpus, extra)
            #expect(r.status == 64, "\(extra)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.dir + "/escaped.txt"))
        #expect(scratch.names() == ["corpus"])
    }

    @Test func standardInputIsReadOnce() throws {
        let corpus = try scratch.corpus()
        let r = try Scratch.bash(#""$K" add /dev/stdin --municipality testshi --name 試験市 --name-en Testshi --prefecture 東京都 --code 13999 --corpus "\#(corpus)" < "\#(runin)""#)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: corpus + "/testshi-guideline.txt") == FileManager.default.contents(atPath: runin))
        // A pipe cannot be read twice, and is not a regular file: refused whole, nothing added.
        let piped = try Scratch.bash(#"cat "\#(runin)" | "$K" add /dev/stdin --municipality pipeshi --name 試験市 --name-en Pipeshi --prefecture 東京都 --code 13998 --corpus "\#(corpus)""#)
        #expect(piped.status == 66 && piped.stderr.contains("/dev/stdin: is a FIFO (named pipe), not a regular file"))
        #expect(!FileManager.default.fileExists(atPath: corpus + "/pipeshi-guideline.txt"))
    }

    @Test func aManifestIdLeadingOutOfTheReportFolderIsRefused() throws {
        let corpus = try scratch.corpus()
        var text = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8)
        text = text.replacingOccurrences(of: "\nhino-guideline\t", with: "\nx/../../escaped\t")
        FileManager.default.createFile(atPath: corpus + "/manifest.tsv", contents: Data(text.utf8))
        let r = try cli.run(["report", "--corpus", corpus, "--out", scratch.dir + "/out/reports"])
        #expect(r.status == 65 && r.stderr.contains("id 'x/../../escaped' is not an id"))
        #expect(scratch.names() == ["corpus"])
    }

    @Test func concurrentAddsAllLandEachOnce() throws {
        let corpus = try scratch.corpus()
        let count = 8
        // Each add reads the manifest, checks it, and renames a new one over it: without the
        // corpus lock two at once could both start from the same manifest, and one line be lost.
        let processes = try (0..<count).map { k in
            let file = scratch.file("in/town\(k).txt", "協働の原則\n\n① 町\(k)の対等の原則\n② 自主性尊重の原則\n")
            return try Scratch.start(["add", file, "--municipality", "town\(k)", "--name", "町\(k)", "--name-en", "Town\(k)",
                                      "--prefecture", "東京都", "--code", "13\(900 + k)", "--corpus", corpus], stderr: scratch.dir + "/err\(k)")
        }
        for process in processes { process.waitUntilExit() }
        for (k, process) in processes.enumerated() {
            #expect(process.terminationStatus == 0, "\(String(decoding: FileManager.default.contents(atPath: scratch.dir + "/err\(k)") ?? Data(), as: UTF8.self))")
        }
        let lines = try String(contentsOfFile: corpus + "/manifest.tsv", encoding: .utf8).split(separator: "\n")
        for k in 0..<count {
            #expect(lines.filter { $0.hasPrefix("town\(k)-guideline\t") }.count == 1, "town\(k)")
            #expect(FileManager.default.fileExists(atPath: corpus + "/town\(k)-guideline.txt"))
        }
        #expect(lines.count == 6 + count)
        let list = try cli.run(["list", "--corpus", corpus, "--format", "csv", "--csv-dialect", "plain"])
        #expect(list.status == 0 && (0..<count).allSatisfy { list.text.contains("town\($0)-guideline,town\($0),町\($0)") })
        #expect(!scratch.names(corpus).contains { $0.hasSuffix(".tmp") })
    }

    @Test func aRowTheManifestsEncodingCannotHoldIsRefusedWhole() throws {
        let corpus = try scratch.corpus()
        let before = try restyle(corpus, cp932: true)
        // 𠮷 (U+20BB7) has no form in CP932.
        let r = try add(corpus, ["--title", "𠮷野町の指針"])
        #expect(r.status == 65 && r.stderr.contains("manifest.tsv:7: the new line cannot be written in the manifest's encoding, CP932"), "\(r.stderr)")
        #expect([UInt8](FileManager.default.contents(atPath: corpus + "/manifest.tsv") ?? Data()) == before)
        #expect(scratch.names(corpus).filter { $0 != ".kyodo.lock" } == scratch.names(Fixtures.root + "/corpus"))
    }

    @Test func anInterruptedAddLeavesTheCorpusAsItWas() throws {
        let corpus = try scratch.corpus()
        let manifest = FileManager.default.contents(atPath: corpus + "/manifest.tsv")
        let original = scratch.names(Fixtures.root + "/corpus")
        // Ctrl-C once the copy's or the manifest's temporary appears; a run that ends (or
        // commits) first proves nothing, and the next try has a larger document.
        for clauses in [10_000, 40_000, 160_000, 400_000] {
            let document = scratch.longGuideline("long.txt", clauses: clauses)
            let arguments = ["add", document, "--municipality", "nagamachi", "--name", "長町", "--name-en", "Nagamachi",
                             "--prefecture", "東京都", "--code", "13998", "--corpus", corpus, "--max-size", "100"]
            let status = try Scratch.interrupt(arguments, with: SIGINT, stderr: scratch.dir + "/err") {
                scratch.names(corpus).contains { $0.contains(".kyodo-") }
            }
            let names = scratch.names(corpus).filter { $0 != ".kyodo.lock" }
            #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary survives")
            let added = FileManager.default.contents(atPath: corpus + "/manifest.tsv") != manifest
            // The copy and its manifest line come together or not at all.
            #expect(added == names.contains("nagamachi-guideline.txt"))
            if let status {
                #expect(status == 130)
                if !added {
                    #expect(names == original)
                    return
                }
            }
            // Finished, or committed before the signal: undone for the next, larger try.
            unlink(corpus + "/nagamachi-guideline.txt")
            FileManager.default.createFile(atPath: corpus + "/manifest.tsv", contents: manifest)
        }
        Issue.record("no add was slow enough to be interrupted while writing")
    }
}
