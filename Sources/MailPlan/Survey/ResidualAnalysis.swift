/// Finds the residual jobs of a plan and derives each reason code from evidence: the rules that block the shared
/// resources of a local stage, the lags of the consolidated routes against the due day, the room the plan leaves
/// on those routes, the cost of the best consolidated route against the local one, and the planned hand-offs.
struct ResidualAnalysis {
    let catalogue: RouteCatalogue
    let plan: Plan
    private let byJob: [String: [Stage: Assignment]]
    /// The jobs the plan puts on each resource: a vendor's weekly charge is part of a job's cost only when no other
    /// job of the plan pays it.
    private let users: [String: Set<String>]

    init(_ catalogue: RouteCatalogue, _ plan: Plan) {
        self.catalogue = catalogue
        self.plan = plan
        var byJob: [String: [Stage: Assignment]] = [:]
        for assignment in plan.assignments { byJob[assignment.job, default: [:]][assignment.stage] = assignment }
        self.byJob = byJob
        users = plan.assignments.reduce(into: [:]) { $0[$1.resource, default: []].insert($1.job) }
    }

    /// The residual record of job `j`, or nil when the plan keeps none of its stages on a ward desk (or defers it).
    func residual(_ j: Int) -> ResidualJob? {
        let book = catalogue.book
        let site = book.site
        let resources = catalogue.resources
        let job = book.jobs[j]
        guard let stages = byJob[job.id] else { return nil }
        var route: [Int] = []
        for stage in job.stages {
            guard let id = stages[stage]?.resource, let r = catalogue.resourceIndex[id] else { return nil }
            route.append(r)
        }
        let local = job.stages.indices.filter { resources[route[$0]].kind == .ward }
        guard !local.isEmpty else { return nil }

        // Per stage, the resources of a consolidated route. A local stage moves to any shared resource that does
        // the stage for this ward and program; when every such resource is blocked, the rules that block them are
        // the job's structural reasons, and the alternative is costed with them lifted.
        var lifted: Set<Blocker> = []
        var options: [[Int]] = []
        for (k, stage) in job.stages.enumerated() {
            let shared = resources.indices.filter { r in
                resources[r].kind != .ward
                    && site.blockers(resources[r], job, stage).allSatisfy { ReasonCode.liftable[$0] != nil }
            }
            let open = shared.filter { site.can(resources[$0], do: stage, of: job) }
            if !local.contains(k) {
                options.append(open.isEmpty ? [route[k]] : open)
            } else if !open.isEmpty {
                options.append(open)
            } else if !shared.isEmpty {
                shared.forEach { lifted.formUnion(site.blockers(resources[$0], job, stage)) }
                options.append(shared)
            } else {
                options.append([route[k]])  // no shared resource does this stage here at all
            }
        }
        let movable = local.filter { resources[options[$0][0]].kind != .ward }

        var reasons = Set(lifted.compactMap { ReasonCode.liftable[$0] })
        let handoffs = Self.handoffs(route, site, resources)
        if handoffs >= 2 { reasons.insert(.handoffs) }

        var alternative: (route: [Int], cost: Double)?
        if !movable.isEmpty {
            var consolidated: [(route: [Int], cost: Double)] = []
            RouteCatalogue.enumerate(options, prefix: []) { consolidated.append(($0, standaloneCost($0, job))) }
            consolidated.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.route.lexicographicallyPrecedes($1.route) }
            alternative = consolidated.first
            let localCost = standaloneCost(route, job)
            if let best = consolidated.first, best.cost >= localCost * (1 - 1e-9) { reasons.insert(.smallLot) }
            let onTime = consolidated.filter { finishesOnTime($0.route, job) }
            if onTime.isEmpty {
                if finishesOnTime(route, job) { reasons.insert(.deadline) }
            } else if !hasRoom(onTime.prefix(20).map(\.route), job) {
                reasons.insert(.capacity)
            }
        }

        let localCost = standaloneCost(route, job)
        let pieces = Double(job.pieces)
        var flags: [InefficiencyFlag] = []
        if let alternative, localCost > site.policy.residualCostFactor * alternative.cost { flags.append(.cost) }
        let handPieces = local.reduce(0) { total, k in total + stages[job.stages[k]]!.days.values.reduce(0, +) }
        if handPieces > site.policy.residualManualPieces { flags.append(.manualVolume) }
        if handoffs >= 2 { flags.append(.handoffs) }
        let wardHours = local.reduce(0.0) { total, k in
            let desk = resources[route[k]], assignment = stages[job.stages[k]]!
            let processed = Double(assignment.days.values.reduce(0, +)) / (desk.rates[job.stages[k]] ?? 1)
            return total + processed + Double(assignment.days.count) * desk.setupMinutes / 60
        }
        return ResidualJob(
            job: job,
            wardName: site.wards.first { $0.id == job.ward }?.name ?? job.ward,
            programName: site.programs.first { $0.id == job.program }?.name ?? job.program,
            route: route.map { resources[$0].id },
            localStages: local.map { job.stages[$0] },
            localYenPerPiece: localCost / pieces,
            alternative: alternative?.route.map { resources[$0].id },
            alternativeYenPerPiece: alternative.map { $0.cost / pieces },
            wardStaffHours: wardHours,
            handPieces: handPieces,
            handoffs: handoffs,
            reasons: ReasonCode.allCases.filter(reasons.contains),
            flags: flags)
    }

    /// Processing of every piece, one setup per resource of the route, the hand-offs and the weekly charge of a
    /// vendor the plan does not use otherwise: the cost of the job done alone, in one run per resource.
    func standaloneCost(_ route: [Int], _ job: Job) -> Double {
        let resources = catalogue.resources
        var cost = RouteCatalogue.estimatedCost(Route(resources: route), job, catalogue.book.site, resources)
        for r in Set(route) {
            let resource = resources[r]
            if resource.kind == .vendor {
                if (users[resource.id] ?? []).subtracting([job.id]).isEmpty { cost += resource.weeklyFixedYen }
            } else {
                cost += resource.setupMinutes / 60 * resource.yenPerHour
            }
        }
        return cost
    }

    static func handoffs(_ route: [Int], _ site: Site, _ resources: [Resource]) -> Int {
        route.indices.dropFirst().count { site.transfer(from: resources[route[$0 - 1]], to: resources[route[$0]]) != nil }
    }

    /// True when the route's transfer lags alone let the job be dispatched by its due day.
    private func finishesOnTime(_ route: [Int], _ job: Job) -> Bool {
        let horizon = catalogue.horizon
        guard let ready = horizon.readyIndex(job), let due = horizon.dueIndex(job) else { return false }
        let lags = route.indices.dropFirst().reduce(0) { $0 + catalogue.lag(Route(resources: route), into: $1) }
        return ready + lags <= due
    }

    /// True when one of the routes can take the whole job by its due day in the room the plan leaves.
    private func hasRoom(_ routes: [[Int]], _ job: Job) -> Bool {
        let others = Set(catalogue.book.jobs.map(\.id)).subtracting([job.id])
        let state = ScheduleState(catalogue, placing: plan.assignments, of: others)
        guard let due = catalogue.horizon.dueIndex(job) else { return false }
        return routes.contains { route in
            guard let placed = state.place(job, Route(resources: route)), let last = placed.last?.keys.max() else { return false }
            return last <= due
        }
    }
}
