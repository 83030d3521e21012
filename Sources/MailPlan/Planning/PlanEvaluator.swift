/// Recomputes a plan's cost and checks every rule of DESIGN §5 from the plan and the book alone, so that
/// no planner is trusted about its own output.
public struct PlanEvaluator: Sendable {
    public let book: JobBook
    public let horizon: Horizon
    private let jobs: [String: Job]
    private let resources: [String: Resource]

    public init(_ book: JobBook) {
        self.book = book
        horizon = Horizon(book)
        jobs = Dictionary(book.jobs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        resources = Dictionary(book.site.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The cost component a resource's hours or pieces are booked to.
    static func component(_ kind: ResourceKind) -> WritableKeyPath<CostBreakdown, Double> {
        switch kind {
        case .ward, .department, .hub: \.staff
        case .center: \.machine
        case .vendor: \.vendor
        }
    }

    /// Overtime is possible at staffed rooms only; machine lines and vendors have fixed capacities.
    static func allowsOvertime(_ kind: ResourceKind) -> Bool { kind == .ward || kind == .department || kind == .hub }

    public func evaluate(_ plan: Plan) -> PlanEvaluation {
        var result = PlanEvaluation()
        let site = book.site
        let policy = site.policy
        var byJob: [String: [Stage: Assignment]] = [:]
        for assignment in plan.assignments {
            guard let job = jobs[assignment.job] else {
                result.violations.append("assignment for unknown job \(assignment.job)")
                continue
            }
            guard job.stages.contains(assignment.stage) else {
                result.violations.append("\(job.id): stage \(assignment.stage) is not one the job needs")
                continue
            }
            if byJob[job.id]?[assignment.stage] != nil {
                result.violations.append("\(job.id): stage \(assignment.stage) is assigned twice")
                continue
            }
            byJob[job.id, default: [:]][assignment.stage] = assignment
        }
        let deferred = Set(plan.deferred)

        // Per resource-day: processing hours (or vendor pieces), setup groups, and a rounding slack.
        var load: [String: [Int: Double]] = [:]
        var slack: [String: [Int: Double]] = [:]
        var setups: [String: [Int: Set<String>]] = [:]
        var lotPieces: [String: Int] = [:]   // key: class|site|day index
        var lotKeys: [String: (String, String, Int)] = [:]

        for job in book.jobs {
            if let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams),
               job.stages.contains(.dispatch) {
                result.cost.postage += mailClass.priceYen * Double(job.pieces)
            }
            let assigned = byJob[job.id] ?? [:]
            if deferred.contains(job.id) {
                if !assigned.isEmpty { result.violations.append("\(job.id): deferred but also assigned") }
                result.cost.lateness += policy.deferralYenPerPiece * Double(job.pieces)
                result.latePieces += job.pieces
                continue
            }
            guard let ready = horizon.readyIndex(job) else {
                result.violations.append("\(job.id): no working day on or after its ready day in the horizon")
                continue
            }
            var previous: (resource: Resource, cumulative: [Int])?
            for stage in job.stages {
                guard let assignment = assigned[stage] else {
                    result.violations.append("\(job.id): stage \(stage) is not assigned")
                    previous = nil
                    continue
                }
                guard let resource = resources[assignment.resource] else {
                    result.violations.append("\(job.id): stage \(stage) on unknown resource \(assignment.resource)")
                    previous = nil
                    continue
                }
                let blockers = site.blockers(resource, job, stage)
                if !blockers.isEmpty {
                    result.violations.append("\(job.id): \(resource.id) may not do \(stage) (\(blockers.map(\.rawValue).joined(separator: ", ")))")
                }
                var perDay = [Int](repeating: 0, count: horizon.days.count)
                var total = 0
                for (day, pieces) in assignment.days {
                    guard let d = horizon.index(of: day) else {
                        result.violations.append("\(job.id): \(stage) on \(day), which is not a working day of the horizon")
                        continue
                    }
                    if d < ready { result.violations.append("\(job.id): \(stage) on \(day), before its ready day \(job.ready)") }
                    if pieces <= 0 { result.violations.append("\(job.id): \(stage) has \(pieces) pieces on \(day)") }
                    perDay[d] += pieces
                    total += pieces
                }
                if total != job.pieces {
                    result.violations.append("\(job.id): \(stage) processes \(total) of \(job.pieces) pieces")
                }
                let cumulative = perDay.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) }
                if let previous {
                    let transfer = site.transfer(from: previous.resource, to: resource)
                    if transfer != nil { result.handoffs += 1; result.cost.handoff += transfer!.handoffYen }
                    let lag = transfer?.lagDays ?? 0
                    for d in cumulative.indices {
                        let available = d - lag >= 0 ? previous.cumulative[d - lag] : 0
                        if cumulative[d] > available {
                            result.violations.append("\(job.id): \(stage) has \(cumulative[d]) pieces done by \(horizon.days[d]) but only \(available) are through the previous stage (lag \(lag))")
                            break
                        }
                    }
                }
                previous = (resource, cumulative)

                // Cost and capacity.
                for d in perDay.indices where perDay[d] > 0 {
                    let pieces = Double(perDay[d])
                    if resource.kind == .vendor {
                        result.cost.vendor += pieces * (resource.yenPerPiece[stage] ?? 0)
                        load[resource.id, default: [:]][d, default: 0] += pieces
                    } else {
                        let rate = resource.rates[stage] ?? 1
                        let hours = pieces / rate
                        result.cost[keyPath: Self.component(resource.kind)] += hours * resource.yenPerHour
                        load[resource.id, default: [:]][d, default: 0] += hours
                        slack[resource.id, default: [:]][d, default: 0] += 1 / rate
                    }
                    setups[resource.id, default: [:]][d, default: []].insert(job.setupGroup)
                    if stage == .dispatch,
                       let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams) {
                        let key = "\(mailClass.id)|\(resource.site)|\(d)"
                        lotPieces[key, default: 0] += perDay[d]
                        lotKeys[key] = (mailClass.id, resource.site, d)
                    }
                    if stage == job.stages.last {
                        let late = horizon.daysLate(job, d)
                        if late > 0 {
                            result.latePieces += perDay[d]
                            result.cost.lateness += policy.latenessYenPerPieceDay * Double(late) * pieces
                        }
                    }
                }
            }
        }

