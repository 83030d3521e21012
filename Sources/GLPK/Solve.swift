import CGLPK

/// Solves a model with GLPK: the simplex method for LPs, branch-and-cut for MIPs.
///
/// The call validates the model and the starting solution, loads a fresh GLPK problem, scales it and
/// builds an advanced starting basis (`glp_scale_prob`, `glp_adv_basis`, as `glpsol` does), solves the LP
/// relaxation with `glp_simplex` and, for a MIP, runs `glp_intopt` with the time that is left. The GLPK
/// problem is created, solved and freed inside this synchronous call, so separate models can be solved at
/// the same time from separate tasks (GLPK's state is per thread).
///
/// Infeasible, unbounded and time-limited solves are results, told by ``Solution/termination``.
/// See the GLPK reference manual, §2.8 (`glp_simplex`) and §2.10 (`glp_intopt`).
///
/// - Throws: ``GLPKError/invalidModel(_:)`` when the model fails ``LinearModel/validate()``;
///   ``GLPKError/invalidStart(_:)`` when the starting solution does not fit the model.
public func solve(_ model: LinearModel, _ parameters: SolveParameters = .default) throws(GLPKError) -> Solution {
    try model.validate()
    let began = ContinuousClock.now
    let deadline = parameters.timeLimit.map { began + $0 }
    let isMIP = model.isMixedInteger && !parameters.relaxIntegrality
    let start = try parameters.start.map { values throws(GLPKError) in try model.checkedStart(values) }

    let hook = TerminalHook.install(parameters.logSink)
    defer { hook.remove() }
    var run = SolveRun(model: model, isMIP: isMIP, began: began, deadline: deadline)

    if model.variableCount == 0 { return run.trivial() }
    let problem = Problem(model, relaxed: !isMIP)
    let messageLevel = parameters.logSink == nil ? GLP_MSG_OFF : GLP_MSG_ON
    if !isMIP && parameters.method == .interior {
        return run.interior(problem, messageLevel: messageLevel)
    }

    // The LP relaxation, with its own share of the deadline: glp_intopt's tm_lim covers only the search.
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = messageLevel
    smcp.presolve = (parameters.presolve && !isMIP) ? GLP_ON : GLP_OFF
    smcp.meth = parameters.method == .dual ? GLP_DUALP : GLP_PRIMAL
    // The long-step ("flip") ratio test lets the dual simplex cross many bounded columns' breakpoints per
    // iteration; on the week models it halves the dual's time or better. The primal ignores it.
    smcp.r_test = parameters.method == .dual ? GLP_RT_FLIP : GLP_RT_HAR
    if let remaining = run.remainingMilliseconds() {
        guard remaining > 0 else { return run.outOfTime(start: start) }
        smcp.tm_lim = remaining
    }
    if let iterations = parameters.iterationLimit { smcp.it_lim = Int32(iterations) }
    let code = problem.simplexFromScratch(&smcp)
    let lpStatus = glp_get_status(problem.pointer)

    switch code {
    case 0:
        break
    case GLP_ETMLIM, GLP_EITLIM:
        let byTime = code == GLP_ETMLIM
        let stopped = { (withSolution: Bool) -> Termination in
            byTime ? .timeLimit(withSolution: withSolution) : .iterationLimit(withSolution: withSolution)
        }
        guard !isMIP else { return run.stoppedEarly(stopped, start: start) }
        // The duals of the last basis still prove a bound (weak duality); the dual simplex's climb toward the
        // optimum makes it a good one when the time runs out near the end.
        let bound = model.lagrangianBound(rowMultipliers: problem.lpRowDuals())
        if glp_get_prim_stat(problem.pointer) == GLP_FEAS {
            return run.finish(stopped(true), objective: problem.lpObjective(),
                              bound: bound, values: problem.lpValues())
        }
        return run.finish(stopped(false), bound: bound)
    case GLP_ENOPFS:
        return run.finish(.infeasible)
    case GLP_ENODFS:
        return run.finish(.unbounded)
    case GLP_EFAIL, GLP_ESING, GLP_ECOND, GLP_EBADB:
        return run.finish(.numericalFailure)
    default:
        return run.finish(.noSolutionFound)
    }

    switch lpStatus {
    case GLP_OPT:
        break
    case GLP_NOFEAS:
        return run.finish(.infeasible)
    case GLP_UNBND:
        return run.finish(.unbounded)
    default:
        return run.finish(.noSolutionFound)
    }

    guard isMIP else {
        return run.finish(.optimal, objective: problem.lpObjective(), bound: problem.lpObjective(),
                          values: problem.lpValues(), duals: problem.lpRowDuals(),
                          reducedCosts: problem.lpReducedCosts())
    }

    let context = SearchContext(
        start: start, startObjective: start.map { model.objectiveValue(of: $0) },
        minimize: model.sense == .minimize, nodeLimit: parameters.nodeLimit,
        iterationLimit: parameters.iterationLimit, progress: parameters.progress,
        began: began)
    context.recordBound(problem.lpObjective())

    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = messageLevel
    iocp.presolve = (parameters.presolve && start == nil) ? GLP_ON : GLP_OFF
    iocp.mip_gap = parameters.relativeGap
    iocp.gmi_cuts = parameters.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
    iocp.mir_cuts = parameters.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
    iocp.cov_cuts = parameters.cuts.contains(.cover) ? GLP_ON : GLP_OFF
    iocp.clq_cuts = parameters.cuts.contains(.clique) ? GLP_ON : GLP_OFF
    iocp.fp_heur = parameters.feasibilityPump ? GLP_ON : GLP_OFF
    iocp.ps_heur = parameters.proximitySearch ? GLP_ON : GLP_OFF
    iocp.cb_func = SearchContext.callback
    if let remaining = run.remainingMilliseconds() {
        guard remaining > 0 else { return run.outOfTime(start: start, bound: context.bound) }
        iocp.tm_lim = remaining
    }

    let mipCode = withExtendedLifetime(context) {
        iocp.cb_info = Unmanaged.passUnretained(context).toOpaque()
        return glp_intopt(problem.pointer, &iocp)
    }
    run.startAccepted = context.startAccepted
    let mipStatus = glp_mip_status(problem.pointer)
    let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
    let termination: Termination
    switch mipCode {
    case 0:
        termination = mipStatus == GLP_NOFEAS ? .infeasible : hasSolution ? .optimal : .noSolutionFound
    case GLP_EMIPGAP:
        termination = .gapReached
    case GLP_ETMLIM:
        termination = .timeLimit(withSolution: hasSolution)
    case GLP_ENOPFS:
        termination = .infeasible
    case GLP_ENODFS:
        termination = .unbounded
    case GLP_EFAIL:
        termination = .numericalFailure
    case GLP_ESTOP where context.stoppedByNodeLimit:
        termination = .nodeLimit(withSolution: hasSolution)
    case GLP_ESTOP where context.stoppedByIterationLimit:
        termination = .iterationLimit(withSolution: hasSolution)
    default:
        termination = hasSolution ? .timeLimit(withSolution: true) : .noSolutionFound
    }
    guard hasSolution, termination != .infeasible else {
        return run.finish(termination, bound: termination == .infeasible ? nil : context.bound)
    }
    let objective = problem.mipObjective()
    return run.finish(termination, objective: objective,
                      bound: termination == .optimal ? objective : context.bound,
                      values: model.snappedToIntegers(problem.mipValues()))
}

