import GLPK

/// A small LP whose optimum is a valid lower bound on the controllable cost of every plan of the week
/// (over the route catalogue), built to solve in a second where the LP relaxation of the whole MILP takes
/// minutes.
///
/// It relaxes the day-by-day model in ways that can only lower the cost:
/// - route choices are fractional; each route costs its processing, hand-offs and the lateness its lags
///   force at the least (a route whose lags end after the due day is late by at least that much);
/// - capacity is kept per resource for every suffix of the week: the work of stages that cannot start
///   before day d fits in the hours of days d … end (plus allowed overtime, priced);
/// - setups: a group run on a resource needs at least one setup, and at least as many setup-days as its
///   processing hours there divided by the resource's daily hours;
/// - a vendor used by any route pays its weekly charge;
/// - postal lots: each dispatched piece earns at most the best discount a lot at its site could reach
///   (the class's highest tier that all pieces able to dispatch there on one day could fill), which is what
///   the MILP's own relaxation of the tier binaries gives as well.
struct WeekRelaxation {
    let catalogue: RouteCatalogue
    private(set) var model = LinearModel(name: "mailplan_week_relaxation")

    /// - Parameter perJobSetupRows: require a setup of a group on a resource whenever any job of the group uses
    ///   it (one row per job, stage and resource). Without them only the hours-based setup count remains: a
    ///   weaker bound, but an LP with a row per job instead of one per job stage and resource, which GLPK
    ///   solves in a fraction of the time on large weeks.
    init(_ catalogue: RouteCatalogue, perJobSetupRows: Bool = true) {
        self.catalogue = catalogue
        let book = catalogue.book
        let site = book.site
        let horizon = catalogue.horizon
        let days = horizon.days.count
        let resources = catalogue.resources
        let policy = site.policy

        let reach = Self.lotReach(catalogue)

        // Per resource and first possible day: the hours (vendors: pieces) of route stages that start there.
        var suffixTerms: [Int: [Int: [(LinearModel.Variable, Double)]]] = [:]
        var groupHours: [String: [(LinearModel.Variable, Double)]] = [:]  // key: group|resource
        var setupUses: [String: [[LinearModel.Variable]]] = [:]
        var vendorUses: [Int: [[LinearModel.Variable]]] = [:]

        for (j, job) in book.jobs.enumerated() {
            let name = catalogue.jobNames[j]
            let deferral = model.addVariable("defer_\(name)", upperBound: 1,
                                             objective: policy.deferralYenPerPiece * Double(job.pieces))
            guard let ready = horizon.readyIndex(job) else {
                model.addConstraint("assign_\(name)", [(deferral, 1.0)], .exactly(1))
                continue
            }
            let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams)
            var xs: [LinearModel.Variable] = []
            var byStageResource: [String: [LinearModel.Variable]] = [:]
            for (index, route) in catalogue.routes[j].enumerated() {
                let (cost, starts) = Self.routeCost(catalogue, route, job, ready: ready, mailClass: mailClass, reach: reach)
                let x = model.addVariable("x_\(name)_\(index)", upperBound: 1, objective: cost)
                xs.append(x)
                for (k, stage) in job.stages.enumerated() {
                    let r = route.resources[k]
                    let resource = resources[r]
                    let amount = resource.kind == .vendor ? Double(job.pieces) : Double(job.pieces) / (resource.rates[stage] ?? 1)
                    suffixTerms[r, default: [:]][starts[k], default: []].append((x, amount))
                    byStageResource["\(k)|\(r)", default: []].append(x)
                    if resource.kind != .vendor && resource.setupMinutes > 0 {
                        groupHours["\(job.setupGroup)|\(r)", default: []].append((x, amount))
                    }
                }
            }
            model.addConstraint("assign_\(name)", xs.map { ($0, 1.0) } + [(deferral, 1.0)], .exactly(1))
            for key in byStageResource.keys.sorted() {
                let r = Int(key.split(separator: "|")[1])!
                let resource = resources[r]
                if resource.kind == .vendor {
                    if resource.weeklyFixedYen > 0 { vendorUses[r, default: []].append(byStageResource[key]!) }
                } else if resource.setupMinutes > 0 {
                    setupUses["\(job.setupGroup)|\(r)", default: []].append(byStageResource[key]!)
                }
            }
        }

