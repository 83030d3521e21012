import GLPK
@testable import MailPlan
import Testing

@Suite("Planners")
struct PlannerTests {
    /// The cheapest plan over every combination of candidate routes (deferral included), each combination's
    /// schedule solved with its routes fixed.
    static func exhaustiveOptimum(_ catalogue: RouteCatalogue) throws -> Double? {
        let base = PlanningModel(catalogue, active: Array(catalogue.book.jobs.indices), context: ScheduleState(catalogue), integerPieces: true)
        let options = catalogue.routes.map { $0.count + 1 }  // the last option is deferral
        let combinations = options.reduce(1, *)
        guard combinations <= 1500 else { return nil }
        var best = Double.infinity
        for code in 0..<combinations {
            var model = base.model
            var rest = code
            for j in catalogue.book.jobs.indices {
                let choice = rest % options[j]
                rest /= options[j]
                for (index, x) in base.routeVariables[j]!.enumerated() {
                    model.setBounds(x, lower: index == choice ? 1 : 0, upper: index == choice ? 1 : 0)
                }
                let isDeferred: Double = choice == options[j] - 1 ? 1 : 0
                model.setBounds(base.deferVariables[j]!, lower: isDeferred, upper: isDeferred)
            }
            let solution = try solve(model)
            if solution.termination == .optimal, let value = solution.objectiveValue { best = min(best, value) }
        }
        return best
    }

