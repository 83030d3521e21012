/// How a model is solved: limits, tolerances, cut families, logging and a starting solution.
///
/// Parameters are checked when made: ``init(timeLimit:relativeGap:presolve:cuts:feasibilityPump:proximitySearch:relaxIntegrality:method:nodeLimit:iterationLimit:start:logSink:progress:)``
/// throws for a negative gap, a non-positive time limit, a node limit below 1, an iteration limit outside GLPK's range
/// or a starting solution that is not finite, so a value of this type is always usable.
public struct SolveParameters: Sendable {
    /// The cutting-plane families GLPK's branch-and-cut may generate (`glp_iocp` fields).
    public struct CutFamilies: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Gomory's mixed-integer cuts (`gmi_cuts`).
        public static let gomory = CutFamilies(rawValue: 1 << 0)
        /// Mixed-integer rounding cuts (`mir_cuts`).
        public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 1)
        /// Mixed cover cuts (`cov_cuts`).
        public static let cover = CutFamilies(rawValue: 1 << 2)
        /// Clique cuts (`clq_cuts`).
        public static let clique = CutFamilies(rawValue: 1 << 3)
        /// All four families.
        public static let all: CutFamilies = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    /// The method for LPs and the root relaxation.
    public enum LPMethod: Sendable, Hashable {
        /// Primal simplex (`glp_simplex` with `GLP_PRIMAL`), GLPK's default.
        case primal
        /// Dual simplex with the long-step ratio test (`GLP_DUALP`, `GLP_RT_FLIP`), falling back to the primal
        /// if it fails.
        case dual
        /// The primal-dual interior-point method (`glp_interior`), for LPs only: it gives no basis, so no
        /// duals of a basis and no branch and cut; a MIP's root relaxation always uses the simplex method.
        case interior
    }

    /// A snapshot of a running branch-and-cut search, for progress displays.
    public struct Progress: Sendable {
        /// Time since the solve started.
        public var elapsed: Duration
        /// The best integer objective found so far, if any.
        public var incumbent: Double?
        /// The best proven bound so far, if known.
        public var bound: Double?
        /// The relative gap `|incumbent − bound| / |incumbent|`, when both are known.
        public var gap: Double? {
            guard let incumbent, let bound else { return nil }
            return GLPK.relativeGap(incumbent, bound)
        }
    }

    /// The wall-clock limit for the whole solve (LP relaxation and search together), or nil for none.
    public let timeLimit: Duration?
    /// Stop the search when the relative gap falls to this value (GLPK's `mip_gap`); 0 means prove optimality.
    public let relativeGap: Double
    /// Use GLPK's MIP presolver (`presolve`). Ignored when a starting solution is given, because GLPK can only
    /// take a heuristic solution for the original, unpresolved problem.
    public let presolve: Bool
    /// Which cut families to generate.
    public let cuts: CutFamilies
    /// Run the feasibility pump heuristic (`fp_heur`).
    public let feasibilityPump: Bool
    /// Run the proximity search heuristic (`ps_heur`).
    public let proximitySearch: Bool
    /// Solve only the LP relaxation, treating integer variables as continuous.
    public let relaxIntegrality: Bool
    /// The method for the LP relaxation.
    public let method: LPMethod
    /// Stop a MIP search after this many subproblems (checked in the branch-and-cut callback with
    /// `glp_ios_terminate`); nil for no limit. A deterministic alternative to a time limit.
    public let nodeLimit: Int?
    /// Stop the simplex method after this many iterations (GLPK's `it_lim`, for an LP or a MIP's root relaxation),
    /// and a MIP search once the root and the subproblems together have taken this many (checked in the callback
    /// where the next subproblem is chosen, so a search may run over by one subproblem's iterations); nil for no
    /// limit. An LP stopped so still proves the bound of its last duals, like one stopped by time, and the same model
    /// and parameters stop at the same point every time. The interior-point method ignores it; after a singular
    /// advanced basis the retry from the standard basis counts its iterations afresh.
    public let iterationLimit: Int?
    /// A complete assignment offered to the search as its first incumbent; checked against the model first.
    public let start: [Double]?
    /// Receives GLPK's own terminal output, line by line. Nil (the default) keeps GLPK silent; GLPK never
    /// writes to stdout.
    public let logSink: (@Sendable (String) -> Void)?
    /// Called from the search with the incumbent and bound, at most about once a second and whenever a
    /// better incumbent is found.
    public let progress: (@Sendable (Progress) -> Void)?

    /// Makes parameters, checking them.
    /// - Throws: ``GLPKError/invalidParameter(_:)`` for a negative or NaN gap, or a time limit that is not positive.
    public init(
        timeLimit: Duration? = nil,
        relativeGap: Double = 0,
        presolve: Bool = false,
        cuts: CutFamilies = [],
        feasibilityPump: Bool = false,
        proximitySearch: Bool = false,
        relaxIntegrality: Bool = false,
        method: LPMethod = .primal,
        nodeLimit: Int? = nil,
        iterationLimit: Int? = nil,
        start: [Double]? = nil,
        logSink: (@Sendable (String) -> Void)? = nil,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) throws(GLPKError) {
        if let timeLimit, timeLimit <= .zero {
            throw .invalidParameter("time limit must be positive, got \(timeLimit)")
        }
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw .invalidParameter("relative gap must be a finite number ≥ 0, got \(relativeGap)")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw .invalidParameter("node limit must be at least 1, got \(nodeLimit)")
        }
        if let iterationLimit, !(0...Int(Int32.max)).contains(iterationLimit) {
            throw .invalidParameter("iteration limit must be between 0 and \(Int32.max), got \(iterationLimit)")
        }
        if let start, start.contains(where: { !$0.isFinite }) {
            throw .invalidParameter("starting solution contains a value that is not finite")
        }
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.relaxIntegrality = relaxIntegrality
        self.method = method
        self.nodeLimit = nodeLimit
        self.iterationLimit = iterationLimit
        self.start = start
        self.logSink = logSink
        self.progress = progress
    }

    /// Default parameters: no time limit, prove optimality, quiet.
    public static var `default`: SolveParameters {
        // Cannot throw: the defaults are valid.
        try! SolveParameters()
    }
}

/// GLPK's relative gap, `|incumbent − bound| / (|incumbent| + DBL_EPSILON)`.
public func relativeGap(_ incumbent: Double, _ bound: Double) -> Double {
    abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
}
