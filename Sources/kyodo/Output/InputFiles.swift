import Foundation

/// The files a command reads — documents, manifest, codebook, section data, coding sheets —
/// none of which may become its output. Known by device and inode, so a link, a hard link or
/// another spelling of the path is recognised too.
struct InputFiles {
    private var files: [(device: UInt64, inode: UInt64, role: String, path: String)] = []

    init() {}

    /// Notes a file the command reads, with what it is (`the document hino-guideline.txt`).
    mutating func add(_ path: String, role: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        files.append((UInt64(status.st_dev), UInt64(status.st_ino), role, path))
    }

    /// Notes documents.
    mutating func add(documents paths: [String]) {
        for path in paths { add(path, role: "the document \(path)") }
    }

    /// What the file at `path` is to the command, or nil if the command does not read it.
    func role(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return files.first { $0.device == UInt64(status.st_dev) && $0.inode == UInt64(status.st_ino) }?.role
    }

    /// The paths, for checking that none lies inside a folder about to be replaced.
    var paths: [(path: String, role: String)] { files.map { ($0.path, $0.role) } }
}
