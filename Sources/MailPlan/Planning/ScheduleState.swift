/// Remaining capacity, setups, postal lots and vendors in use while jobs are placed one at a time:
/// the bookkeeping of the status-quo and greedy planners.
struct ScheduleState {
    let catalogue: RouteCatalogue
    /// Remaining hours (vendors: pieces) per resource index and day index.
    var remaining: [[Double]]
    /// Setup groups already set up per resource index and day index.
    var setups: [[Set<String>]]
    /// Pieces per postal lot key (class, site, day).
    var lots: [LotKey: Int] = [:]
    var vendorsUsed: Set<Int> = []

    struct LotKey: Hashable, Comparable {
        var mailClass: String
        var site: String
        var day: Int

        /// By class, site and day: the order models add their lot rows in.
        static func < (a: LotKey, b: LotKey) -> Bool { (a.mailClass, a.site, a.day) < (b.mailClass, b.site, b.day) }
    }

    /// Pieces of one stage per day.
    typealias StagePlan = [Int: Int]

    init(_ catalogue: RouteCatalogue) {
        self.catalogue = catalogue
        let days = catalogue.horizon.days.count
        let policy = catalogue.book.site.policy
        remaining = catalogue.resources.map { resource in
            if resource.kind == .vendor { return Array(repeating: resource.piecesPerDay ?? .infinity, count: days) }
            let overtime = PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0
            return Array(repeating: resource.hoursPerDay + overtime, count: days)
        }
        setups = catalogue.resources.map { _ in Array(repeating: [], count: days) }
    }

    /// Places a job along a route as early as possible, stage by stage, within the remaining capacity, starting
    /// on day index `start` or on the job's ready day, whichever is later. Returns the pieces per stage and day, or
    /// nil when the route cannot finish within the horizon.
    func place(_ job: Job, _ route: Route, from start: Int = 0) -> [StagePlan]? {
        guard let readyDay = catalogue.horizon.readyIndex(job) else { return nil }
        let ready = max(readyDay, start)
        let days = catalogue.horizon.days.count
        var previousCumulative: [Int]?
        var plans: [StagePlan] = []
        // Stages of one job may share a resource and a day, so the job books its own use as it goes.
        var scratch = self
        for (k, stage) in job.stages.enumerated() {
            let r = route.resources[k]
            let lag = k > 0 ? catalogue.lag(route, into: k) : 0
            var done = 0
            var plan: StagePlan = [:]
            var cumulative = [Int](repeating: 0, count: days)
            for d in ready..<days where done < job.pieces {
                let available: Int
                if let previousCumulative {
                    available = d - lag >= 0 ? previousCumulative[d - lag] - done : 0
                } else {
                    available = job.pieces - done
                }
                if available > 0 {
                    let capacity = scratch.capacityPieces(r, d, job, stage)
                    let pieces = min(available, capacity)
                    if pieces > 0 {
                        plan[d] = pieces
                        done += pieces
                        scratch.book(r, d, job, stage, pieces)
                    }
                }
                cumulative[d] = done
            }
            guard done == job.pieces else { return nil }
            for d in cumulative.indices.dropFirst() where cumulative[d] < cumulative[d - 1] { cumulative[d] = cumulative[d - 1] }
            previousCumulative = cumulative
            plans.append(plan)
        }
        return plans
    }

    /// Whole pieces of `stage` of `job` that fit on resource `r` on day `d`, after a setup if one is needed.
    private func capacityPieces(_ r: Int, _ d: Int, _ job: Job, _ stage: Stage) -> Int {
        let resource = catalogue.resources[r]
        if resource.kind == .vendor { return Int(remaining[r][d].rounded(.down)) }
        let setup = setups[r][d].contains(job.setupGroup) ? 0 : resource.setupMinutes / 60
        let hours = remaining[r][d] - setup
        guard hours > 0 else { return 0 }
        return Int((hours * (resource.rates[stage] ?? 0) + 1e-9).rounded(.down))
    }

    /// The cost of placing a job as `plans` given what is already placed: processing, new setups, hand-offs,
    /// a vendor's fixed charge when it is new, lateness, less the extra lot discounts it earns.
    func marginalCost(_ job: Job, _ route: Route, _ plans: [StagePlan]) -> Double {
        let site = catalogue.book.site
        var cost = 0.0
        for (k, stage) in job.stages.enumerated() {
            let r = route.resources[k]
            let resource = catalogue.resources[r]
            if k > 0 { cost += site.transfer(from: catalogue.resources[route.resources[k - 1]], to: resource)?.handoffYen ?? 0 }
            if resource.kind == .vendor && !vendorsUsed.contains(r) { cost += resource.weeklyFixedYen }
            for (d, pieces) in plans[k] {
                cost += Double(pieces) * RouteCatalogue.unitCost(resource, stage)
                if resource.kind != .vendor && !setups[r][d].contains(job.setupGroup) {
                    cost += resource.setupMinutes / 60 * resource.yenPerHour
                }
                if stage == job.stages.last {
                    cost += site.policy.latenessYenPerPieceDay * Double(catalogue.horizon.daysLate(job, d) * pieces)
                }
                if stage == .dispatch, let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams) {
                    let key = LotKey(mailClass: mailClass.id, site: resource.site, day: d)
                    let before = lots[key] ?? 0
                    cost -= Self.discount(mailClass, before + pieces) - Self.discount(mailClass, before)
                }
            }
        }
        return cost
    }

    static func discount(_ mailClass: MailClass, _ pieces: Int) -> Double {
        (mailClass.tier(forLot: Double(pieces))?.discount ?? 0) * mailClass.priceYen * Double(pieces)
    }

    /// Books a placement: capacity, setups, lots and vendors.
    mutating func commit(_ job: Job, _ route: Route, _ plans: [StagePlan]) {
        let site = catalogue.book.site
        for (k, stage) in job.stages.enumerated() {
            let r = route.resources[k]
            let resource = catalogue.resources[r]
            if resource.kind == .vendor { vendorsUsed.insert(r) }
            for (d, pieces) in plans[k] {
                book(r, d, job, stage, pieces)
                if stage == .dispatch, let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams) {
                    lots[LotKey(mailClass: mailClass.id, site: resource.site, day: d), default: 0] += pieces
                }
            }
        }
    }

    /// Books the capacity and setup of `pieces` of a stage on resource `r` and day `d`.
    private mutating func book(_ r: Int, _ d: Int, _ job: Job, _ stage: Stage, _ pieces: Int) {
        let resource = catalogue.resources[r]
        if resource.kind == .vendor {
            remaining[r][d] -= Double(pieces)
            return
        }
        if !setups[r][d].contains(job.setupGroup) {
            remaining[r][d] -= resource.setupMinutes / 60
            setups[r][d].insert(job.setupGroup)
        }
        remaining[r][d] -= Double(pieces) / (resource.rates[stage] ?? 1)
    }

    /// The assignments of a placed job, for a ``Plan``.
    func assignments(_ job: Job, _ route: Route, _ plans: [StagePlan]) -> [Assignment] {
        job.stages.enumerated().map { k, stage in
            Assignment(job: job.id, stage: stage, resource: catalogue.resources[route.resources[k]].id,
                       days: Dictionary(uniqueKeysWithValues: plans[k].map { (catalogue.horizon.days[$0.key], $0.value) }))
        }
    }
}
