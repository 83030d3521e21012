import Foundation
import GLPK

/// Proves lower bounds on a second thread while the neighbourhood search runs on the first (GLPK keeps its state
/// per thread): first the week relaxation (``WeekRelaxation``), then, when the time left is well above its
/// estimated time, the week relaxation with day lots (``WeekRelaxation/Lots/byDay``), after it, with time to spare,
/// the whole model's LP with each job's lot shares (``PlanningModel/addLotShares()``), and when the day lots were
/// not solved, the LP relaxation of the whole model if the time left is at least its estimated time. Each is stopped
/// at the planner's deadline (a stopped LP still proves the Lagrangian bound of its last duals).
///
/// The large LPs are solved by row generation (``solveByRowGeneration``): their per-job links (day lots: tier links
/// and setup needs; the whole model: setup links) join the LP only where a solution breaks them, which on the Osaka
/// week takes the day lots from 110 s to 49 s and the whole LP from 58 s to 41 s, measured back to back; solving the
/// first round by the primal simplex takes the day lots on to 34 s. Each round proves a bound, recorded as soon as
/// it is proven, so a stopped solve still proves its last round's optimum.
///
/// The bound is the best of them. The search reads the best bound so far whenever it reports, and the week
/// relaxation's route shares for its neighbourhoods (``routeShares(waitingUntil:)``); the planner waits for the
/// worker before it returns.
final class BoundWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var best = -Double.infinity
    /// The week relaxation's route shares (``WeekRelaxation/boundAndRouteShares(timeLimit:method:)``), once it
    /// has been solved; `weekRelaxationDone` says it has been tried, solved or not.
    private var shares: [[Double]]?
    private var weekRelaxationDone = false
    private var thread: SolverThread?

    /// Starts at once. `whole` is the MILP of every job, whose LP relaxation is solved last, with its setup links
    /// added only where a solution breaks them.
    init(_ catalogue: RouteCatalogue, whole planning: PlanningModel, deadline: ContinuousClock.Instant) {
        let whole = planning.model, lazy = planning.setupLinkRows
        thread = SolverThread { [self] in
            // A little before the deadline, so that the planner does not wait on GLPK's last check of the clock.
            func left() -> Duration { deadline - ContinuousClock.now - .milliseconds(250) }
            defer { finishWeekRelaxation(shares: nil) }  // whatever way the worker ends, no one waits for it
            guard left() > .zero else { return }
            // The large LPs, by row generation with the time that is left (always relaxed; the first round by the
            // primal simplex, the rest by the dual).
            func solveLazily(_ model: LinearModel, _ lazy: [LinearModel.Constraint]) -> Solution? {
                // Each finished round is a bound already: the search sees it at once.
                guard let parameters = try? SolveParameters(timeLimit: left(), progress: { [self] step in
                    if let value = step.bound { record(value) }
                }) else { return nil }
                return try? solveByRowGeneration(model, lazy: lazy, parameters)
            }
            let week = WeekRelaxation(catalogue, lots: .byReach)
            let (value, shares) = (try? week.boundAndRouteShares(timeLimit: left(), method: .dual)) ?? (nil, nil)
            if let value { record(value) }
            finishWeekRelaxation(shares: shares)
            // The week with day lots is stronger but a much harder LP: it is started only when it can finish with
            // room for the search beside it (about a fifth slower than alone), because it holds the second core
            // from the whole LP below. Stopped, it proves its last finished round, which is weaker than the whole
            // LP until its last few rounds. It has 3.3–4.1 times the rows of the week relaxation (300 jobs to
            // 600), so it is not even built when 3.5 times is out of reach.
            var dayLotsSolved = false
            if left() > Self.estimatedDayLotTime(rows: 3.5 * Double(week.model.constraintCount)) * 6 / 5 {
                let byDay = WeekRelaxation(catalogue, lots: .byDay)
                if left() > Self.estimatedDayLotTime(rows: Double(byDay.model.constraintCount)) * 6 / 5,
                   let solution = solveLazily(byDay.model, byDay.lazyRows) {
                    if let value = solution.bestBound { record(value) }
                    dayLotsSolved = solution.termination == .optimal
                }
            }
            // The whole LP was weaker than the week with day lots on every week measured (12 small weeks solved
            // exhaustively, 300 jobs, the Osaka week), and it would slow the search: it is the bound of weeks whose
            // day lots do not fit in the time. With day lots solved and ample time left, the whole model with each
            // job's lot shares is the strongest of all (the Osaka week: ¥3,312,270 against ¥3,218,592).
            guard !dayLotsSolved else {
                guard left() > Self.estimatedLotShareTime(rows: 1.6 * Double(whole.constraintCount)) * 6 / 5 else { return }
                var shared = planning
                let links = shared.addLotShares()
                guard left() > Self.estimatedLotShareTime(rows: Double(shared.model.constraintCount)) * 6 / 5,
                      let value = solveLazily(shared.model, shared.setupLinkRows + links)?.bestBound
                else { return }
                record(value)
                return
            }
            // Only when the time left is at least what it needs: the LP competes with the search for the
            // machine's two cores. A solve stopped in its last rounds still proves a bound (its last round's optimum
            // or the Lagrangian bound of its duals, ``Solution/bestBound``); one stopped early proves little.
            guard left() > Self.estimatedWholeLPTime(rows: whole.constraintCount),
                  let value = solveLazily(whole, lazy)?.bestBound
            else { return }
            record(value)
        }
    }

    /// What row generation needs for the whole model's LP relaxation, measured alone on this machine (the bundled
    /// Osaka week, 36,188 rows: 34 s; 300 jobs, 22,552 rows: 21 s; 600 jobs, 45,964 rows: 90 s) and scaled with the
    /// cube of the rows, which underestimates both of the others (8 s and 70 s).
    static func estimatedWholeLPTime(rows: Int) -> Duration {
        scaled(seconds: 34, measuredRows: 36_188, rows: Double(rows), power: 3)
    }

    /// What row generation needs for the week relaxation with day lots, measured alone on this machine (the bundled
    /// Osaka week, 34,610 rows: 34 s; 300 jobs, 21,321 rows: 16 s; 600 jobs, 46,253 rows: 72 s) and scaled with the
    /// cube of the rows, which overestimates 600 jobs (81 s) and underestimates 300 (8 s).
    static func estimatedDayLotTime(rows: Double) -> Duration {
        scaled(seconds: 34, measuredRows: 34_610, rows: rows, power: 3)
    }

    /// What row generation needs for the whole model with each job's lot shares (``PlanningModel/addLotShares()``),
    /// measured alone on this machine (the bundled Osaka week, 57,182 rows: 131 s; 300 jobs, 34,631 rows: 56 s) and
    /// scaled with the square of the rows (48 s at 300 jobs). The shares add about 55–60 % to the whole model's rows.
    static func estimatedLotShareTime(rows: Double) -> Duration {
        scaled(seconds: 131, measuredRows: 57_182, rows: rows, power: 2)
    }

    /// A time measured at one size, scaled to `rows` with a power of the ratio (at most about 30 years).
    private static func scaled(seconds: Double, measuredRows: Double, rows: Double, power: Double) -> Duration {
        .milliseconds(Int(min(seconds * 1000 * pow(rows / measuredRows, power), 1e12)))
    }

    /// The best bound proven so far, or −∞.
    var bound: Double { condition.withLock { best } }

    /// Each job's share of each of its candidate routes in the week relaxation's optimum, waiting until the
    /// relaxation has been tried or `deadline` has come; nil when it was not solved by then. Waiting makes the
    /// search that reads them take the same path however fast the second core was.
    func routeShares(waitingUntil deadline: ContinuousClock.Instant) -> [[Double]]? {
        // Foundation traps on a date as far off as `distantFuture`; no limit is longer than a week.
        let wait = min(max((deadline - ContinuousClock.now).seconds, 0), 1e6)
        let until = Date.now + wait
        condition.lock()
        defer { condition.unlock() }
        while !weekRelaxationDone && condition.wait(until: until) {}
        return shares
    }

    /// Whether the worker has stopped, leaving the second core to the search.
    var isFinished: Bool { thread!.isFinished }

    /// Blocks until the worker has stopped (at the latest shortly after the deadline); returns at once after that.
    func wait() {
        thread!.wait()
    }

    private func record(_ value: Double) {
        condition.withLock { best = max(best, value) }
    }

    private func finishWeekRelaxation(shares: [[Double]]?) {
        condition.withLock {
            guard !weekRelaxationDone else { return }
            weekRelaxationDone = true
            self.shares = shares
            condition.broadcast()
        }
    }
}
