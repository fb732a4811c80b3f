import Foundation
import Synchronization

/// A progress line on standard error for work that lasts: `reading documents 1,204 / 1,741`,
/// redrawn at most ten times a second, shown only when standard error is a terminal and only
/// once the work has taken a second; cleared when it ends. Safe to advance from any thread.
final class Progress: Sendable {
    private struct State {
        var done = 0
        var lastDraw: ContinuousClock.Instant?
        var shown = false
    }

    private let what: String
    private let total: Int
    private let started = ContinuousClock.now
    private let state = Mutex(State())
    /// Whether anything is drawn at all (standard error is a terminal and not silenced).
    private let enabled: Bool

    /// Whether standard error is a terminal.
    static var errorIsTerminal: Bool { isatty(2) == 1 }

    init(_ what: String, total: Int, enabled: Bool = Progress.errorIsTerminal) {
        self.what = what
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// One more unit done.
    func advance() {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { s in
            s.done += 1
            guard now - started >= .seconds(1) else { return nil }
            if let last = s.lastDraw, now - last < .milliseconds(100), s.done < total { return nil }
            s.lastDraw = now
            s.shown = true
            return "\r\(what) \(Self.grouped(s.done)) / \(Self.grouped(total))"
        }
        if let line { _ = StandardStreams.writeAll(2, Array(line.utf8)) }
    }

    /// Clears the line, if one was drawn.
    func finish() {
        guard enabled, state.withLock({ $0.shown }) else { return }
        _ = StandardStreams.writeAll(2, Array("\r\u{1B}[K".utf8))
    }

    /// `1,741`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
