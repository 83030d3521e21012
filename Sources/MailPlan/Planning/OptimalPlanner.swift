import Foundation
import GLPK

/// The optimal planner: a MILP solved by GLPK, decomposed so that a realistic week solves in time.
///
/// 1. The greedy plan is the first incumbent (always feasible: deferral is an option of every job).
/// 2. Bounds: a separable one at once, then on the second core a week-level relaxation (``WeekRelaxation``), a
///    small LP; the same relaxation with day lots, stronger, when there is time for it, and after it the whole
///    model with each job's lot shares when there is still time; otherwise the LP relaxation of the whole model
///    when there is time for it; the large LPs by row generation (``BoundWorker``).
/// 3. Fix-and-optimise improves the incumbent: neighbourhoods of jobs (a program, a block, a due day, a ward, and
///    from the second pass on the jobs the week relaxation's optimum would move) are re-solved as sub-MIPs with
///    every other job fixed, and a better plan replaces the incumbent. The incumbent is
///    kept in a ``PlanLedger``, which costs a move and builds a neighbourhood's context from what it touches.
///    Once the bound worker has finished, the second core solves each next neighbourhood ahead (``LookAhead``).
/// 4. Small models (at most ``Options/wholeModelBinaries`` binaries) keep whole pieces in the sub-MIPs and, when the
///    search has run out of moves before the time limit, get branch and cut on the whole model from the incumbent
///    for the time left, which can prove a small week optimal and raises the bound. Branch and cut from the greedy
///    plan alone found far worse plans than the search in the same time (60 s, 30–60-job weeks: 14–19 % dearer),
///    so it comes second; a week whose search uses all the time (60 jobs at 60 s) gets none.
/// The gap is measured on the controllable cost (the total less gross postage, a constant).
public struct OptimalPlanner: Sendable {
    public struct Options: Sendable {
        public var timeLimit: Duration
        public var relativeGap: Double
        /// Models with at most this many binaries are finished by branch and cut on the whole model after the search.
        public var wholeModelBinaries: Int
        /// The first neighbourhood size, in jobs; it doubles whenever a pass improves nothing.
        public var neighbourhoodJobs: Int
        /// The largest neighbourhood, in jobs.
        public var largestNeighbourhoodJobs: Int
        /// Branch-and-cut subproblems per neighbourhood's sub-MIP (a node limit rather than a time cap, so
        /// that the same week gives the same plan when the search ends before the time limit).
        public var neighbourhoodNodes: Int
        /// Simplex iterations per neighbourhood's sub-MIP, its root relaxation included; nil for no limit. Also a
        /// count rather than the clock: it stops the few sub-MIPs whose subproblems are slow long before their node
        /// limit (a re-timing of 131 jobs on a tight week: 41,000 iterations and 25–31 s of a 60 s run, for nothing;
        /// most sub-MIPs need a few hundred to 6,000, Benchmarks/RESULTS.md, thirteenth session).
        public var neighbourhoodIterations: Int?
        /// Whether passes of single-job moves improve the greedy plan before the sub-MIPs; nil decides by the week's
        /// size and the time limit (``OptimalPlanner/movesJobsFirst(jobs:timeLimit:)``).
        public var singleJobMovesFirst: Bool?
        /// Whether a pass of fix-and-optimise, and the re-timing after it, may end early when it stalls
        /// (``StallWatch``); nil decides by the week's size and the time limit
        /// (``OptimalPlanner/stallsPassesEarly(jobs:timeLimit:)``).
        public var earlyStall: Bool?
        /// The most jobs re-timed together (at least 2), where one site dispatches or one resource inserts more.
        public var timingGroupJobs: Int
        /// Whether the next neighbourhood's sub-MIP is solved ahead on a second thread (``LookAhead``); nil does so
        /// once the bound worker has finished, on a machine of more than one core. It changes how far the search
        /// gets in its time, never which plan a given sequence of sub-MIPs reaches.
        public var lookAhead: Bool?
        /// Whether each pass after the first begins with neighbourhoods of the jobs the week relaxation's optimum
        /// would move to another route (``relaxationNeighbourhoods(_:_:shares:size:)``): on by default, which took
        /// 0–4 % off the 60 s plans of six of eight weeks and left the other two within their spread (Benchmarks/RESULTS.md,
        /// twenty-second session).
        public var relaxationNeighbourhoods: Bool
        /// Called with progress during the solve.
        public var progress: (@Sendable (PlannerProgress) -> Void)?
        /// Called after each neighbourhood the search re-solves, in order (``SearchStep``): how a walk went and why
        /// it ended, which the plan alone does not show.
        public var searchTrace: (@Sendable (SearchStep) -> Void)?

