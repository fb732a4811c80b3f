import Foundation
import KyodoText

/// A folder of reports written whole: every file goes into a fresh sibling folder, which then
/// takes the old folder's place at once (renameat2's exchange where the system has it), so a
/// failed or interrupted run leaves the previous folder intact and complete, and files the new
/// run did not write are gone with the old folder.
struct ReportFolder {
    /// The folder as named, for messages.
    let path: String
    /// Its real path.
    let real: String
    /// The sibling folder being filled.
    let staging: String
    /// Whether a previous folder is there to be replaced.
    let replaces: Bool

    /// The first line of the index `kyodo report` writes: a folder whose README.md begins so
    /// is one kyodo wrote, and may be replaced.
    static let indexMark = "# Kyodo reports"

    /// Checks the target and makes the staging folder beside it.
    init(_ path: String, protecting inputs: InputFiles) throws {
        self.path = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists && status.st_mode & S_IFMT != S_IFDIR {
            throw CommandError.cannotCreate(path: path, reason: "it is a file, not a folder (--out names the folder to write the reports into)")
        }
        if !exists && lstat(path, &status) == 0 {
            throw CommandError.cannotCreate(path: path, reason: "it is a symbolic link to nothing")
        }
        guard let real = OutputFile.realTarget(path) else {
            throw CommandError.cannotCreate(path: path, reason: "folder \((path as NSString).deletingLastPathComponent) does not exist")
        }
        self.real = real
        replaces = exists
        if exists {
            for (input, role) in inputs.paths {
                guard let resolved = OutputFile.realTarget(input), resolved.hasPrefix(real + "/") else { continue }
                throw CommandError.wouldOverwriteInput(path: path, role: "the folder holding \(role)")
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
            let index = FileManager.default.contents(atPath: (real as NSString).appendingPathComponent("README.md")).map { String(decoding: $0.prefix(64), as: UTF8.self) }
            if !names.isEmpty && index?.hasPrefix(Self.indexMark) != true {
                throw CommandError.cannotCreate(path: path, reason: "the folder holds files kyodo did not write (no README.md beginning '\(Self.indexMark)'); name a new or empty folder")
            }
        }
        let parent = (real as NSString).deletingLastPathComponent
        var made = ""
        for _ in 0..<16 {
            made = (parent as NSString).appendingPathComponent(".\((real as NSString).lastPathComponent).kyodo-\(OutputFile.randomHex()).tmp")
            if Cleanup.create(made, folder: true, { mkdir(made, 0o700) }) == 0 { break }
            guard errno == EEXIST else { throw CommandError.cannotCreate(path: path, reason: "cannot create a folder in \(parent): \(systemReason())") }
        }
        staging = made
        // The new folder gets the old one's mode, or what a new folder would have.
        chmod(staging, exists ? status.st_mode & 0o7777 : 0o777 & ~FileMode.umask)
    }

    /// Writes one file into the staging folder; `name` must be a plain file name.
    func write(_ bytes: [UInt8], _ name: String) throws {
        guard Identifier.isPlainFileName(name) else {
            throw CommandError.cannotCreate(path: (path as NSString).appendingPathComponent(name), reason: "not a plain file name inside \(path)")
        }
        let target = (staging as NSString).appendingPathComponent(name)
        try OutputFile.stage(bytes, replacing: target, named: (path as NSString).appendingPathComponent(name)).commit(replacing: false)
    }

    /// Puts the staging folder in the old one's place.
    func commit() throws {
        try Cleanup.atomically {
            if !replaces {
                guard rename(staging, real) == 0 else { throw CommandError.writeFailed(target: path, reason: "\(systemReason()); nothing was written") }
                Cleanup.forget(staging)
                return
            }
            if Self.exchange(staging, real) {
                // The old folder now stands at the staging name: it goes, and with it every stale file.
                Cleanup.remove(staging)
                return
            }
            // No exchange on this system: the old folder steps aside, the new one takes its name.
            let aside = staging + ".old"
            guard rename(real, aside) == 0 else { throw CommandError.writeFailed(target: path, reason: "\(systemReason()); the old folder is unchanged") }
            guard rename(staging, real) == 0 else {
                let reason = systemReason()
                _ = rename(aside, real)
                throw CommandError.writeFailed(target: path, reason: "\(reason); the old folder is unchanged")
            }
            Cleanup.forget(staging)
            try? FileManager.default.removeItem(atPath: aside)
        }
        syncFolder((real as NSString).deletingLastPathComponent)
    }

    /// Removes the staging folder (a failed run).
    func discard() { Cleanup.remove(staging) }

    /// Swaps two paths in one step with renameat2(RENAME_EXCHANGE), looked up at run time
    /// (Glibc's Swift module does not declare it); false where the system lacks it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

/// File modes as the process creates them.
enum FileMode {
    /// The process's umask, read once (umask(2) can only be read by setting it).
    static let umask: mode_t = {
        let mask = Foundation.umask(0o022)
        _ = Foundation.umask(mask)
        return mask
    }()
}
