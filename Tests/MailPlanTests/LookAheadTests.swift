@testable import MailPlan
import Testing

/// The search's look-ahead (``LookAhead``) solves the next neighbourhood on a second thread and keeps its result
/// only when the neighbourhood before it changed nothing. So a search that runs out of neighbourhoods before its
/// time limit must reach the very plan it reaches without look-ahead, whichever thread solved what.
@Suite("Look-ahead")
struct LookAheadTests {
    @Test(arguments: [(16, 3 as UInt64, 4), (20, 8, 3)])
    func reachesThePlanOfTheSearchWithoutIt(jobs: Int, seed: UInt64, wards: Int) throws {
        let catalogue = RouteCatalogue(SmallInstances.generatedWeek(jobs: jobs, seed: seed, wards: wards))
        func search(lookAhead: Bool) throws -> Plan {
            // No branch and cut on the whole model and a gap of 0, so the search ends only when its
            // neighbourhoods run out, never at a moment the clock or the bound thread decides.
            try OptimalPlanner(options: .init(timeLimit: .seconds(600), relativeGap: 0, wholeModelBinaries: 0,
                                              largestNeighbourhoodJobs: 20, lookAhead: lookAhead)).plan(catalogue)
        }
        let alone = try search(lookAhead: false)
        let ahead = try search(lookAhead: true)
        #expect(try #require(alone.solver).seconds < 600)
        #expect(ahead.assignments == alone.assignments)
        #expect(ahead.deferred == alone.deferred)
        #expect(ahead.solver?.objective == alone.solver?.objective)
        // The search moved away from the greedy plan, so the walks had sub-MIPs to agree on.
        #expect(try #require(alone.solver?.objective) < PlanEvaluator(catalogue.book).evaluate(HeuristicPlanners.greedy(catalogue)).cost.controllable - 1)
    }
}
