import CGLPK

/// Solves the LP relaxation of `model` by row generation: the rows in `lazy` are left out at first, and after each
/// solve the ones the solution violates join the LP, which the dual simplex then re-solves from the basis it had
/// (GLPK makes a new row basic, so the basis stays dual feasible). It ends when no left-out row is violated, so the
/// optimum is the whole LP's; the rows never needed are never factorised.
///
/// Worth it where many rows are needed only where the solution would break them, such as the links
/// `q ≤ M · y` of setups or lots: on the Osaka week's whole LP, 14,365 setup links of which 2,900 end up in the LP.
///
/// Every round's LP has fewer rows than the model, so its optimum is a bound on the model's (a lower bound when
/// minimising), and the bound rises round by round. Stopped by the time or iteration limit, the result is the best
/// bound proven so far: the last finished round's optimum, or the Lagrangian bound of the stopped round's duals
/// (``LinearModel/lagrangianBound(rowMultipliers:)``, with 0 for the rows not yet in), whichever proves more, and no
/// values. The iteration limit counts the iterations of all rounds.
///
/// `parameters.progress` hears each finished round's bound (no incumbent) as soon as it is proven.
///
/// The first round is solved from scratch by `parameters.method`'s simplex (`.interior`, which gives no basis to go
/// on from, counts as `.primal`): on the Osaka week's day lots the primal simplex solved it in 9–12 s against
/// 24–25 s for the dual, while on the whole LP the two took about the same. Every later round goes on by the dual
/// simplex from the basis the last one left. Both are asked for the long-step ratio test (`GLP_RT_FLIP`), which
/// GLPK's primal simplex uses in its first phase.
///
/// Integer variables are relaxed; `parameters.start`, `cuts` and the MIP settings are ignored. A finished solve
/// reports values (satisfying every row within 1e-7 of its bound, relative to the bound's size), optimal duals for
/// every row (0 for rows never added) and reduced costs, like ``solve(_:_:)``.
///
/// - Throws: ``GLPKError/invalidModel(_:)`` when the model fails ``LinearModel/validate()`` or a lazy constraint is
///   not one of its rows.
public func solveByRowGeneration(_ model: LinearModel, lazy: [LinearModel.Constraint],
                                 _ parameters: SolveParameters = .default) throws(GLPKError) -> Solution {
    try model.validate()
    let outside = lazy.filter { $0.index < 0 || $0.index >= model.constraintCount }
    guard outside.isEmpty else {
        throw .invalidModel(outside.prefix(20).map {
            ModelIssue(subject: .model,
                       message: "lazy constraint #\($0.index + 1) is not a row of this model (it has \(model.constraintCount))")
        })
    }
    let began = ContinuousClock.now
    let deadline = parameters.timeLimit.map { began + $0 }
    let minimising = model.sense == .minimize
    func stronger(_ a: Double?, _ b: Double?) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return minimising ? max(a, b) : min(a, b)
    }
    func finish(_ termination: Termination, bound: Double?, objective: Double? = nil, values: [Double] = [],
                duals: [Double] = [], reducedCosts: [Double] = []) -> Solution {
        Solution(termination: termination, isMixedInteger: false, objectiveValue: objective, bestBound: bound,
                 values: values, duals: duals, reducedCosts: reducedCosts, startAccepted: false,
                 solveTime: ContinuousClock.now - began, hasSolution: objective != nil)
    }
    // No columns, no integers: the ordinary solve answers (GLPK cannot load a problem without columns).
    if model.variableCount == 0 { return try solve(model, parameters) }

    let hook = TerminalHook.install(parameters.logSink)
    defer { hook.remove() }
    var isLazy = [Bool](repeating: false, count: model.constraintCount)
    for row in lazy { isLazy[row.index] = true }
    var pending = (0..<model.constraintCount).filter { isLazy[$0] }
    let problem = Problem(model, relaxed: true, only: (0..<model.constraintCount).filter { !isLazy[$0] })

    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = parameters.logSink == nil ? GLP_MSG_OFF : GLP_MSG_ON
    smcp.meth = parameters.method == .dual ? GLP_DUALP : GLP_PRIMAL
    smcp.r_test = GLP_RT_FLIP
    var proven: Double?
    var firstRound = true
    while true {
        if let milliseconds = remainingMilliseconds(until: deadline) {
            guard milliseconds > 0 else { return finish(.timeLimit(withSolution: false), bound: proven) }
            smcp.tm_lim = milliseconds
        }
        if let limit = parameters.iterationLimit {
            let left = limit - problem.iterations()
            guard left > 0 else { return finish(.iterationLimit(withSolution: false), bound: proven) }
            smcp.it_lim = Int32(clamping: left)
        }
        // Later rounds go on from the basis the last one left.
        let code = firstRound ? problem.simplexFromScratch(&smcp) : glp_simplex(problem.pointer, &smcp)
        firstRound = false
        smcp.meth = GLP_DUALP
        switch code {
        case 0:
            break
        case GLP_ETMLIM, GLP_EITLIM:
            let bound = model.lagrangianBound(rowMultipliers: problem.lpRowDuals())
            return finish(code == GLP_ETMLIM ? .timeLimit(withSolution: false) : .iterationLimit(withSolution: false),
                          bound: stronger(proven, bound))
        case GLP_ENOPFS:
            // Infeasible with fewer rows: infeasible with all of them.
            return finish(.infeasible, bound: nil)
        case GLP_EFAIL, GLP_ESING, GLP_ECOND, GLP_EBADB:
            return finish(.numericalFailure, bound: proven)
        default:
            // Unbounded with fewer rows says nothing of the model; what the earlier rounds proved still holds.
            return finish(.noSolutionFound, bound: proven)
        }
        switch glp_get_status(problem.pointer) {
        case GLP_OPT: break
        case GLP_NOFEAS: return finish(.infeasible, bound: nil)
        default: return finish(.noSolutionFound, bound: proven)
        }
        let objective = problem.lpObjective()
        proven = stronger(proven, objective)
        parameters.progress?(SolveParameters.Progress(elapsed: ContinuousClock.now - began, incumbent: nil, bound: proven))
        let values = problem.lpValues()
        // One pass, in row order, so that the rows join in the same order every time.
        var violated: [Int] = [], satisfied: [Int] = []
        for i in pending {
            if model.violates(i, values, tolerance: 1e-7) { violated.append(i) } else { satisfied.append(i) }
        }
        pending = satisfied
        guard !violated.isEmpty else {
            return finish(.optimal, bound: objective, objective: objective, values: values,
                          duals: problem.lpRowDuals(),
                          reducedCosts: problem.lpReducedCosts())
        }
        problem.addRows(of: model, violated)
    }
}

extension LinearModel {
    /// Whether row `i`'s activity under `values` lies outside its bounds by more than `tolerance` times the
    /// bound's size (at least 1).
    func violates(_ i: Int, _ values: [Double], tolerance: Double) -> Bool {
        var activity = 0.0
        for t in rowStarts[i]..<rowStarts[i + 1] { activity += termCoefficients[t] * values[termVariables[t]] }
        return activity > rowUpper[i] + tolerance * max(1, abs(rowUpper[i]))
            || activity < rowLower[i] - tolerance * max(1, abs(rowLower[i]))
    }
}
