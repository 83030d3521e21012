import GLPK

/// A small LP whose optimum is a valid lower bound on the controllable cost of every plan of the week
/// (over the route catalogue), built to solve in a second where the LP relaxation of the whole MILP takes
/// minutes.
///
/// It relaxes the day-by-day model in ways that can only lower the cost:
/// - route choices are fractional; each route costs its processing, hand-offs and the lateness its lags
///   force at the least (a route whose lags end after the due day is late by at least that much);
/// - a route that can be on time has a late share, every piece of which is at least one day late;
/// - each stage of a route has a window: its first possible day and, for the on-time share, the last day it
///   can finish for the job to be dispatched by its due day (the late share's window runs to the end of the
///   week). Capacity is kept per resource for every span of days: the work whose window lies in the span fits
///   in the span's hours with the setups done in it (plus allowed overtime, priced over the week);
/// - setups are shares per group, resource and day: a route using a resource needs one of its group's setups
///   there on or after its first possible day, its on-time share one within its window, and a group needs at
///   least as many setup-days as its processing hours there divided by the resource's daily hours;
/// - a vendor used by any route pays its weekly charge;
/// - postal lots, by reach (``Lots/byReach``): each dispatched piece earns at most the best discount a lot at
///   its site could reach by the day it is dispatched at the latest (the class's highest tier that all pieces
///   able to dispatch there by that day could fill, up to what the site can dispatch in a day): an on-time
///   piece by its due day, a late one by the week's end. Where every piece can reach every day's lot, that is
///   what the MILP's own relaxation of the tier binaries gives as well; or by day
///   (``Lots/byDay``, ``DayLots``): lots per class, site and day whose tiers a job's pieces earn only in
///   proportion to the tier's share, a stronger bound and a much larger LP.
struct WeekRelaxation {
    let catalogue: RouteCatalogue
    private(set) var model = LinearModel(name: "mailplan_week_relaxation")
    /// The rows only a solution that breaks them needs (see ``solveByRowGeneration``): each job's setup needs and,
    /// by day, its tier links.
    private(set) var lazyRows: [LinearModel.Constraint] = []
    /// Per job, per candidate route (in ``RouteCatalogue/routes`` order), the route's share columns: on time and,
    /// where it can be on time, late.
    private(set) var routeShareColumns: [[[LinearModel.Variable]]] = []

    /// How the relaxation prices postal lots.
    enum Lots: Sendable {
        /// Each dispatched piece earns the best tier a lot at its site could reach by its last possible dispatch
        /// day: no day-level variables, the smallest LP.
        case byReach
        /// Each job's dispatch is spread over days per site (within its routes' windows and the site's daily
        /// dispatch capacity), and each (class, site, day) lot has tier shares; a job's pieces earn tier t only
        /// up to the job's size times the tier's share (see ``init(_:lots:)``).
        case byDay
    }

