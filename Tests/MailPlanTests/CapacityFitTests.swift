import GLPK
@testable import MailPlan
import Testing

/// A neighbourhood's sub-MIP gets exactly the hours the other jobs left: its start always fits (the capacity rows the
/// incumbent overruns, as whole-piece rounding can by a fraction of a piece, are raised to exactly what the start
/// uses there, and no other row moves), and where the other jobs already run into overtime it gets only the
/// overtime they left.
@Suite("Capacity fit")
struct CapacityFitTests {
    @Test func aStartThatOverrunsACapacityFitsAfterwardsAndNothingElseMoves() throws {
        var overrun = 0
        for seed in UInt64(1)...8 {
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed))
            let ledger = PlanLedger(catalogue, plan: HeuristicPlanners.greedy(catalogue))
            let neighbourhood = Array(catalogue.book.jobs.indices.prefix(max(1, catalogue.book.jobs.count / 2)))
            // Every resource-day has half of what was left when the neighbourhood's plan was made, so that the plan
            // overruns the days it filled most.
            var context = ledger.context(excluding: neighbourhood)
            context.remaining = context.remaining.map { $0.map { $0 / 2 } }
            var sub = PlanningModel(catalogue, active: neighbourhood, context: context)
            let start = try #require(sub.start(from: ledger.plan(of: neighbourhood), context: context), "seed \(seed)")
            let before = sub.model
            let activities = before.activities(of: start)
            sub.fitCapacities(to: start)
            var overran = false
            for row in before.constraints {
                let old = before.bounds(of: row), new = sub.model.bounds(of: row)
                if sub.capacityRows.contains(row) {
                    #expect(new == .atMost(max(old.upper, activities[row.index])), "seed \(seed)")
                    overran = overran || activities[row.index] > old.upper
                } else {
                    #expect(new == old, "seed \(seed)")
                }
            }
            // The check of a start throws unless it satisfies every row and bound; an iteration limit of 0 stops there.
            let parameters = try SolveParameters(nodeLimit: 1, iterationLimit: 0, start: start)
            _ = try solve(sub.model, parameters)
            if overran {
                overrun += 1
                #expect(throws: GLPKError.self) { try solve(before, parameters) }
            }
        }
        #expect(overrun > 0)
    }

    @Test func aNeighbourhoodNeverPlansMoreHoursThanTheOtherJobsLeftItsOvertimeIncluded() throws {
        var tight = 0
        for seed in UInt64(1)...8 {
            let book = SmallInstances.book(seed: seed, jobs: 8, overtimeHours: 2)
            let catalogue = RouteCatalogue(book)
            let ledger = PlanLedger(catalogue, plan: HeuristicPlanners.greedy(catalogue))
            let neighbourhood = Array(catalogue.book.jobs.indices.prefix(catalogue.book.jobs.count / 2))
            // The other jobs fill the centre and the vendor, run an hour into every desk's two hours of overtime
            // and set nothing up: one hour is left on each desk's day, all of it overtime.
            var context = ledger.context(excluding: neighbourhood)
            for (r, resource) in catalogue.resources.enumerated() {
                context.remaining[r] = context.remaining[r].map { _ in PlanEvaluator.allowsOvertime(resource.kind) ? 1 : 0 }
                context.setups[r] = context.setups[r].map { _ in [] }
            }
            let sub = PlanningModel(catalogue, active: neighbourhood, context: context)
            let solution = try solve(sub.model)
            try #require(solution.termination == .optimal, "seed \(seed)")
            let planned = sub.assignments(from: solution.values)
            let active = Set(neighbourhood.map { book.jobs[$0].id })
            let plan = Plan(planner: "optimal", assignments: planned.assignments,
                            deferred: planned.deferred + book.jobs.map(\.id).filter { !active.contains($0) })
            // A whole-piece rounding can overrun a day by a fraction of a piece.
            for (id, days) in PlanEvaluator(book).evaluate(plan).utilisation {
                guard let resource = book.site.resources.first(where: { $0.id == id }),
                      PlanEvaluator.allowsOvertime(resource.kind) else { continue }
                for (day, hours) in days {
                    #expect(hours <= 1.01, "seed \(seed): \(id) on \(day) plans \(hours) hours of the 1 left")
                    if hours > 0.9 { tight += 1 }
                }
            }
        }
        #expect(tight > 0, "no neighbourhood fills the hour it is left")
    }

    /// Where the site allows overtime, the search's neighbourhoods are planned against what the other jobs left of
    /// it, and every plan is valid. The decomposition runs on its own (no whole model after it), from
    /// neighbourhoods of two jobs up to four, so that sub-MIPs meet days the other jobs already run into overtime.
    @Test func theSearchKeepsEveryDayWithinItsOvertime() throws {
        var overtimeDays = 0
        for seed in UInt64(1)...24 {
            let book = SmallInstances.book(seed: seed, jobs: 8, overtimeHours: 2)
            let catalogue = RouteCatalogue(book)
            let options = OptimalPlanner.Options(timeLimit: .seconds(30), wholeModelBinaries: 0, neighbourhoodJobs: 2,
                                                 largestNeighbourhoodJobs: 4)
            let plan = try OptimalPlanner(options: options).plan(catalogue)
            let evaluation = PlanEvaluator(book).evaluate(plan)
            #expect(evaluation.violations.isEmpty, "seed \(seed): \(evaluation.violations)")
            overtimeDays += SmallInstances.overtimeDays(evaluation, book)
        }
        print("searched 24 weeks that allow two hours of overtime; their plans work \(overtimeDays) desk-days into it")
        #expect(overtimeDays > 0, "no plan works overtime")
    }
}
