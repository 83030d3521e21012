@testable import MailPlan
import Testing

/// The search's incumbent ledger against the evaluator (its cost) and against replaying the plan into a
/// ``ScheduleState`` (a neighbourhood's context), over random replacements mixing two planners' plans and deferrals.
@Suite("Plan ledger")
struct PlanLedgerTests {
    static func books() -> [JobBook] {
        // The last three small books allow two hours of overtime, which the ledger prices per resource-day.
        return (UInt64(1)...6).map { SmallInstances.book(seed: $0, overtimeHours: $0 > 3 ? 2 : 0) }
            + [SmallInstances.generatedWeek(jobs: 60, seed: 7, wards: 6)]
    }

    @Test func replacementsKeepTheEvaluatorsCostAndTheReplayedContext() throws {
        var generator = SeededGenerator(seed: 11)
        var checked = 0, vendorRoutes = 0, overtimeSteps = 0
        for book in Self.books() {
            let catalogue = RouteCatalogue(book)
            let evaluator = PlanEvaluator(book)
            let sources = [HeuristicPlanners.greedy(catalogue), HeuristicPlanners.statusQuo(catalogue)]
            var ledger = PlanLedger(catalogue, plan: sources[0])
            let empty = ScheduleState(catalogue)
            let jobs = Array(book.jobs.indices)
            for step in 0..<60 {
                let chosen = Array(jobs.shuffled(using: &generator).prefix(Int.random(in: 1...min(6, jobs.count), using: &generator)))
                let ids = Set(chosen.map { book.jobs[$0].id })
                // Each chosen job takes its stages from one of the two plans, or a random candidate route placed on
                // an empty week (vendors included), or is deferred.
                var assignments: [Assignment] = []
                var deferred: [String] = []
                for j in chosen {
                    let job = book.jobs[j]
                    let source = Int.random(in: 0...5, using: &generator)
                    let routes = catalogue.routes[j]
                    if source >= 3, source < 5, let route = routes.randomElement(using: &generator),
                       let placed = empty.place(job, route) {
                        assignments += empty.assignments(job, route, placed)
                        if route.resources.contains(where: { catalogue.resources[$0].kind == .vendor }) { vendorRoutes += 1 }
                    } else if source == 5 || sources[source % 2].deferred.contains(job.id) {
                        deferred.append(job.id)
                    } else {
                        assignments += sources[source % 2].assignments.filter { $0.job == job.id }
                    }
                }
                let before = (ledger.controllable, ledger.plan)
                let snapshot = ledger.replace(chosen, with: assignments, deferred: deferred)
                let plan = ledger.plan
                #expect(Set(plan.assignments.filter { ids.contains($0.job) }) == Set(assignments))
                let evaluation = evaluator.evaluate(plan)
                let cost = evaluation.cost.controllable
                #expect(abs(ledger.controllable - cost) <= 1e-9 * max(1, abs(cost)), "step \(step): \(ledger.controllable) vs \(cost)")
                if SmallInstances.overtimeDays(evaluation, book) > 0 { overtimeSteps += 1 }
                if step % 3 == 0 {
                    ledger.restore(snapshot)
                    #expect(ledger.controllable == before.0)
                    #expect(Set(ledger.plan.assignments) == Set(before.1.assignments) && ledger.plan.deferred == before.1.deferred)
                }

                // The context of another neighbourhood is what replaying every other job gives.
                let neighbourhood = Array(jobs.shuffled(using: &generator).prefix(Int.random(in: 0...min(8, jobs.count), using: &generator)))
                let others = Set(book.jobs.map(\.id)).subtracting(neighbourhood.map { book.jobs[$0].id })
                let replayed = ScheduleState(catalogue, placing: ledger.plan.assignments, of: others)
                let context = ledger.context(excluding: neighbourhood)
                for r in catalogue.resources.indices {
                    for d in catalogue.horizon.days.indices {
                        let (a, b) = (context.remaining[r][d], replayed.remaining[r][d])
                        #expect(a == b || abs(a - b) <= 1e-9, "step \(step): remaining of \(catalogue.resources[r].id) on day \(d)")
                    }
                }
                #expect(context.setups == replayed.setups, "step \(step)")
                #expect(context.lots == replayed.lots, "step \(step)")
                #expect(context.vendorsUsed == replayed.vendorsUsed, "step \(step)")
                checked += 1
            }
        }
        #expect(checked == 7 * 60)
        #expect(vendorRoutes >= 20)
        #expect(overtimeSteps >= 20)
        print("plan ledger: \(checked) random replacements (\(vendorRoutes) jobs moved onto vendor routes, \(overtimeSteps) plans working overtime) agreed with the evaluator and the replayed context")
    }

