import Foundation
import GLPK

/// A neighbourhood's sub-MIP solved on another thread while the search solves the one before it: the search's
/// look-ahead on the second core once the bound worker has finished with it.
///
/// The search uses the result only when the neighbourhood before it left the incumbent as it was, so that the
/// result is the one the search would have computed itself (the same context and start, and GLPK, stopped by node
/// and iteration counts, takes the same path on any thread). The plan therefore does not depend on whether, or how
/// often, a look-ahead ran; only how far the search gets in its time does.
final class LookAhead<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Outcome, any Error>?

    /// Starts `work` at once on a thread of its own.
    init(_ work: @escaping @Sendable () throws -> Outcome) {
        let thread = Thread { [self] in
            let result = Result { try work() }
            releaseThreadEnvironment()
            lock.withLock { outcome = result }
            done.signal()
        }
        // GLPK's branch and cut recurses; the bound worker's thread has the same stack.
        thread.stackSize = 1 << 24
        thread.start()
    }

    /// Whether the work has finished.
    var isFinished: Bool { lock.withLock { outcome != nil } }

    /// Blocks until the work has finished and returns its result or rethrows its error.
    func result() throws -> Outcome {
        done.wait()
        done.signal()
        return try lock.withLock { outcome! }.get()
    }
}
