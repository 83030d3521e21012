/// Which resource does one stage of one job, and how many pieces on which working day.
public struct Assignment: Hashable, Sendable {
    public var job: String
    public var stage: Stage
    public var resource: String
    /// Pieces processed per working day; only days with pieces are present.
    public var days: [CivilDate: Int]

    public init(job: String, stage: Stage, resource: String, days: [CivilDate: Int]) {
        self.job = job
        self.stage = stage
        self.resource = resource
        self.days = days
    }
}

/// What a solver proved about a plan.
public struct SolverReport: Hashable, Sendable {
    /// `optimal`, `gap` (stopped at the requested gap) or `time_limit` (stopped by time with a plan).
    public var status: String
    /// The model's objective: the controllable cost in yen (total less gross postage).
    public var objective: Double
    /// A proven lower bound on the controllable cost of any plan of this week; nil when none was proven in time.
    public var bound: Double?
    /// `(objective − bound) / objective` on the controllable cost; nil without a bound.
    public var gap: Double?
    /// Wall-clock seconds of the whole solve.
    public var seconds: Double
    /// Seconds until the first complete plan (the greedy incumbent) existed.
    public var firstPlanSeconds: Double
    /// Seconds to build the whole model.
    public var buildSeconds: Double
    /// Model size.
    public var rows: Int
    public var columns: Int
    public var binaries: Int

    public init(status: String, objective: Double, bound: Double?, gap: Double?, seconds: Double,
                firstPlanSeconds: Double, buildSeconds: Double, rows: Int, columns: Int, binaries: Int) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.firstPlanSeconds = firstPlanSeconds
        self.buildSeconds = buildSeconds
        self.rows = rows
        self.columns = columns
        self.binaries = binaries
    }
}

/// A week's plan: an assignment per required stage of every job that is done, and the jobs deferred
/// beyond the horizon (priced by the deferral penalty).
public struct Plan: Sendable {
    /// `optimal`, `greedy` or `status-quo`.
    public var planner: String
    public var assignments: [Assignment]
    /// Jobs not done within the horizon.
    public var deferred: [String]
    /// Present for the optimal planner.
    public var solver: SolverReport?

    public init(planner: String, assignments: [Assignment], deferred: [String] = [], solver: SolverReport? = nil) {
        self.planner = planner
        self.assignments = assignments
        self.deferred = deferred
        self.solver = solver
    }

    /// The assignment of a job's stage, if any.
    public func assignment(_ job: String, _ stage: Stage) -> Assignment? {
        assignments.first { $0.job == job && $0.stage == stage }
    }
}