    /// - Parameter lots: `.byDay` adds, per job, its dispatch per site and day and its share of each tier of
    ///   those days' lots. Where the MILP's relaxation lets a lot's tier binary be the lot's volume over its
    ///   largest possible volume, so that every piece earns the top tier at a small fraction of the binary,
    ///   here a job's pieces in a lot earn tier t only up to (job's pieces) × (the tier's share), and the lot's
    ///   volume at that tier must still reach the tier's minimum times the share. A job dispatched whole on one
    ///   day earns the top tier only if that day's lot could really reach it. (The disaggregated form of the
    ///   big-M link, as `x_ij ≤ y_i` is of `Σ x_ij ≤ M y_i` in facility location.)
    init(_ catalogue: RouteCatalogue, lots: Lots = .byReach) {
        self.catalogue = catalogue
        let book = catalogue.book
        let site = book.site
        let horizon = catalogue.horizon
        let days = horizon.days.count
        let resources = catalogue.resources
        let policy = site.policy

        // By day, discounts are earned in the day lots below, not in the routes' costs.
        let reach = lots == .byReach ? Self.lotReach(catalogue) : [:]
        var dayLots = DayLots()

        // Per resource and window: the hours (vendors: pieces) of route stages that must be done within it: the
        // on-time part of a route between its first possible day and its last day on time, the late part (and
        // all of a route that cannot be on time) from its first possible day to the end of the week.
        var windowTerms: [Int: [Window: [(LinearModel.Variable, Double)]]] = [:]
        var groupHours: [GroupRun: [(LinearModel.Variable, Double)]] = [:]
        var setupDays: [GroupRun: [LinearModel.Variable]] = [:]  // one per day
        var vendorUses: [Int: [[LinearModel.Variable]]] = [:]

        // The setups of a group on a resource, one share per day.
        func setups(_ key: GroupRun) -> [LinearModel.Variable] {
            if let found = setupDays[key] { return found }
            let resource = resources[key.resource]
            let created = (0..<days).map { d in
                model.addVariable("setup_\(PlanningModel.safe(key.group))_\(resource.id)_\(d)", upperBound: 1,
                                  objective: resource.setupMinutes / 60 * resource.yenPerHour)
            }
            setupDays[key] = created
            return created
        }

        for (j, job) in book.jobs.enumerated() {
            let name = catalogue.jobNames[j]
            let deferral = model.addVariable("defer_\(name)", upperBound: 1,
                                             objective: policy.deferralYenPerPiece * Double(job.pieces))
            routeShareColumns.append([])
            guard let ready = horizon.readyIndex(job) else {
                model.addConstraint("assign_\(name)", [(deferral, 1.0)], .exactly(1))
                continue
            }
            let mailClass = catalogue.mailClasses[j]
            var xs: [LinearModel.Variable] = []
            var vendorRoutes: [Int: [LinearModel.Variable]] = [:]
            // The job's route shares that need a setup of its group on a resource on or after a day (all of the
            // route) or within a window (its on-time part); a route counts once per resource and day or window.
            var setupAfter: [SetupNeed: [(LinearModel.Variable, Double)]] = [:]
            var setupWithin: [SetupNeed: [(LinearModel.Variable, Double)]] = [:]
            var dispatches: [DayLots.Dispatch] = []
            for (index, route) in catalogue.routes[j].enumerated() {
                let (prices, starts, deadlines) = Self.routeShares(catalogue, route, job, ready: ready,
                                                                   mailClass: mailClass, reach: reach)
                let onTimePossible = prices.onTime != nil
                // The route's share on time and, when it can be on time at all, its late share, every piece of
                // which is at least a day late (two columns rather than a row: the LP's basis stays small).
                let x = model.addVariable("x_\(name)_\(index)", upperBound: 1, objective: prices.onTime ?? prices.late)
                let late = onTimePossible
                    ? model.addVariable("late_\(name)_\(index)", upperBound: 1, objective: prices.late)
                    : nil
                let shares = [x] + (late.map { [$0] } ?? [])
                xs += shares
                routeShareColumns[j].append(shares)
                if lots == .byDay, mailClass != nil, let k = job.stages.firstIndex(of: .dispatch) {
                    dispatches.append(.init(site: resources[route.resources[k]].site, shares: shares,
                                            start: starts[k], onTime: late.map { _ in (x, deadlines[k]) }))
                }
                for (k, stage) in job.stages.enumerated() {
                    let r = route.resources[k]
                    let resource = resources[r]
                    let amount = resource.kind == .vendor ? Double(job.pieces) : Double(job.pieces) / (resource.rates[stage] ?? 1)
                    let window = Window(first: starts[k], last: deadlines[k])
                    let rest = Window(first: starts[k], last: days - 1)
                    if let late {
                        windowTerms[r, default: [:]][window, default: []].append((x, amount))
                        windowTerms[r, default: [:]][rest, default: []].append((late, amount))
                    } else {
                        windowTerms[r, default: [:]][rest, default: []].append((x, amount))
                    }
                    if resource.kind == .vendor {
                        // A route counts once, however many of its stages the vendor does.
                        if resource.weeklyFixedYen > 0 && !(vendorRoutes[r]?.contains(x) ?? false) {
                            vendorRoutes[r, default: []] += shares
                        }
                        continue
                    }
                    guard resource.setupMinutes > 0 else { continue }
                    groupHours[GroupRun(group: job.setupGroup, resource: r), default: []] += shares.map { ($0, amount) }
                    // Stages of a route that share a resource and a window share its setup: the route counts once.
                    let after = SetupNeed(resource: r, window: rest), within = SetupNeed(resource: r, window: window)
                    if !(setupAfter[after]?.contains { $0.0 == x } ?? false) {
                        setupAfter[after, default: []] += shares.map { ($0, 1) }
                    }
                    if onTimePossible && !(setupWithin[within]?.contains { $0.0 == x } ?? false) {
                        setupWithin[within, default: []].append((x, 1))
                    }
                }
            }
            model.addConstraint("assign_\(name)", xs.map { ($0, 1.0) } + [(deferral, 1.0)], .exactly(1))
            if let mailClass, !dispatches.isEmpty { dayLots.add(job: j, mailClass: mailClass, dispatches, to: &model, catalogue) }
            for r in vendorRoutes.keys.sorted() { vendorUses[r, default: []].append(vendorRoutes[r]!) }
            // The routes of a job exclude each other, so its shares needing one window add up to at most one
            // setup there.
            for (label, needs) in [("setup", setupAfter), ("ontimesetup", setupWithin)] {
                for need in needs.keys.sorted() {
                    let ys = setups(GroupRun(group: job.setupGroup, resource: need.resource))[need.window.first...need.window.last]
                        .map { ($0, -1.0) }
                    lazyRows.append(model.addConstraint(
                        "\(label)_\(name)_\(resources[need.resource].id)_\(need.window.first)_\(need.window.last)",
                        needs[need]! + ys, .atMost(0)))
                }
            }
        }

        lazyRows += dayLots.addLots(to: &model, catalogue)

        // Setups: at least as many setup-days as the group's processing hours divided by the daily hours.
        var setupHours: [Int: [(variables: [LinearModel.Variable], hours: Double)]] = [:]
        for key in setupDays.keys.sorted() {
            let r = key.resource
            let resource = resources[r]
            let daily = resource.hoursPerDay + (PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0)
            if let hours = groupHours[key], daily > 0 {
                model.addConstraint("setupdays_\(PlanningModel.safe(key.group))_\(resource.id)",
                                    hours.map { ($0.0, $0.1 / daily) } + setupDays[key]!.map { ($0, -1) }, .atMost(0))
            }
            setupHours[r, default: []].append((setupDays[key]!, resource.setupMinutes / 60))
        }
        for r in vendorUses.keys.sorted() {
            let resource = resources[r]
            let v = model.addVariable("use_\(resource.id)", upperBound: 1, objective: resource.weeklyFixedYen)
            for (n, uses) in vendorUses[r]!.enumerated() {
                model.addConstraint("vendor_\(resource.id)_\(n)", uses.map { ($0, 1.0) } + [(v, -1)], .atMost(0))
            }
        }

        // Capacity of every span of days: the work that cannot start before its first day, or must end by its
        // last to be on time, fits in the span's hours with the setups done in it; overtime is priced over the
        // whole week. The work of each start day or window is one variable per resource, so each route enters
        // one row per window, not one per span (this keeps the LP sparse at 6,000 jobs).
        for r in windowTerms.keys.sorted() {
            let resource = resources[r]
            let overtime = PlanEvaluator.allowsOvertime(resource.kind) ? policy.overtimeHoursPerDay : 0
            let perDay = resource.kind == .vendor ? (resource.piecesPerDay ?? .infinity) : resource.hoursPerDay
            guard perDay.isFinite else { continue }
            var load: [Window: LinearModel.Variable] = [:]
            for window in windowTerms[r]!.keys.sorted() {
                let label = "\(resource.id)_\(window.first)_\(window.last)"
                // Bounded by the window's own span row; a bound on every column lets a stopped dual simplex
                // still prove a bound (``LinearModel/lagrangianBound(rowMultipliers:)``).
                let most = perDay * Double(window.last - window.first + 1) + overtime * Double(days)
                let work = model.addVariable("work_\(label)", upperBound: most)
                model.addConstraint("work_\(label)", windowTerms[r]![window]! + [(work, -1)], .atMost(0))
                load[window] = work
            }
            let o = overtime > 0
                ? model.addVariable("ot_\(resource.id)", upperBound: overtime * Double(days),
                                    objective: resource.yenPerHour * (policy.overtimeFactor - 1))
                : nil
            for first in 0..<days {
                for last in first..<days {
                    let span = Window(first: first, last: last)
                    var terms = load.keys.filter { span.contains($0) }.sorted().map { (load[$0]!, 1.0) }
                    guard !terms.isEmpty else { continue }
                    for (variables, hours) in setupHours[r] ?? [] {
                        terms += variables[first...last].map { ($0, hours) }
                    }
                    if let o { terms.append((o, -1)) }
                    model.addConstraint("cap_\(resource.id)_\(first)_\(last)", terms, .atMost(perDay * Double(last - first + 1)))
                }
            }
        }
    }