        // Setups, capacities, overtime, fixed charges and ward hours, resource by resource.
        var vendorsUsed: Set<String> = []
        for resource in site.resources {
            guard let days = load[resource.id] else { continue }
            if resource.kind == .vendor { vendorsUsed.insert(resource.id) }
            for (d, used) in days.sorted(by: { $0.key < $1.key }) {
                let setupHours = Double(setups[resource.id]?[d]?.count ?? 0) * resource.setupMinutes / 60
                let day = horizon.days[d]
                let limit = Self.capacityLimit(resource, policy: site.policy, roundingSlack: slack[resource.id]?[d] ?? 0,
                                               tolerance: 1e-6)
                if resource.kind == .vendor {
                    let capacity = resource.piecesPerDay ?? .infinity
                    if used > limit {
                        result.violations.append("\(resource.id) on \(day): \(Int(used)) pieces exceed its \(Int(capacity)) per day")
                    }
                    result.utilisation[resource.id, default: [:]][day] = used
                    continue
                }
                result.cost.setup += setupHours * resource.yenPerHour
                let hours = used + setupHours
                let overtime = Self.allowsOvertime(resource.kind) ? site.policy.overtimeHoursPerDay : 0
                if hours > limit {
                    result.violations.append("\(resource.id) on \(day): \(hours.formatted2) hours exceed its \((resource.hoursPerDay + overtime).formatted2)")
                }
                let extra = max(0, hours - resource.hoursPerDay)
                if extra > 0 {
                    result.cost[keyPath: Self.component(resource.kind)] += extra * resource.yenPerHour * (site.policy.overtimeFactor - 1)
                }
                result.utilisation[resource.id, default: [:]][day] = hours
                if resource.kind == .ward, let ward = resource.servesWards?.first {
                    result.wardStaffHours += hours
                    result.wardHoursByWard[ward, default: 0] += hours
                }
            }
        }
        for resource in site.sharedResources where vendorsUsed.contains(resource.id) {
            result.cost.fixed += resource.weeklyFixedYen
        }

        // Postal lots and their tiers.
        for key in lotPieces.keys.sorted() {
            let (classID, siteID, d) = lotKeys[key]!
            let pieces = lotPieces[key]!
            let mailClass = site.tariff.classes.first { $0.id == classID }!
            let tier = mailClass.tier(forLot: Double(pieces))
            let discount = (tier?.discount ?? 0) * mailClass.priceYen * Double(pieces)
            result.cost.discount += discount
            result.lots.append(PostalLot(mailClass: classID, site: siteID, day: horizon.days[d], pieces: pieces,
                                         tierMinPieces: tier?.minPieces, discountYen: discount))
        }
        for job in book.jobs where byJob[job.id] == nil && !deferred.contains(job.id) {
            result.violations.append("\(job.id): neither assigned nor deferred")
        }
        return result
    }
}

extension Double {
    /// Two decimals, for messages.
    var formatted2: String {
        let scaled = (self * 100).rounded() / 100
        return "\(scaled)"
    }
}

/// A plan mailplan made that breaks a rule of DESIGN §5: a defect of a planner, never of the input.
public struct PlanDefect: Error, CustomStringConvertible, Sendable {
    /// What made the plan: a planner's name or a what-if's.
    public var maker: String
    /// Every rule the plan breaks, as ``PlanEvaluation/violations`` states them.
    public var violations: [String]

    public var description: String {
        "the \(maker) plan breaks DESIGN §5:\n" + violations.map { "  \($0)" }.joined(separator: "\n")
    }
}

extension PlanEvaluator {
    /// The most a resource-day may carry: a vendor's pieces per day, or else its hours with the overtime the policy
    /// allows and `roundingSlack` hours for pieces rounded to whole ones (one piece per job stage there), plus a
    /// float `tolerance` (a share of the day's hours, or pieces for a vendor). The evaluator allows 1e-6; the
    /// search's ledger keeps half of that, so that what it keeps the evaluator accepts whatever the order of the sums.
    static func capacityLimit(_ resource: Resource, policy: Policy, roundingSlack: Double, tolerance: Double) -> Double {
        if resource.kind == .vendor { return (resource.piecesPerDay ?? .infinity) + tolerance }
        let overtime = allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0
        return resource.hoursPerDay + overtime + (tolerance * resource.hoursPerDay + roundingSlack)
    }

    /// The evaluation of a plan mailplan made, for a command to report or write.
    /// - Parameter maker: what made the plan, for the error; the plan's planner when nil.
    /// - Throws: ``PlanDefect`` with every rule the plan breaks.
    public func checked(_ plan: Plan, maker: String? = nil) throws(PlanDefect) -> PlanEvaluation {
        let evaluation = evaluate(plan)
        guard evaluation.violations.isEmpty else { throw PlanDefect(maker: maker ?? plan.planner, violations: evaluation.violations) }
        return evaluation
    }
}
