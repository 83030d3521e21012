import GLPK
import Testing

@Suite("Row generation")
struct RowGenerationTests {
    /// The 120 random boxed LPs of the Lagrangian tests, each with a random half of its rows lazy and again with all
    /// of them lazy, the first round by either simplex: the same outcome and optimum as the ordinary solve, values
    /// within every row (the lazy ones too), and duals for every row that prove the optimum.
    @Test(arguments: [SolveParameters.LPMethod.primal, .dual])
    func lazyRowsGiveTheWholeLPsOptimum(firstRound method: SolveParameters.LPMethod) throws {
        var generator = SeededGenerator(seed: 2026_11_30)
        var optimal = 0, infeasible = 0, neededLazyRows = 0
        for instance in 0..<120 {
            let model = LagrangianBoundTests.randomBoxedLP(instance, &generator)
            let whole = try solve(model)
            let half = model.constraints.filter { _ in Bool.random(using: &generator) }
            for lazy in [half, model.constraints] {
                let heard = Heard()
                let solution = try solveByRowGeneration(model, lazy: lazy, try SolveParameters(method: method, progress: {
                    heard.bounds.append($0.bound ?? .nan)
                }))
                switch whole.termination {
                case .optimal:
                    optimal += 1
                    #expect(solution.termination == .optimal, "instance \(instance)")
                    let optimum = try #require(whole.objectiveValue)
                    #expect(close(try #require(solution.objectiveValue), optimum), "instance \(instance)")
                    #expect(close(try #require(solution.bestBound), optimum), "instance \(instance)")
                    // Progress hears each round's bound as it is proven: rising, to the optimum.
                    #expect(zip(heard.bounds, heard.bounds.dropFirst()).allSatisfy { model.sense == .minimize ? $0 <= $1 + 1e-9 : $0 >= $1 - 1e-9 },
                            "instance \(instance): \(heard.bounds)")
                    #expect(close(try #require(heard.bounds.last), optimum), "instance \(instance): \(heard.bounds)")
                    let activities = model.activities(of: solution.values)
                    for row in model.constraints {
                        let bounds = model.info(of: row).bounds
                        #expect(activities[row.index] <= bounds.upper + 1e-6 && activities[row.index] >= bounds.lower - 1e-6,
                                "instance \(instance), row \(row.index): \(activities[row.index]) outside \(bounds)")
                    }
                    #expect(close(try #require(model.lagrangianBound(rowMultipliers: solution.duals)), optimum),
                            "instance \(instance): the duals do not prove the optimum")
                    // Did leaving these rows out change the first LP? Then the lazy rows were really needed.
                    var without = LinearModel(sense: model.sense)
                    without.objectiveConstant = model.objectiveConstant
                    let xs = model.variables.map { x in
                        let info = model.info(of: x)
                        return without.addVariable(lowerBound: info.lower, upperBound: info.upper, objective: info.objective)
                    }
                    let lazyIndices = Set(lazy.map(\.index))
                    for row in model.constraints where !lazyIndices.contains(row.index) {
                        let info = model.info(of: row)
                        without.addConstraint("", info.terms.map { (xs[$0.0.index], $0.1) }, info.bounds)
                    }
                    if let relaxed = try solve(without).objectiveValue, !close(relaxed, optimum) { neededLazyRows += 1 }
                case .infeasible:
                    infeasible += 1
                    #expect(solution.termination == .infeasible, "instance \(instance)")
                default:
                    Issue.record("instance \(instance): \(whole.termination)")
                }
            }
        }
        #expect(optimal >= 100 && infeasible >= 4, "optimal \(optimal), infeasible \(infeasible)")
        #expect(neededLazyRows >= 50, "only \(neededLazyRows) solves needed a lazy row")
    }

    /// Stopped by an iteration limit counted over all rounds, a solve proves a bound no better than the optimum (the
    /// last round's optimum or its duals' Lagrangian bound), and a high limit finishes.
    @Test(arguments: [SolveParameters.LPMethod.primal, .dual])
    func aStoppedRowGenerationProvesAValidBound(firstRound method: SolveParameters.LPMethod) throws {
        var generator = SeededGenerator(seed: 7)
        var stopped = 0, bounded = 0
        for instance in 0..<120 {
            let model = LagrangianBoundTests.randomBoxedLP(instance, &generator)
            guard let optimum = try solve(model).objectiveValue else { continue }
            for limit in 0..<4 {
                let solution = try solveByRowGeneration(model, lazy: model.constraints,
                                                        try SolveParameters(method: method, iterationLimit: limit))
                guard solution.termination != .optimal else { continue }
                #expect(solution.termination == .iterationLimit(withSolution: false), "instance \(instance)")
                #expect(!solution.hasSolution && solution.values.isEmpty)
                stopped += 1
                guard let bound = solution.bestBound else { continue }
                bounded += 1
                let valid = model.sense == .minimize ? bound <= optimum + 1e-9 : bound >= optimum - 1e-9
                #expect(valid, "instance \(instance), \(limit) iterations: bound \(bound), optimum \(optimum)")
            }
            let finished = try solveByRowGeneration(model, lazy: model.constraints, try SolveParameters(method: method, iterationLimit: 10_000))
            #expect(finished.termination == .optimal, "instance \(instance)")
            #expect(close(try #require(finished.objectiveValue), optimum), "instance \(instance)")
        }
        #expect(stopped >= 50 && bounded >= 20, "stopped \(stopped), bounded \(bounded)")
    }

    /// A lazy constraint that is not a row of the model is refused before GLPK sees it.
    @Test func aLazyConstraintOfAnotherModelIsRefused() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upperBound: 4, objective: -1)
        model.addConstraint("cap", [(x, 1)], .atMost(3))
        var other = LinearModel()
        let y = other.addVariable("y")
        other.addConstraint("a", [(y, 1)], .atMost(1))
        let foreign = other.addConstraint("b", [(y, 1)], .atMost(2))
        #expect {
            try solveByRowGeneration(model, lazy: [foreign])
        } throws: { error in
            "\(error)" == "invalid model (1 issue):\n  model: lazy constraint #2 is not a row of this model (it has 1)"
        }
        let solution = try solveByRowGeneration(model, lazy: model.constraints)
        #expect(solution.termination == .optimal)
        #expect(close(try #require(solution.objectiveValue), -3))
    }
}

/// What a progress callback heard (it runs on the solving thread, before the solve returns).
private final class Heard: @unchecked Sendable {
    var bounds: [Double] = []
}
