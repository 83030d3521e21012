import GLPK

/// The MILP of a week, for all jobs or for a neighbourhood of "active" jobs with the rest of the plan fixed.
///
/// Per active job: a binary per candidate route and a deferral binary (so the model is always feasible);
/// continuous pieces per stage, resource and working day, tied to the chosen route; cumulative precedence
/// rows with the lag of each resource pair; disaggregated setup links `q ≤ min(pieces, day capacity) · y`
/// per program group, resource and day; capacity rows per resource and day (overtime priced); a binary
/// per vendor for its weekly charge; and postal lots with incremental tier volumes and tier binaries.
/// The objective is the controllable cost (the total less gross postage, which no plan changes).
/// Fixed jobs enter as constants: the capacity they use, the setups they already paid, the pieces they
/// add to lots and the vendors they use.
struct PlanningModel {
    let catalogue: RouteCatalogue
    let active: [Int]
    var model = LinearModel(name: "mailplan")
    /// Route binaries per active job (in `catalogue.routes` order).
    private(set) var routeVariables: [Int: [LinearModel.Variable]] = [:]
    private(set) var deferVariables: [Int: LinearModel.Variable] = [:]
    /// Pieces per (job, stage position, resource, day).
    private(set) var flows: [FlowKey: LinearModel.Variable] = [:]
    private(set) var setupVariables: [SetupKey: LinearModel.Variable] = [:]
    private(set) var vendorVariables: [Int: LinearModel.Variable] = [:]
    private(set) var overtimeVariables: [DayKey: LinearModel.Variable] = [:]
    private(set) var lotTiers: [ScheduleState.LotKey: [(tier: DiscountTier, volume: LinearModel.Variable, chosen: LinearModel.Variable)]] = [:]
    /// The setup links `q ≤ M · y`, one per job stage, resource and day: most of the rows, and the ones that make
    /// the LP relaxation slow, yet only those a solution would break matter (see ``solveByRowGeneration``).
    private(set) var setupLinkRows: [LinearModel.Constraint] = []
    /// Each resource-day's capacity row.
    private(set) var capacityRows: [LinearModel.Constraint] = []
    /// Pieces the fixed jobs put in each lot.
    private(set) var fixedLotPieces: [ScheduleState.LotKey: Double] = [:]

    /// Route, deferral, setup, vendor and lot-tier binaries (the pieces may be integer too, see `init`).
    var binaryCount: Int {
        routeVariables.values.reduce(0) { $0 + $1.count } + deferVariables.count + setupVariables.count
            + vendorVariables.count + lotTiers.values.reduce(0) { $0 + $1.count }
    }

    struct FlowKey: Hashable { var job: Int; var stage: Int; var resource: Int; var day: Int }
    struct SetupKey: Hashable { var group: String; var resource: Int; var day: Int }
    struct DayKey: Hashable { var resource: Int; var day: Int }

