/// Why a solve stopped. These are outcomes, not errors: an infeasible model is a valid answer.
public enum Termination: Sendable, Hashable, CustomStringConvertible {
    /// An optimal solution was found and proven (for a MIP: within GLPK's integrality tolerance).
    case optimal
    /// A MIP search stopped because the relative gap reached ``SolveParameters/relativeGap`` (`GLP_EMIPGAP`).
    case gapReached
    /// The time limit ran out (`GLP_ETMLIM`); `withSolution` tells whether values are available.
    case timeLimit(withSolution: Bool)
    /// A MIP search stopped after ``SolveParameters/nodeLimit`` subproblems; `withSolution` tells whether values
    /// are available. Unlike a time limit, the same model and parameters stop at the same point every time.
    case nodeLimit(withSolution: Bool)
    /// The simplex method stopped after ``SolveParameters/iterationLimit`` iterations (`GLP_EITLIM`), or a MIP search
    /// did; `withSolution` tells whether values are available (a primal feasible basis of an LP, a MIP's incumbent or,
    /// when the root relaxation was stopped, its starting solution).
    case iterationLimit(withSolution: Bool)
    /// The model has no feasible solution (for a MIP: no integer feasible solution, or an infeasible relaxation).
    case infeasible
    /// The objective is unbounded. For a MIP this means the LP relaxation is unbounded, so the MIP is
    /// unbounded or infeasible.
    case unbounded
    /// The solver stopped without a solution and without proving infeasibility.
    case noSolutionFound
    /// GLPK gave up for numerical reasons (a singular or ill-conditioned basis, `GLP_EFAIL`).
    case numericalFailure

    public var description: String {
        switch self {
        case .optimal: return "optimal"
        case .gapReached: return "gap reached"
        case .timeLimit(let withSolution): return withSolution ? "time limit (with solution)" : "time limit (no solution)"
        case .nodeLimit(let withSolution): return withSolution ? "node limit (with solution)" : "node limit (no solution)"
        case .iterationLimit(let withSolution):
            return withSolution ? "iteration limit (with solution)" : "iteration limit (no solution)"
        case .infeasible: return "infeasible"
        case .unbounded: return "unbounded"
        case .noSolutionFound: return "no solution found"
        case .numericalFailure: return "numerical failure"
        }
    }
}

/// What a solve produced: the termination reason, objective, bound and gap, and values by handle.
public struct Solution: Sendable {
    /// Why the solve stopped.
    public let termination: Termination
    /// True when the model was solved as a MIP (it has integer variables and integrality was not relaxed).
    public let isMixedInteger: Bool
    /// The objective value of the solution (including the constant), or nil when there is none.
    public let objectiveValue: Double?
    /// The best proven bound on the optimum: for a MIP the branch-and-cut bound, for an LP its optimum, for an LP
    /// stopped by its time or iteration limit the Lagrangian bound of its last basis's duals (``LinearModel/lagrangianBound(rowMultipliers:)``).
    /// Nil when none was proven (for example when time ran out before a MIP's root LP was solved).
    public let bestBound: Double?
    /// The primal values, indexed by variable; empty when there is no solution.
    public let values: [Double]
    /// Row duals, indexed by constraint; only for LPs solved to optimality, otherwise empty.
    public let duals: [Double]
    /// Reduced costs, indexed by variable; only for LPs solved to optimality, otherwise empty.
    public let reducedCosts: [Double]
    /// Whether a starting solution was accepted by the search as an incumbent.
    public let startAccepted: Bool
    /// Wall-clock time of the solve, including loading the model into GLPK.
    public let solveTime: Duration

    /// True when a solution (values and objective) is available.
    public let hasSolution: Bool

    /// The relative gap between objective and bound, GLPK's `|obj − bound| / (|obj| + ε)`; nil when either is missing.
    public var relativeGap: Double? {
        guard let objectiveValue, let bestBound else { return nil }
        return GLPK.relativeGap(objectiveValue, bestBound)
    }

    /// The value of a variable in the solution.
    /// - Precondition: the solution has values (``hasSolution``) and `variable` belongs to the solved model.
    public func value(of variable: LinearModel.Variable) -> Double {
        precondition(variable.index >= 0 && variable.index < values.count,
                     "no value for variable #\(variable.index + 1): the solution has \(values.count) values")
        return values[variable.index]
    }

    /// The dual value (shadow price) of a constraint in an LP solution.
    /// - Precondition: the solution is an optimal LP solution and `constraint` belongs to the solved model.
    public func dual(of constraint: LinearModel.Constraint) -> Double {
        precondition(constraint.index >= 0 && constraint.index < duals.count,
                     "no dual for constraint #\(constraint.index + 1): duals exist only for optimal LP solutions")
        return duals[constraint.index]
    }

    /// The reduced cost of a variable in an LP solution.
    /// - Precondition: the solution is an optimal LP solution and `variable` belongs to the solved model.
    public func reducedCost(of variable: LinearModel.Variable) -> Double {
        precondition(variable.index >= 0 && variable.index < reducedCosts.count,
                     "no reduced cost for variable #\(variable.index + 1): they exist only for optimal LP solutions")
        return reducedCosts[variable.index]
    }
}
