import GLPK
@testable import MailPlan
import Testing

/// A neighbourhood's start always fits its sub-MIP: the capacity rows the incumbent overruns (as whole-piece rounding
/// can, by a fraction of a piece) are raised to exactly what the start uses there, and no other row moves.
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
}
