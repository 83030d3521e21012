/// A route: the resource chosen for each required stage of a job, in stage order.
public struct Route: Hashable, Sendable {
    /// Indices into the catalogue's resources, one per stage of the job.
    public var resources: [Int]
}

/// The candidate routes of every job: the routes the planners choose among.
///
/// Every capable combination is scored by its cost per piece (processing and hand-offs) and the cheapest
/// `maximumRoutes` are kept, plus the status-quo route, so that the status quo is always a candidate.
/// Routes whose transfer lags cannot fit in the horizon after the ready day are dropped.
public struct RouteCatalogue: Sendable {
    public let book: JobBook
    public let horizon: Horizon
    /// Ward desks then shared resources (``Site/resources``).
    public let resources: [Resource]
    /// Candidate routes per job, in book order; empty when the job can only be deferred.
    public let routes: [[Route]]
    /// The status-quo route per job, when its `current` column names capable resources.
    public let statusQuo: [Route?]

    /// A unique name fragment per job for model rows and columns: the id with unsafe characters replaced, cut to
    /// ``maximumJobNameLength`` characters, and numbered with the job's place in the book (from 1) when it was cut or
    /// when that makes two ids alike.
    public let jobNames: [String]
    /// The most characters of a job's id that its model names keep.
    public static let maximumJobNameLength = 64
    /// Each job's postal class (``Tariff/mailClass(envelope:weightGrams:)``), nil when the tariff has none for it.
    let mailClasses: [MailClass?]
    /// Each resource's index in ``resources`` by its id.
    let resourceIndex: [String: Int]

    public static let defaultMaximumRoutes = 8

    public init(_ book: JobBook, maximumRoutes: Int = RouteCatalogue.defaultMaximumRoutes) {
        self.book = book
        let horizon = Horizon(book)
        self.horizon = horizon
        let resources = book.site.resources
        self.resources = resources
        let candidates = book.jobs.map { Self.candidates($0, book, resources, horizon, maximumRoutes: maximumRoutes) }
        routes = candidates.map(\.routes)
        statusQuo = candidates.map(\.statusQuo)
        var seen: Set<String> = []
        jobNames = book.jobs.enumerated().map { index, job in
            var name = PlanningModel.safe(job.id)
            // A long id is cut (GLPK limits names to 255 characters), and then, like a repeated one, numbered.
            let cut = name.count > Self.maximumJobNameLength
            if cut { name = String(name.prefix(Self.maximumJobNameLength)) }
            if cut || seen.contains(name) { name += "_\(index + 1)" }
            while seen.contains(name) { name += "_" }  // an id that was already written so
            seen.insert(name)
            return name
        }
        mailClasses = Self.mailClasses(book)
        resourceIndex = Self.resourceIndex(resources)
    }

    /// The catalogue of `book`, which differs from this catalogue's book only in the jobs `changed` (indices) or in
    /// rules that concern only them (a what-if's ``Scenario``): only their routes are enumerated again.
    func replacing(_ book: JobBook, changed: [Int], maximumRoutes: Int = RouteCatalogue.defaultMaximumRoutes) -> RouteCatalogue {
        var routes = self.routes, statusQuo = self.statusQuo
        for j in changed {
            let found = Self.candidates(book.jobs[j], book, resources, horizon, maximumRoutes: maximumRoutes)
            routes[j] = found.routes
            statusQuo[j] = found.statusQuo
        }
        return RouteCatalogue(book: book, horizon: horizon, resources: resources, routes: routes,
                              statusQuo: statusQuo, jobNames: jobNames)
    }

    /// This catalogue with job `j` (an index) limited to one route.
    func restricting(_ j: Int, to route: Route) -> RouteCatalogue {
        restricting([j: [route]])
    }

    /// This catalogue with each of `jobs` (indices) limited to the route `plan` gives it, or to none (deferral
    /// alone) when the plan defers it. A job whose route in the plan is not one of its candidates keeps them all.
    ///
    /// A model of these jobs with their routes fixed then has only the chosen routes' flows, setups and lots
    /// rather than all candidates' with most of them fixed at zero: the same optimum from a much smaller MIP.
    func keepingRoutes(of jobs: [Int], as plan: Plan) -> RouteCatalogue {
        let deferred = Set(plan.deferred)
        var byJob: [String: [Stage: String]] = [:]
        for assignment in plan.assignments { byJob[assignment.job, default: [:]][assignment.stage] = assignment.resource }
        var kept: [Int: [Route]] = [:]
        for j in jobs {
            let job = book.jobs[j]
            if deferred.contains(job.id) {
                kept[j] = []
                continue
            }
            if let index = candidateIndex(j, resource: { byJob[job.id]?[$0] }) { kept[j] = [routes[j][index]] }
        }
        return restricting(kept)
    }

    /// The index among job `j`'s candidate routes of the route that puts each stage on the resource (an id)
    /// `resource` names; nil when a stage has no known resource or that route is not a candidate.
    func candidateIndex(_ j: Int, resource: (Stage) -> String?) -> Int? {
        var chosen: [Int] = []
        for stage in book.jobs[j].stages {
            guard let id = resource(stage), let r = resourceIndex[id] else { return nil }
            chosen.append(r)
        }
        return routes[j].firstIndex { $0.resources == chosen }
    }

