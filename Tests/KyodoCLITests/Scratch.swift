import Foundation
import KyodoTestSupport

/// A scratch folder for one test, removed with it, and ways of running the binary that
/// `CLITests.run` does not cover: through bash (closed and broken streams), into a file
/// handle, with environment variables, in the background.
final class Scratch {
    let dir: String = {
        let d = NSTemporaryDirectory() + "kyodo-scratch-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes a file into the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) -> String { file(name, Data(text.utf8)) }

    @discardableResult
    func file(_ name: String, _ data: Data) -> String {
        let path = dir + "/" + name
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: data)
        return path
    }

    /// A copy of the bundled corpus in the folder.
    func corpus(_ name: String = "corpus") throws -> String {
        let path = dir + "/" + name
        try FileManager.default.copyItem(atPath: Fixtures.root + "/corpus", toPath: path)
        return path
    }

    /// The names in a folder, hidden ones included, sorted.
    func names(_ folder: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder ?? dir)) ?? []).sorted()
    }

    /// Runs a bash script with $K the binary, in the repository root: status and standard error.
    static func bash(_ script: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(["K": CLITests.binary]) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the binary in the background with extra environment; standard error to a file here.
    static func start(_ arguments: [String], environment: [String: String] = [:], stderr: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        FileManager.default.createFile(atPath: stderr, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderr)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits up to `seconds` for a condition.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}
