import Foundation
import GLPK

/// Proves lower bounds on a second thread while the neighbourhood search runs on the first (GLPK keeps its state
/// per thread): first the week relaxation (``WeekRelaxation``), then, when the time left is at least its estimated
/// time, the LP relaxation of the whole model, both by the dual simplex with the long-step ratio test, each
/// stopped at the planner's deadline (a stopped LP still proves the Lagrangian bound of its last duals). The
/// search reads the best bound so far whenever it reports; the planner waits for the worker before it returns.
final class BoundWorker: @unchecked Sendable {
    private let lock = NSLock()
    private var best = -Double.infinity
    private let finished = DispatchSemaphore(value: 0)

    /// Starts at once. `whole` is the MILP of every job, whose LP relaxation is solved second.
    init(_ catalogue: RouteCatalogue, whole: LinearModel, deadline: ContinuousClock.Instant) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            // A little before the deadline, so that the planner does not wait on GLPK's last check of the clock.
            func left() -> Duration { deadline - ContinuousClock.now - .milliseconds(250) }
            guard left() > .zero else { return }
            if let value = try? WeekRelaxation(catalogue).bound(timeLimit: left(), method: .dual) { record(value) }
            // Only when the time left is at least what it needs: the LP competes with the search for the
            // machine's two cores. A dual simplex stopped near its end still proves a bound (the Lagrangian bound
            // of its duals, ``Solution/bestBound``); one stopped early proves little.
            guard left() > Self.estimatedWholeLPTime(rows: whole.constraintCount),
                  let parameters = try? SolveParameters(timeLimit: left(), relaxIntegrality: true, method: .dual),
                  let solution = try? solve(whole, parameters), let value = solution.bestBound
            else { return }
            record(value)
        }
        thread.stackSize = 1 << 24
        thread.start()
    }

    /// What GLPK's dual simplex needs for the whole model's LP relaxation, measured on the bundled Osaka week
    /// (36,188 rows: 41 s alone on this machine) and scaled with the square of the rows.
    static func estimatedWholeLPTime(rows: Int) -> Duration {
        let scale = Double(rows) / 36_188
        return .milliseconds(Int(41_000 * scale * scale))
    }

    /// The best bound proven so far, or −∞.
    var bound: Double { lock.withLock { best } }

    /// Blocks until the worker has stopped (at the latest shortly after the deadline); returns at once after that.
    func wait() {
        finished.wait()
        finished.signal()
    }

    private func record(_ value: Double) {
        lock.withLock { best = max(best, value) }
    }
}