    /// This catalogue with the candidate routes of some jobs (indices) replaced.
    private func restricting(_ replaced: [Int: [Route]]) -> RouteCatalogue {
        var routes = self.routes
        for (j, kept) in replaced { routes[j] = kept }
        return RouteCatalogue(book: book, horizon: horizon, resources: resources, routes: routes,
                              statusQuo: statusQuo, jobNames: jobNames, mailClasses: mailClasses)
    }

    private init(book: JobBook, horizon: Horizon, resources: [Resource], routes: [[Route]], statusQuo: [Route?],
                 jobNames: [String], mailClasses: [MailClass?]? = nil) {
        self.book = book
        self.horizon = horizon
        self.resources = resources
        self.routes = routes
        self.statusQuo = statusQuo
        self.jobNames = jobNames
        self.mailClasses = mailClasses ?? Self.mailClasses(book)
        resourceIndex = Self.resourceIndex(resources)
    }

    /// The first resource with each id (the site loader rejects a repeated id).
    private static func resourceIndex(_ resources: [Resource]) -> [String: Int] {
        Dictionary(resources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func mailClasses(_ book: JobBook) -> [MailClass?] {
        book.jobs.map { book.site.tariff.mailClass(envelope: $0.envelope, weightGrams: $0.weightGrams) }
    }

    /// A job's cheapest capable routes and its status-quo route.
    private static func candidates(_ job: Job, _ book: JobBook, _ resources: [Resource], _ horizon: Horizon,
                                   maximumRoutes: Int) -> (routes: [Route], statusQuo: Route?) {
        let site = book.site
        let options = job.stages.map { stage in
            resources.indices.filter { site.can(resources[$0], do: stage, of: job) }
        }
        let current: Route? = {
            var chosen: [Int] = []
            for stage in job.stages {
                guard let resource = site.currentResource(job, stage),
                      let index = resources.firstIndex(where: { $0.id == resource.id }) else { return nil }
                chosen.append(index)
            }
            return Route(resources: chosen)
        }()
        var all: [(cost: Double, route: Route)] = []
        enumerate(options, prefix: []) { chosen in
            let route = Route(resources: chosen)
            guard fits(route, job, book, resources, horizon) else { return }
            all.append((estimatedCost(route, job, site, resources), route))
        }
        // Ties broken by the resource indices, so the catalogue is deterministic.
        all.sort {
            $0.cost != $1.cost ? $0.cost < $1.cost : $0.route.resources.lexicographicallyPrecedes($1.route.resources)
        }
        var kept = Array(all.prefix(maximumRoutes).map(\.route))
        if let current, fits(current, job, book, resources, horizon), !kept.contains(current) {
            kept.append(current)
        }
        return (kept, current)
    }

    static func enumerate(_ options: [[Int]], prefix: [Int], _ body: ([Int]) -> Void) {
        guard prefix.count < options.count else { return body(prefix) }
        for option in options[prefix.count] { enumerate(options, prefix: prefix + [option], body) }
    }

    /// The route's lags fit between the job's first working day and the horizon's end.
    static func fits(_ route: Route, _ job: Job, _ book: JobBook, _ resources: [Resource], _ horizon: Horizon) -> Bool {
        guard let ready = horizon.readyIndex(job) else { return false }
        var day = ready
        for k in route.resources.indices.dropFirst() {
            day += book.site.transfer(from: resources[route.resources[k - 1]], to: resources[route.resources[k]])?.lagDays ?? 0
        }
        return day < horizon.days.count
    }

    /// Processing cost of the whole job plus hand-offs, ignoring setups, discounts and capacity.
    static func estimatedCost(_ route: Route, _ job: Job, _ site: Site, _ resources: [Resource]) -> Double {
        var cost = 0.0
        for (k, stage) in job.stages.enumerated() {
            let resource = resources[route.resources[k]]
            cost += Double(job.pieces) * unitCost(resource, stage)
            if k > 0 { cost += site.transfer(from: resources[route.resources[k - 1]], to: resource)?.handoffYen ?? 0 }
        }
        return cost
    }

    /// Yen per piece for a stage on a resource (excluding setups).
    static func unitCost(_ resource: Resource, _ stage: Stage) -> Double {
        if resource.kind == .vendor { return resource.yenPerPiece[stage] ?? 0 }
        return resource.yenPerHour / (resource.rates[stage] ?? 1)
    }

    /// The most pieces all the dispatching resources at `site` can dispatch on one working day (with allowed
    /// overtime; vendors: their pieces per day): no postal lot of that site and day is larger. ∞ when a vendor
    /// there has no daily limit.
    func dailyDispatchPieces(site: String) -> Double {
        let overtime = book.site.policy.overtimeHoursPerDay
        return resources.filter { $0.site == site && $0.stages.contains(.dispatch) }.reduce(0) { total, resource in
            if resource.kind == .vendor { return total + (resource.piecesPerDay ?? .infinity) }
            let hours = resource.hoursPerDay + (PlanEvaluator.allowsOvertime(resource.kind) ? overtime : 0)
            return total + hours * (resource.rates[.dispatch] ?? 0)
        }
    }

    /// The lag in working days between two consecutive stages of a route.
    func lag(_ route: Route, into k: Int) -> Int {
        book.site.transfer(from: resources[route.resources[k - 1]], to: resources[route.resources[k]])?.lagDays ?? 0
    }

    /// The first day stage `k` of a route can start for a job ready on day `ready`: the ready day plus the lags
    /// of the stages before it.
    func firstDay(_ route: Route, stage k: Int, ready: Int) -> Int {
        (0..<k).reduce(ready) { $0 + lag(route, into: $1 + 1) }
    }
}
