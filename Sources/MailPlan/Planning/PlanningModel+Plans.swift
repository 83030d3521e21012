import GLPK

extension PlanningModel {
    /// The variable values that represent `plan` for the active jobs, or nil when the plan uses a route that
    /// is not a candidate (then it cannot be offered as a start).
    func start(from plan: Plan, context: ScheduleState) -> [Double]? {
        let book = catalogue.book
        var values = [Double](repeating: 0, count: model.variableCount)
        let deferred = Set(plan.deferred)
        var byJob: [String: [Stage: Assignment]] = [:]
        for assignment in plan.assignments { byJob[assignment.job, default: [:]][assignment.stage] = assignment }
        var activeHours: [DayKey: Double] = [:]
        var lotVolume: [ScheduleState.LotKey: Double] = [:]
        var vendorsUsed: Set<Int> = []
        for j in active {
            let job = book.jobs[j]
            if deferred.contains(job.id) {
                values[deferVariables[j]!.index] = 1
                continue
            }
            guard let stages = byJob[job.id],
                  let routeIndex = catalogue.candidateIndex(j, resource: { stages[$0]?.resource }) else { return nil }
            values[routeVariables[j]![routeIndex].index] = 1
            for (k, stage) in job.stages.enumerated() {
                let r = catalogue.routes[j][routeIndex].resources[k]
                let resource = catalogue.resources[r]
                for (day, pieces) in stages[stage]!.days {
                    guard let d = catalogue.horizon.index(of: day),
                          let q = flows[FlowKey(job: j, stage: k, resource: r, day: d)] else { return nil }
                    values[q.index] += Double(pieces)
                    activeHours[DayKey(resource: r, day: d), default: 0] +=
                        resource.kind == .vendor ? Double(pieces) : Double(pieces) / (resource.rates[stage] ?? 1)
                    if let y = setupVariables[SetupKey(group: job.setupGroup, resource: r, day: d)], values[y.index] == 0 {
                        values[y.index] = 1
                        activeHours[DayKey(resource: r, day: d), default: 0] += resource.setupMinutes / 60
                    }
                    if stage == .dispatch,
                       let mailClass = catalogue.mailClasses[j] {
                        lotVolume[ScheduleState.LotKey(mailClass: mailClass.id, site: resource.site, day: d), default: 0] += Double(pieces)
                    }
                    if resource.kind == .vendor { vendorsUsed.insert(r) }
                }
            }
        }
        for (r, v) in vendorVariables where vendorsUsed.contains(r) { values[v.index] = 1 }
        for (key, o) in overtimeVariables {
            let room = capacityRoom(key, context)
            values[o.index] = min(room.overtime, max(0, (activeHours[key] ?? 0) - room.regular))
        }
        for (key, entries) in lotTiers {
            let volume = (lotVolume[key] ?? 0) + Double(context.lots[key] ?? 0)
            guard let best = entries.indices.last(where: { volume >= Double(entries[$0].tier.minPieces) }) else { continue }
            values[entries[best].volume.index] = volume
            values[entries[best].chosen.index] = 1
        }
        return values
    }

    /// The hours a resource-day has left for the active jobs, split into the desk's regular hours and the
    /// overtime the policy allows: the other jobs in `context` use regular hours first, so when they already run
    /// into overtime every hour left is overtime, and only what they left of it. A plan rounded to whole pieces
    /// can overrun a day by a fraction of a piece; then no room is left.
    func capacityRoom(_ key: DayKey, _ context: ScheduleState) -> (regular: Double, overtime: Double) {
        let resource = catalogue.resources[key.resource]
        let left = max(0, context.remaining[key.resource][key.day])
        let overtime = PlanEvaluator.allowsOvertime(resource.kind) ? catalogue.book.site.policy.overtimeHoursPerDay : 0
        return (max(0, left - overtime), min(overtime, left))
    }

    /// Raises each capacity row that `start` overruns to what it uses. A plan rounded to whole pieces can overrun a
    /// resource-day by a fraction of a piece (the evaluator's tolerance); without this its start would not fit its
    /// own neighbourhood's model, and the sub-MIP would lose it, or be infeasible where the overrun is in other
    /// jobs' hours. A row is never raised above what the start already uses there.
    mutating func fitCapacities(to start: [Double]) {
        let activities = model.activities(of: start)
        for row in capacityRows where activities[row.index] > model.bounds(of: row).upper {
            model.setBounds(row, .atMost(activities[row.index]))
        }
    }

    /// Fixes every route and deferral binary to its value in `start`, leaving only the days free.
    mutating func fixRoutes(as start: [Double]) {
        for j in active {
            for x in routeVariables[j]! + [deferVariables[j]!] {
                model.setBounds(x, lower: start[x.index], upper: start[x.index])
            }
        }
    }

    /// The assignments and deferrals of the active jobs in a solution, with pieces rounded to whole pieces
    /// by rounding cumulative amounts, which keeps every stage behind its predecessor.
    func assignments(from values: [Double]) -> (assignments: [Assignment], deferred: [String]) {
        let book = catalogue.book
        let days = catalogue.horizon.days.count
        var assignments: [Assignment] = []
        var deferred: [String] = []
        for j in active {
            let job = book.jobs[j]
            let xs = routeVariables[j]!
            guard let best = xs.indices.max(by: { values[xs[$0].index] < values[xs[$1].index] }),
                  values[xs[best].index] > 0.5 else {
                deferred.append(job.id)
                continue
            }
            let route = catalogue.routes[j][best]
            var previous: [Int]?
            for (k, stage) in job.stages.enumerated() {
                let r = route.resources[k]
                let lag = k > 0 ? catalogue.lag(route, into: k) : 0
                var cumulative = [Int](repeating: 0, count: days)
                var running = 0.0
                for d in 0..<days {
                    running += flows[FlowKey(job: j, stage: k, resource: r, day: d)].map { values[$0.index] } ?? 0
                    var whole = min(job.pieces, Int(running.rounded()))
                    if d > 0 { whole = max(whole, cumulative[d - 1]) }
                    if let previous { whole = min(whole, d - lag >= 0 ? previous[d - lag] : 0) }
                    cumulative[d] = whole
                }
                cumulative[days - 1] = job.pieces
                var perDay: [CivilDate: Int] = [:]
                for d in 0..<days {
                    let pieces = cumulative[d] - (d > 0 ? cumulative[d - 1] : 0)
                    if pieces > 0 { perDay[catalogue.horizon.days[d]] = pieces }
                }
                assignments.append(Assignment(job: job.id, stage: stage, resource: catalogue.resources[r].id, days: perDay))
                previous = cumulative
            }
        }
        return (assignments, deferred)
    }
}

extension ScheduleState {
    /// The state after placing the given assignments (the fixed part of a neighbourhood search).
    init(_ catalogue: RouteCatalogue, placing assignments: [Assignment], of jobs: Set<String>) {
        self.init(catalogue)
        let resourceIndex = catalogue.resourceIndex
        var byJob: [String: [Stage: Assignment]] = [:]
        for assignment in assignments where jobs.contains(assignment.job) {
            byJob[assignment.job, default: [:]][assignment.stage] = assignment
        }
        for job in catalogue.book.jobs {
            guard let stages = byJob[job.id] else { continue }
            let route = Route(resources: job.stages.map { resourceIndex[stages[$0]!.resource]! })
            let plans = job.stages.map { stage in
                Dictionary(uniqueKeysWithValues: stages[stage]!.days.map { (catalogue.horizon.index(of: $0.key)!, $0.value) })
            }
            commit(job, route, plans)
        }
    }
}
