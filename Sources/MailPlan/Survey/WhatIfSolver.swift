/// Re-solves one flagged residual job with its blocking rules lifted and its local stages moved off the ward desk,
/// against a control re-solved over the same neighbourhood with the job kept on its planned route, so that the
/// saving is the cost difference of two plans that differ only in where that job is done.
struct WhatIfSolver {
    let catalogue: RouteCatalogue
    let plan: Plan
    let options: ResidualSurvey.Options

    /// Candidate routes of the moved job in a what-if.
    static let whatIfRoutes = 64

    /// The what-if of `residual`, or nil when it has no stage a shared resource could take or GLPK found no plan.
    func solve(_ residual: ResidualJob) throws -> WhatIf? {
        let book = catalogue.book
        guard let alternative = residual.alternative,
              let j = book.jobs.firstIndex(where: { $0.id == residual.job.id }) else { return nil }
        let job = book.jobs[j]
        let deskIDs = Set(catalogue.resources.filter { $0.kind == .ward }.map(\.id))
        let moved = job.stages.indices.filter { residual.localStages.contains(job.stages[$0]) && !deskIDs.contains(alternative[$0]) }
            .map { job.stages[$0] }
        guard !moved.isEmpty else { return nil }
        let lifted = residual.reasons.filter { $0.blocker != nil }

        var changedBook = book
        changedBook.site.scenario.waived[job.id] = Set(lifted.compactMap(\.blocker))
        changedBook.site.scenario.offWardDesk[job.id] = Set(moved)
        // Every consolidated route is a candidate: the cheapest few may all be full.
        let changedCatalogue = catalogue.replacing(changedBook, changed: [j], maximumRoutes: Self.whatIfRoutes)

        let neighbourhood = [j] + neighbours(of: j, along: alternative)
        let evaluator = PlanEvaluator(book)
        // The survey's plan is valid (its caller checked it); a what-if's own plans are checked as they are made, since
        // a saving is only as good as its plans: a plan that breaks a rule is a defect, never a figure.
        let base = evaluator.evaluate(plan)
        // The control keeps the job on its planned route (its days may move), so that neither plan gains from
        // moving it under the site's rules and the difference is the value of moving it alone.
        let planned = Route(resources: residual.route.map { catalogue.resourceIndex[$0]! })
        var (control, controlEvaluation) = (plan, base)
        if let (resolved, evaluation) = try resolve(catalogue.restricting(j, to: planned), plan, neighbourhood, evaluator,
                                                     maker: "what-if control of \(job.id)"),
           evaluation.cost.total <= base.cost.total {
            (control, controlEvaluation) = (resolved, evaluation)
        }
        // Start from the control with the job deferred: always a plan of the changed rules.
        var start = control
        start.assignments.removeAll { $0.job == job.id }
        start.deferred = (start.deferred + [job.id]).sorted()
        guard let (changed, changedEvaluation) = try resolve(changedCatalogue, start, neighbourhood, PlanEvaluator(changedBook),
                                                             maker: "what-if of \(job.id)")
        else { return nil }
        return WhatIf(lifted: lifted, moved: moved, neighbourhood: neighbourhood.map { book.jobs[$0].id },
                      control: control, changed: changed,
                      controlCost: controlEvaluation.cost, changedCost: changedEvaluation.cost,
                      controlWardHours: controlEvaluation.wardStaffHours, changedWardHours: changedEvaluation.wardStaffHours,
                      jobDeferred: changed.deferred.contains(job.id))
    }

    /// Re-solves `neighbourhood` from `plan` with continuous pieces, as the search does, and again with whole pieces
    /// when rounding the first put a piece more on a full day than its capacity allows. Whole pieces every time
    /// cost the Osaka week's survey a third more time and, within the node limit, lower savings on 70 of its 83
    /// what-ifs (Benchmarks/RESULTS.md, seventeenth session). See ``resolving(_:maker:_:)``.
    private func resolve(_ catalogue: RouteCatalogue, _ plan: Plan, _ neighbourhood: [Int], _ evaluator: PlanEvaluator,
                         maker: String) throws -> (plan: Plan, evaluation: PlanEvaluation)? {
        try Self.resolving(evaluator, maker: maker) { integerPieces in
            try OptimalPlanner.reoptimise(catalogue, plan, neighbourhood: neighbourhood, integerPieces: integerPieces,
                                          nodes: options.nodes, timeLimit: options.timeLimit)
        }
    }

    /// The plan `solve` makes with continuous pieces when it breaks no rule, else the one it makes with whole pieces,
    /// checked (a plan that still breaks a rule throws ``PlanDefect`` in the name of `maker`); nil when either solve
    /// that is needed finds no plan.
    static func resolving(_ evaluator: PlanEvaluator, maker: String, _ solve: (_ integerPieces: Bool) throws -> Plan?)
        throws -> (plan: Plan, evaluation: PlanEvaluation)? {
        guard let resolved = try solve(false) else { return nil }
        let evaluation = evaluator.evaluate(resolved)
        if evaluation.violations.isEmpty { return (resolved, evaluation) }
        guard let whole = try solve(true) else { return nil }
        return (whole, try evaluator.checked(whole, maker: maker))
    }

    /// The jobs the moved job would meet: those the plan puts on a resource of its alternative route, jobs that
    /// can share its setups first, then by closeness of due day; at most `neighbourhoodJobs − 1`.
    private func neighbours(of j: Int, along alternative: [String]) -> [Int] {
        let jobs = catalogue.book.jobs
        let job = jobs[j]
        let index = Dictionary(uniqueKeysWithValues: jobs.enumerated().map { ($1.id, $0) })
        let resources = Set(alternative)
        let meeting = Set(plan.assignments.filter { resources.contains($0.resource) && $0.job != job.id }.compactMap { index[$0.job] })
        func key(_ i: Int) -> (Int, Int, Int) {
            (jobs[i].setupGroup == job.setupGroup ? 0 : 1, abs(job.due.dayNumber - jobs[i].due.dayNumber), i)
        }
        let ordered = meeting.sorted { key($0) < key($1) }
        return Array(ordered.prefix(max(0, options.neighbourhoodJobs - 1)))
    }
}
