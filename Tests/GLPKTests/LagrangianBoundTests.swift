import GLPK
import Testing

@Suite("Lagrangian bounds")
struct LagrangianBoundTests {
    /// The GLPK manual's example (``ManualExample``, optimum 2200/3): its optimal duals (10/3, 2/3, 0) prove exactly
    /// the optimum; other multipliers prove more; none proves less.
    @Test func manualExampleBoundsAtTheOptimalDuals() throws {
        let model = ManualExample.model().model
        #expect(close(try #require(model.lagrangianBound(rowMultipliers: [10.0 / 3, 2.0 / 3, 0])), 2200.0 / 3))
        // π = (10, 0, 0) prices every column out: 100 · 10 = 1000 ≥ 2200/3.
        #expect(close(try #require(model.lagrangianBound(rowMultipliers: [10, 0, 0])), 1000))
        // Zero multipliers leave x1 unbounded above with a positive profit: no finite bound.
        #expect(model.lagrangianBound(rowMultipliers: [0, 0, 0]) == nil)
        // A multiplier of the wrong sign on a ≤ row of a maximisation meets its infinite lower bound: it counts as 0.
        #expect(model.lagrangianBound(rowMultipliers: [10, -5, 0]) == model.lagrangianBound(rowMultipliers: [10, 0, 0]))
        #expect(model.lagrangianBound(rowMultipliers: [1, 2]) == nil)
    }

    /// Random boxed LPs with every kind of row, both senses: the optimal duals prove the optimum to 1e-6, and
    /// random multipliers of any sign never prove more than the optimum.
    @Test func everyMultiplierGivesAValidBound() throws {
        var generator = SeededGenerator(seed: 2026_11_30)
        var solved = 0
        for instance in 0..<120 {
            let model = Self.randomBoxedLP(instance, &generator)
            let sense = model.sense
            let solution = try solve(model)
            guard solution.termination == .optimal, let optimum = solution.objectiveValue else { continue }
            solved += 1
            let atOptimum = try #require(model.lagrangianBound(rowMultipliers: solution.duals), "instance \(instance)")
            #expect(close(atOptimum, optimum), "instance \(instance): \(atOptimum) vs \(optimum)")
            for _ in 0..<40 {
                let multipliers = (0..<model.constraintCount).map { _ in Double.random(in: -10...10, using: &generator) }
                guard let bound = model.lagrangianBound(rowMultipliers: multipliers) else { continue }
                let valid = sense == .minimize ? bound <= optimum + 1e-9 : bound >= optimum - 1e-9
                #expect(valid, "instance \(instance): bound \(bound), optimum \(optimum)")
            }
        }
        #expect(solved >= 50)
    }

    /// An LP stopped by its iteration limit, by either simplex method, proves the bound of its last duals: never
    /// more than the optimum, and the optimum itself once the limit is high enough to finish.
    @Test(arguments: [SolveParameters.LPMethod.primal, .dual])
    func anLPStoppedByItsIterationLimitProvesAValidBound(method: SolveParameters.LPMethod) throws {
        var generator = SeededGenerator(seed: 2026_11_30)
        var stopped = 0, usedDuals = 0
        for instance in 0..<120 {
            let model = Self.randomBoxedLP(instance, &generator)
            let whole = try solve(model, try SolveParameters(method: method))
            guard whole.termination == .optimal, let optimum = whole.objectiveValue else { continue }
            for limit in 0..<4 {
                let solution = try solve(model, try SolveParameters(method: method, iterationLimit: limit))
                switch solution.termination {
                case .optimal:
                    #expect(close(try #require(solution.objectiveValue), optimum), "instance \(instance), \(limit) iterations")
                case .iterationLimit:
                    stopped += 1
                    guard let bound = solution.bestBound else { continue }
                    let valid = model.sense == .minimize ? bound <= optimum + 1e-9 : bound >= optimum - 1e-9
                    #expect(valid, "instance \(instance), \(limit) iterations: bound \(bound), optimum \(optimum)")
                    // The bound comes from the basis's duals, not from zero multipliers (the box alone).
                    if let box = model.lagrangianBound(rowMultipliers: Array(repeating: 0, count: model.constraintCount)),
                       model.sense == .minimize ? bound > box + 1e-9 : bound < box - 1e-9 {
                        usedDuals += 1
                    }
                default:
                    Issue.record("instance \(instance), \(limit) iterations: \(solution.termination)")
                }
            }
            let finished = try solve(model, try SolveParameters(method: method, iterationLimit: 10_000))
            #expect(finished.termination == .optimal, "instance \(instance)")
            #expect(close(try #require(finished.bestBound), optimum), "instance \(instance)")
        }
        #expect(stopped >= 50, "only \(stopped) solves stopped at their limit")
        #expect(usedDuals >= 10, "only \(usedDuals) stopped bounds beat the box alone")
    }

    @Test func anIterationLimitOutsideGLPKsRangeIsRefused() {
        #expect(throws: GLPKError.invalidParameter("iteration limit must be between 0 and 2147483647, got -1")) {
            try SolveParameters(iterationLimit: -1)
        }
    }

    /// A random LP with every column boxed and every kind of row; minimises for even instances, maximises for odd.
    static func randomBoxedLP(_ instance: Int, _ generator: inout SeededGenerator) -> LinearModel {
        let sense: LinearModel.Sense = instance % 2 == 0 ? .minimize : .maximize
        var model = LinearModel(sense: sense)
        model.objectiveConstant = Double(Int.random(in: -50...50, using: &generator))
        let columns = Int.random(in: 2...8, using: &generator)
        let xs = (0..<columns).map { j in
            let lower = Double(Int.random(in: -3...2, using: &generator))
            return model.addVariable("x\(j)", lowerBound: lower, upperBound: lower + Double(Int.random(in: 1...6, using: &generator)),
                                     objective: Double(Int.random(in: -9...9, using: &generator)))
        }
        for i in 0..<Int.random(in: 1...6, using: &generator) {
            let terms = xs.compactMap { x in
                Bool.random(using: &generator) ? (x, Double(Int.random(in: -5...5, using: &generator))) : nil
            }
            let level = Double(Int.random(in: -4...10, using: &generator))
            let bounds: ConstraintBounds = switch i % 4 {
            case 0: .atMost(level)
            case 1: .atLeast(level - 8)
            case 2: .init(lower: level - 6, upper: level)
            default: .exactly(level / 2)
            }
            model.addConstraint("r\(i)", terms, bounds)
        }
        return model
    }
}
