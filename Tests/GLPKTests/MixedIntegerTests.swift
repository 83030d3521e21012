import GLPK
import Testing

@Suite("Mixed-integer programs")
struct MixedIntegerTests {
    @Test func knapsacksMatchBruteForce() throws {
        var generator = SeededGenerator(seed: 20261130)
        let count = 250
        for instance in 0..<count {
            let knapsack = Knapsack.random(using: &generator)
            let (model, x) = knapsack.model
            let solution = try solve(model)
            #expect(solution.termination == .optimal, "instance \(instance)")
            let objective = try #require(solution.objectiveValue)
            #expect(close(objective, knapsack.bruteForceOptimum), "instance \(instance): \(objective)")
            // The returned point is integral, within capacity, and worth the reported objective.
            let chosen = x.map { solution.value(of: $0) }
            #expect(chosen.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(zip(chosen, knapsack.weights).map(*).reduce(0, +) <= knapsack.capacity + 1e-9)
            #expect(close(zip(chosen, knapsack.values).map(*).reduce(0, +), objective))
        }
        print("checked \(count) random 0-1 knapsack instances against brute force")
    }

    @Test func assignmentsMatchBruteForce() throws {
        var generator = SeededGenerator(seed: 7)
        let count = 100
        for instance in 0..<count {
            let assignment = Assignment.random(using: &generator)
            let (model, _) = assignment.model
            // Presolve on, cuts on: the answers must not change.
            let parameters = try SolveParameters(presolve: instance.isMultiple(of: 2), cuts: instance.isMultiple(of: 3) ? .all : [])
            let solution = try solve(model, parameters)
            #expect(solution.termination == .optimal, "instance \(instance)")
            #expect(close(try #require(solution.objectiveValue), assignment.bruteForceOptimum), "instance \(instance)")
            #expect(close(try #require(solution.bestBound), assignment.bruteForceOptimum))
        }
        print("checked \(count) random assignment instances against brute force")
    }