    @Test func optimalMatchesExhaustiveSearchAndBeatsTheHeuristics() throws {
        var compared = 0, dayLotsStronger = 0, sharesStronger = 0
        var seed: UInt64 = 1
        while compared < 40 && seed < 400 {
            defer { seed += 1 }
            let book = SmallInstances.book(seed: seed)
            let catalogue = RouteCatalogue(book, maximumRoutes: 3)
            guard let oracle = try Self.exhaustiveOptimum(catalogue) else { continue }
            let evaluator = PlanEvaluator(book)
            let optimal = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0)).plan(catalogue)
            let greedy = HeuristicPlanners.greedy(catalogue)
            let status = HeuristicPlanners.statusQuo(catalogue)
            for plan in [optimal, greedy, status] {
                let evaluation = evaluator.evaluate(plan)
                #expect(evaluation.violations.isEmpty, "seed \(seed) \(plan.planner): \(evaluation.violations)")
            }
            let solver = try #require(optimal.solver)
            #expect(solver.status == "optimal", "seed \(seed)")
            let optimalCost = evaluator.evaluate(optimal).cost
            #expect(abs(optimalCost.controllable - oracle) <= 1e-6 * max(1, abs(oracle)),
                    "seed \(seed): planner \(optimalCost.controllable) vs exhaustive \(oracle)")
            // The week-level bounds are valid: never above the true optimum, the LP never below the separable one,
            // day lots never below lots priced by their reach.
            let relaxation = try #require(try WeekRelaxation(catalogue).bound(timeLimit: .seconds(30)))
            let dayLots = try #require(try WeekRelaxation(catalogue, lots: .byDay).bound(timeLimit: .seconds(30)))
            let separable = WeekRelaxation.separableBound(catalogue)
            let tolerance = 1e-6 * max(1, abs(oracle))
            #expect(relaxation <= oracle + tolerance, "seed \(seed): relaxation \(relaxation) > optimum \(oracle)")
            #expect(dayLots <= oracle + tolerance, "seed \(seed): day lots \(dayLots) > optimum \(oracle)")
            #expect(separable <= relaxation + tolerance, "seed \(seed)")
            #expect(relaxation <= dayLots + tolerance, "seed \(seed): day lots \(dayLots) < relaxation \(relaxation)")
            if dayLots > relaxation + tolerance { dayLotsStronger += 1 }
            // The whole model's LP with each job's lot shares (the bound worker's last LP) is valid and at least the
            // whole LP.
            var whole = PlanningModel(catalogue, active: Array(book.jobs.indices), context: ScheduleState(catalogue))
            let lp = try #require(try solve(whole.model, try SolveParameters(relaxIntegrality: true)).objectiveValue)
            let links = whole.addLotShares()
            let shares = try #require(try solveByRowGeneration(whole.model, lazy: whole.setupLinkRows + links).objectiveValue)
            #expect(shares <= oracle + tolerance, "seed \(seed): lot shares \(shares) > optimum \(oracle)")
            #expect(lp <= shares + tolerance, "seed \(seed): lot shares \(shares) < whole LP \(lp)")
            if shares > lp + tolerance { sharesStronger += 1 }
            let greedyCost = evaluator.evaluate(greedy)
            let statusCost = evaluator.evaluate(status)
            if greedyCost.latePieces == 0 && statusCost.latePieces == 0 && evaluator.evaluate(optimal).latePieces == 0 {
                #expect(optimalCost.total <= greedyCost.cost.total + 1e-6, "seed \(seed)")
                #expect(greedyCost.cost.total <= statusCost.cost.total + 1e-6, "seed \(seed)")
            }
            compared += 1
        }
        print("compared the optimal planner with exhaustive route search on \(compared) instances; "
              + "day lots gave the week relaxation a stronger bound on \(dayLotsStronger), lot shares the whole LP on \(sharesStronger)")
        #expect(compared >= 30)
        #expect(dayLotsStronger > 0, "no instance tells day lots from lots priced by their reach")
        #expect(sharesStronger > 0, "no instance tells the whole LP with lot shares from the whole LP")
    }

    /// Overtime is priced as the evaluator prices it: with two hours of overtime allowed at 1.25×, the optimal
    /// planner's cost equals exhaustive route search, no bound exceeds it, and some optima work overtime; the
    /// heuristics' plans are valid there too.
    @Test func optimalMatchesExhaustiveSearchWhereOvertimeIsAllowed() throws {
        var compared = 0, overtimeDays = 0
        var seed: UInt64 = 1
        while compared < 20 && seed < 400 {
            defer { seed += 1 }
            let book = SmallInstances.book(seed: seed, overtimeHours: 2)
            let catalogue = RouteCatalogue(book, maximumRoutes: 3)
            guard let oracle = try Self.exhaustiveOptimum(catalogue) else { continue }
            let optimal = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0)).plan(catalogue)
            #expect(optimal.solver?.status == "optimal", "seed \(seed)")
            let evaluation = PlanEvaluator(book).evaluate(optimal)
            for plan in [optimal, HeuristicPlanners.greedy(catalogue), HeuristicPlanners.statusQuo(catalogue)] {
                let violations = PlanEvaluator(book).evaluate(plan).violations
                #expect(violations.isEmpty, "seed \(seed) \(plan.planner): \(violations)")
            }
            #expect(abs(evaluation.cost.controllable - oracle) <= 1e-6 * max(1, abs(oracle)),
                    "seed \(seed): planner \(evaluation.cost.controllable) vs exhaustive \(oracle)")
            // Every bound the planner can take stays valid where overtime is priced.
            let tolerance = 1e-6 * max(1, abs(oracle))
            let relaxation = try #require(try WeekRelaxation(catalogue).bound(timeLimit: .seconds(30)))
            let dayLots = try #require(try WeekRelaxation(catalogue, lots: .byDay).bound(timeLimit: .seconds(30)))
            var whole = PlanningModel(catalogue, active: Array(book.jobs.indices), context: ScheduleState(catalogue))
            let links = whole.addLotShares()
            let shares = try #require(try solveByRowGeneration(whole.model, lazy: whole.setupLinkRows + links).objectiveValue)
            for (name, bound) in [("week relaxation", relaxation), ("day lots", dayLots), ("lot shares", shares),
                                  ("separable", WeekRelaxation.separableBound(catalogue))] {
                #expect(bound <= oracle + tolerance, "seed \(seed): \(name) \(bound) > optimum \(oracle)")
            }
            overtimeDays += SmallInstances.overtimeDays(evaluation, book)
            compared += 1
        }
        print("compared the optimal planner with exhaustive route search on \(compared) instances that allow overtime; "
              + "their optima work \(overtimeDays) desk-days into it")
        #expect(compared >= 15)
        #expect(overtimeDays > 0, "no optimum works overtime")
    }

    /// Lots are capped in both bounds by what their site can dispatch in a day. The cap is worked out by hand for
    /// the small site, and no valid plan of any planner on 40 seeded instances forms a larger lot, nor a lot larger
    /// than the week relaxation's reach for its day (the pieces that can be dispatched there by then).
    @Test func noLotExceedsItsSiteDailyDispatchCapacityOrItsDaysReach() throws {
        let catalogue = RouteCatalogue(SmallInstances.book(seed: 1))
        #expect(catalogue.dailyDispatchPieces(site: "center") == 2000 * 4)  // the dispatch desk, not the insert line
        #expect(catalogue.dailyDispatchPieces(site: "hall") == 800 * 8)
        #expect(catalogue.dailyDispatchPieces(site: "vendor") == 3000)
        #expect(catalogue.dailyDispatchPieces(site: "nowhere") == 0)
        var lots = 0, earlyReachSmaller = 0
        for seed in UInt64(1)...40 {
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed, jobs: 8))
            let evaluator = PlanEvaluator(catalogue.book)
            let reach = WeekRelaxation.lotReach(catalogue)
            for volumes in reach.values {
                #expect(zip(volumes, volumes.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed): \(volumes)")
                earlyReachSmaller += volumes.filter { $0 < volumes.last! }.count
            }
            let optimal = try OptimalPlanner(options: .init(timeLimit: .seconds(10))).plan(catalogue)
            for plan in [HeuristicPlanners.statusQuo(catalogue), HeuristicPlanners.greedy(catalogue), optimal] {
                let evaluation = evaluator.evaluate(plan)
                #expect(evaluation.violations.isEmpty, "seed \(seed)")
                for lot in evaluation.lots {
                    #expect(Double(lot.pieces) <= catalogue.dailyDispatchPieces(site: lot.site), "seed \(seed): \(lot)")
                    let day = try #require(catalogue.horizon.days.firstIndex(of: lot.day))
                    let reachable = reach["\(lot.mailClass)|\(lot.site)"]?[day] ?? 0
                    #expect(Double(lot.pieces) <= reachable, "seed \(seed): \(lot) beyond its day's reach \(reachable)")
                    lots += 1
                }
            }
        }
        #expect(lots > 100)
        #expect(earlyReachSmaller > 0, "no lot's reach grows over the week")
    }

    /// The decomposition's bound (taken on the second core) is the best of the week relaxation, the week relaxation
    /// with day lots and the whole model's LP relaxation, and never above the exhaustive optimum.
    @Test func decompositionBoundIsValidAndTakesTheStrongestRelaxation() throws {
        var compared = 0, dayLotsStronger = 0
        var seed: UInt64 = 1
        while compared < 12 && seed < 200 {
            defer { seed += 1 }
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed), maximumRoutes: 3)
            guard let oracle = try Self.exhaustiveOptimum(catalogue) else { continue }
            let plan = try OptimalPlanner(options: .init(timeLimit: .seconds(30), relativeGap: 0, wholeModelBinaries: 0)).plan(catalogue)
            let bound = try #require(plan.solver?.bound, "seed \(seed)")
            let whole = PlanningModel(catalogue, active: Array(catalogue.book.jobs.indices), context: ScheduleState(catalogue))
            let lp = try #require(try solve(whole.model, try SolveParameters(relaxIntegrality: true)).objectiveValue)
            let week = try #require(try WeekRelaxation(catalogue).bound(timeLimit: .seconds(30), method: .dual))
            let primalWeek = try #require(try WeekRelaxation(catalogue).bound(timeLimit: .seconds(30), method: .primal))
            let dayLots = try #require(try WeekRelaxation(catalogue, lots: .byDay).bound(timeLimit: .seconds(30), method: .dual))
            let primalDayLots = try #require(try WeekRelaxation(catalogue, lots: .byDay).bound(timeLimit: .seconds(30), method: .primal))
            let tolerance = 1e-6 * max(1, abs(oracle))
            // Row generation, as the bound worker solves the large LPs, reaches the same optima.
            let lazyLP = try #require(try solveByRowGeneration(whole.model, lazy: whole.setupLinkRows).objectiveValue)
            let byDay = WeekRelaxation(catalogue, lots: .byDay)
            let lazyDayLots = try #require(try solveByRowGeneration(byDay.model, lazy: byDay.lazyRows).objectiveValue)
            #expect(abs(lazyLP - lp) <= tolerance, "seed \(seed): whole LP \(lp), by row generation \(lazyLP)")
            #expect(abs(lazyDayLots - dayLots) <= tolerance, "seed \(seed): day lots \(dayLots), by row generation \(lazyDayLots)")
            #expect(abs(week - primalWeek) <= tolerance, "seed \(seed): dual \(week) vs primal \(primalWeek)")
            #expect(abs(dayLots - primalDayLots) <= tolerance, "seed \(seed): dual \(dayLots) vs primal \(primalDayLots)")
            // Day lots are solved at this size, so the whole LP is not: the bound is the best of the others.
            #expect(abs(bound - max(week, dayLots, WeekRelaxation.separableBound(catalogue))) <= tolerance, "seed \(seed)")
            #expect(bound <= oracle + tolerance, "seed \(seed): bound \(bound) > optimum \(oracle)")
            #expect(lp <= oracle + tolerance, "seed \(seed): whole LP \(lp) > optimum \(oracle)")
            // Not a theorem (the whole LP has daily capacities), but what the worker relies on to skip it: on these
            // weeks, as on the ladder's, day lots are at least as strong.
            #expect(lp <= dayLots + tolerance, "seed \(seed): whole LP \(lp) > day lots \(dayLots)")
            if dayLots > max(lp, week) + tolerance { dayLotsStronger += 1 }
            compared += 1
        }
        print("checked the decomposition's bound against exhaustive route search on \(compared) instances; "
              + "day lots were stronger than both the whole LP and the week relaxation on \(dayLotsStronger)")
        #expect(compared >= 10)
        #expect(dayLotsStronger > 0, "no instance tells whether the day lots' bound is used")
    }

    /// On small weeks the search's sub-MIPs keep whole pieces, so every plan they return is a solution of the whole
    /// model as it stands (branch and cut then starts from it) and costs what the model says. Rounded continuous
    /// sub-MIPs could use the evaluator's one-piece rounding slack and end a few yen below the model's optimum.
    @Test func smallWeeksSearchWithinTheWholeModel() throws {
        var checked = 0
        for seed in UInt64(1)...12 {
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed))
            let whole = OptimalPlanner.wholeModel(catalogue, wholeModelBinaries: OptimalPlanner.Options().wholeModelBinaries)
            #expect(whole.integerPieces)
            let greedy = HeuristicPlanners.greedy(catalogue)
            let jobs = Array(catalogue.book.jobs.indices)
            for neighbourhood in [jobs, Array(jobs.prefix(jobs.count / 2 + 1))] {
                let plan = try #require(try OptimalPlanner.reoptimise(catalogue, greedy, neighbourhood: neighbourhood,
                                                                       integerPieces: true, nodes: 200, timeLimit: .seconds(30)),
                                        "seed \(seed)")
                let start = try #require(whole.planning.start(from: plan, context: ScheduleState(catalogue)), "seed \(seed)")
                // Throws GLPKError.invalidStart unless the start satisfies every row and bound of the model.
                _ = try solve(whole.planning.model, try SolveParameters(nodeLimit: 1, iterationLimit: 0, start: start))
                let cost = PlanEvaluator(catalogue.book).evaluate(plan).cost.controllable
                #expect(abs(whole.planning.model.objectiveValue(of: start) - cost) <= 1e-6 * max(1, abs(cost)), "seed \(seed)")
                checked += 1
            }
            // The planner's proven optimum is the model's, with or without single-job moves before the sub-MIPs
            // (their plans have whole pieces too).
            let optimal = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0)).plan(catalogue)
            #expect(optimal.solver?.status == "optimal", "seed \(seed)")
            let movedFirst = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0, singleJobMovesFirst: true))
                .plan(catalogue)
            #expect(movedFirst.solver?.status == "optimal", "seed \(seed)")
            if let a = optimal.solver?.objective, let b = movedFirst.solver?.objective {
                #expect(abs(a - b) <= 1e-6 * max(1, abs(a)), "seed \(seed): \(a) vs \(b) with single-job moves first")
            }
            #expect(PlanEvaluator(catalogue.book).evaluate(movedFirst).violations.isEmpty, "seed \(seed)")
        }
        #expect(checked == 24)
    }

    /// Re-timing with routes kept builds its sub-MIP from the kept routes alone (`RouteCatalogue.keepingRoutes`):
    /// the same optimum as the model of every candidate route with the route binaries fixed, from fewer columns,
    /// and a solution on the very routes it kept (a deferred job stays deferred).
    @Test func retimingWithKeptRoutesHasTheFixedModelsOptimum() throws {
        var compared = 0, smaller = 0
        for seed in UInt64(1)...12 {
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed))
            let book = catalogue.book
            var plan = HeuristicPlanners.greedy(catalogue)
            // One job deferred, so that a deferral is kept too.
            let deferredJob = book.jobs[Int(seed) % book.jobs.count].id
            plan.assignments.removeAll { $0.job == deferredJob }
            plan.deferred = Set(plan.deferred + [deferredJob]).sorted()
            let jobs = Array(book.jobs.indices)
            for neighbourhood in [jobs, jobs.filter { $0 % 2 == 0 }] {
                let context = ScheduleState(catalogue, placing: plan.assignments,
                                            of: Set(book.jobs.indices.filter { !neighbourhood.contains($0) }.map { book.jobs[$0].id }))
                func optimum(_ candidates: RouteCatalogue) throws -> (value: Double, columns: Int, plan: [Assignment], deferred: [String]) {
                    var model = PlanningModel(candidates, active: neighbourhood, context: context, integerPieces: true)
                    let start = try #require(model.start(from: plan, context: context), "seed \(seed)")
                    model.fixRoutes(as: start)
                    let solution = try solve(model.model, try SolveParameters(relativeGap: 0, start: start))
                    #expect(solution.termination == .optimal, "seed \(seed)")
                    let (assignments, deferred) = model.assignments(from: solution.values)
                    return (try #require(solution.objectiveValue), model.model.variableCount, assignments, deferred)
                }
                let fixed = try optimum(catalogue)
                let kept = try optimum(catalogue.keepingRoutes(of: neighbourhood, as: plan))
                #expect(abs(fixed.value - kept.value) <= 1e-6 * max(1, abs(fixed.value)),
                        "seed \(seed): \(kept.value) with the kept routes against \(fixed.value) with all fixed")
                #expect(kept.columns <= fixed.columns)
                if kept.columns < fixed.columns { smaller += 1 }
                let before = Dictionary(plan.assignments.map { ("\($0.job)|\($0.stage)", $0.resource) }) { a, _ in a }
                for assignment in kept.plan {
                    #expect(before["\(assignment.job)|\(assignment.stage)"] == assignment.resource, "seed \(seed)")
                }
                let activeIDs = Set(neighbourhood.map { book.jobs[$0].id })
                #expect(kept.deferred == plan.deferred.filter { activeIDs.contains($0) }, "seed \(seed)")
                compared += 1
            }
        }
        #expect(compared == 24)
        #expect(smaller > 0, "no week tells whether the kept routes shrink the model")
    }
}
