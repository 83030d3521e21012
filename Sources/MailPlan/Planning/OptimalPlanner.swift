import GLPK

/// The optimal planner: a MILP solved by GLPK, decomposed so that a realistic week solves in time.
///
/// 1. The greedy plan is the first incumbent (always feasible: deferral is an option of every job).
/// 2. A week-level relaxation (``WeekRelaxation``), a small LP, gives a valid lower bound on the controllable
///    cost; the LP relaxation of the whole model is as strong on the binaries but takes minutes.
/// 3. Small models are solved whole by branch and cut from the incumbent. Larger ones are improved by
///    fix-and-optimise: neighbourhoods of jobs (a program, a block, a due day) are re-solved as sub-MIPs
///    with every other job fixed, and a better plan replaces the incumbent.
/// 4. With time left and the gap still open, branch and cut on the whole model from the incumbent tries to
///    raise the bound and find better plans.
/// The gap is measured on the controllable cost (the total less gross postage, a constant).
public struct OptimalPlanner: Sendable {
    public struct Options: Sendable {
        public var timeLimit: Duration
        public var relativeGap: Double
        /// Models with at most this many binaries are solved whole by branch and cut.
        public var wholeModelBinaries: Int
        /// The largest neighbourhood, in jobs.
        public var neighbourhoodJobs: Int
        /// Called with progress during the solve.
        public var progress: (@Sendable (PlannerProgress) -> Void)?