    /// A span of working days, as indices, both ends included.
    struct Window: Hashable, Comparable {
        var first: Int
        var last: Int
        func contains(_ other: Window) -> Bool { first <= other.first && other.last <= last }
        static func < (a: Window, b: Window) -> Bool { (a.first, a.last) < (b.first, b.last) }
    }

    /// A setup group (program run) on a resource.
    struct GroupRun: Hashable, Comparable {
        var group: String
        var resource: Int
        static func < (a: GroupRun, b: GroupRun) -> Bool { (a.resource, a.group) < (b.resource, b.group) }
    }

    /// A job's need for a setup of its group on a resource within a window.
    struct SetupNeed: Hashable, Comparable {
        var resource: Int
        var window: Window
        static func < (a: SetupNeed, b: SetupNeed) -> Bool { (a.resource, a.window) < (b.resource, b.window) }
    }

    /// The last day each stage of `route` can finish for `job` to be dispatched by its due day (the due day, or
    /// the horizon's last day when it is later, less the lags of the stages after it); below the stage's first
    /// possible day when the route cannot be on time.
    static func deadlines(_ catalogue: RouteCatalogue, _ route: Route, _ job: Job) -> [Int] {
        let days = catalogue.horizon.days.count
        var last = min(catalogue.horizon.dueIndex(job) ?? -1, days - 1)
        var result = Array(repeating: 0, count: job.stages.count)
        for k in job.stages.indices.reversed() {
            result[k] = last
            if k > 0 { last -= catalogue.lag(route, into: k) }
        }
        return result
    }

