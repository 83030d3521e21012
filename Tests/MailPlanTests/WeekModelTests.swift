import Foundation
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

@Suite("Model names")
struct ModelNameTests {
    /// The template with every code at the longest a site allows (40 characters) and every job id 300 characters
    /// long: each model the planner builds (the whole MILP, both week relaxations, the lot shares) has only names
    /// that GLPK accepts. A 300-character id made names longer than GLPK's 255, and `plan` exited 1.
    @Test func longestCodesAndLongIdsGiveNamesGLPKAccepts() throws {
        let template = LoaderFixture.checkout.appendingPathComponent("Jobs/template")
        var site = try String(contentsOf: template.appendingPathComponent("site.toml"), encoding: .utf8)
        let week = try String(contentsOf: template.appendingPathComponent("week.csv"), encoding: .utf8)
        var long: [String: String] = [:]
        for match in site.matches(of: /code\s*=\s*"([^"]+)"/) {
            let code = String(match.1)
            long[code] = String((code + "-" + String(repeating: "x", count: 40)).prefix(40))
        }
        for (code, longer) in long { site = site.replacingOccurrences(of: "\"\(code)\"", with: "\"\(longer)\"") }
        let rows = week.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("id,"), !line.isEmpty else { return String(line) }
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map { long[String($0)] ?? String($0) }
            cells[0] += "-" + String(repeating: "y", count: 300)
            return cells.joined(separator: ",")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(site.utf8).write(to: folder.appendingPathComponent("site.toml"))
        try Data(rows.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("week.csv"))
        let book = try JobBookLoader.load(jobs: folder.appendingPathComponent("week.csv").path, site: nil)
        try #require(long.count >= 10 && book.jobs.allSatisfy { $0.id.count > 300 })

        let catalogue = RouteCatalogue(book)
        #expect(catalogue.jobNames.allSatisfy { $0.count <= RouteCatalogue.maximumJobNameLength + 2 })
        #expect(Set(catalogue.jobNames).count == book.jobs.count)
        var shares = PlanningModel(catalogue, active: Array(book.jobs.indices), context: ScheduleState(catalogue))
        _ = shares.addLotShares()
        for model in [WeekModel(catalogue).model, WeekRelaxation(catalogue, lots: .byReach).model,
                      WeekRelaxation(catalogue, lots: .byDay).model, shares.model] {
            #expect(model.issues().isEmpty, "\(model.name): \(model.issues().prefix(3))")
        }
    }
}
