import Dispatch

/// Work spread over the cores, results in order.
public enum Parallel {
    /// `(0..<count).map(body)`, the elements computed concurrently. `body` must only read shared
    /// state; each result lands in its own slot, so the output is the same as the serial map.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer.baseAddress!)
            withoutActuallyEscaping(body) { body in
                let shared = Body(body)
                DispatchQueue.concurrentPerform(iterations: count) { i in (slots.pointer + i).pointee = shared.body(i) }
            }
        }
        return out.map { $0! }
    }
}

/// The slots of `Parallel.map`'s output: each written by one worker only.
private struct Slots<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// The body of `Parallel.map`, shared by the workers (it reads only immutable state).
private struct Body<T>: @unchecked Sendable {
    let body: (Int) -> T
    init(_ body: @escaping (Int) -> T) { self.body = body }
}
