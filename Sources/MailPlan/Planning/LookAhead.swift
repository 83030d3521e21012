/// A neighbourhood's sub-MIP solved on another thread while the search solves the one before it: the search's
/// look-ahead on the second core once the bound worker has finished with it.
///
/// The search uses the result only when the neighbourhood before it left the incumbent as it was, so that the
/// result is the one the search would have computed itself (the same context and start, and GLPK, stopped by node
/// and iteration counts, takes the same path on any thread). The plan therefore does not depend on whether, or how
/// often, a look-ahead ran; only how far the search gets in its time does.
final class LookAhead<Outcome: Sendable>: @unchecked Sendable {
    // Written by the thread before it ends, read only after waiting for it.
    private var outcome: Result<Outcome, any Error>?
    private var thread: SolverThread?

    /// Starts `work` at once on a thread of its own.
    init(_ work: @escaping @Sendable () throws -> Outcome) {
        thread = SolverThread { [self] in outcome = Result { try work() } }
    }

    /// Whether the work has finished.
    var isFinished: Bool { thread!.isFinished }

    /// Blocks until the work has finished and returns its result or rethrows its error.
    func result() throws -> Outcome {
        thread!.wait()
        return try outcome!.get()
    }
}