    /// A job the plan both defers and assigns costs its deferral, as the evaluator charges it; a replacement is kept
    /// only when it is cheaper, and a dearer one leaves the plan and its cost as they were.
    @Test func deferralWinsAndOnlyCheaperReplacementsAreKept() throws {
        var checked = 0
        for seed in UInt64(1)...6 {
            let book = SmallInstances.book(seed: seed)
            let catalogue = RouteCatalogue(book)
            let evaluator = PlanEvaluator(book)
            let greedy = HeuristicPlanners.greedy(catalogue)
            guard let job = book.jobs.first(where: { id in greedy.assignments.contains { $0.job == id.id } }) else { continue }
            var both = greedy
            both.deferred.append(job.id)
            let ledger = PlanLedger(catalogue, plan: both)
            let charged = evaluator.evaluate(both).cost.controllable
            #expect(abs(ledger.controllable - charged) <= 1e-9 * max(1, abs(charged)), "seed \(seed)")

            // Deferring a job costs its deferral price, far above any route: never kept.
            var kept = PlanLedger(catalogue, plan: greedy)
            let j = book.jobs.firstIndex { $0.id == job.id }!
            let cost = kept.controllable
            let deferring = kept.replaceIfCheaper([j], with: [], deferred: [job.id])
            #expect(!deferring)
            #expect(kept.controllable == cost && Set(kept.plan.assignments) == Set(greedy.assignments))
            // Undeferring it again from the deferred plan is cheaper: kept.
            var deferred = PlanLedger(catalogue, plan: greedy.deferring(job.id))
            let undeferring = deferred.replaceIfCheaper([j], with: greedy.assignments.filter { $0.job == job.id }, deferred: [])
            #expect(undeferring)
            #expect(abs(deferred.controllable - cost) <= 1e-9 * max(1, abs(cost)), "seed \(seed)")
            checked += 1
        }
        #expect(checked == 6)
    }

    /// The search keeps a replacement only when the evaluator would find it cheaper and within every capacity: random
    /// replacements, many of them jobs placed as if the week were empty, which overrun the days other jobs use
    /// (vendors' pieces per day among them), against the evaluator's verdict on the plan that would result.
    @Test func onlyCheaperReplacementsWithinEveryCapacityAreKept() throws {
        var generator = SeededGenerator(seed: 5)
        var kept = 0, dearer = 0, overCapacity = 0, vendorOverruns = 0
        for book in Self.books() {
            let catalogue = RouteCatalogue(book)
            let evaluator = PlanEvaluator(book)
            // From the status quo, which the greedy plan's jobs and the vendor's routes mostly undercut.
            let greedy = HeuristicPlanners.greedy(catalogue)
            var ledger = PlanLedger(catalogue, plan: HeuristicPlanners.statusQuo(catalogue))
            let empty = ScheduleState(catalogue)
            let jobs = Array(book.jobs.indices)
            for step in 0..<80 {
                var chosen: [Int] = [], assignments: [Assignment] = []
                for j in jobs.shuffled(using: &generator).prefix(Int.random(in: 1...min(4, jobs.count), using: &generator)) {
                    let job = book.jobs[j]
                    let own = greedy.assignments.filter { $0.job == job.id }
                    let vendorRoutes = catalogue.routes[j].filter { $0.resources.contains { catalogue.resources[$0].kind == .vendor } }
                    let route = Bool.random(using: &generator) ? vendorRoutes.randomElement(using: &generator) : catalogue.routes[j].randomElement(using: &generator)
                    if let route, let placed = empty.place(job, route) {
                        assignments += empty.assignments(job, route, placed)
                    } else if !own.isEmpty {
                        assignments += own
                    } else {
                        continue
                    }
                    chosen.append(j)
                }
                let ids = Set(chosen.map { book.jobs[$0].id })
                var candidate = ledger.plan
                candidate.assignments = candidate.assignments.filter { !ids.contains($0.job) } + assignments
                candidate.deferred.removeAll { ids.contains($0) }
                let before = evaluator.evaluate(ledger.plan)
                #expect(before.violations.isEmpty, "step \(step): the kept plan stays valid")
                let after = evaluator.evaluate(candidate)
                let overruns = after.violations.filter { $0.contains(" exceed its ") }
                // Placements on an empty week break no rule but capacity.
                #expect(overruns.count == after.violations.count, "step \(step): \(after.violations)")
                let cheaper = after.cost.controllable < before.cost.controllable - 1e-6
                let wasKept = ledger.replaceIfCheaper(chosen, with: assignments, deferred: [])
                #expect(wasKept == (cheaper && overruns.isEmpty), "step \(step): \(overruns)")
                if wasKept { kept += 1 } else if !cheaper { dearer += 1 } else { overCapacity += 1 }
                if cheaper && overruns.contains(where: { $0.contains(" pieces exceed ") }) { vendorOverruns += 1 }
            }
        }
        #expect(kept >= 20 && dearer >= 20 && overCapacity >= 20 && vendorOverruns >= 1)
        print("plan ledger: \(kept) replacements kept, \(dearer) dearer and \(overCapacity) cheaper but over a capacity (\(vendorOverruns) over a vendor's pieces per day) refused, as the evaluator judged them")
    }

