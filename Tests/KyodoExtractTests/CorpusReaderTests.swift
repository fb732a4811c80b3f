import Foundation
import KyodoExtract
import KyodoModel
import KyodoText
import KyodoTestSupport
import Testing

/// What a name stands for: ids and municipalities from the manifest, a folder's readable
/// `.txt` files (the rest skipped with a warning each), a file; ids made distinct.
@Suite final class CorpusReaderTests {
    let folder: String = {
        let d = NSTemporaryDirectory() + "kyodo-reader-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String, _ text: String = "協働の原則\n") {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    @Test func aFolderGivesItsRegularTextFilesInNameOrderAndWarnsOfTheRest() throws {
        file("b.txt")
        file("a.txt")
        file("notes.md")
        file(".#a.txt")
        try FileManager.default.createDirectory(atPath: folder + "/old.txt", withIntermediateDirectories: false)
        #expect(symlink(folder + "/gone", folder + "/dead.txt") == 0)
        #expect(symlink(folder + "/a.txt", folder + "/c.txt") == 0)  // a link to a file is that file
        #expect(mkfifo(folder + "/pipe.txt", 0o600) == 0)
        var warnings: [String] = []
        let found = try CorpusReader(manifest: nil).documents(named: folder) { warnings.append($0) }
        #expect(found.map(\.1) == ["a.txt", "b.txt", "c.txt"].map { folder + "/" + $0 })
        #expect(found.map(\.0.id) == ["a", "b", "c"])
        #expect(warnings == [
            "\(folder)/.#a.txt: warning: skipped: a hidden file (an editor's lock or backup?)",
            "\(folder)/dead.txt: warning: skipped: a symbolic link to a file that does not exist",
            "\(folder)/old.txt: warning: skipped: a folder, not a text file",
            "\(folder)/pipe.txt: warning: skipped: a FIFO (named pipe), not a regular file",
        ])
    }

    @Test func aFolderWithNothingReadableIsAnError() throws {
        file(".hidden.txt")
        var warnings: [String] = []
        #expect(throws: CorpusError.noTextFiles(folder: folder)) {
            try CorpusReader(manifest: nil).documents(named: self.folder) { warnings.append($0) }
        }
        #expect(warnings.count == 1)
    }

    @Test func manifestNamesComeBeforeFilesAndIdsAreMadeDistinct() throws {
        let manifest = try Manifest.load(path: Fixtures.root + "/corpus/manifest.tsv")
        let reader = CorpusReader(manifest: manifest)
        let noWarning: (String) -> Void = { Issue.record("unexpected warning \($0)") }
        #expect(try reader.documents(named: "kodaira", warn: noWarning).map(\.0.id) == ["kodaira-guideline", "kodaira-handbook"])
        #expect(try reader.documents(named: "hino-guideline", warn: noWarning).map(\.0.kind) != ["file"])
        file("hino-guideline.txt")
        let named = try reader.documents(named: folder + "/hino-guideline.txt", warn: noWarning)
        var notes: [String] = []
        let distinct = reader.distinct(named, note: { notes.append($0) })
        #expect(distinct.map(\.0.id) == [folder + "/hino-guideline"])
        #expect(notes.count == 1 && notes[0].contains("another document is already 'hino-guideline'"))
        #expect(throws: CorpusError.self) { try reader.documents(named: "nosuch", warn: noWarning) }
    }
}