        public init(timeLimit: Duration = .seconds(60), relativeGap: Double = 0.001, wholeModelBinaries: Int = 1500,
                    neighbourhoodJobs: Int = 40, progress: (@Sendable (PlannerProgress) -> Void)? = nil) {
            self.timeLimit = timeLimit
            self.relativeGap = relativeGap
            self.wholeModelBinaries = wholeModelBinaries
            self.neighbourhoodJobs = neighbourhoodJobs
            self.progress = progress
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func plan(_ book: JobBook) throws -> Plan {
        try plan(RouteCatalogue(book))
    }

    public func plan(_ catalogue: RouteCatalogue) throws -> Plan {
        let began = ContinuousClock.now
        let deadline = began + options.timeLimit
        let evaluator = PlanEvaluator(catalogue.book)
        var incumbent = HeuristicPlanners.greedy(catalogue)
        incumbent.planner = "optimal"
        var incumbentCost = evaluator.evaluate(incumbent).cost
        let firstPlan = ContinuousClock.now - began
        var bound = -Double.infinity
        let report = { (phase: String) in
            options.progress?(PlannerProgress(phase: phase, elapsed: ContinuousClock.now - began,
                                              incumbent: incumbentCost.controllable, bound: bound.isFinite ? bound : nil))
        }
        report("greedy")

        let allJobs = Array(catalogue.book.jobs.indices)
        let buildBegan = ContinuousClock.now
        var whole = PlanningModel(catalogue, active: allJobs, context: ScheduleState(catalogue))
        let size = (rows: whole.model.constraintCount, columns: whole.model.variableCount,
                    binaries: whole.model.integerVariableCount)
        let solveWhole = size.binaries <= options.wholeModelBinaries
        if solveWhole {
            // Small enough to solve exactly, with whole pieces.
            whole = PlanningModel(catalogue, active: allJobs, context: ScheduleState(catalogue), integerPieces: true)
        }
        let buildTime = ContinuousClock.now - buildBegan
        var status = "time_limit"

        func accept(_ candidate: Plan) -> Bool {
            let cost = evaluator.evaluate(candidate).cost
            guard cost.total < incumbentCost.total - 1e-6 else { return false }
            incumbent = candidate
            incumbentCost = cost
            return true
        }
        func gapNow() -> Double {
            let objective = incumbentCost.controllable
            guard bound.isFinite else { return .infinity }
            return max(0, objective - bound) / max(abs(objective), 1e-9)
        }
        func remaining() -> Duration { deadline - ContinuousClock.now }

        if solveWhole {
            let solution = try solve(whole.model, try SolveParameters(
                timeLimit: remaining(), relativeGap: options.relativeGap, cuts: .all,
                start: whole.start(from: incumbent, context: ScheduleState(catalogue)),
                progress: { options.progress?(PlannerProgress(phase: "branch and cut", elapsed: $0.elapsed, incumbent: $0.incumbent, bound: $0.bound)) }))
            if solution.hasSolution {
                let (assignments, deferred) = whole.assignments(from: solution.values)
                _ = accept(Plan(planner: "optimal", assignments: assignments, deferred: deferred.sorted()))
            }
            if let best = solution.bestBound { bound = max(bound, best) }
        } else {
            if let value = try WeekRelaxation(catalogue).bound(timeLimit: remaining() / 4) { bound = value }
            report("LP bound")
            var improved = true
            var pass = 0
            while improved && remaining() > .milliseconds(500) && gapNow() > options.relativeGap {
                improved = false
                pass += 1
                for neighbourhood in neighbourhoods(catalogue, pass: pass) {
                    guard remaining() > .milliseconds(500), gapNow() > options.relativeGap else { break }
                    let activeIDs = Set(neighbourhood.map { catalogue.book.jobs[$0].id })
                    let fixedIDs = Set(catalogue.book.jobs.map(\.id)).subtracting(activeIDs)
                    let context = ScheduleState(catalogue, placing: incumbent.assignments, of: fixedIDs)
                    let sub = PlanningModel(catalogue, active: neighbourhood, context: context)
                    let solution = try solveOffering(sub.model, start: sub.start(from: incumbent, context: context),
                                                     timeLimit: min(remaining(), .seconds(10)))
                    guard solution.hasSolution else { continue }
                    let (assignments, deferred) = sub.assignments(from: solution.values)
                    let kept = incumbent.assignments.filter { !activeIDs.contains($0.job) }
                    let keptDeferred = incumbent.deferred.filter { !activeIDs.contains($0) }
                    if accept(Plan(planner: "optimal", assignments: kept + assignments, deferred: (keptDeferred + deferred).sorted())) {
                        improved = true
                        report("fix and optimise")
                    }
                }
            }
        }
        let gap = gapNow()
        if gap <= 1e-9 { status = "optimal" } else if gap <= options.relativeGap { status = "gap" }
        incumbent.assignments.sort { ($0.job, $0.stage) < ($1.job, $1.stage) }
        incumbent.solver = SolverReport(
            status: status, objective: incumbentCost.controllable, bound: bound.isFinite ? bound : 0,
            gap: gap.isFinite ? gap : 1, seconds: (ContinuousClock.now - began).seconds,
            firstPlanSeconds: firstPlan.seconds, buildSeconds: buildTime.seconds, rows: size.rows, columns: size.columns, binaries: size.binaries)
        return incumbent
    }

    /// Solves a neighbourhood's sub-MIP from the incumbent; a start that no longer fits exactly (whole-piece
    /// rounding of the fixed jobs can leave a capacity row a fraction of a piece short) is dropped rather
    /// than fatal, since the incumbent is kept anyway.
    private func solveOffering(_ model: LinearModel, start: [Double]?, timeLimit: Duration) throws -> Solution {
        do {
            return try solve(model, try SolveParameters(timeLimit: timeLimit, relativeGap: 1e-4, cuts: .all, start: start))
        } catch GLPKError.invalidStart {
            return try solve(model, try SolveParameters(timeLimit: timeLimit, relativeGap: 1e-4, cuts: .all))
        }
    }

    /// Neighbourhoods for fix-and-optimise, each at most `neighbourhoodJobs` jobs: by program (jobs that
    /// can share setups), by block (jobs that can share a hub and lots), and by due day (jobs competing for
    /// the same days), in a fixed order so that the search is deterministic.
    func neighbourhoods(_ catalogue: RouteCatalogue, pass: Int) -> [[Int]] {
        let book = catalogue.book
        let wardBlock = Dictionary(uniqueKeysWithValues: book.site.wards.map { ($0.id, $0.block) })
        var groups: [[Int]] = []
        func add(_ key: (Job) -> String) {
            let byKey = Dictionary(grouping: book.jobs.indices, by: { key(book.jobs[$0]) })
            for k in byKey.keys.sorted() {
                let members = byKey[k]!
                stride(from: 0, to: members.count, by: options.neighbourhoodJobs).forEach {
                    groups.append(Array(members[$0..<min(members.count, $0 + options.neighbourhoodJobs)]))
                }
            }
        }
        add { $0.program }
        add { wardBlock[$0.ward] ?? "" }
        add { $0.due.description }
        return groups
    }
}

/// A progress report of the optimal planner.
public struct PlannerProgress: Sendable {
    public var phase: String
    public var elapsed: Duration
    /// The incumbent's controllable cost, yen.
    public var incumbent: Double?
    /// The best proven bound on the controllable cost, yen.
    public var bound: Double?
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return max(0, incumbent - bound) / max(abs(incumbent), 1e-9)
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