    /// The same rule on the replacements the search makes: sub-MIPs with continuous pieces, rounded to whole pieces,
    /// which can overrun a day by a fraction of a piece. The ledger keeps one exactly when the evaluator would accept
    /// the plan it makes and find it cheaper, so within the evaluator's allowance for rounding a plan is kept.
    @Test func subMIPReplacementsAreKeptExactlyWhenTheEvaluatorAcceptsTheirPlan() throws {
        var generator = SeededGenerator(seed: 8)
        var kept = 0, keptOverrunning = 0, solved = 0
        for seed in UInt64(1)...12 {
            let book = SmallInstances.book(seed: seed, jobs: 8)
            let catalogue = RouteCatalogue(book)
            let evaluator = PlanEvaluator(book)
            var ledger = PlanLedger(catalogue, plan: HeuristicPlanners.statusQuo(catalogue))
            for step in 0..<6 {
                let neighbourhood = Array(book.jobs.indices.shuffled(using: &generator).prefix(Int.random(in: 2...4, using: &generator)))
                guard let (assignments, deferred) = try OptimalPlanner.reoptimise(
                    catalogue, context: ledger.context(excluding: neighbourhood), current: ledger.plan(of: neighbourhood),
                    neighbourhood: neighbourhood, keepRoutes: false, integerPieces: false, nodes: 50, timeLimit: .seconds(20))
                else { continue }
                solved += 1
                let ids = Set(neighbourhood.map { book.jobs[$0].id })
                var candidate = ledger.plan
                candidate.assignments = candidate.assignments.filter { !ids.contains($0.job) } + assignments
                candidate.deferred = candidate.deferred.filter { !ids.contains($0) } + deferred
                let before = evaluator.evaluate(ledger.plan), after = evaluator.evaluate(candidate)
                let accepted = after.violations.isEmpty && after.cost.controllable < before.cost.controllable - 1e-6
                let wasKept = ledger.replaceIfCheaper(neighbourhood, with: assignments, deferred: deferred)
                #expect(wasKept == accepted, "seed \(seed), step \(step): \(after.violations)")
                guard wasKept else { continue }
                kept += 1
                let overruns = after.utilisation.contains { id, days in
                    guard let resource = book.site.resources.first(where: { $0.id == id }), resource.kind != .vendor else { return false }
                    return days.values.contains { $0 > resource.hoursPerDay + 1e-6 * resource.hoursPerDay }
                }
                if overruns { keptOverrunning += 1 }
            }
        }
        #expect(kept >= 20 && keptOverrunning >= 1)
        print("plan ledger: \(kept) of \(solved) sub-MIP replacements kept as the evaluator judged them, \(keptOverrunning) overrunning a day within its allowance for rounding")
    }

    /// Single-job moves from the greedy plan: every pass that moves a job lowers the evaluator's cost and keeps the
    /// plan valid, and when a pass moves nothing, the evaluator alone (on the context replayed from the plan) finds no
    /// job with a cheaper placement on any of its routes from any start day (every job of the six small weeks, every
    /// third of the 60-job one, whose greedy plan the moves must improve).
    @Test func singleJobMovesEndWhereNoJobAloneCanDoBetter() {
        var improvedWeeks = 0, placements = 0
        let books = Self.books()
        for (w, book) in books.enumerated() {
            let generated = w == books.count - 1
            let catalogue = RouteCatalogue(book)
            let evaluator = PlanEvaluator(book)
            var ledger = PlanLedger(catalogue, plan: HeuristicPlanners.greedy(catalogue))
            var cost = ledger.controllable
            var passes = 0
            while ledger.relocateJobs(HeuristicPlanners.priorityOrder(book.jobs), searching: { true }) > 0 {
                passes += 1
                let evaluation = evaluator.evaluate(ledger.plan)
                #expect(evaluation.violations.isEmpty, "\(evaluation.violations)")
                #expect(evaluation.cost.controllable < cost - 1e-6)
                #expect(abs(ledger.controllable - evaluation.cost.controllable) <= 1e-9 * max(1, abs(cost)))
                cost = evaluation.cost.controllable
            }
            if passes > 0 { improvedWeeks += 1 }
            #expect(passes > 0 || !generated, "the 60-job week's greedy plan is not improved")
            let plan = ledger.plan
            for (j, job) in book.jobs.enumerated() where !generated || j % 3 == 0 {
                let context = ScheduleState(catalogue, placing: plan.assignments, of: Set(book.jobs.map(\.id)).subtracting([job.id]))
                for route in catalogue.routes[j] {
                    for start in catalogue.horizon.days.indices {
                        guard let placed = context.place(job, route, from: start) else { break }
                        let moved = Plan(planner: plan.planner,
                                         assignments: plan.assignments.filter { $0.job != job.id } + context.assignments(job, route, placed),
                                         deferred: plan.deferred.filter { $0 != job.id })
                        #expect(evaluator.evaluate(moved).cost.controllable >= cost - 1e-6, "\(job.id) from day \(start)")
                        placements += 1
                    }
                }
            }
        }
        print("Single-job moves: \(improvedWeeks) of \(books.count) greedy plans improved; \(placements) placements checked")
    }
}

private extension Plan {
    /// This plan with `job` deferred instead of assigned.
    func deferring(_ job: String) -> Plan {
        Plan(planner: planner, assignments: assignments.filter { $0.job != job }, deferred: deferred + [job])
    }
}