    /// 2x + 2y = 3 has no integer solution although its relaxation is feasible.
    @Test func infeasibleMixedIntegerProgram() throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .integer, upperBound: 5, objective: 1)
        let y = model.addVariable("y", kind: .integer, upperBound: 5, objective: 1)
        model.addConstraint("odd", [(x, 2), (y, 2)], .exactly(3))
        for presolve in [false, true] {
            let solution = try solve(model, SolveParameters(presolve: presolve))
            #expect(solution.termination == .infeasible)
            #expect(!solution.hasSolution)
        }
    }

    @Test func infeasibleRelaxation() throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .binary, objective: 1)
        model.addConstraint("two", [(x, 1)], .atLeast(2))
        #expect(try solve(model).termination == .infeasible)
    }

    @Test func unboundedMixedIntegerProgram() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .integer, objective: 1)
        let y = model.addVariable("y", objective: 1)
        model.addConstraint("gap", [(x, 1), (y, -1)], .atMost(1))
        #expect(try solve(model).termination == .unbounded)
    }

    @Test func hardInstanceStopsAtTheTimeLimitWithAnIncumbent() throws {
        let model = marketSplit(rows: 5, columns: 40, seed: 3)
        let limit = Duration.seconds(1)
        let began = ContinuousClock.now
        let solution = try solve(model, SolveParameters(timeLimit: limit))
        let elapsed = ContinuousClock.now - began
        #expect(solution.termination == .timeLimit(withSolution: true))
        let objective = try #require(solution.objectiveValue)
        let bound = try #require(solution.bestBound)
        #expect(bound <= objective + 1e-9)
        #expect(try #require(solution.relativeGap) > 0)
        // Generous slack for a shared machine: the point is that the limit covers LP and search together.
        #expect(elapsed < limit * 5, "took \(elapsed)")
    }

    /// Solves `model` twice with the same parameters, expects the same values, objective and bound, and returns
    /// the first solution.
    static func solvedTwiceAlike(_ model: LinearModel, _ parameters: SolveParameters) throws -> Solution {
        let first = try solve(model, parameters)
        let second = try solve(model, parameters)
        #expect(first.values == second.values)
        #expect(first.objectiveValue == second.objectiveValue)
        #expect(first.bestBound == second.bestBound)
        return first
    }

    @Test func nodeLimitStopsTheSearchAtTheSamePointEveryTime() throws {
        let model = marketSplit(rows: 5, columns: 40, seed: 3)
        let first = try Self.solvedTwiceAlike(model, try SolveParameters(cuts: .all, nodeLimit: 50))
        #expect(first.termination == .nodeLimit(withSolution: true))
        #expect(throws: GLPKError.invalidParameter("node limit must be at least 1, got 0")) {
            try SolveParameters(nodeLimit: 0)
        }
    }

    @Test func iterationLimitStopsTheSearchAtTheSamePointEveryTime() throws {
        let model = marketSplit(rows: 5, columns: 40, seed: 3)
        let first = try Self.solvedTwiceAlike(model, try SolveParameters(cuts: .all, iterationLimit: 2_000))
        #expect(first.termination == .iterationLimit(withSolution: true))
        // A larger limit follows the same path further: its incumbent is no worse and its bound no weaker.
        let further = try solve(model, SolveParameters(cuts: .all, iterationLimit: 8_000))
        #expect(further.termination == .iterationLimit(withSolution: true))
        #expect(try #require(further.objectiveValue) <= (try #require(first.objectiveValue)) + 1e-9)
        #expect(try #require(further.bestBound) >= (try #require(first.bestBound)) - 1e-9)
        #expect(further.values != first.values || further.bestBound != first.bestBound)
    }

    @Test func aRootRelaxationStoppedByItsIterationLimitReturnsTheStart() throws {
        // A knapsack whose starting basis is not optimal, so the root LP needs at least one iteration.
        var model = LinearModel(sense: .maximize)
        let items = (0..<8).map { model.addVariable("x\($0)", kind: .binary, objective: Double(3 + $0)) }
        model.addConstraint("weight", items.enumerated().map { ($1, Double(2 + $0)) }, .atMost(12))
        let start = [Double](repeating: 0, count: 8)
        let stopped = try solve(model, SolveParameters(iterationLimit: 0, start: start))
        #expect(stopped.termination == .iterationLimit(withSolution: true))
        #expect(stopped.values == start)
        #expect(stopped.objectiveValue == 0)
        #expect(try solve(model, SolveParameters(iterationLimit: 0)).termination == .iterationLimit(withSolution: false))
        #expect(try solve(model, SolveParameters(iterationLimit: 1000, start: start)).termination == .optimal)
    }

    @Test func relativeGapStopsTheSearchEarly() throws {
        let model = marketSplit(rows: 4, columns: 30, seed: 11)
        let solution = try solve(model, SolveParameters(timeLimit: .seconds(20), relativeGap: 1.0))
        #expect(solution.termination == .gapReached || solution.termination == .optimal)
        #expect(try #require(solution.relativeGap) <= 1.0 + 1e-9)
    }

    @Test func startingSolutionIsUsedAndNeverWorsened() throws {
        let model = marketSplit(rows: 5, columns: 40, seed: 5)
        let first = try solve(model, SolveParameters(timeLimit: .seconds(2)))
        let offered = try #require(first.objectiveValue)
        // A search far too short to find a point this good by itself must still return one at least as good.
        let second = try solve(model, SolveParameters(timeLimit: .milliseconds(50), start: first.values))
        #expect(second.startAccepted)
        #expect(second.hasSolution)
        #expect(try #require(second.objectiveValue) <= offered + 1e-9)
    }

    @Test func startingSolutionSurvivesATimeLimitBeforeTheSearch() throws {
        var model = LinearModel()
        let x = model.addVariable("x", kind: .integer, upperBound: 10, objective: 1)
        model.addConstraint("at_least_three", [(x, 1)], .atLeast(3))
        let solution = try solve(model, SolveParameters(start: [4]))
        #expect(solution.termination == .optimal)
        #expect(solution.value(of: x) == 3)
    }

    @Test func concurrentSolvesOfSeparateModelsAreCorrect() async throws {
        var generator = SeededGenerator(seed: 99)
        let knapsacks = (0..<24).map { _ in Knapsack.random(using: &generator) }
        let expected = knapsacks.map(\.bruteForceOptimum)
        let results = try await withThrowingTaskGroup(of: (Int, Double?).self) { group in
            for (index, knapsack) in knapsacks.enumerated() {
                group.addTask {
                    let (model, _) = knapsack.model
                    return (index, try solve(model, SolveParameters(cuts: .all)).objectiveValue)
                }
            }
            var results = [Double?](repeating: nil, count: knapsacks.count)
            for try await (index, value) in group { results[index] = value }
            return results
        }
        for index in knapsacks.indices {
            #expect(close(try #require(results[index]), expected[index]), "instance \(index)")
        }
    }

    @Test func progressIsReportedDuringALongSearch() throws {
        let model = marketSplit(rows: 5, columns: 40, seed: 8)
        let reports = LineCollector()
        _ = try solve(model, SolveParameters(timeLimit: .milliseconds(2500), progress: { progress in
            reports.append("\(progress.incumbent.map { "\($0)" } ?? "-") \(progress.bound.map { "\($0)" } ?? "-")")
        }))
        #expect(reports.all.count >= 2)
    }
}
