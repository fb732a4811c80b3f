import Foundation
import KyodoReports

/// Standard output and error written with write(2), every write checked.
enum StandardStreams {
    /// Whether standard output was closed when the process started.
    nonisolated(unsafe) private(set) static var outputWasClosed = false

    /// Makes sure descriptors 0, 1 and 2 are open before any file is: a closed standard output
    /// would otherwise be taken by the next file opened, and the report written into it. A
    /// closed one is held by /dev/null opened read-only, so writing to it still fails.
    static func prepare() {
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 {
            if fd == 1 { outputWasClosed = true }
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// Writes bytes to standard output; a failure (a closed pipe, a full disk, /dev/full)
    /// throws naming standard output (exit 74).
    static func output(_ bytes: [UInt8]) throws {
        if outputWasClosed { throw CommandError.writeFailed(target: "standard output", reason: "it is closed") }
        if let code = writeAll(1, bytes) {
            throw CommandError.writeFailed(target: "standard output", reason: systemReason(code))
        }
    }

    /// Writes text for a terminal and a line end to standard output, controls made visible.
    static func output(line: String) throws {
        try output(Array((VisibleText.escape(line, keeping: ["\n", "\t"]) + "\n").utf8))
    }

    /// Writes one line to standard error; nothing to be done if that fails.
    static func error(_ line: String) {
        _ = writeAll(2, Array((line + "\n").utf8))
    }

    /// Writes all bytes to a descriptor, retrying interrupted and partial writes (and waiting
    /// where the descriptor is non-blocking); the errno of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var done = 0
            while done < buffer.count {
                let n = write(fd, base + done, buffer.count - done)
                if n > 0 { done += n; continue }
                if n == 0 { return EIO }
                switch errno {
                case EINTR: continue
                case EAGAIN:
                    var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&descriptor, 1, -1)
                default: return errno
                }
            }
            return nil
        }
    }
}
