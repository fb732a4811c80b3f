import Foundation
import KyodoExtract
import KyodoModel

/// What the user names, made into documents: ids and files through the corpus reader, folders
/// here, so that a folder's entries are checked before any is opened, and so that no two
/// documents of one command share an id without the user being told.
struct DocumentNames {
    let reader: CorpusReader

    /// The documents a name stands for. In a folder, its `.txt` regular files in name order;
    /// hidden files, sub-folders, FIFOs, devices and links to nothing are skipped with a warning.
    func documents(named name: String) throws -> [(Document, String)] {
        var isFolder: ObjCBool = false
        let inManifest = reader.manifest?.documents.contains { $0.id == name || $0.municipality.id == name } ?? false
        guard !inManifest, FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue else {
            return try reader.documents(named: name)
        }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: name)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var found: [(Document, String)] = []
        for entry in entries {
            let path = (name as NSString).appendingPathComponent(entry)
            if let reason = Self.skipReason(path, entry) {
                Diagnostics.write("\(path): warning: skipped: \(reason)")
                continue
            }
            // A path with a slash is never a manifest id: the reader takes it as the file it is.
            found += try reader.documents(named: path)
        }
        guard !found.isEmpty else { throw CorpusError.noTextFiles(folder: name) }
        return found
    }

    /// Why a folder entry is not read, or nil to read it.
    static func skipReason(_ path: String, _ entry: String) -> String? {
        if entry.hasPrefix(".") { return "a hidden file (an editor's lock or backup?)" }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return lstat(path, &status) == 0 ? "a symbolic link to a file that does not exist" : "cannot be examined: \(systemReason())"
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder, not a text file"
        case S_IFIFO: return "a FIFO (named pipe), not a regular file"
        default: return "not a regular file"
        }
    }

    /// Gives every document its own id: a file whose name repeats another document's id (two
    /// `city.txt` in two folders, or a file named like a corpus id) is known by its path
    /// instead, and a note says so.
    func distinct(_ documents: [(Document, String)]) -> [(Document, String)] {
        var taken = Set<String>()
        let manifestIds = Set(reader.manifest.map { $0.documents.flatMap { [$0.id, $0.municipality.id] } } ?? [])
        return documents.map { entry in
            var (document, path) = entry
            let isFile = document.kind == "file" && document.file == path
            if isFile && (taken.contains(document.id) || manifestIds.contains(document.id)) {
                let named = path.hasSuffix(".txt") ? String(path.dropLast(4)) : path
                Diagnostics.write("kyodo: note: \(path) is read as '\(named)': another document is already '\(document.id)'")
                if document.municipality.id == document.id { document.municipality.id = named }
                document.id = named
            }
            taken.insert(document.id)
            return (document, path)
        }
    }
}