    /// Builds the model of `active` jobs; `context` holds what the other jobs already use.
    /// - Parameter integerPieces: make the daily pieces integer variables, so that the solution is a plan as
    ///   it stands; otherwise they are continuous and rounded afterwards (see ``assignments(from:)``).
    init(_ catalogue: RouteCatalogue, active: [Int], context: ScheduleState, integerPieces: Bool = false) {
        self.catalogue = catalogue
        self.active = active
        let book = catalogue.book
        let site = book.site
        let horizon = catalogue.horizon
        let days = horizon.days.count
        let resources = catalogue.resources
        let policy = site.policy
        let names = catalogue.jobNames
        let date = { (d: Int) in horizon.days[d].description }

        var capacityTerms: [DayKey: [(LinearModel.Variable, Double)]] = [:]
        var lotTerms: [ScheduleState.LotKey: [(LinearModel.Variable, Double)]] = [:]
        var lotMaximum: [ScheduleState.LotKey: Double] = [:]
        var setupLinks: [(LinearModel.Variable, SetupKey, Double, String)] = []
        var setupDays: [String: [LinearModel.Variable]] = [:]  // per job-stage-resource: its u row and y's
        var vendorUses: [Int: [(job: Int, stage: Int)]] = [:]

        for j in active {
            let job = book.jobs[j]
            let routes = catalogue.routes[j]
            let name = names[j]
            let deferral = model.addVariable("defer_\(name)", kind: .binary,
                                             objective: policy.deferralYenPerPiece * Double(job.pieces))
            deferVariables[j] = deferral
            var xs: [LinearModel.Variable] = []
            for route in routes {
                var handoffs = 0.0
                for k in route.resources.indices.dropFirst() {
                    handoffs += site.transfer(from: resources[route.resources[k - 1]], to: resources[route.resources[k]])?.handoffYen ?? 0
                }
                xs.append(model.addVariable("x_\(name)_\(route.resources.map { resources[$0].id }.joined(separator: "."))", kind: .binary, objective: handoffs))
            }
            routeVariables[j] = xs
            model.addConstraint("assign_\(name)", xs.map { ($0, 1.0) } + [(deferral, 1.0)], .exactly(1))
            guard let ready = horizon.readyIndex(job) else { continue }
            let mailClass = catalogue.mailClasses[j]

            for (k, stage) in job.stages.enumerated() {
                let candidates = Array(Set(routes.map { $0.resources[k] })).sorted()
                for r in candidates {
                    let resource = resources[r]
                    let chosenBy = routes.indices.filter { routes[$0].resources[k] == r }.map { xs[$0] }
                    // Earliest day this stage can start on r along any route through r.
                    let first = routes.filter { $0.resources[k] == r }
                        .map { catalogue.firstDay($0, stage: k, ready: ready) }.min()!
                    var stageFlows: [LinearModel.Variable] = []
                    for d in first..<days {
                        var cost = RouteCatalogue.unitCost(resource, stage)
                        if k == job.stages.count - 1 {
                            cost += policy.latenessYenPerPieceDay * Double(horizon.daysLate(job, d))
                        }
                        let q = model.addVariable("q_\(name)_\(stage)_\(resource.id)_\(date(d))",
                                                  kind: integerPieces ? .integer : .continuous,
                                                  upperBound: Double(job.pieces), objective: cost)
                        flows[FlowKey(job: j, stage: k, resource: r, day: d)] = q
                        stageFlows.append(q)
                        let dayKey = DayKey(resource: r, day: d)
                        let perPiece = resource.kind == .vendor ? 1 : 1 / (resource.rates[stage] ?? 1)
                        capacityTerms[dayKey, default: []].append((q, perPiece))
                        if resource.kind != .vendor && resource.setupMinutes > 0
                            && !context.setups[r][d].contains(job.setupGroup) {
                            let dayPieces = (resource.hoursPerDay + (PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0))
                                * (resource.rates[stage] ?? 1)
                            setupLinks.append((q, SetupKey(group: job.setupGroup, resource: r, day: d),
                                               min(Double(job.pieces), dayPieces), "setup_\(name)_\(stage)_\(resource.id)_\(date(d))"))
                        }
                        if stage == .dispatch, let mailClass {
                            let key = ScheduleState.LotKey(mailClass: mailClass.id, site: resource.site, day: d)
                            lotTerms[key, default: []].append((q, 1))
                            lotMaximum[key, default: Double(context.lots[key] ?? 0)] += Double(job.pieces)
                        }
                    }
                    model.addConstraint("pieces_\(name)_\(stage)_\(resource.id)",
                                        stageFlows.map { ($0, 1.0) } + chosenBy.map { ($0, -Double(job.pieces)) }, .exactly(0))
                    if resource.kind == .vendor && !context.vendorsUsed.contains(r) && resource.weeklyFixedYen > 0 {
                        vendorUses[r, default: []].append((j, k))
                    }
                    setupDays["\(j)|\(k)|\(r)"] = chosenBy
                }
                // Precedence: by the end of day d, stage k on r2 has done no more than stage k−1 finished by
                // day d − lag(r1, r2) on whichever r1 it used.
                guard k > 0 else { continue }
                let previous = Array(Set(routes.map { $0.resources[k - 1] })).sorted()
                for r2 in candidates {
                    let lags = Dictionary(uniqueKeysWithValues: previous.map { r1 in
                        (r1, site.transfer(from: resources[r1], to: resources[r2])?.lagDays ?? 0)
                    })
                    for d in 0..<days {
                        let mine = (0...d).compactMap { flows[FlowKey(job: j, stage: k, resource: r2, day: $0)] }
                        guard !mine.isEmpty else { continue }
                        var terms = mine.map { ($0, 1.0) }
                        for r1 in previous where d - lags[r1]! >= 0 {
                            terms += (0...(d - lags[r1]!)).compactMap { flows[FlowKey(job: j, stage: k - 1, resource: r1, day: $0)] }
                                .map { ($0, -1.0) }
                        }
                        model.addConstraint("prec_\(name)_\(stage)_\(resources[r2].id)_\(date(d))", terms, .atMost(0))
                    }
                }
            }
        }

        // Setups: one binary per group, resource and day that an active job could use without a paid setup.
        for (q, key, bigM, rowName) in setupLinks {
            let y = setupVariable(key)
            setupLinkRows.append(model.addConstraint(rowName, [(q, 1), (y, -bigM)], .atMost(0)))
        }
        for j in active {
            let job = book.jobs[j]
            for (k, _) in job.stages.enumerated() {
                for r in Array(Set(catalogue.routes[j].map { $0.resources[k] })).sorted() {
                    let ys = (0..<days).compactMap { setupVariables[SetupKey(group: job.setupGroup, resource: r, day: $0)] }
                    guard !ys.isEmpty, let chosenBy = setupDays["\(j)|\(k)|\(r)"],
                          (0..<days).allSatisfy({ !context.setups[r][$0].contains(job.setupGroup) }) else { continue }
                    // A stage assigned to r needs at least one setup of its group on r in the week.
                    model.addConstraint("needsetup_\(names[j])_\(k)_\(resources[r].id)",
                                        chosenBy.map { ($0, 1.0) } + ys.map { ($0, -1.0) }, .atMost(0))
                }
            }
        }
        for key in setupVariables.keys.sorted(by: { ($0.resource, $0.day, $0.group) < ($1.resource, $1.day, $1.group) }) {
            let resource = resources[key.resource]
            capacityTerms[DayKey(resource: key.resource, day: key.day), default: []].append((setupVariables[key]!, resource.setupMinutes / 60))
        }

        // Capacities, with priced overtime where the site allows it.
        for key in capacityTerms.keys.sorted(by: { ($0.resource, $0.day) < ($1.resource, $1.day) }) {
            let resource = resources[key.resource]
            let room = capacityRoom(key, context)
            var terms = capacityTerms[key]!
            if PlanEvaluator.allowsOvertime(resource.kind) && policy.overtimeHoursPerDay > 0 {
                let o = model.addVariable("ot_\(resource.id)_\(date(key.day))", upperBound: room.overtime,
                                          objective: resource.yenPerHour * (policy.overtimeFactor - 1))
                overtimeVariables[key] = o
                terms.append((o, -1))
            }
            capacityRows.append(model.addConstraint("cap_\(resource.id)_\(date(key.day))", terms, .atMost(room.regular)))
        }

        // Vendors' weekly charges.
        for r in vendorUses.keys.sorted() {
            let resource = resources[r]
            let v = model.addVariable("use_\(resource.id)", kind: .binary, objective: resource.weeklyFixedYen)
            vendorVariables[r] = v
            for (j, k) in vendorUses[r]! {
                guard let chosenBy = setupDays["\(j)|\(k)|\(r)"] else { continue }
                model.addConstraint("vendor_\(names[j])_\(k)_\(resource.id)", chosenBy.map { ($0, 1.0) } + [(v, -1)], .atMost(0))
            }
        }

        // Postal lots: the volume earning tier t lies in [min_t, M_t] when the tier is chosen, else 0.
        for key in lotTerms.keys.sorted() {
            guard let mailClass = site.tariff.classes.first(where: { $0.id == key.mailClass }) else { continue }
            let fixed = Double(context.lots[key] ?? 0)
            fixedLotPieces[key] = fixed
            // No lot is larger than its site can dispatch in a day: a tight big-M for the tier rows.
            let maximum = min(lotMaximum[key]!, max(fixed, catalogue.dailyDispatchPieces(site: key.site)))
            let tiers = mailClass.lotTiers(upTo: maximum)
            guard !tiers.isEmpty else { continue }
            let label = "\(key.mailClass)_\(key.site)_\(date(key.day))"
            var entries: [(tier: DiscountTier, volume: LinearModel.Variable, chosen: LinearModel.Variable)] = []
            for (tier, cap) in tiers {
                let w = model.addVariable("lotvol_\(label)_\(tier.minPieces)", upperBound: cap,
                                          objective: -tier.discount * mailClass.priceYen)
                let z = model.addVariable("lottier_\(label)_\(tier.minPieces)", kind: .binary)
                model.addConstraint("lotmax_\(label)_\(tier.minPieces)", [(w, 1), (z, -cap)], .atMost(0))
                model.addConstraint("lotmin_\(label)_\(tier.minPieces)", [(w, 1), (z, -Double(tier.minPieces))], .atLeast(0))
                entries.append((tier, w, z))
            }
            model.addConstraint("lottier_\(label)", entries.map { ($0.chosen, 1.0) }, .atMost(1))
            model.addConstraint("lot_\(label)", entries.map { ($0.volume, 1.0) } + lotTerms[key]!.map { ($0.0, -$0.1) }, .atMost(fixed))
            lotTiers[key] = entries
        }
    }

    private mutating func setupVariable(_ key: SetupKey) -> LinearModel.Variable {
        if let y = setupVariables[key] { return y }
        let resource = catalogue.resources[key.resource]
        let y = model.addVariable("y_\(Self.safe(key.group))_\(resource.id)_\(catalogue.horizon.days[key.day])", kind: .binary,
                                  objective: resource.setupMinutes / 60 * resource.yenPerHour)
        setupVariables[key] = y
        return y
    }

    /// A name fragment GLPK and the MPS and LP formats accept.
    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(Character(scalar))
                || scalar == "-" || scalar == "_" || scalar == "." || scalar == "@" ? Character(scalar) : "_"
        })
    }
}

extension MailClass {
    /// The tiers a lot of at most `maximum` pieces can earn, each with the most pieces a lot earning it needs to
    /// hold: a lot large enough for the next tier takes that one, so a tier never needs more than its range.
    func lotTiers(upTo maximum: Double) -> [(tier: DiscountTier, most: Double)] {
        let reachable = tiers.filter { Double($0.minPieces) <= maximum }
        return reachable.indices.map { t in
            (reachable[t], t + 1 < reachable.count ? min(maximum, Double(reachable[t + 1].minPieces)) : maximum)
        }
    }
}
