import GLPK
@testable import MailPlan
import Testing

@Suite("Exported week model")
struct WeekModelTests {
    /// The exported model is the one the planner solves: its own optimum is the planner's objective.
    @Test func exportedModelHasThePlannersOptimum() throws {
        var compared = 0
        for seed in UInt64(1)...12 {
            let catalogue = RouteCatalogue(SmallInstances.book(seed: seed))
            let week = WeekModel(catalogue)
            #expect(week.integerPieces)
            #expect(week.model.issues().isEmpty)
            let solution = try solve(week.model, try SolveParameters(timeLimit: .seconds(60), relativeGap: 0))
            #expect(solution.termination == .optimal)
            let plan = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0)).plan(catalogue)
            let objective = try #require(plan.solver?.objective)
            let exported = try #require(solution.objectiveValue)
            #expect(abs(exported - objective) <= 1e-6 * max(1, abs(objective)), "seed \(seed): \(exported) vs \(objective)")
            compared += 1
        }
        print("exported model optimum equals the planner's objective on \(compared) instances")
    }

    /// Large weeks export the continuous-pieces model the planner decomposes, with the same names.
    @Test func largeWeeksExportContinuousPieces() throws {
        let catalogue = RouteCatalogue(SmallInstances.book(seed: 3))
        let week = WeekModel(catalogue, options: .init(wholeModelBinaries: 0))
        #expect(!week.integerPieces)
        let whole = PlanningModel(catalogue, active: Array(catalogue.book.jobs.indices), context: ScheduleState(catalogue))
        #expect(week.integers == whole.binaryCount)
        #expect(week.rows == whole.model.constraintCount && week.columns == whole.model.variableCount)
    }
}