        // Setups: at least one per group and resource used, and at least hours / daily hours of them.
        var setupHoursByResource: [Int: [(LinearModel.Variable, Double)]] = [:]
        for key in setupUses.keys.sorted() {
            let parts = key.split(separator: "|")
            let r = Int(parts[parts.count - 1])!
            let resource = resources[r]
            let count = model.addVariable("setups_\(PlanningModel.safe(key))", upperBound: Double(days),
                                          objective: resource.setupMinutes / 60 * resource.yenPerHour)
            for (n, uses) in setupUses[key]!.enumerated() where perJobSetupRows {
                model.addConstraint("setup_\(PlanningModel.safe(key))_\(n)", uses.map { ($0, 1.0) } + [(count, -1)], .atMost(0))
            }
            let daily = resource.hoursPerDay + (PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0)
            if let hours = groupHours[key], daily > 0 {
                model.addConstraint("setupdays_\(PlanningModel.safe(key))", hours.map { ($0.0, $0.1 / daily) } + [(count, -1)], .atMost(0))
            }
            setupHoursByResource[r, default: []].append((count, resource.setupMinutes / 60))
        }
        for r in vendorUses.keys.sorted() {
            let resource = resources[r]
            let v = model.addVariable("use_\(resource.id)", upperBound: 1, objective: resource.weeklyFixedYen)
            for (n, uses) in vendorUses[r]!.enumerated() {
                model.addConstraint("vendor_\(resource.id)_\(n)", uses.map { ($0, 1.0) } + [(v, -1)], .atMost(0))
            }
        }

