/// The two rule-based planners: the status quo and a greedy consolidation.
public enum HeuristicPlanners {
    /// Jobs in the order a scheduler would take them: earliest due first, then larger first, then by id.
    static func priorityOrder(_ jobs: [Job]) -> [Int] {
        jobs.indices.sorted { a, b in
            let (x, y) = (jobs[a], jobs[b])
            if x.due != y.due { return x.due < y.due }
            if x.pieces != y.pieces { return x.pieces > y.pieces }
            return x.id < y.id
        }
    }

    /// Each stage where the job's `current` column says it is done today, scheduled as early as possible.
    /// A job whose status-quo route cannot finish within the horizon is deferred.
    public static func statusQuo(_ catalogue: RouteCatalogue) -> Plan {
        var state = ScheduleState(catalogue)
        var assignments: [Assignment] = []
        var deferred: [String] = []
        for j in priorityOrder(catalogue.book.jobs) {
            let job = catalogue.book.jobs[j]
            guard let route = catalogue.statusQuo[j], let plans = state.place(job, route) else {
                deferred.append(job.id)
                continue
            }
            state.commit(job, route, plans)
            assignments += state.assignments(job, route, plans)
        }
        return Plan(planner: "status-quo", assignments: assignments, deferred: deferred.sorted())
    }

    /// What a careful person would do by hand: take the jobs by due day, and put each on the candidate route
    /// that adds the least cost given what is already placed (processing, setups it cannot share, hand-offs,
    /// a vendor's fixed charge, lateness, less the postal discount its pieces add to a lot). When the result
    /// costs more than the status quo, the status quo is kept: nobody would consolidate at a loss.
    public static func greedy(_ catalogue: RouteCatalogue) -> Plan {
        var state = ScheduleState(catalogue)
        var assignments: [Assignment] = []
        var deferred: [String] = []
        for j in priorityOrder(catalogue.book.jobs) {
            let job = catalogue.book.jobs[j]
            var best: (cost: Double, route: Route, plans: [ScheduleState.StagePlan])?
            for route in catalogue.routes[j] {
                guard let plans = state.place(job, route) else { continue }
                let cost = state.marginalCost(job, route, plans)
                if best == nil || cost < best!.cost - 1e-9 { best = (cost, route, plans) }
            }
            guard let best else {
                deferred.append(job.id)
                continue
            }
            state.commit(job, best.route, best.plans)
            assignments += state.assignments(job, best.route, best.plans)
        }
        let greedy = Plan(planner: "greedy", assignments: assignments, deferred: deferred.sorted())
        var status = statusQuo(catalogue)
        let evaluator = PlanEvaluator(catalogue.book)
        if evaluator.evaluate(status).cost.total < evaluator.evaluate(greedy).cost.total {
            status.planner = "greedy"
            return status
        }
        return greedy
    }
}
