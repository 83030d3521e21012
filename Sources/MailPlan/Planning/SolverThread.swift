import Foundation
import GLPK

/// A thread of its own for GLPK work (the bound worker's LPs, a look-ahead's sub-MIP): a stack deep enough for
/// GLPK's branch and cut, the thread's GLPK environment freed when the work ends (``releaseThreadEnvironment()``),
/// and a way to ask whether it has ended or to wait for it.
final class SolverThread: @unchecked Sendable {
    private let lock = NSLock()
    private var ended = false
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            work()
            releaseThreadEnvironment()
            lock.withLock { ended = true }
            done.signal()
        }
        // GLPK's branch and cut recurses deeply.
        thread.stackSize = 1 << 24
        thread.start()
    }

    /// Whether the work has ended.
    var isFinished: Bool { lock.withLock { ended } }

    /// Blocks until the work has ended; returns at once after that. Whatever the work wrote before it ended is
    /// visible to the caller afterwards.
    func wait() {
        done.wait()
        done.signal()
    }
}
