import CGLPK

/// State shared with GLPK's branch-and-cut callback: the starting solution to offer, the best bound seen
/// and progress reporting. GLPK finds it through `cb_info`.
final class SearchContext {
    /// The starting solution in GLPK's 1-based layout (element 0 unused), already checked and integral.
    private let start: [Double]?
    private let startObjective: Double?
    private let minimize: Bool
    private let progress: (@Sendable (SolveParameters.Progress) -> Void)?
    private let began: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant

    private(set) var startAccepted = false
    private let nodeLimit: Int?
    private var nodes = 0
    /// True when the search was stopped by the node limit.
    private(set) var stoppedByNodeLimit = false
    private let iterationLimit: Int?
    /// True when the search was stopped by the iteration limit.
    private(set) var stoppedByIterationLimit = false
    private var startOffered = false
    /// The best global bound recorded during the search; GLPK offers no call for it after the search ends.
    private(set) var bound: Double?
    private var incumbent: Double?

    init(start: [Double]?, startObjective: Double?, minimize: Bool, nodeLimit: Int?, iterationLimit: Int?,
         progress: (@Sendable (SolveParameters.Progress) -> Void)?, began: ContinuousClock.Instant) {
        self.nodeLimit = nodeLimit
        self.iterationLimit = iterationLimit
        self.start = start.map { [0] + $0 }
        self.startObjective = startObjective
        self.minimize = minimize
        self.progress = progress
        self.began = began
        self.lastReport = began
    }

    /// The C callback GLPK calls; `info` is an unretained `SearchContext`.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().handle(tree)
    }

    /// Records a bound known before the search (the root LP optimum), so a bound exists even when the
    /// search is stopped before its first callback.
    func recordBound(_ value: Double) {
        if let bound {
            self.bound = minimize ? max(bound, value) : min(bound, value)
        } else {
            bound = value
        }
    }

    private func handle(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, !startOffered, let start {
            startOffered = true
            let accepted = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) == 0 }
            if accepted {
                startAccepted = true
                if let startObjective { improve(startObjective) }
            }
        }
        if reason == GLP_IBINGO {
            improve(glp_mip_obj_val(glp_ios_get_prob(tree)))
        }
        if reason == GLP_ISELECT, let nodeLimit {
            nodes += 1
            if nodes > nodeLimit && !stoppedByNodeLimit {
                stoppedByNodeLimit = true
                glp_ios_terminate(tree)
            }
        }
        // Checked where the next node is chosen, like the node limit: by then the root has been offered the start.
        // The count is the problem's, so it includes the root relaxation's iterations.
        if reason == GLP_ISELECT, let iterationLimit, !stoppedByNodeLimit, !stoppedByIterationLimit,
           Int(glp_get_it_cnt(glp_ios_get_prob(tree))) >= iterationLimit {
            stoppedByIterationLimit = true
            glp_ios_terminate(tree)
        }
        let node = glp_ios_best_node(tree)
        if node != 0 { recordBound(glp_ios_node_bound(tree, node)) }
        report(force: reason == GLP_IBINGO)
    }

    private func improve(_ value: Double) {
        if let incumbent, minimize ? incumbent <= value : incumbent >= value { return }
        incumbent = value
    }

    private func report(force: Bool) {
        guard let progress else { return }
        let now = ContinuousClock.now
        guard force || now - lastReport >= .seconds(1) else { return }
        lastReport = now
        progress(SolveParameters.Progress(elapsed: now - began, incumbent: incumbent, bound: bound))
    }
}

@available(*, unavailable)
extension SearchContext: Sendable {}
