/// The incumbent of the fix-and-optimise search, kept job by job with what it uses per resource, day and postal
/// lot, so that replacing a neighbourhood's jobs costs work in proportion to the neighbourhood rather than to the
/// week. The cost change comes from the jobs replaced and the resource-days, lots and vendors they touch; a
/// neighbourhood's context (what every other job uses) comes from the same counts.
///
/// Its cost is ``PlanEvaluator``'s, term by term: per job its processing, hand-offs and lateness (or the deferral
/// price); per resource and day its setups and overtime; per vendor its weekly charge; per lot its discount. The
/// evaluator stays the judge of the plan the planner returns. At 6,000 jobs the search thread spent three quarters
/// of its time re-evaluating whole plans and replaying every fixed job into a ``ScheduleState``.
struct PlanLedger {
    /// One stage of a placed job: its position in the job's stages, its resource (index) and its pieces per day
    /// (day index, pieces), days without pieces left out.
    struct Placement {
        var position: Int
        var resource: Int
        var days: [(day: Int, pieces: Int)]
    }

    /// What a neighbourhood's jobs had before a replacement, to put back with ``restore(_:)``.
    struct Snapshot {
        fileprivate var jobs: [Int]
        fileprivate var placements: [[Placement]?]
        fileprivate var controllable: Double
    }

    let catalogue: RouteCatalogue
    /// Each job's stages, nil when the job is deferred.
    private var placements: [[Placement]?]
    /// The plan's controllable cost (the total less gross postage), yen.
    private(set) var controllable: Double

    private var jobCosts: [Double]
    /// Pieces per resource, day and stage order (extract, insert, dispatch).
    private var pieces: [[[Int]]]
    /// Job stages with pieces per setup group, per resource and day (resources that set up).
    private var groups: [[[String: Int]]]
    /// Per resource and day, the hours of one piece of each job stage with pieces there: the evaluator's allowance
    /// for pieces rounded to whole ones (none for vendors, whose capacity counts whole pieces).
    private var roundingSlack: [[Double]]
    private var lots: [ScheduleState.LotKey: Int] = [:]
    /// Job stages placed per resource (counted for vendors, whose weekly charge is due when any is used; every
    /// job has at least one piece, so a placed stage has pieces).
    private var stagesOn: [Int]
    private let mailClasses: [MailClass?]
    /// The tariff's classes by id, for the lots' discounts.
    private let classes: [String: MailClass]
    private let weeklyCharge: [Double]

