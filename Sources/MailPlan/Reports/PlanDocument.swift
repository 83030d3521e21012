import Foundation

/// `plan.json`: the whole plan with its evaluation, in a stable, documented schema (README, "plan.json").
/// The summary field names are fixed because other tools read them.
public struct PlanDocument: Codable, Sendable {
    public struct Cost: Codable, Sendable, Hashable {
        public var total, staff, machine, vendor, setup, handoff, fixed, postage, discount, lateness: Double

        init(_ cost: CostBreakdown) {
            total = cost.total.yen
            staff = cost.staff.yen
            machine = cost.machine.yen
            vendor = cost.vendor.yen
            setup = cost.setup.yen
            handoff = cost.handoff.yen
            fixed = cost.fixed.yen
            postage = cost.postage.yen
            discount = cost.discount.yen
            lateness = cost.lateness.yen
        }
    }

    public struct AssignmentEntry: Codable, Sendable, Hashable {
        public var job: String
        public var ward: String
        public var stage: String
        public var resource: String
        public var days: [String: Int]
    }

    public struct Lot: Codable, Sendable, Hashable {
        public var mailClass: String
        public var site: String
        public var day: String
        public var pieces: Int
        public var tierMinPieces: Int
        public var discount: Double
    }

    public struct WardFigures: Codable, Sendable, Hashable {
        public var ward: String
        public var name: String
        public var hours: Double
        public var hoursStatusQuo: Double
        /// The yen of the ward desk's hours (processing and setups at the ward's staff rate, overtime included);
        /// nil in a plan.json written before this field existed.
        public var yen: Double?
        public var yenStatusQuo: Double?
    }

    public struct Baseline: Codable, Sendable, Hashable {
        public var cost: Cost
        public var wardStaffHours: Double
        public var handoffs: Int
        public var latePieces: Int
    }

    public struct Model: Codable, Sendable, Hashable {
        public var rows: Int
        public var columns: Int
        public var binaries: Int
        public var firstPlanSeconds: Double
        public var buildSeconds: Double
    }

    public var planner: String
    /// `optimal`, `gap`, `time_limit` or `heuristic`.
    public var status: String
    /// The controllable cost (total less gross postage), yen.
    public var objective: Double
    /// A proven lower bound on the controllable cost; nil for heuristic plans.
    public var bound: Double?
    /// `(objective − bound) / objective`; nil for heuristic plans.
    public var gap: Double?
    public var cost: Cost
    public var wardStaffHours: Double
    public var wardStaffHoursFreed: Double
    public var handoffs: Int
    public var latePieces: Int
    public var solveSeconds: Double
    public var weekStart: String
    public var weekEnd: String
    public var workingDays: [String]
    public var jobsFile: String
    public var siteFile: String
    public var jobs: Int
    public var pieces: Int
    /// A fingerprint of the week's jobs (``JobBook/jobsDigest``): two plans with the same digest plan the same
    /// jobs, whatever their files are called. Nil in a plan.json written before this field existed.
    public var jobsDigest: String?
    public var statusQuo: Baseline
    public var lotsPerTier: [String: Int]
    public var lots: [Lot]
    public var wards: [WardFigures]
    public var deferred: [String]
    public var model: Model?
    public var assignments: [AssignmentEntry]

    /// Builds the document of `plan`, comparing it with the status-quo plan of the same book.
    public init(plan: Plan, statusQuo: Plan, book: JobBook, solveSeconds: Double) {
        self.init(plan: plan, evaluation: PlanEvaluator(book).evaluate(plan), statusQuo: statusQuo, book: book,
                  solveSeconds: solveSeconds)
    }

    /// Builds the document of `plan` from its evaluation (`PlanEvaluator(book).evaluate(plan)`, which a caller that
    /// has already checked the plan passes on rather than repeating).
    public init(plan: Plan, evaluation: PlanEvaluation, statusQuo: Plan, book: JobBook, solveSeconds: Double) {
        let baseline = PlanEvaluator(book).evaluate(statusQuo)
        let wardOf = Dictionary(book.jobs.map { ($0.id, $0.ward) }, uniquingKeysWith: { a, _ in a })
        planner = plan.planner
        status = plan.solver?.status ?? "heuristic"
        objective = evaluation.cost.controllable.yen
        bound = plan.solver?.bound.map(\.yen)
        gap = plan.solver?.gap.map { ($0 * 1e6).rounded() / 1e6 }
        cost = Cost(evaluation.cost)
        wardStaffHours = evaluation.wardStaffHours.hours
        wardStaffHoursFreed = (baseline.wardStaffHours - evaluation.wardStaffHours).hours
        handoffs = evaluation.handoffs
        latePieces = evaluation.latePieces
        self.solveSeconds = solveSeconds
        weekStart = book.horizonStart.description
        weekEnd = book.horizonEnd.description
        workingDays = book.workingDays.map(\.description)
        jobsFile = book.jobsFile
        siteFile = book.siteFile
        jobs = book.jobs.count
        pieces = book.totalPieces
        jobsDigest = book.jobsDigest
        self.statusQuo = Baseline(cost: Cost(baseline.cost), wardStaffHours: baseline.wardStaffHours.hours,
                                  handoffs: baseline.handoffs, latePieces: baseline.latePieces)
        lotsPerTier = Dictionary(uniqueKeysWithValues: evaluation.lotsPerTier.map { ("\($0.key)", $0.value) })
        lots = evaluation.lots.map {
            Lot(mailClass: $0.mailClass, site: $0.site, day: $0.day.description, pieces: $0.pieces,
                tierMinPieces: $0.tierMinPieces ?? 0, discount: $0.discountYen.yen)
        }
        let yen = evaluation.wardDeskYen(book.site), yenStatusQuo = baseline.wardDeskYen(book.site)
        wards = book.site.wards.map {
            WardFigures(ward: $0.id, name: $0.name, hours: (evaluation.wardHoursByWard[$0.id] ?? 0).hours,
                        hoursStatusQuo: (baseline.wardHoursByWard[$0.id] ?? 0).hours,
                        yen: (yen[$0.id] ?? 0).yen, yenStatusQuo: (yenStatusQuo[$0.id] ?? 0).yen)
        }
        deferred = plan.deferred.sorted()
        model = plan.solver.map { Model(rows: $0.rows, columns: $0.columns, binaries: $0.binaries,
                                         firstPlanSeconds: $0.firstPlanSeconds, buildSeconds: $0.buildSeconds) }
        assignments = plan.assignments
            .sorted { ($0.job, $0.stage) < ($1.job, $1.stage) }
            .map { AssignmentEntry(job: $0.job, ward: wardOf[$0.job] ?? "", stage: $0.stage.rawValue, resource: $0.resource,
                                   days: Dictionary(uniqueKeysWithValues: $0.days.map { ($0.key.description, $0.value) })) }
    }

    /// The JSON text: pretty-printed with sorted keys, so the same plan gives the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Double {
    /// Yen rounded to 0.01, so that float noise does not reach the files.
    var yen: Double { (self * 100).rounded() / 100 }
    /// Hours rounded to 0.001.
    var hours: Double { (self * 1000).rounded() / 1000 }
}
