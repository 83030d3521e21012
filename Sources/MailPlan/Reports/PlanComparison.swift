/// Two plans side by side (`mailplan compare A.json B.json`): each cost component, ward staff hours, hand-offs,
/// late pieces and postal lots per tier, with B's change against A; per ward, the desk hours and yen that move;
/// and, when both plans are of the same jobs, every job stage whose resource changed.
///
/// A is the base: changes are B − A and percentages are of A. Plans of different weeks (or job books) compare on
/// their totals and per-ward figures only, and say that their jobs differ.
public struct PlanComparison: Codable, Sendable, Hashable {
    /// Which plan one side is.
    public struct Side: Codable, Sendable, Hashable {
        /// The plan.json as named on the command line.
        public var file: String
        public var planner: String
        public var status: String
        public var weekStart: String
        public var weekEnd: String
        public var jobs: Int
        public var pieces: Int
        public var jobsFile: String
        public var jobsDigest: String?
    }

    /// One figure of both plans: `change` is `b − a`; `percent` is the change in percent of `a` (0 when nothing
    /// changed), nil when `a` is 0 and `b` is not: there is no percentage of nothing.
    public struct Figure: Codable, Sendable, Hashable {
        public var a: Double
        public var b: Double
        public var change: Double
        public var percent: Double?

        /// `rounding` is applied to the change so that float noise does not show as a difference.
        init(_ a: Double, _ b: Double, rounding: (Double) -> Double = { $0.yen }) {
            self.a = a
            self.b = b
            change = rounding(b - a) + 0  // + 0 turns a rounded −0 into 0, which JSON would print as -0
            percent = change == 0 ? 0 : a == 0 ? nil : ((change / abs(a)) * 10_000).rounded() / 100
        }

        init(_ a: Int, _ b: Int) {
            self.init(Double(a), Double(b), rounding: { $0.rounded() })
        }

        public var isZero: Bool { change == 0 }

