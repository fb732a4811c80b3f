import Dispatch
import Foundation

/// The temporary files and folders this process has made and not yet committed. They are
/// removed when a write fails, and on SIGINT or SIGTERM before the process ends, so no
/// temporary survives an error or an interruption. A commit (the rename that makes a temporary
/// the real file) runs under the same lock, so an interruption sees either the temporary or
/// the committed file, never half of a swap; so does a temporary's creation, so none is ever
/// there unnoted (and no file appears in a staging folder while it is being removed).
enum Cleanup {
    private final class Registry: @unchecked Sendable {
        let lock = NSRecursiveLock()
        var paths: [String: Bool] = [:]  // path → is a folder
        var sources: [DispatchSourceSignal] = []
    }
    private static let registry = Registry()

    /// Creates a temporary with `make` (an `open` or `mkdir`: a result of 0 or more is
    /// success) and notes it to remove if the process is interrupted, in one step that no
    /// interruption comes between: a temporary is never there unnoted. Returns what `make`
    /// returned, with `errno` as `make` left it.
    static func create(_ path: String, folder: Bool = false, _ make: () -> Int32) -> Int32 {
        registry.lock.lock(); defer { registry.lock.unlock() }
        let result = make()
        let code = errno
        if result >= 0 { registry.paths[path] = folder }
        errno = code
        return result
    }

    /// The temporary was committed or removed: nothing to clean up any more.
    static func forget(_ path: String) {
        registry.lock.lock(); defer { registry.lock.unlock() }
        registry.paths[path] = nil
    }

    /// Removes a temporary now and forgets it.
    static func remove(_ path: String) {
        registry.lock.lock(); defer { registry.lock.unlock() }
        removeItem(path, folder: registry.paths[path] ?? false)
        registry.paths[path] = nil
    }

    /// Runs `body` (a commit) so that no interruption cleans up in the middle of it.
    static func atomically<T>(_ body: () throws -> T) rethrows -> T {
        registry.lock.lock(); defer { registry.lock.unlock() }
        return try body()
    }

    /// Installs the handlers: SIGINT and SIGTERM remove every temporary, then end the process
    /// with 128 + the signal, as a shell reports it. SIGPIPE and SIGXFSZ are ignored, so a
    /// closed pipe or a file past the size limit (`ulimit -f`) is a write error (exit 74, the
    /// temporaries removed) rather than a silent death that leaves them behind.
    static func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupted(by: number) }
            source.resume()
            registry.sources.append(source)
        }
    }

    private static func interrupted(by number: Int32) {
        registry.lock.lock()  // held until the process ends: no commit starts after this
        for (path, folder) in registry.paths { removeItem(path, folder: folder) }
        let name = number == SIGINT ? "interrupted" : "terminated"
        StandardStreams.error("kyodo: \(name); no output was changed part-way and temporary files were removed")
        _exit(128 + number)
    }

    private static func removeItem(_ path: String, folder: Bool) {
        if folder { try? FileManager.default.removeItem(atPath: path) } else { unlink(path) }
    }
}
