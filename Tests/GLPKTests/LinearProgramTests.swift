import GLPK
import Testing

@Suite("Linear programs")
struct LinearProgramTests {
    /// The example of the GLPK manual (``ManualExample``): its optimum, duals and reduced cost.
    @Test func glpkManualExample() throws {
        let (model, x, rows) = ManualExample.model()
        let (x1, x2, x3) = (x[0], x[1], x[2])
        let (p, q, r) = (rows[0], rows[1], rows[2])

        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(!solution.isMixedInteger)
        #expect(close(try #require(solution.objectiveValue), 2200.0 / 3))
        #expect(close(try #require(solution.bestBound), 2200.0 / 3))
        #expect(close(solution.value(of: x1), 100.0 / 3))
        #expect(close(solution.value(of: x2), 200.0 / 3))
        #expect(close(solution.value(of: x3), 0))
        #expect(close(solution.dual(of: p), 10.0 / 3))
        #expect(close(solution.dual(of: q), 2.0 / 3))
        #expect(close(solution.dual(of: r), 0))
        #expect(close(solution.reducedCost(of: x3), -8.0 / 3))
    }

    /// minimise 2x + 3y subject to c1: x + y ≥ 4, c2: x + 3y ≥ 6, x, y ≥ 0.
    /// Vertices (6,0) → 12, (3,1) → 9, (0,4) → 12: optimum 9 at (3,1).
    /// Duals solve u1 + u2 = 2, u1 + 3u2 = 3: u = (1.5, 0.5).
    @Test func minimisationWithGreaterOrEqualRows() throws {
        var model = LinearModel()
        let x = model.addVariable("x", objective: 2)
        let y = model.addVariable("y", objective: 3)
        let c1 = model.addConstraint("c1", [(x, 1), (y, 1)], .atLeast(4))
        let c2 = model.addConstraint("c2", [(x, 1), (y, 3)], .atLeast(6))
        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(try #require(solution.objectiveValue), 9))
        #expect(close(solution.value(of: x), 3) && close(solution.value(of: y), 1))
        #expect(close(solution.dual(of: c1), 1.5) && close(solution.dual(of: c2), 0.5))
    }

    /// maximise x + y subject to 1 ≤ x − y ≤ 2 (ranged), x + 2y = 4, x, y ≥ 0.
    /// x = 4 − 2y, so x − y = 4 − 3y ∈ [1, 2] gives y ∈ [2/3, 1]; x + y = 4 − y is largest at y = 2/3: 10/3.
    @Test func rangedAndEqualityRows() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", objective: 1)
        let y = model.addVariable("y", objective: 1)
        model.addConstraint("range", [(x, 1), (y, -1)], .between(1, 2))
        model.addConstraint("balance", [(x, 1), (y, 2)], .exactly(4))
        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(try #require(solution.objectiveValue), 10.0 / 3))
        #expect(close(solution.value(of: y), 2.0 / 3))
    }

    /// minimise 5 + |t| written as t⁺ + t⁻ with a free variable t ≥ −3 via a row, t free in [−∞, ∞]:
    /// minimise 5 + a subject to a ≥ t, a ≥ −t, t ≤ −3 → a = 3, objective 8.
    @Test func freeVariablesAndObjectiveConstant() throws {
        var model = LinearModel()
        model.objectiveConstant = 5
        let t = model.addVariable("t", lowerBound: -.infinity, upperBound: -3)
        let a = model.addVariable("a", lowerBound: -.infinity, objective: 1)
        model.addConstraint("above_t", [(a, 1), (t, -1)], .atLeast(0))
        model.addConstraint("above_minus_t", [(a, 1), (t, 1)], .atLeast(0))
        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(try #require(solution.objectiveValue), 8))
        #expect(close(solution.value(of: t), -3))
    }

    /// Repeated terms are summed: x + x ≤ 4 is 2x ≤ 4, and x − x + y ≤ 1 keeps only y.
    @Test func repeatedTermsAreMerged() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", upperBound: 10, objective: 1)
        let y = model.addVariable("y", upperBound: 10, objective: 1)
        let c = model.addConstraint("twice", [(x, 1), (x, 1)], .atMost(4))
        let d = model.addConstraint("cancel", [(x, 1), (y, 1), (x, -1)], .atMost(1))
        #expect(model.info(of: c).terms.map(\.1) == [2])
        #expect(model.info(of: d).terms.map(\.0) == [y])
        let solution = try solve(model)
        #expect(close(try #require(solution.objectiveValue), 3))
    }

    @Test func infeasibleLinearProgram() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upperBound: 1, objective: 1)
        model.addConstraint("impossible", [(x, 1)], .atLeast(2))
        let solution = try solve(model)
        #expect(solution.termination == .infeasible)
        #expect(!solution.hasSolution)
        #expect(solution.objectiveValue == nil)
    }

    @Test func unboundedLinearProgram() throws {
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", objective: 1)
        let y = model.addVariable("y", objective: 1)
        model.addConstraint("gap", [(x, 1), (y, -1)], .atMost(1))
        let solution = try solve(model)
        #expect(solution.termination == .unbounded)
        #expect(!solution.hasSolution)
    }

    @Test func emptyModelIsOptimalAtItsConstant() throws {
        var model = LinearModel()
        model.objectiveConstant = 42
        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(solution.hasSolution)
        #expect(solution.objectiveValue == 42)
        #expect(solution.values.isEmpty)
    }

    @Test func emptyRowsDecideFeasibilityWithoutVariables() throws {
        var feasible = LinearModel()
        feasible.addConstraint("zero", [], .between(-1, 1))
        #expect(try solve(feasible).termination == .optimal)

        var infeasible = LinearModel()
        infeasible.addConstraint("one", [], .atLeast(1))
        #expect(try solve(infeasible).termination == .infeasible)
    }

    @Test func rowsWithoutTermsNextToVariables() throws {
        var model = LinearModel()
        let x = model.addVariable("x", lowerBound: 1, objective: 1)
        model.addConstraint("nothing", [(x, 0)], .atMost(5))
        let solution = try solve(model)
        #expect(solution.termination == .optimal)
        #expect(close(solution.value(of: x), 1))
    }

    @Test func relaxingIntegralityGivesTheLinearBound() throws {
        // max x + y, 2x + 2y ≤ 3, binary: LP optimum 1.5, integer optimum 1.
        var model = LinearModel(sense: .maximize)
        let x = model.addVariable("x", kind: .binary, objective: 1)
        let y = model.addVariable("y", kind: .binary, objective: 1)
        model.addConstraint("half", [(x, 2), (y, 2)], .atMost(3))
        let relaxed = try solve(model, SolveParameters(relaxIntegrality: true))
        #expect(!relaxed.isMixedInteger)
        #expect(close(try #require(relaxed.objectiveValue), 1.5))
        let integral = try solve(model)
        #expect(integral.isMixedInteger)
        #expect(close(try #require(integral.objectiveValue), 1))
    }

    @Test func logSinkReceivesGlpkOutputOnlyWhenAsked() throws {
        var model = LinearModel()
        let x = model.addVariable("x", lowerBound: 1, objective: 1)
        model.addConstraint("row", [(x, 1)], .atMost(3))
        let lines = LineCollector()
        _ = try solve(model, SolveParameters(logSink: { lines.append($0) }))
        #expect(lines.all.contains { $0.contains("obj =") })
    }

    /// A thread that freed its GLPK environment solves again in a fresh one, log hook and all.
    @Test func aThreadSolvesAgainAfterReleasingItsEnvironment() throws {
        let (model, _, _) = ManualExample.model()
        let before = try solve(model)
        releaseThreadEnvironment()
        let lines = LineCollector()
        let after = try solve(model, SolveParameters(logSink: { lines.append($0) }))
        #expect(after.termination == .optimal)
        #expect(close(try #require(after.objectiveValue), try #require(before.objectiveValue)))
        #expect(lines.all.contains { $0.contains("obj =") })
        releaseThreadEnvironment()
    }
}