    /// A weaker bound that needs no LP: every job on its cheapest route (or deferred) as if capacity were
    /// unlimited, paying its share of the hours-based setup count (setup cost × its hours ÷ the resource's
    /// daily hours) and earning the best lot discount it could reach (on time, by its due day; late, by the week's
    /// end at a day's lateness at least). Used where the LP is too large to solve in time.
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
            let mailClass = catalogue.mailClasses[j]
            for route in catalogue.routes[j] {
                let prices = routeShares(catalogue, route, job, ready: ready, mailClass: mailClass, reach: reach).prices
                var cost = min(prices.onTime ?? prices.late, prices.late)
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

    /// A route's prices in both bounds, for the whole job: on time (nil when its lags make that impossible), its
    /// pieces earning what a lot could reach by the due day; and late, earning what a lot could reach by the week's
    /// end and at least a day late (as late as its lags force when it cannot be on time). With the first day each
    /// stage can start and the last day it can finish for the job to be dispatched by its due day.
    static func routeShares(_ catalogue: RouteCatalogue, _ route: Route, _ job: Job, ready: Int, mailClass: MailClass?,
                            reach: [String: [Double]]) -> (prices: (onTime: Double?, late: Double), starts: [Int], deadlines: [Int]) {
        let (byWeekEnd, starts) = routeCost(catalogue, route, job, ready: ready, mailClass: mailClass, reach: reach)
        let deadlines = deadlines(catalogue, route, job)
        guard zip(starts, deadlines).allSatisfy({ $0 <= $1 }) else { return ((nil, byWeekEnd), starts, deadlines) }
        let onTime = routeCost(catalogue, route, job, ready: ready, mailClass: mailClass, reach: reach,
                               dispatchBy: deadlines.last).cost
        let late = byWeekEnd + catalogue.book.site.policy.latenessYenPerPieceDay * Double(job.pieces)
        return ((onTime, late), starts, deadlines)
    }

    /// A route's cost in both bounds: processing, hand-offs, the best discount its dispatched pieces could reach when
    /// dispatched by day `dispatchBy` (nil: by the week's end) and the lateness its lags force at the least; with the
    /// first day each stage can start.
    static func routeCost(_ catalogue: RouteCatalogue, _ route: Route, _ job: Job, ready: Int, mailClass: MailClass?,
                          reach: [String: [Double]], dispatchBy: Int? = nil) -> (cost: Double, starts: [Int]) {
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
                let volumes = reach["\(mailClass.id)|\(resource.site)"] ?? []
                let day = min(dispatchBy ?? (volumes.count - 1), volumes.count - 1)
                cost -= bestDiscount(mailClass, day >= 0 ? volumes[day] : 0)
                    * mailClass.priceYen * Double(job.pieces)
            }
        }
        cost += site.policy.latenessYenPerPieceDay * Double(catalogue.horizon.daysLate(job, start) * job.pieces)
        return (cost, starts)
    }

    /// The largest lot each (mail class, site) could form on each day — every piece that could be dispatched
    /// there by that day (from its ready day and the lags before dispatch on some route dispatching there), and no
    /// more than the site can dispatch in a day — keyed `class|site`, one value per day, to find the best tier a
    /// piece dispatched there by a day could reach. Late pieces may be dispatched up to the week's end, so no piece
    /// leaves the lots of later days: the values never fall from day to day.
    static func lotReach(_ catalogue: RouteCatalogue) -> [String: [Double]] {
        let days = catalogue.horizon.days.count
        var reach: [String: [Double]] = [:]
        var dailyDispatch: [String: Double] = [:]
        for (j, job) in catalogue.book.jobs.enumerated() {
            guard let k = job.stages.firstIndex(of: .dispatch), let ready = catalogue.horizon.readyIndex(job),
                  let mailClass = catalogue.mailClasses[j] else { continue }
            // The first day each site could dispatch the job.
            var first: [String: Int] = [:]
            for route in catalogue.routes[j] {
                let day = catalogue.firstDay(route, stage: k, ready: ready)
                let s = catalogue.resources[route.resources[k]].site
                first[s] = min(first[s] ?? day, day)
            }
            for (s, day) in first where day < days {
                if dailyDispatch[s] == nil { dailyDispatch[s] = catalogue.dailyDispatchPieces(site: s) }
                let key = "\(mailClass.id)|\(s)"
                var volumes = reach[key] ?? Array(repeating: 0, count: days)
                for d in day..<days { volumes[d] = min(volumes[d] + Double(job.pieces), dailyDispatch[s]!) }
                reach[key] = volumes
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

    /// Solves the relaxation like ``bound(timeLimit:method:)`` and, when it is solved to optimality, also returns
    /// each job's share of each of its candidate routes (on time and late together; the rest is deferral).
    func boundAndRouteShares(timeLimit: Duration, method: SolveParameters.LPMethod = .primal) throws
        -> (bound: Double?, shares: [[Double]]?) {
        let solution = try solve(model, try SolveParameters(timeLimit: timeLimit, method: method))
        guard solution.termination == .optimal, solution.hasSolution else { return (solution.bestBound, nil) }
        let shares = routeShareColumns.map { routes in routes.map { $0.reduce(0) { $0 + solution.value(of: $1) } } }
        return (solution.bestBound, shares)
    }
}