/// Milliseconds left before `deadline` (at least 0, clamped to GLPK's `int`), or nil without one.
func remainingMilliseconds(until deadline: ContinuousClock.Instant?) -> Int32? {
    guard let deadline else { return nil }
    let left = deadline - ContinuousClock.now
    let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
    return Int32(clamping: max(0, milliseconds))
}

/// The bookkeeping of one call to ``solve(_:_:)``: timing and building the ``Solution``.
private struct SolveRun {
    let model: LinearModel
    let isMIP: Bool
    let began: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?
    var startAccepted = false

    /// Milliseconds left before the deadline (clamped to GLPK's `int`), or nil without a time limit.
    func remainingMilliseconds() -> Int32? { GLPK.remainingMilliseconds(until: deadline) }

    /// The time ran out before the search could start: the starting solution, if any, is the answer.
    mutating func outOfTime(start: [Double]?, bound: Double? = nil) -> Solution {
        stoppedEarly({ .timeLimit(withSolution: $0) }, start: start, bound: bound)
    }

    /// A limit stopped the solve before the search could start: the starting solution, if any, is the answer.
    mutating func stoppedEarly(_ termination: (Bool) -> Termination, start: [Double]?, bound: Double? = nil) -> Solution {
        guard let start else { return finish(termination(false), bound: bound) }
        startAccepted = true
        return finish(termination(true), objective: model.objectiveValue(of: start), bound: bound, values: start)
    }

