import GLPK

extension OptimalPlanner {
    /// A neighbourhood's new assignments and deferrals, from its sub-MIP.
    typealias Replacement = (assignments: [Assignment], deferred: [String])

    /// Re-solves the jobs of `neighbourhood` (indices into the book) with every other job fixed as `plan` has it,
    /// starting from `plan`. Returns the whole plan with the neighbourhood re-solved, or nil when GLPK found no
    /// solution in time. With `keepRoutes` only the days may change.
    ///
    /// With `integerPieces` the daily pieces are integer variables, so the result is a solution of the whole
    /// model with whole pieces as it stands (rather than rounded afterwards).
    ///
    /// The residual survey's what-ifs use it; the fix-and-optimise search calls the core below with the context
    /// from its ``PlanLedger``.
    static func reoptimise(_ catalogue: RouteCatalogue, _ plan: Plan, neighbourhood: [Int], keepRoutes: Bool = false,
                           integerPieces: Bool = false, nodes: Int, iterations: Int? = nil, timeLimit: Duration) throws -> Plan? {
        let activeIDs = Set(neighbourhood.map { catalogue.book.jobs[$0].id })
        let fixedIDs = Set(catalogue.book.jobs.map(\.id)).subtracting(activeIDs)
        let context = ScheduleState(catalogue, placing: plan.assignments, of: fixedIDs)
        guard let (assignments, deferred) = try reoptimise(catalogue, context: context, current: plan, neighbourhood: neighbourhood,
                                                           keepRoutes: keepRoutes, integerPieces: integerPieces,
                                                           nodes: nodes, iterations: iterations, timeLimit: timeLimit)
        else { return nil }
        let kept = plan.assignments.filter { !activeIDs.contains($0.job) }
        let keptDeferred = plan.deferred.filter { !activeIDs.contains($0) }
        return Plan(planner: plan.planner, assignments: kept + assignments, deferred: (keptDeferred + deferred).sorted())
    }

    /// The core of ``reoptimise(_:_:neighbourhood:keepRoutes:integerPieces:nodes:timeLimit:)``: re-solves the
    /// neighbourhood given what the other jobs use (`context`), starting from `current` (whose assignments and
    /// deferrals of the neighbourhood's jobs are read; it may hold only those). Returns the neighbourhood's new
    /// assignments and deferrals.
    static func reoptimise(_ catalogue: RouteCatalogue, context: ScheduleState, current: Plan, neighbourhood: [Int],
                           keepRoutes: Bool, integerPieces: Bool, nodes: Int, iterations: Int? = nil, timeLimit: Duration)
        throws -> Replacement? {
        // With routes kept, the model has only the routes kept, not every candidate fixed at zero.
        let candidates = keepRoutes ? catalogue.keepingRoutes(of: neighbourhood, as: current) : catalogue
        var sub = PlanningModel(candidates, active: neighbourhood, context: context, integerPieces: integerPieces)
        let start = sub.start(from: current, context: context)
        if let start { sub.fitCapacities(to: start) }
        if keepRoutes, let start { sub.fixRoutes(as: start) }
        let (solution, _) = try solveOffering(sub.model, start: start, nodes: nodes, iterations: iterations, timeLimit: timeLimit)
        guard solution.hasSolution else { return nil }
        return sub.assignments(from: solution.values)
    }

    /// Branch and cut from a plan's values, for a neighbourhood's sub-MIP and for the whole model of a small week. A
    /// start that does not fit exactly is dropped rather than fatal, since the plan it came from is kept anyway;
    /// `startUsed` then says the solve went on without it, and its bound is no bound on that plan. (A sub-MIP's
    /// capacity rows are first fitted to its start, ``PlanningModel/fitCapacities(to:)``, so whole-piece rounding no
    /// longer drops it; the whole model of a small week has no such fit.)
    ///
    /// A sub-MIP stops after `nodes` subproblems or `iterations` simplex iterations, so the search takes the same
    /// path on every run; the time limit only guards the overall deadline.
    static func solveOffering(_ model: LinearModel, start: [Double]?, relativeGap: Double = 1e-4,
                              cuts: SolveParameters.CutFamilies = .all, nodes: Int? = nil,
                              iterations: Int? = nil, timeLimit: Duration, progress: (@Sendable (SolveParameters.Progress) -> Void)? = nil)
        throws -> (solution: Solution, startUsed: Bool) {
        do {
            return (try solve(model, try SolveParameters(timeLimit: timeLimit, relativeGap: relativeGap, cuts: cuts,
                                                         nodeLimit: nodes, iterationLimit: iterations, start: start, progress: progress)), start != nil)
        } catch GLPKError.invalidStart {
            return (try solve(model, try SolveParameters(timeLimit: timeLimit, relativeGap: relativeGap, cuts: cuts,
                                                         nodeLimit: nodes, iterationLimit: iterations, progress: progress)), false)
        }
    }
}
