import Foundation

/// The one path every write of the command line goes through.
///
/// A regular file (or a new one) is replaced whole: the bytes go into a temporary created
/// exclusively beside it (a random name, `O_CREAT|O_EXCL|O_NOFOLLOW`, so no link planted there
/// is followed), given the old file's mode and, where permitted, its owner, synced, then renamed
/// over it — a reader sees the old file or the new one, never a mix. A target that is not a
/// regular file (`-`, `/dev/stdout`, a device, a FIFO) is written in place, never replaced.
/// Every file the command reads is refused as the output.
enum OutputFile {
    /// Writes `bytes` to `path` (`-` for standard output).
    static func write(_ bytes: [UInt8], to path: String, protecting inputs: InputFiles = InputFiles()) throws {
        switch try target(path, protecting: inputs) {
        case .stream(let fd):
            if let code = StandardStreams.writeAll(fd, bytes) { throw CommandError.writeFailed(target: path, reason: systemReason(code)) }
        case .inPlace(let flags):
            try writeInPlace(bytes, to: path, flags: flags)
        case .replace(let real):
            try stage(bytes, replacing: real, named: path).commit()
        }
    }

    /// Where the bytes for a path go.
    enum Target: Equatable {
        /// Standard output or error, by descriptor.
        case stream(Int32)
        /// A device, FIFO or special path, opened with these flags and written as it is.
        case inPlace(Int32)
        /// A regular file (existing or not) at this resolved path, replaced through a temporary.
        case replace(String)
    }

    /// Decides how `path` is written, refusing inputs, folders and missing folders.
    static func target(_ path: String, protecting inputs: InputFiles) throws -> Target {
        if path == "-" || path == "/dev/stdout" { return .stream(1) }
        if path == "/dev/stderr" { return .stream(2) }
        if let role = inputs.role(of: path) { throw CommandError.wouldOverwriteInput(path: path, role: role) }
        var status = stat()
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw CommandError.cannotCreate(path: path, reason: "it is a folder, not a file")
            case S_IFREG:
                // /dev/fd/N and /proc/self/fd/N name an open file: writing it in place keeps the redirection.
                if absolute.hasPrefix("/dev/") || absolute.hasPrefix("/proc/") { return .inPlace(O_WRONLY | O_TRUNC) }
            default: return .inPlace(O_WRONLY)
            }
        } else if lstat(path, &status) == 0 {
            throw CommandError.cannotCreate(path: path, reason: "it is a symbolic link to nothing (\(linkTarget(path)))")
        }
        guard let real = realTarget(path) else {
            let folder = (absolute as NSString).deletingLastPathComponent
            throw CommandError.cannotCreate(path: path, reason: "folder \(folder) does not exist")
        }
        return .replace(real)
    }

    /// The file a path finally names, its links followed; for a new file, the real folder and its name.
    static func realTarget(_ path: String) -> String? {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent
        var status = stat()
        guard let real = realpath(folder.isEmpty ? "." : folder, nil) else { return nil }
        defer { free(real) }
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return (String(cString: real) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    private static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { "→ \($0)" } ?? "dangling"
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String, flags: Int32) throws {
        let fd = open(path, flags | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw CommandError.cannotCreate(path: path, reason: systemReason()) }
        defer { close(fd) }
        if let code = StandardStreams.writeAll(fd, bytes) { throw CommandError.writeFailed(target: path, reason: systemReason(code)) }
    }

    /// Writes `bytes` into a new temporary beside `real`, ready to be committed over it.
    static func stage(_ bytes: [UInt8], replacing real: String, named path: String) throws -> StagedFile {
        let folder = (real as NSString).deletingLastPathComponent
        let base = (real as NSString).lastPathComponent
        var old = stat()
        let exists = stat(real, &old) == 0
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            temporary = (folder as NSString).appendingPathComponent(".\(base).kyodo-\(randomHex()).tmp")
            // 0666 minus the umask for a new file, as any program creating it would get.
            fd = Cleanup.create(temporary) { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666) }
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw CommandError.cannotCreate(path: path, reason: "cannot create a file in \(folder): \(systemReason())")
        }
        let staged = StagedFile(path: path, real: real, temporary: temporary)
        defer { close(fd) }
        do {
            if exists {
                // The replacement keeps the old file's mode, and its owner where we may give it.
                fchmod(fd, old.st_mode & 0o7777)
                if old.st_uid != geteuid() || old.st_gid != getegid() {
                    if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, UInt32.max, old.st_gid) }
                }
            }
            if let code = StandardStreams.writeAll(fd, bytes) { throw CommandError.writeFailed(target: path, reason: "\(systemReason(code)); \(unchanged(exists))") }
            if fsync(fd) != 0 { throw CommandError.writeFailed(target: path, reason: "\(systemReason()); \(unchanged(exists))") }
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    private static func unchanged(_ exists: Bool) -> String { exists ? "the old file is unchanged" : "nothing was written" }

    /// 64 random bits as hex, for names nobody can guess.
    static func randomHex() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}

/// A temporary written in full, waiting to replace its target.
final class StagedFile {
    /// The target as the user named it, for messages.
    let path: String
    /// The file it replaces.
    let real: String
    /// The temporary beside it.
    let temporary: String
    private var pending = true

    init(path: String, real: String, temporary: String) {
        self.path = path
        self.real = real
        self.temporary = temporary
    }

    /// Renames the temporary over the target (with `replacing: false`, fails if the target
    /// has appeared meanwhile, and nothing is replaced).
    func commit(replacing: Bool = true) throws {
        try Cleanup.atomically {
            guard pending else { return }
            if replacing {
                guard rename(temporary, real) == 0 else {
                    let reason = systemReason()
                    discard()
                    throw CommandError.writeFailed(target: path, reason: reason)
                }
            } else {
                // link(2) fails if the name exists: no document is ever replaced by an `add`.
                guard link(temporary, real) == 0 else {
                    let reason = errno == EEXIST ? "it exists already" : systemReason()
                    discard()
                    throw CommandError.cannotCreate(path: path, reason: reason)
                }
                unlink(temporary)
            }
            pending = false
            Cleanup.forget(temporary)
        }
        syncFolder((real as NSString).deletingLastPathComponent)
    }

    /// Removes the temporary.
    func discard() {
        guard pending else { return }
        pending = false
        Cleanup.remove(temporary)
    }

    deinit { discard() }
}

/// Makes a rename in `folder` durable (best effort: not every file system syncs folders).
func syncFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd >= 0 {
        fsync(fd)
        close(fd)
    }
}