    /// An LP by the interior-point method (`glp_interior`), which has no time limit of its own.
    func interior(_ problem: Problem, messageLevel: Int32) -> Solution {
        var iptcp = glp_iptcp()
        glp_init_iptcp(&iptcp)
        iptcp.msg_lev = messageLevel
        let code = glp_interior(problem.pointer, &iptcp)
        switch code {
        case 0:
            break
        case GLP_ENOFEAS:
            return finish(.infeasible)
        case GLP_EFAIL, GLP_ENOCVG, GLP_EINSTAB, GLP_EITLIM:
            return finish(.numericalFailure)
        default:
            return finish(.noSolutionFound)
        }
        switch glp_ipt_status(problem.pointer) {
        case GLP_OPT:
            let objective = glp_ipt_obj_val(problem.pointer)
            let values = (0..<problem.columns).map { glp_ipt_col_prim(problem.pointer, Int32($0 + 1)) }
            let duals = (0..<problem.rows).map { glp_ipt_row_dual(problem.pointer, Int32($0 + 1)) }
            let reduced = (0..<problem.columns).map { glp_ipt_col_dual(problem.pointer, Int32($0 + 1)) }
            return finish(.optimal, objective: objective, bound: objective, values: values, duals: duals,
                          reducedCosts: reduced)
        case GLP_NOFEAS:
            return finish(.infeasible)
        default:
            return finish(.noSolutionFound)
        }
    }

    /// A model without variables: every row's activity is zero.
    func trivial() -> Solution {
        let feasible = (0..<model.constraintCount).allSatisfy { model.rowLower[$0] <= 0 && 0 <= model.rowUpper[$0] }
        guard feasible else { return finish(.infeasible) }
        return finish(.optimal, objective: model.objectiveConstant, bound: model.objectiveConstant, values: [],
                      duals: isMIP ? [] : Array(repeating: 0, count: model.constraintCount), reducedCosts: [],
                      solved: true)
    }

    func finish(_ termination: Termination, objective: Double? = nil, bound: Double? = nil,
                values: [Double] = [], duals: [Double] = [], reducedCosts: [Double] = [],
                solved: Bool = false) -> Solution {
        let hasSolution = solved || (objective != nil && values.count == model.variableCount)
        return Solution(
            termination: termination, isMixedInteger: isMIP,
            objectiveValue: hasSolution ? objective : nil, bestBound: bound,
            values: hasSolution ? values : [], duals: duals, reducedCosts: reducedCosts,
            startAccepted: startAccepted, solveTime: ContinuousClock.now - began, hasSolution: hasSolution)
    }
}

/// Frees the calling thread's GLPK environment (`glp_free_env`).
///
/// GLPK keeps its state per thread and frees it only when asked: "each thread before termination should call the
/// API routine glp_free_env to prevent memory leak" (GLPK 4.61 release notes, where the re-entrant build came in).
/// So a thread of its own that solved models calls this after its last solve. ``solve(_:_:)``
/// creates and frees its GLPK problem within the call, so no problem of this module is alive on the thread
/// afterwards; the next solve on the thread starts a fresh environment.
public func releaseThreadEnvironment() {
    _ = glp_free_env()
}