    /// The ledger of `plan`, whose cost the evaluator would give (a job neither assigned nor deferred counts as
    /// deferred, which the search never produces).
    init(_ catalogue: RouteCatalogue, plan: Plan) {
        self.catalogue = catalogue
        let book = catalogue.book
        let days = catalogue.horizon.days.count
        mailClasses = book.jobs.indices.map { j in book.jobs[j].stages.contains(.dispatch) ? catalogue.mailClasses[j] : nil }
        classes = Dictionary(book.site.tariff.classes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shared = Set(book.site.sharedResources.map(\.id))
        weeklyCharge = catalogue.resources.map { $0.kind == .vendor && shared.contains($0.id) ? $0.weeklyFixedYen : 0 }
        placements = Array(repeating: nil, count: book.jobs.count)
        jobCosts = Array(repeating: 0, count: book.jobs.count)
        pieces = catalogue.resources.map { _ in Array(repeating: [0, 0, 0], count: days) }
        groups = catalogue.resources.map { _ in Array(repeating: [:], count: days) }
        roundingSlack = catalogue.resources.map { _ in Array(repeating: 0, count: days) }
        stagesOn = Array(repeating: 0, count: catalogue.resources.count)
        controllable = 0
        let everyone = Array(book.jobs.indices)
        placements = Self.placements(of: everyone, plan.assignments, deferred: plan.deferred, catalogue: catalogue)
        for j in everyone { tally(j, sign: 1) }
        controllable = jobCosts.reduce(0, +) + sharedCost(keys(of: everyone))
    }

    /// The route job `j` takes, nil when it is deferred.
    func route(of j: Int) -> Route? {
        placements[j].map { Route(resources: $0.sorted { $0.position < $1.position }.map(\.resource)) }
    }

    /// The plan as ``Plan`` assignments and deferrals (job order, stage order).
    var plan: Plan {
        plan(of: Array(catalogue.book.jobs.indices))
    }

    /// The assignments and deferrals of some jobs only: what a neighbourhood's sub-MIP starts from.
    func plan(of jobs: [Int]) -> Plan {
        let book = catalogue.book
        var assignments: [Assignment] = []
        var deferred: [String] = []
        for j in jobs {
            let job = book.jobs[j]
            guard let stages = placements[j] else {
                deferred.append(job.id)
                continue
            }
            for placement in stages {
                assignments.append(Assignment(
                    job: job.id, stage: job.stages[placement.position], resource: catalogue.resources[placement.resource].id,
                    days: Dictionary(uniqueKeysWithValues: placement.days.map { (catalogue.horizon.days[$0.day], $0.pieces) })))
            }
        }
        return Plan(planner: "optimal", assignments: assignments, deferred: deferred.sorted())
    }

    /// What every job outside `jobs` uses: the fixed part of a neighbourhood's sub-MIP, as
    /// `ScheduleState(catalogue, placing:of:)` would build it from the whole plan.
    func context(excluding jobs: [Int]) -> ScheduleState {
        var state = ScheduleState(catalogue)
        var minus: [PlanningModel.DayKey: [Int]] = [:]
        var minusGroups: [PlanningModel.DayKey: [String: Int]] = [:]
        var minusLots: [ScheduleState.LotKey: Int] = [:]
        var minusStages: [Int: Int] = [:]
        for j in jobs {
            let job = catalogue.book.jobs[j]
            for placement in placements[j] ?? [] {
                minusStages[placement.resource, default: 0] += 1
                for (d, n) in placement.days {
                    let key = PlanningModel.DayKey(resource: placement.resource, day: d)
                    minus[key, default: [0, 0, 0]][job.stages[placement.position].order] += n
                    minusGroups[key, default: [:]][job.setupGroup, default: 0] += 1
                    if let lot = lotKey(j, placement, day: d) { minusLots[lot, default: 0] += n }
                }
            }
        }
        for (r, resource) in catalogue.resources.enumerated() {
            for d in state.remaining[r].indices {
                let key = PlanningModel.DayKey(resource: r, day: d)
                let hours = used(key, less: minus[key] ?? [0, 0, 0])
                guard resource.kind != .vendor else {
                    state.remaining[r][d] -= hours
                    continue
                }
                let removedGroups = minusGroups[key] ?? [:]
                let setups = Set(groups[r][d].compactMap { group, count in count - (removedGroups[group] ?? 0) > 0 ? group : nil })
                state.setups[r][d] = setups
                state.remaining[r][d] -= hours + Double(setups.count) * resource.setupMinutes / 60
            }
        }
        state.lots = lots
        for (key, n) in minusLots {
            let left = (lots[key] ?? 0) - n
            state.lots[key] = left > 0 ? left : nil
        }
        state.vendorsUsed = Set(stagesOn.indices.filter { r in
            catalogue.resources[r].kind == .vendor && stagesOn[r] - (minusStages[r] ?? 0) > 0
        })
        return state
    }

    /// Replaces the assignments and deferrals of `jobs` (each of them is in one or the other) and returns what
    /// they were. The cost changes by what the jobs cost and by what the resource-days, lots and vendors they touch,
    /// before or after, cost.
    mutating func replace(_ jobs: [Int], with assignments: [Assignment], deferred: [String]) -> Snapshot {
        replace(jobs, placedAs: Self.placements(of: jobs, assignments, deferred: deferred, catalogue: catalogue))
    }

    /// Replaces the placements of `jobs` (nil: deferred) and returns what they were.
    mutating func replace(_ jobs: [Int], placedAs placed: [[Placement]?]) -> Snapshot {
        let snapshot = Snapshot(jobs: jobs, placements: jobs.map { placements[$0] }, controllable: controllable)
        replace(jobs, by: placed)
        return snapshot
    }

    /// The placements of a job placed along `route` as `plans` (``ScheduleState/place(_:_:from:)``), as
    /// ``replace(_:with:deferred:)`` would read them from the job's assignments.
    static func placements(_ route: Route, _ plans: [ScheduleState.StagePlan]) -> [Placement] {
        plans.enumerated().map { k, plan in
            Placement(position: k, resource: route.resources[k],
                      days: plan.filter { $0.value > 0 }.map { (day: $0.key, pieces: $0.value) }.sorted { $0.day < $1.day })
        }
    }

    /// Replaces `jobs` as ``replace(_:with:deferred:)`` does and keeps the replacement only when it lowers the
    /// cost (by more than 1e-6 yen) and every resource-day it uses stays within its capacity; says whether it did.
    ///
    /// A sub-MIP's pieces are rounded to whole pieces job by job, which can put a piece more on a day than the
    /// sub-MIP had: beyond a vendor's pieces per day, or beyond the evaluator's allowance of one piece per job
    /// stage on an hours resource. Such a plan would break DESIGN §5, so it is not kept.
    mutating func replaceIfCheaper(_ jobs: [Int], with assignments: [Assignment], deferred: [String]) -> Bool {
        let before = controllable
        let previous = replace(jobs, with: assignments, deferred: deferred)
        guard controllable < before - 1e-6, keys(of: jobs).days.allSatisfy(withinCapacity) else {
            restore(previous)
            return false
        }
        return true
    }

    /// Whether a resource-day's pieces and setups fit its capacity by the evaluator's rule
    /// (``PlanEvaluator/capacityLimit(_:policy:roundingSlack:tolerance:)``), with half its float tolerance.
    func withinCapacity(_ key: PlanningModel.DayKey) -> Bool {
        let resource = catalogue.resources[key.resource]
        let setupHours = resource.kind == .vendor ? 0 : Double(groups[key.resource][key.day].count) * resource.setupMinutes / 60
        return used(key) + setupHours <= PlanEvaluator.capacityLimit(resource, policy: catalogue.book.site.policy,
                                                                      roundingSlack: roundingSlack[key.resource][key.day],
                                                                      tolerance: 0.5e-6)
    }

    /// Puts back what ``replace(_:with:deferred:)`` took, with the cost it had.
    mutating func restore(_ snapshot: Snapshot) {
        replace(snapshot.jobs, by: snapshot.placements)
        controllable = snapshot.controllable
    }

    private mutating func replace(_ jobs: [Int], by new: [[Placement]?]) {
        var touched = keys(of: jobs)
        for (j, placed) in zip(jobs, new) { touched.insert(j, placed, self) }
        let before = jobs.reduce(0) { $0 + jobCosts[$1] } + sharedCost(touched)
        for j in jobs { tally(j, sign: -1) }
        for (j, placed) in zip(jobs, new) {
            placements[j] = placed
            tally(j, sign: 1)
        }
        controllable += jobs.reduce(0) { $0 + jobCosts[$1] } + sharedCost(touched) - before
    }

    // MARK: Bookkeeping

    /// Processing hours (vendors: pieces) on a resource-day, less `removed` pieces per stage order.
    private func used(_ key: PlanningModel.DayKey, less removed: [Int] = [0, 0, 0]) -> Double {
        let resource = catalogue.resources[key.resource]
        var total = 0.0
        for (s, stage) in Stage.allCases.enumerated() {
            let n = pieces[key.resource][key.day][s] - removed[s]
            guard n > 0 else { continue }
            total += resource.kind == .vendor ? Double(n) : Double(n) / (resource.rates[stage] ?? 1)
        }
        return total
    }

    /// Resource-days, lots and vendors whose shared cost a replacement can change.
    private struct TouchedKeys {
        var days: Set<PlanningModel.DayKey> = []
        var lots: Set<ScheduleState.LotKey> = []
        var vendors: Set<Int> = []

        mutating func insert(_ j: Int, _ placed: [Placement]?, _ ledger: PlanLedger) {
            for placement in placed ?? [] {
                vendors.insert(placement.resource)
                for (d, _) in placement.days {
                    days.insert(PlanningModel.DayKey(resource: placement.resource, day: d))
                    if let lot = ledger.lotKey(j, placement, day: d) { lots.insert(lot) }
                }
            }
        }
    }

    private func keys(of jobs: [Int]) -> TouchedKeys {
        var keys = TouchedKeys()
        for j in jobs { keys.insert(j, placements[j], self) }
        return keys
    }

    /// The lot a dispatch placement's pieces of day `day` join; nil for other stages and unclassed pieces.
    private func lotKey(_ j: Int, _ placement: Placement, day: Int) -> ScheduleState.LotKey? {
        guard let mailClass = mailClasses[j], catalogue.book.jobs[j].stages[placement.position] == .dispatch else { return nil }
        return ScheduleState.LotKey(mailClass: mailClass.id, site: catalogue.resources[placement.resource].site, day: day)
    }

    /// Adds (`sign` 1) or removes (−1) job `j`'s placements from the counts, and sets its own cost.
    private mutating func tally(_ j: Int, sign: Int) {
        let job = catalogue.book.jobs[j]
        let policy = catalogue.book.site.policy
        guard let placed = placements[j] else {
            jobCosts[j] = sign > 0 ? policy.deferralYenPerPiece * Double(job.pieces) : 0
            return
        }
        var cost = 0.0
        for (k, placement) in placed.enumerated() {
            let stage = job.stages[placement.position]
            let r = placement.resource
            let resource = catalogue.resources[r]
            if k > 0 {
                cost += catalogue.book.site.transfer(from: catalogue.resources[placed[k - 1].resource], to: resource)?.handoffYen ?? 0
            }
            stagesOn[r] += sign
            for (d, n) in placement.days {
                pieces[r][d][stage.order] += sign * n
                if resource.kind == .vendor {
                    cost += Double(n) * (resource.yenPerPiece[stage] ?? 0)
                } else {
                    cost += Double(n) / (resource.rates[stage] ?? 1) * resource.yenPerHour
                    roundingSlack[r][d] += Double(sign) / (resource.rates[stage] ?? 1)
                    let count = (groups[r][d][job.setupGroup] ?? 0) + sign
                    groups[r][d][job.setupGroup] = count > 0 ? count : nil
                }
                if let key = lotKey(j, placement, day: d) {
                    let left = (lots[key] ?? 0) + sign * n
                    lots[key] = left > 0 ? left : nil
                }
                if placement.position == job.stages.count - 1 {
                    cost += policy.latenessYenPerPieceDay * Double(catalogue.horizon.daysLate(job, d)) * Double(n)
                }
            }
        }
        jobCosts[j] = sign > 0 ? cost : 0
    }

    /// Setups and overtime of the touched resource-days, charges of the touched vendors in use, less the
    /// discounts of the touched lots.
    private func sharedCost(_ keys: TouchedKeys) -> Double {
        let policy = catalogue.book.site.policy
        var cost = 0.0
        for key in keys.days {
            let resource = catalogue.resources[key.resource]
            guard resource.kind != .vendor else { continue }
            let used = used(key)
            let setupHours = Double(groups[key.resource][key.day].count) * resource.setupMinutes / 60
            cost += setupHours * resource.yenPerHour
                + max(0, used + setupHours - resource.hoursPerDay) * resource.yenPerHour * (policy.overtimeFactor - 1)
        }
        for r in keys.vendors where stagesOn[r] > 0 { cost += weeklyCharge[r] }
        for key in keys.lots {
            guard let n = lots[key], let mailClass = classes[key.mailClass] else { continue }
            cost -= ScheduleState.discount(mailClass, n)
        }
        return cost
    }

    /// The placements of `jobs` in `assignments`, stages in the job's order and days in order; nil for a deferred job
    /// (the evaluator charges a deferred job its deferral price whatever else the plan says) and for one with no
    /// assignments. Every assignment comes from a planner of this catalogue, so its resources and days exist.
    private static func placements(of jobs: [Int], _ assignments: [Assignment], deferred: [String],
                                   catalogue: RouteCatalogue) -> [[Placement]?] {
        let book = catalogue.book
        let deferred = Set(deferred)
        var byJob: [String: [Stage: Assignment]] = [:]
        for assignment in assignments { byJob[assignment.job, default: [:]][assignment.stage] = assignment }
        return jobs.map { j in
            let job = book.jobs[j]
            guard !deferred.contains(job.id), let stages = byJob[job.id] else { return nil }
            return job.stages.enumerated().map { k, stage in
                guard let assignment = stages[stage], let r = catalogue.resourceIndex[assignment.resource] else {
                    preconditionFailure("\(job.id): a searched plan assigns every stage to a known resource")
                }
                let days = assignment.days.compactMap { day, n -> (day: Int, pieces: Int)? in
                    guard n > 0 else { return nil }
                    guard let d = catalogue.horizon.index(of: day) else {
                        preconditionFailure("\(job.id): a searched plan works on the horizon's days only")
                    }
                    return (d, n)
                }
                return Placement(position: k, resource: r, days: days.sorted { $0.day < $1.day })
            }
        }
    }
}