        public init(timeLimit: Duration = .seconds(60), relativeGap: Double = 0.001, wholeModelBinaries: Int = 1500,
                    neighbourhoodJobs: Int = 10, largestNeighbourhoodJobs: Int = 80,
                    neighbourhoodNodes: Int = 200, neighbourhoodIterations: Int? = 10_000,
                    singleJobMovesFirst: Bool? = nil, earlyStall: Bool? = nil, timingGroupJobs: Int = 150,
                    lookAhead: Bool? = nil, relaxationNeighbourhoods: Bool = true, progress: (@Sendable (PlannerProgress) -> Void)? = nil,
                    searchTrace: (@Sendable (SearchStep) -> Void)? = nil) {
            self.timeLimit = timeLimit
            self.relativeGap = relativeGap
            self.wholeModelBinaries = wholeModelBinaries
            self.neighbourhoodJobs = neighbourhoodJobs
            self.largestNeighbourhoodJobs = largestNeighbourhoodJobs
            self.neighbourhoodNodes = neighbourhoodNodes
            self.neighbourhoodIterations = neighbourhoodIterations
            self.singleJobMovesFirst = singleJobMovesFirst
            self.earlyStall = earlyStall
            self.timingGroupJobs = timingGroupJobs
            self.lookAhead = lookAhead
            self.relaxationNeighbourhoods = relaxationNeighbourhoods
            self.progress = progress
            self.searchTrace = searchTrace
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func plan(_ book: JobBook) throws -> Plan {
        try plan(RouteCatalogue(book))
    }

    /// The model of all jobs; with whole pieces when its binaries are few enough to finish it by branch and cut.
    static func wholeModel(_ catalogue: RouteCatalogue, wholeModelBinaries: Int) -> (planning: PlanningModel, integerPieces: Bool) {
        let allJobs = Array(catalogue.book.jobs.indices)
        let whole = PlanningModel(catalogue, active: allJobs, context: ScheduleState(catalogue))
        guard whole.model.integerVariableCount <= wholeModelBinaries else { return (whole, false) }
        return (PlanningModel(catalogue, active: allJobs, context: ScheduleState(catalogue), integerPieces: true), true)
    }

    public func plan(_ catalogue: RouteCatalogue) throws -> Plan {
        let began = ContinuousClock.now
        let deadline = began + options.timeLimit
        let evaluator = PlanEvaluator(catalogue.book)
        var greedy = HeuristicPlanners.greedy(catalogue)
        greedy.planner = "optimal"
        // The incumbent, kept so that a neighbourhood's replacement is costed from what it touches.
        var incumbent = PlanLedger(catalogue, plan: greedy)
        let firstPlan = ContinuousClock.now - began
        var bound = -Double.infinity
        var worker: BoundWorker?
        func refreshBound() { if let worker { bound = max(bound, worker.bound) } }
        let report = { (phase: String) in
            refreshBound()
            options.progress?(PlannerProgress(phase: phase, elapsed: ContinuousClock.now - began,
                                              incumbent: incumbent.controllable, bound: bound.isFinite ? bound : nil))
        }
        report("greedy")

        let buildBegan = ContinuousClock.now
        let (whole, solveWhole) = Self.wholeModel(catalogue, wholeModelBinaries: options.wholeModelBinaries)
        let size = (rows: whole.model.constraintCount, columns: whole.model.variableCount,
                    binaries: whole.binaryCount)
        let buildTime = ContinuousClock.now - buildBegan
        var status = "time_limit"

        func gap(_ objective: Double) -> Double {
            bound.isFinite ? max(0, objective - bound) / max(abs(objective), 1e-9) : .infinity
        }
        func gapNow() -> Double { gap(incumbent.controllable) }
        func remaining() -> Duration { deadline - ContinuousClock.now }

        // A bound at once; stronger ones from LPs solved on the second core while the search runs.
        bound = WeekRelaxation.separableBound(catalogue)
        worker = BoundWorker(catalogue, whole: whole, deadline: deadline)
        defer { worker?.wait() }
        report("bounds")
        // A neighbourhood's sub-MIP with every other job fixed as the incumbent has it, ready to run on any thread;
        // `keepRoutes` frees only the days. Small models keep whole pieces in the sub-MIPs too, so that every plan
        // the search finds is a solution of the whole model that branch and cut starts from.
        let nodes = options.neighbourhoodNodes, iterations = options.neighbourhoodIterations
        func subMIP(_ neighbourhood: [Int], keepRoutes: Bool) -> @Sendable () throws -> Replacement? {
            let context = incumbent.context(excluding: neighbourhood), current = incumbent.plan(of: neighbourhood)
            return {
                try Self.reoptimise(catalogue, context: context, current: current, neighbourhood: neighbourhood,
                                    keepRoutes: keepRoutes, integerPieces: solveWhole, nodes: nodes,
                                    iterations: iterations, timeLimit: max(deadline - ContinuousClock.now, .milliseconds(1)))
            }
        }
        func replace(_ neighbourhood: [Int], by replacement: Replacement?) -> Bool {
            guard let (assignments, deferred) = replacement else { return false }
            return incumbent.replaceIfCheaper(neighbourhood, with: assignments, deferred: deferred)
        }
        // Once the bound worker is done, the second core solves each next neighbourhood ahead (``LookAhead``).
        let cores = ProcessInfo.processInfo.activeProcessorCount, lookAhead = options.lookAhead
        func secondCoreFree() -> Bool { lookAhead ?? (cores > 1 && (worker?.isFinished ?? true)) }
        // Re-solves the neighbourhoods of `list` in order, each against the incumbent the ones before it left;
        // after each, `after` gets whether it improved the incumbent and by how much, and says whether to stop.
        // While the second core is free, the next neighbourhood is solved ahead against the incumbent as it is. Its
        // result is used only if the incumbent is still that one when the walk comes to it; a look-ahead made stale
        // by an improvement is not waited for, but no new one starts until it has finished.
        func walk(_ list: [[Int]], _ kind: SearchStep.Walk, keepRoutes: Bool,
                  after: (_ improved: Bool, _ gain: Double) -> Bool) throws {
            var i = 0, version = 0  // `version` counts the improvements of this walk
            var ahead: (index: Int, version: Int, solve: LookAhead<Replacement?>)?
            // No sub-MIP outlives the walk.
            defer { _ = try? ahead?.solve.result() }
            while i < list.count && searching() {
                let was = incumbent.controllable
                let replacement: Replacement?
                if let pending = ahead, pending.index == i, pending.version == version {
                    ahead = nil
                    replacement = try pending.solve.result()
                } else {
                    if ahead?.solve.isFinished ?? true { ahead = nil }
                    if ahead == nil && i + 1 < list.count && secondCoreFree() {
                        ahead = (i + 1, version, LookAhead(subMIP(list[i + 1], keepRoutes: keepRoutes)))
                    }
                    replacement = try subMIP(list[i], keepRoutes: keepRoutes)()
                }
                let improved = replace(list[i], by: replacement)
                if improved { version += 1 }
                let gain = was - incumbent.controllable
                options.searchTrace?(SearchStep(walk: kind, index: i, of: list.count, jobs: list[i].count, improved: improved,
                                                gain: gain, incumbent: incumbent.controllable, elapsed: ContinuousClock.now - began))
                i += 1
                if after(improved, gain) { return }
            }
        }
        func searching() -> Bool {
            refreshBound()
            return remaining() > .milliseconds(500) && gapNow() > options.relativeGap
        }

        // Large weeks: single-job moves first, while they still pay.
        let largeForTheLimit = Self.movesJobsFirst(jobs: catalogue.book.jobs.count, timeLimit: options.timeLimit)
        if options.singleJobMovesFirst ?? largeForTheLimit {
            let order = HeuristicPlanners.priorityOrder(catalogue.book.jobs)
            // The pass cannot read the incumbent it moves, so it watches only the clock.
            while searching() && incumbent.relocateJobs(order, searching: { remaining() > .milliseconds(500) }) > 0 {
                report("single-job moves")
            }
        }
        // Variable neighbourhoods: passes over small neighbourhoods until one improves nothing, then the
        // timing of whole sites is re-solved with routes kept (lots and setups need many jobs to move
        // together), and when that does not help either the neighbourhoods double, up to a size whose
        // sub-MIPs GLPK still solves in a few seconds or, on small weeks, until each is a whole group.
        var jobsPerNeighbourhood = options.neighbourhoodJobs
        let wholeGroups = largestGroup(catalogue)
        var pass = 0
        let earlyStall = options.earlyStall
            ?? Self.stallsPassesEarly(jobs: catalogue.book.jobs.count, timeLimit: options.timeLimit)
        while searching() && jobsPerNeighbourhood <= options.largestNeighbourhoodJobs {
            // A pass stalls when the whole pass gained less than 0.2 %, or, where passes are long against the limit,
            // when it stalls kind by kind: each kind of neighbourhood (program, block, due day, ward) ends when its
            // last 40 neighbourhoods gained less than 0.24 times the average job's cost between them (``StallWatch``;
            // 0.05 % of the whole at 480 jobs) and hands over to the next kind, and the pass counts as stalled if any
            // kind did. Small gains can go on for a long time. A threshold fixed as a share of the whole stalled the
            // 6,000-job week's first pass while it still paid (Benchmarks/RESULTS.md, eleventh session); one watch
            // for the whole pass ended it within the program and block kinds, so that the due-day and ward
            // neighbourhoods were hardly ever solved (eighteenth and nineteenth sessions).
            let before = incumbent.controllable
            pass += 1
            var stalledEarly = false
            func walkKind(_ kind: NeighbourhoodKind, _ list: [[Int]]) throws {
                var watch = earlyStall ? Self.passWatch(jobs: catalogue.book.jobs.count) : nil
                try walk(list, .pass(pass, jobsPerNeighbourhood: jobsPerNeighbourhood, kind: kind), keepRoutes: false) { improved, gain in
                    if improved { report("fix and optimise") }
                    let stalled = watch?.stalled(afterGain: gain, incumbent: incumbent.controllable) == true
                    stalledEarly = stalledEarly || stalled
                    return stalled
                }
            }
            // First, from the second pass on, the jobs the week relaxation would move, from the incumbent the last
            // pass and its re-timing left. Waiting for the relaxation, if it is not solved yet, keeps the path the same
            // on a slower machine; but a week large for its limit, whose path the limit cuts anyway, goes on without
            // them until they come: the 6,000-job week reached its second pass at 100 s of 300 and its relaxation
            // came at 192 s (Benchmarks/RESULTS.md, twenty-second session).
            if options.relaxationNeighbourhoods && pass > 1 && searching(),
               let shares = worker?.routeShares(waitingUntil: largeForTheLimit ? .now : deadline) {
                try walkKind(.relaxation, relaxationNeighbourhoods(catalogue, incumbent, shares: shares, size: jobsPerNeighbourhood))
            }
            for (kind, list) in neighbourhoods(catalogue, size: jobsPerNeighbourhood, pass: pass) {
                try walkKind(kind, list)
            }
            // The first pass is always followed by a re-timing: its neighbourhoods move most routes, and the timing
            // of whole sites around them paid more than any later pass (4.7 % of the Osaka week's cost in its 60 s
            // search), but came only after a second pass (twentieth session).
            guard pass == 1 || stalledEarly || before - incumbent.controllable < 0.002 * abs(before) else { continue }
            // Re-timing goes largest group first, and where passes stall early it stalls too, once its last 10 groups
            // gained less than 0.9 times the average job's cost: the pass's rate per job visited, as a group holds
            // up to 150 jobs. A whole re-timing of 6,000 jobs took 50–90 s, most of it for nothing, and the search
            // came back to it after every short pass (Benchmarks/RESULTS.md, seventeenth session).
            var improved = false
            var retimingWatch = earlyStall ? Self.retimingWatch(jobs: catalogue.book.jobs.count) : nil
            try walk(timingNeighbourhoods(catalogue, incumbent.plan), .retiming(afterPass: pass), keepRoutes: true) { retimed, gain in
                if retimed {
                    improved = true
                    report("re-timing")
                }
                return retimingWatch?.stalled(afterGain: gain, incumbent: incumbent.controllable) == true
            }
            if !improved {
                // A pass of whole groups that found nothing, re-timing included, would come again with the same neighbourhoods:
                // small weeks go on to branch and cut on the whole model instead.
                if jobsPerNeighbourhood >= wholeGroups && incumbent.controllable == before { break }
                jobsPerNeighbourhood *= 2
            }
        }
        // Small weeks: branch and cut from the search's plan for the time left (the bound thread may still be on the
        // whole LP, which this solve's root repeats; both are cheap at this size). GLPK's progress counts from this
        // solve's start and knows neither the bounds already proven nor, without a start, the incumbent.
        if solveWhole && searching() {
            let progress = options.progress
            let offset = ContinuousClock.now - began
            let proven = bound, planned = incumbent.controllable
            let (solution, startUsed) = try Self.solveOffering(
                whole.model, start: whole.start(from: incumbent.plan, context: ScheduleState(catalogue)),
                relativeGap: options.relativeGap, cuts: Self.wholeModelCuts, timeLimit: remaining(),
                progress: { step in
                    progress?(PlannerProgress(phase: "branch and cut", elapsed: offset + step.elapsed,
                                              incumbent: min(step.incumbent ?? planned, planned),
                                              bound: max(step.bound ?? proven, proven)))
                })
            if solution.hasSolution {
                let (assignments, deferred) = whole.assignments(from: solution.values)
                _ = incumbent.replaceIfCheaper(Array(catalogue.book.jobs.indices), with: assignments, deferred: deferred)
            }
            if startUsed, let best = solution.bestBound { bound = max(bound, best) }
        }
        worker?.wait()
        refreshBound()
        // The evaluator, not the ledger's running sum, states the plan's cost.
        var plan = incumbent.plan
        let objective = evaluator.evaluate(plan).cost.controllable
        let finalGap = gap(objective)
        if finalGap <= 1e-9 { status = "optimal" } else if finalGap <= options.relativeGap { status = "gap" }
        plan.assignments.sort { ($0.job, $0.stage) < ($1.job, $1.stage) }
        plan.solver = SolverReport(
            status: status, objective: objective, bound: bound.isFinite ? bound : nil,
            gap: finalGap.isFinite ? finalGap : nil, seconds: (ContinuousClock.now - began).seconds,
            firstPlanSeconds: firstPlan.seconds, buildSeconds: buildTime.seconds, rows: size.rows, columns: size.columns, binaries: size.binaries)
        return plan
    }

    /// The cut families of the branch and cut on a small week's whole model: mixed-integer rounding alone, which
    /// proved more than all four families in the same time on most small weeks measured (a 7-job week: optimal in
    /// 11 s against a 15.9 % gap after 20 s; Benchmarks/RESULTS.md, fifteenth session). The neighbourhoods' sub-MIPs
    /// keep all four: there MIR alone, or with Gomory's cuts, found dearer plans.
    static let wholeModelCuts: SolveParameters.CutFamilies = .mixedIntegerRounding

    /// Whether single-job moves (``PlanLedger/relocateJobs(_:searching:)``) come before the sub-MIPs: when the
    /// first pass of 10-job sub-MIPs would take more than a third of the time limit (``firstPassSeconds(jobs:)``),
    /// so from about 830 jobs at 60 s and 4,170 at 300 s. Below that the sub-MIPs from the greedy plan end cheaper
    /// without them; above it they save the search much of its first pass (Benchmarks/RESULTS.md, ninth session).
    /// The rule counts jobs, not the clock, so that a week gives the same plan on a faster or slower hour.
    static func movesJobsFirst(jobs: Int, timeLimit: Duration) -> Bool {
        firstPassSeconds(jobs: jobs) > timeLimit.seconds / 3
    }

    /// Whether a pass of fix-and-optimise may end early when it stalls (``StallWatch``): only when a pass of 10-job
    /// sub-MIPs would take at least 15 % of the time limit, where the re-timing and the larger neighbourhoods it
    /// brings sooner would otherwise come late or not at all. With time for many whole passes (the Osaka week at
    /// 300 s: 4 %), stopping passes early only runs the search out of neighbourhood sizes sooner, at a dearer
    /// local optimum (¥3.92 M against ¥3.79 M); it did not help the 300-job week at 60 s either (12 %: +2.0 %),
    /// while 480 to 2,400 jobs at 19–48 % gained (Benchmarks/RESULTS.md, eleventh and twelfth sessions). Like
    /// ``movesJobsFirst(jobs:timeLimit:)`` the rule counts jobs, not the clock.
    static func stallsPassesEarly(jobs: Int, timeLimit: Duration) -> Bool {
        firstPassSeconds(jobs: jobs) >= 0.15 * timeLimit.seconds
    }

    /// The watch of one kind of neighbourhood in a pass where passes stall early: its last 40 neighbourhoods gained
    /// less than 0.24 times the average job's cost.
    static func passWatch(jobs: Int) -> StallWatch {
        StallWatch(window: 40, fraction: 0.24 / Double(max(1, jobs)))
    }

    /// The watch of a re-timing where passes stall early: its last 10 groups gained less than 0.9 times the average
    /// job's cost.
    static func retimingWatch(jobs: Int) -> StallWatch {
        StallWatch(window: 10, fraction: 0.9 / Double(max(1, jobs)))
    }

    /// The estimated time of one pass of 10-job sub-MIPs from the greedy plan: about 0.4 neighbourhoods per job,
    /// each about 60 ms on this machine (Osaka: 192 neighbourhoods in 12 s).
    static func firstPassSeconds(jobs: Int) -> Double {
        Double(jobs) * 0.4 * 0.06
    }

    /// Jobs grouped by the site where the incumbent dispatches them (their lots) and by the resource that
    /// inserts them (their setups), at most ``Options/timingGroupJobs`` each, largest groups first.
    func timingNeighbourhoods(_ catalogue: RouteCatalogue, _ plan: Plan) -> [[Int]] {
        let index = Dictionary(uniqueKeysWithValues: catalogue.book.jobs.enumerated().map { ($1.id, $0) })
        let siteOf = Dictionary(uniqueKeysWithValues: catalogue.resources.map { ($0.id, $0.site) })
        var groups: [String: [Int]] = [:]
        for assignment in plan.assignments {
            guard let j = index[assignment.job] else { continue }
            switch assignment.stage {
            case .dispatch: groups["dispatch@\(siteOf[assignment.resource] ?? "")", default: []].append(j)
            case .insert: groups["insert@\(assignment.resource)", default: []].append(j)
            case .extract: continue
            }
        }
        let size = max(2, options.timingGroupJobs)
        var result: [[Int]] = []
        for key in groups.keys.sorted(by: { (groups[$0]!.count, $1) > (groups[$1]!.count, $0) }) {
            let members = groups[key]!.sorted()
            guard members.count > 1 else { continue }
            stride(from: 0, to: members.count, by: size).forEach { result.append(Array(members[$0..<min(members.count, $0 + size)])) }
        }
        return result
    }

    /// The most jobs of one group (a program, block, due day or ward): from this size on every neighbourhood of
    /// ``neighbourhoods(_:size:pass:)`` is a whole group, so larger sizes give the same neighbourhoods again.
    func largestGroup(_ catalogue: RouteCatalogue) -> Int {
        neighbourhoods(catalogue, size: max(1, catalogue.book.jobs.count), pass: 0).flatMap(\.groups).map(\.count).max() ?? 0
    }

    /// Neighbourhoods of the jobs the week relaxation's optimum would move: those with a larger share on another
    /// route than on the incumbent's (a deferred job: than on its deferral, one less its routes' shares), ordered
    /// by the route the relaxation prefers (so that jobs heading for the same resources meet), then by job, and cut
    /// into chunks of `size`.
    func relaxationNeighbourhoods(_ catalogue: RouteCatalogue, _ incumbent: PlanLedger, shares: [[Double]], size: Int) -> [[Int]] {
        var moved: [(job: Int, preferred: [Int])] = []
        for (j, routes) in catalogue.routes.enumerated() where j < shares.count && shares[j].count == routes.count {
            guard let best = routes.indices.max(by: { (shares[j][$0], $1) < (shares[j][$1], $0) }) else { continue }
            let kept = incumbent.route(of: j).map { current in routes.firstIndex(of: current).map { shares[j][$0] } ?? 0 }
                ?? 1 - shares[j].reduce(0, +)
            if shares[j][best] > kept { moved.append((j, routes[best].resources)) }
        }
        moved.sort { a, b in a.preferred != b.preferred ? a.preferred.lexicographicallyPrecedes(b.preferred) : a.job < b.job }
        let jobs = moved.map(\.job)
        return stride(from: 0, to: jobs.count, by: max(1, size)).map { Array(jobs[$0..<min(jobs.count, $0 + max(1, size))]) }
    }

    /// Neighbourhoods for fix-and-optimise, each at most `size` jobs, kind by kind: by program (jobs that can share
    /// setups), by block (jobs that can share a hub and lots), by due day (jobs competing for the same days) and by
    /// ward (jobs sharing a desk). Within a key, jobs are cut into chunks in an order that changes from pass to
    /// pass, so that different jobs meet; everything is deterministic.
    func neighbourhoods(_ catalogue: RouteCatalogue, size: Int, pass: Int) -> [(kind: NeighbourhoodKind, groups: [[Int]])] {
        let book = catalogue.book
        let wardBlock = Dictionary(uniqueKeysWithValues: book.site.wards.map { ($0.id, $0.block) })
        return NeighbourhoodKind.groupKinds.map { kind in
            let key: (Job) -> String = switch kind {
            case .program: { $0.program }
            case .block: { wardBlock[$0.ward] ?? "" }
            case .dueDay: { $0.due.description }
            case .ward: { $0.ward }
            case .relaxation: { _ in "" }  // not a group kind (``relaxationNeighbourhoods``)
            }
            let byKey = Dictionary(grouping: book.jobs.indices, by: { key(book.jobs[$0]) })
            var groups: [[Int]] = []
            for k in byKey.keys.sorted() {
                let members = byKey[k]!.sorted { a, b in
                    let (x, y) = (book.jobs[a], book.jobs[b])
                    switch pass % 3 {
                    case 1: return (x.ward, x.due, a) < (y.ward, y.due, b)
                    case 2: return (x.due, x.program, a) < (y.due, y.program, b)
                    default: return (x.program, x.ward, a) < (y.program, y.ward, b)
                    }
                }
                stride(from: 0, to: members.count, by: size).forEach {
                    groups.append(Array(members[$0..<min(members.count, $0 + size)]))
                }
            }
            return (kind, groups)
        }
    }
}

/// What the jobs of one of fix-and-optimise's neighbourhoods share, in the order a pass visits the kinds.
public enum NeighbourhoodKind: String, Sendable, CaseIterable {
    /// Jobs the week relaxation's optimum would move to another route (``OptimalPlanner/relaxationNeighbourhoods``),
    /// from the second pass on.
    case relaxation
    case program, block, dueDay = "due-day", ward

