import Foundation
import KyodoTestSupport

/// A scratch folder for one test, removed with it, and ways of running the binary that
/// `CLITests.run` does not cover: through bash (closed and broken streams), in the background,
/// interrupted part-way.
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
    /// Every signal has its default action, as from a terminal: the test runner ignores some
    /// (SIGPIPE, SIGXFSZ), and an ignored signal stays ignored across exec, which would hide
    /// whether kyodo itself ignores them.
    static func bash(_ script: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal", "/bin/bash", "-c", script]
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

    /// Starts the binary in the background; standard error to a file.
    static func start(_ arguments: [String], stderr: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        // Opened, not created through FileManager (which would replace a device such as /dev/null by a file).
        process.standardError = FileHandle(fileDescriptor: open(stderr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644), closeOnDealloc: true)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits up to `seconds` for a condition, testing it every `interval` seconds.
    static func wait(seconds: Double, interval: Double = 0.02, until condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(UInt32(interval * 1_000_000))
        }
        return condition()
    }

    /// Runs the binary in the background and sends it `signal` as soon as `caught` holds
    /// (tested every millisecond): its exit status then, or nil when it ended before it was
    /// caught (the run was too quick; try a larger input).
    static func interrupt(_ arguments: [String], with signal: Int32, stderr: String, when caught: () -> Bool) throws -> Int32? {
        let process = try start(arguments, stderr: stderr)
        var sent = false
        if wait(seconds: 600, interval: 0.001, until: { caught() || !process.isRunning }), process.isRunning {
            sent = kill(process.processIdentifier, signal) == 0
        }
        process.waitUntilExit()
        guard sent, process.terminationStatus != 0 else { return nil }
        return process.terminationStatus
    }

    /// Writes a guideline whose definition runs `clauses` clauses long (about 116 bytes each)
    /// in one line: large input and output at little cost in reading, to keep a run busy long
    /// enough to be interrupted.
    @discardableResult
    func longGuideline(_ name: String, clauses: Int) -> String {
        var text = "協働の定義\n\n協働とは、"
        text.reserveCapacity(clauses * 120)
        for i in 0..<clauses { text += "市民と市が互いの立場を尊重し力を合わせて地域の課題を解決していく取り組み\(i)、" }
        return file(name, text + "ことをいいます。\n")
    }
}