        // Capacity of every suffix of the week; overtime priced over the whole week. The work that can start
        // no earlier than day s is one variable per resource and day, so each route enters one row, not one
        // per suffix (this keeps the LP sparse at 6,000 jobs).
        for r in suffixTerms.keys.sorted() {
            let resource = resources[r]
            let overtime = PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0
            let perDay = resource.kind == .vendor ? (resource.piecesPerDay ?? .infinity) : resource.hoursPerDay
            guard perDay.isFinite else { continue }
            var load: [Int: LinearModel.Variable] = [:]
            for start in suffixTerms[r]!.keys.sorted() {
                let work = model.addVariable("work_\(resource.id)_\(start)")
                model.addConstraint("work_\(resource.id)_\(start)", suffixTerms[r]![start]! + [(work, -1)], .atMost(0))
                load[start] = work
            }
            let o = overtime > 0
                ? model.addVariable("ot_\(resource.id)", upperBound: overtime * Double(days),
                                    objective: resource.yenPerHour * (policy.overtimeFactor - 1))
                : nil
            for first in 0..<days {
                var terms = load.filter { $0.key >= first }.sorted { $0.key < $1.key }.map { ($0.value, 1.0) }
                if first == 0 { terms += setupHoursByResource[r] ?? [] }
                guard !terms.isEmpty else { continue }
                if let o { terms.append((o, -1)) }
                model.addConstraint("cap_\(resource.id)_from_\(first)", terms, .atMost(perDay * Double(days - first)))
            }
        }
    }

    /// A weaker bound that needs no LP: every job on its cheapest route (or deferred) as if capacity were
    /// unlimited, paying its share of the hours-based setup count (setup cost × its hours ÷ the resource's
    /// daily hours) and earning the best reachable lot discount. Used where the LP is too large to solve in time.
    static func separableBound(_ catalogue: RouteCatalogue) -> Double {
        let book = catalogue.book
        let site = book.site
        let resources = catalogue.resources
        let horizon = catalogue.horizon
        let policy = site.policy
        let reach = lotReach(catalogue)
        var total = 0.0
        for (j, job) in book.jobs.enumerated() {
            var best = policy.deferralYenPerPiece * Double(job.pieces)
            guard let ready = horizon.readyIndex(job) else { total += best; continue }
            let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams)
            for route in catalogue.routes[j] {
                var cost = routeCost(catalogue, route, job, ready: ready, mailClass: mailClass, reach: reach).cost
                for (k, stage) in job.stages.enumerated() {
                    let resource = resources[route.resources[k]]
                    let daily = resource.hoursPerDay + (PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0)
                    if resource.kind != .vendor && resource.setupMinutes > 0 && daily > 0 {
                        let hours = Double(job.pieces) / (resource.rates[stage] ?? 1)
                        cost += resource.setupMinutes / 60 * resource.yenPerHour * hours / daily
                    }
                }
                best = min(best, cost)
            }
            total += best
        }
        return total
    }

    /// A route's cost in both bounds: processing, hand-offs, the best reachable discount of its dispatched pieces and
    /// the lateness its lags force at the least; with the first day each stage can start.
    static func routeCost(_ catalogue: RouteCatalogue, _ route: Route, _ job: Job, ready: Int, mailClass: MailClass?,
                          reach: [String: Double]) -> (cost: Double, starts: [Int]) {
        let site = catalogue.book.site
        let resources = catalogue.resources
        var cost = 0.0
        var start = ready
        var starts: [Int] = []
        for (k, stage) in job.stages.enumerated() {
            let resource = resources[route.resources[k]]
            if k > 0 {
                let transfer = site.transfer(from: resources[route.resources[k - 1]], to: resource)
                cost += transfer?.handoffYen ?? 0
                start += transfer?.lagDays ?? 0
            }
            starts.append(start)
            cost += Double(job.pieces) * RouteCatalogue.unitCost(resource, stage)
            if stage == .dispatch, let mailClass {
                cost -= bestDiscount(mailClass, reach["\(mailClass.id)|\(resource.site)"] ?? 0)
                    * mailClass.priceYen * Double(job.pieces)
            }
        }
        cost += site.policy.latenessYenPerPieceDay * Double(catalogue.horizon.daysLate(job, start) * job.pieces)
        return (cost, starts)
    }

    /// The largest lot each (mail class, site) could form on a day — every piece that could be dispatched
    /// there, and no more than the site can dispatch in a day — keyed `class|site`, to find the best tier a
    /// piece dispatched there could reach.
    static func lotReach(_ catalogue: RouteCatalogue) -> [String: Double] {
        let site = catalogue.book.site
        var reach: [String: Double] = [:]
        var dailyDispatch: [String: Double] = [:]
        for (j, job) in catalogue.book.jobs.enumerated() {
            guard let k = job.stages.firstIndex(of: .dispatch),
                  let mailClass = site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams) else { continue }
            for s in Set(catalogue.routes[j].map { catalogue.resources[$0.resources[k]].site }) {
                if dailyDispatch[s] == nil { dailyDispatch[s] = catalogue.dailyDispatchPieces(site: s) }
                let key = "\(mailClass.id)|\(s)"
                reach[key] = min((reach[key] ?? 0) + Double(job.pieces), dailyDispatch[s]!)
            }
        }
        return reach
    }

    /// The best discount rate a lot of up to `pieces` can earn.
    static func bestDiscount(_ mailClass: MailClass, _ pieces: Double) -> Double {
        mailClass.tier(forLot: pieces)?.discount ?? 0
    }

    /// Solves the relaxation: its optimum, or when the time runs out the bound its last duals prove; nil when
    /// neither is available (then no bound is claimed).
    func bound(timeLimit: Duration, method: SolveParameters.LPMethod = .primal) throws -> Double? {
        try solve(model, try SolveParameters(timeLimit: timeLimit, method: method)).bestBound
    }
}