@Suite("LP methods")
struct LPMethodTests {
    /// The GLPK manual's example (optimum 2200/3) by each method, with the same duals.
    @Test(arguments: [SolveParameters.LPMethod.primal, .dual, .interior])
    func everyMethodFindsTheOptimum(_ method: SolveParameters.LPMethod) throws {
        var model = LinearModel(sense: .maximize)
        let x1 = model.addVariable("x1", objective: 10)
        let x2 = model.addVariable("x2", objective: 6)
        let x3 = model.addVariable("x3", objective: 4)
        let p = model.addConstraint("p", [(x1, 1), (x2, 1), (x3, 1)], .atMost(100))
        model.addConstraint("q", [(x1, 10), (x2, 4), (x3, 5)], .atMost(600))
        model.addConstraint("r", [(x1, 2), (x2, 2), (x3, 6)], .atMost(300))
        let solution = try solve(model, SolveParameters(method: method))
        #expect(solution.termination == .optimal)
        #expect(close(try #require(solution.objectiveValue), 2200.0 / 3))
        #expect(close(solution.dual(of: p), 10.0 / 3, tolerance: 1e-5))
    }

    @Test func interiorPointReportsInfeasibility() throws {
        var model = LinearModel()
        let x = model.addVariable("x", upperBound: 1, objective: 1)
        let y = model.addVariable("y", upperBound: 1, objective: 1)
        model.addConstraint("impossible", [(x, 1), (y, 1)], .atLeast(3))
        let solution = try solve(model, SolveParameters(method: .interior))
        #expect(solution.termination == .infeasible || solution.termination == .numericalFailure)
        #expect(!solution.hasSolution)
    }
}