    /// The kinds that group jobs by what they share (``OptimalPlanner/neighbourhoods(_:size:pass:)``), in order.
    public static let groupKinds: [NeighbourhoodKind] = [.program, .block, .dueDay, .ward]
}

/// One neighbourhood re-solved by the optimal planner's search, reported through ``OptimalPlanner/Options/searchTrace``.
/// The single-job moves of large weeks and the branch and cut of small ones re-solve no neighbourhood and report none.
public struct SearchStep: Sendable, Equatable {
    /// The walk a neighbourhood belongs to: one kind of neighbourhood in a pass of fix-and-optimise (numbered from
    /// 1; a pass walks its kinds in turn) or the re-timing after a pass.
    public enum Walk: Sendable, Equatable {
        case pass(Int, jobsPerNeighbourhood: Int, kind: NeighbourhoodKind)
        case retiming(afterPass: Int)
    }
    public var walk: Walk
    /// The neighbourhood's place in its walk, from 0, and how many neighbourhoods the walk had to visit.
    public var index: Int
    public var of: Int
    /// The neighbourhood's jobs.
    public var jobs: Int
    /// Whether its sub-MIP's plan replaced the incumbent.
    public var improved: Bool
    /// The incumbent's controllable cost before less after, yen (0 unless improved).
    public var gain: Double
    /// The incumbent's controllable cost after, yen.
    public var incumbent: Double
    /// The time from the planner's start to the end of this neighbourhood.
    public var elapsed: Duration
}

/// A progress report of the optimal planner.
public struct PlannerProgress: Sendable {
    public var phase: String
    public var elapsed: Duration
    /// The incumbent's controllable cost, yen.
    public var incumbent: Double?
    /// The best proven bound on the controllable cost, yen.
    public var bound: Double?
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return max(0, incumbent - bound) / max(abs(incumbent), 1e-9)
    }
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
