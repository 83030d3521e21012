import Foundation

/// A job that keeps at least one stage on a ward desk in a plan: what stays local, what it costs, what the best
/// consolidated alternative would cost, and why it stays (DESIGN §7).
public struct ResidualJob: Sendable {
    public var job: Job
    public var wardName: String
    public var programName: String
    /// The planned resource of each stage, in stage order.
    public var route: [String]
    /// The stages on the ward desk.
    public var localStages: [Stage]
    /// The planned route's cost per piece for the job alone: processing, one setup per resource and hand-offs.
    public var localYenPerPiece: Double
    /// The cheapest route that takes every local stage a shared resource could do off the desk (with the rules
    /// named by the reason codes lifted), costed the same way; nil when no shared resource does any local stage.
    public var alternative: [String]?
    public var alternativeYenPerPiece: Double?
    /// Ward staff hours the job uses: processing of its local stages and a setup on each day it is worked on.
    public var wardStaffHours: Double
    /// Pieces processed by hand at the ward, summed over the local stages.
    public var handPieces: Int
    /// Hand-offs along the planned route.
    public var handoffs: Int
    public var reasons: [ReasonCode]
    public var flags: [InefficiencyFlag]
    /// The re-solve with the blocking rules lifted and the job moved off the desk; for flagged jobs when asked.
    public var whatIf: WhatIf?

    public var flagged: Bool { !flags.isEmpty }

    mutating func add(_ reason: ReasonCode) {
        reasons = ReasonCode.allCases.filter { $0 == reason || reasons.contains($0) }
    }
}

/// Two plans of a what-if that differ only in where one job is done: the base plan with a neighbourhood of jobs
/// re-solved, the job kept on its planned route (`control`), and the same neighbourhood re-solved with the job's
/// blocking rules lifted and its local stages barred from the ward desk (`changed`).
public struct WhatIf: Sendable {
    /// The rules waived for the job.
    public var lifted: [ReasonCode]
    /// The stages the what-if moves off the ward desk.
    public var moved: [Stage]
    /// The jobs re-solved (the job first).
    public var neighbourhood: [String]
    public var control: Plan
    public var changed: Plan
    public var controlCost: CostBreakdown
    public var changedCost: CostBreakdown
    public var controlWardHours: Double
    public var changedWardHours: Double
    /// True when the changed plan could not fit the job in the week at all and defers it.
    public var jobDeferred: Bool

    /// Yen a week the change saves; negative when moving the job costs more.
    public var savingYen: Double { controlCost.total - changedCost.total }
    /// Ward staff hours a week the change frees.
    public var wardHoursSaved: Double { controlWardHours - changedWardHours }
}

/// The residual survey of a plan: every residual job with its reasons and flags, sorted by what moving it saves.
public struct ResidualSurvey: Sendable {
    public struct Options: Sendable {
        /// Re-solve a what-if for each flagged job.
        public var whatIf: Bool
        /// Jobs re-solved together in a what-if: the job and the jobs it would meet on its alternative.
        public var neighbourhoodJobs: Int
        /// Branch-and-bound nodes per what-if sub-MIP (keeps every what-if deterministic).
        public var nodes: Int
        /// Wall-clock cap per what-if solve.
        public var timeLimit: Duration

        public init(whatIf: Bool = true, neighbourhoodJobs: Int = 8, nodes: Int = 400, timeLimit: Duration = .seconds(30)) {
            self.whatIf = whatIf
            self.neighbourhoodJobs = neighbourhoodJobs
            self.nodes = nodes
            self.timeLimit = timeLimit
        }
    }

    public let book: JobBook
    public let plan: Plan
    /// Residual jobs: with a what-if, by saving (largest first); then flagged before unflagged, by ward and id.
    public private(set) var residuals: [ResidualJob]

    public var flaggedCount: Int { residuals.count { $0.flagged } }
    /// The sum of the positive what-if savings (yen a week).
    public var totalSaving: Double { residuals.compactMap(\.whatIf?.savingYen).filter { $0 > 0 }.reduce(0, +) }
    /// The ward staff hours those positive what-ifs free.
    public var totalWardHoursSaved: Double {
        residuals.compactMap(\.whatIf).filter { $0.savingYen > 0 }.map(\.wardHoursSaved).reduce(0, +)
    }

    /// Surveys `plan`, a valid plan of `book` (see ``PlanEvaluator``).
    public init(book: JobBook, plan: Plan, options: Options = Options()) throws {
        self.book = book
        self.plan = plan
        let catalogue = RouteCatalogue(book)
        let analysis = ResidualAnalysis(catalogue, plan)
        var residuals = book.jobs.indices.compactMap { analysis.residual($0) }
        if options.whatIf {
            let flagged = residuals.indices.filter { residuals[$0].flagged }
            let results = try Self.whatIfs(flagged.map { residuals[$0] }, catalogue: catalogue, plan: plan, options: options)
            for (i, result) in zip(flagged, results) {
                residuals[i].whatIf = result
                // The re-solve is the stronger evidence: moving the job either found no room or cost more.
                guard let result, result.savingYen < 0 else { continue }
                residuals[i].add(result.jobDeferred ? .capacity : .smallLot)
            }
        }
        residuals.sort { a, b in
            let (x, y) = (a.whatIf?.savingYen ?? -.infinity, b.whatIf?.savingYen ?? -.infinity)
            if x != y { return x > y }
            if a.flagged != b.flagged { return a.flagged }
            return (a.job.ward, a.job.id) < (b.job.ward, b.job.id)
        }
        self.residuals = residuals
    }

    /// Runs the what-ifs concurrently (GLPK keeps its state per thread); the results are in the order given.
    private static func whatIfs(_ jobs: [ResidualJob], catalogue: RouteCatalogue, plan: Plan,
                                options: Options) throws -> [WhatIf?] {
        let results = ResultSlots<Result<WhatIf?, any Error>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            results[i] = Result { try WhatIfSolver(catalogue: catalogue, plan: plan, options: options).solve(jobs[i]) }
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Slots that concurrent workers fill, one each.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}