        /// Writes `percent` as null rather than leaving it out, so that every figure has the same four keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(a, forKey: .a)
            try container.encode(b, forKey: .b)
            try container.encode(change, forKey: .change)
            try container.encode(percent, forKey: .percent)
        }
    }

    /// The cost components of plan.json, each as a ``Figure``.
    public struct CostFigures: Codable, Sendable, Hashable {
        public var total, staff, machine, vendor, setup, handoff, fixed, postage, discount, lateness: Figure

        init(_ a: PlanDocument.Cost, _ b: PlanDocument.Cost) {
            total = Figure(a.total, b.total)
            staff = Figure(a.staff, b.staff)
            machine = Figure(a.machine, b.machine)
            vendor = Figure(a.vendor, b.vendor)
            setup = Figure(a.setup, b.setup)
            handoff = Figure(a.handoff, b.handoff)
            fixed = Figure(a.fixed, b.fixed)
            postage = Figure(a.postage, b.postage)
            discount = Figure(a.discount, b.discount)
            lateness = Figure(a.lateness, b.lateness)
        }

        /// Every component with its label, in the order of the plan summary.
        public var rows: [(label: String, figure: Figure)] {
            [("staff", staff), ("machine", machine), ("vendor", vendor), ("setup", setup), ("hand-offs", handoff),
             ("fixed", fixed), ("postage", postage), ("− discount", discount), ("lateness", lateness), ("total", total)]
        }
    }

    /// One ward's desk in both plans.
    public struct WardChange: Codable, Sendable, Hashable {
        public var ward: String
        public var name: String
        public var hours: Figure
        /// The yen of the desk's hours; nil when either plan.json predates the figure.
        public var yen: Figure?

        public var isZero: Bool { hours.isZero && (yen?.isZero ?? true) }
    }

    /// A job stage done by another resource in B than in A. `(deferred)` stands for a job not done in the week.
    public struct RouteChange: Codable, Sendable, Hashable {
        public var job: String
        public var ward: String
        public var stage: String
        public var from: String
        public var to: String
    }

    /// The resource name that stands for "deferred beyond the week" in ``RouteChange``.
    public static let deferred = "(deferred)"

    public var a: Side
    public var b: Side
    /// Both plans are of the same jobs and week; otherwise ``routeChanges`` is empty and not meaningful.
    public var sameJobs: Bool
    public var cost: CostFigures
    /// `a.total − b.total`: what B saves against A (negative when B costs more).
    public var saving: Double
    /// Ward desk hours used.
    public var wardStaffHours: Figure
    /// `a − b` of ward desk hours: the hours B frees at the wards against A (negative when B uses more).
    public var wardStaffHoursFreed: Double
    public var handoffs: Figure
    public var latePieces: Figure
    /// Postal lots per tier, keyed like plan.json's `lotsPerTier` (the tier's minimum pieces; 0 below the tiers).
    public var lotsPerTier: [String: Figure]
    /// Every ward of either plan, A's order first.
    public var wards: [WardChange]
    /// Job stages on another resource, by job and stage order; empty when the jobs differ.
    public var routeChanges: [RouteChange]
    /// Job stages on the same resource but on other days or with other daily pieces.
    public var rescheduled: Int
    /// Job stages compared (those of either plan; a deferred job counts the stages the other plan assigns).
    public var jobStages: Int
    /// The same jobs on the same resources and days at the same figures.
    public var identical: Bool

    /// Compares plan `b` with the base plan `a`.
    ///
    /// - Parameters:
    ///   - fileA: how to name A in the output (the path given on the command line).
    ///   - fileB: how to name B.
    public init(_ a: PlanDocument, _ b: PlanDocument, fileA: String = "A", fileB: String = "B") {
        self.a = Side(a, file: fileA)
        self.b = Side(b, file: fileB)
        sameJobs = Self.sameJobs(a, b)
        cost = CostFigures(a.cost, b.cost)
        saving = (a.cost.total - b.cost.total).yen + 0
        wardStaffHours = Figure(a.wardStaffHours, b.wardStaffHours, rounding: { $0.hours })
        wardStaffHoursFreed = (a.wardStaffHours - b.wardStaffHours).hours + 0
        handoffs = Figure(a.handoffs, b.handoffs)
        latePieces = Figure(a.latePieces, b.latePieces)
        var lots: [String: Figure] = [:]
        for tier in Set(a.lotsPerTier.keys).union(b.lotsPerTier.keys) {
            lots[tier] = Figure(a.lotsPerTier[tier] ?? 0, b.lotsPerTier[tier] ?? 0)
        }
        lotsPerTier = lots
        wards = Self.wardChanges(a, b)
        if sameJobs {
            (routeChanges, rescheduled, jobStages) = Self.routeChanges(a, b)
        } else {
            (routeChanges, rescheduled, jobStages) = ([], 0, 0)
        }
        let figures = cost.rows.map(\.figure) + [wardStaffHours, handoffs, latePieces] + lotsPerTier.values
        identical = sameJobs && routeChanges.isEmpty && rescheduled == 0 && figures.allSatisfy(\.isZero)
            && wards.allSatisfy(\.isZero)
    }

    /// Same jobs: the same job digest (or, for a plan.json without one, the same week, counts and job ids).
    static func sameJobs(_ a: PlanDocument, _ b: PlanDocument) -> Bool {
        guard a.weekStart == b.weekStart, a.weekEnd == b.weekEnd, a.jobs == b.jobs, a.pieces == b.pieces else {
            return false
        }
        if let first = a.jobsDigest, let second = b.jobsDigest { return first == second }
        func ids(_ plan: PlanDocument) -> Set<String> { Set(plan.assignments.map(\.job)).union(plan.deferred) }
        return ids(a) == ids(b)
    }

    /// Every ward of either plan, A's order first, then B's other wards.
    static func wardChanges(_ a: PlanDocument, _ b: PlanDocument) -> [WardChange] {
        let inA = Dictionary(a.wards.map { ($0.ward, $0) }, uniquingKeysWith: { first, _ in first })
        let inB = Dictionary(b.wards.map { ($0.ward, $0) }, uniquingKeysWith: { first, _ in first })
        var order = a.wards.map(\.ward)
        order += b.wards.map(\.ward).filter { inA[$0] == nil }
        var seen: Set<String> = []
        return order.filter { seen.insert($0).inserted }.map { code in
            let x = inA[code], y = inB[code]
            let yen: Figure? = switch (x, y) {
            case let (x?, y?): x.yen.flatMap { p in y.yen.map { Figure(p, $0) } }
            case let (x?, nil): x.yen.map { Figure($0, 0) }
            case let (nil, y?): y.yen.map { Figure(0, $0) }
            case (nil, nil): nil
            }
            return WardChange(ward: code, name: x?.name ?? y?.name ?? code,
                              hours: Figure(x?.hours ?? 0, y?.hours ?? 0, rounding: { $0.hours }), yen: yen)
        }
    }

    /// The job stages whose resource differs, how many kept their resource but moved days, and how many were compared.
    static func routeChanges(_ a: PlanDocument, _ b: PlanDocument) -> ([RouteChange], Int, Int) {
        struct Key: Hashable { var job: String, stage: String }
        func index(_ plan: PlanDocument) -> [Key: PlanDocument.AssignmentEntry] {
            Dictionary(plan.assignments.map { (Key(job: $0.job, stage: $0.stage), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let inA = index(a), inB = index(b)
        let deferredA = Set(a.deferred), deferredB = Set(b.deferred)
        var changes: [RouteChange] = []
        var rescheduled = 0
        let keys = Set(inA.keys).union(inB.keys)
        for key in keys {
            let x = inA[key], y = inB[key]
            let from = x?.resource ?? (deferredA.contains(key.job) ? Self.deferred : "(none)")
            let to = y?.resource ?? (deferredB.contains(key.job) ? Self.deferred : "(none)")
            if from != to {
                changes.append(RouteChange(job: key.job, ward: x?.ward ?? y?.ward ?? "", stage: key.stage, from: from, to: to))
            } else if x?.days != y?.days {
                rescheduled += 1
            }
        }
        changes.sort { ($0.job, stageOrder($0.stage), $0.stage) < ($1.job, stageOrder($1.stage), $1.stage) }
        return (changes, rescheduled, keys.count)
    }

    private static func stageOrder(_ stage: String) -> Int { Stage(rawValue: stage)?.order ?? Stage.allCases.count }
}

extension PlanComparison.Side {
    init(_ document: PlanDocument, file: String) {
        self.init(file: file, planner: document.planner, status: document.status, weekStart: document.weekStart,
                  weekEnd: document.weekEnd, jobs: document.jobs, pieces: document.pieces, jobsFile: document.jobsFile,
                  jobsDigest: document.jobsDigest)
    }
}
