import Foundation

/// Errors writing output.
enum OutputError: Error, LocalizedError {
    case cannotWrite(path: String, reason: String)
    case wouldOverwriteInput(path: String)

    var errorDescription: String? {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .wouldOverwriteInput(let path): "\(path): refusing to overwrite an input document"
        }
    }
}

/// Writes files so that nothing a user had is overwritten half-way: a temporary file in the
/// same folder, then a rename.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String, protecting inputs: [String] = []) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath() == target }) {
            throw OutputError.wouldOverwriteInput(path: path)
        }
        let folder = target.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError.cannotWrite(path: path, reason: "folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).kyodo-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: (error as NSError).localizedDescription)
        }
        // rename(2) replaces the target atomically: a reader sees the old file or the new one.
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }
}
