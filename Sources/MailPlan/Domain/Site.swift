/// Lags and hand-off costs when consecutive stages of a job are at different sites.
public struct TransferRule: Hashable, Sendable {
    /// The kind of the site the pieces leave, or nil for any.
    public var from: ResourceKind?
    /// The kind of the site the pieces go to, or nil for any.
    public var to: ResourceKind?
    /// Working days between finishing at one site and starting at the next.
    public var lagDays: Int
    /// Staff time and courier cost of one hand-off, yen.
    public var handoffYen: Double

    public init(from: ResourceKind?, to: ResourceKind?, lagDays: Int, handoffYen: Double) {
        self.from = from
        self.to = to
        self.lagDays = lagDays
        self.handoffYen = handoffYen
    }
}

/// Site-wide policy knobs: penalties, overtime, and the residual survey's thresholds.
public struct Policy: Hashable, Sendable {
    /// Penalty per piece per working day dispatched after its due day, yen.
    public var latenessYenPerPieceDay: Double
    /// Penalty per piece for a job that cannot be done at all within the horizon, yen.
    public var deferralYenPerPiece: Double
    /// Overtime hours a ward desk, department or hub may add per day (0: none).
    public var overtimeHoursPerDay: Double
    /// Overtime costs this multiple of the hourly rate.
    public var overtimeFactor: Double
    /// Keep the insertion of ward-specific content at the ward (the `policy` residual reason).
    public var keepWardSpecificLocal: Bool
    /// A residual job is flagged when its local cost per piece exceeds the best alternative by this factor.
    public var residualCostFactor: Double
    /// A residual job is flagged when it hand-processes more pieces than this at the ward.
    public var residualManualPieces: Int
    /// How many weeks from the Monday of the earliest ready day the plan covers.
    public var horizonWeeks: Int

    public init(latenessYenPerPieceDay: Double = 100, deferralYenPerPiece: Double = 500,
                overtimeHoursPerDay: Double = 0, overtimeFactor: Double = 1.25, keepWardSpecificLocal: Bool = false,
                residualCostFactor: Double = 1.2, residualManualPieces: Int = 3000, horizonWeeks: Int = 1) {
        self.latenessYenPerPieceDay = latenessYenPerPieceDay
        self.deferralYenPerPiece = deferralYenPerPiece
        self.overtimeHoursPerDay = overtimeHoursPerDay
        self.overtimeFactor = overtimeFactor
        self.keepWardSpecificLocal = keepWardSpecificLocal
        self.residualCostFactor = residualCostFactor
        self.residualManualPieces = residualManualPieces
        self.horizonWeeks = horizonWeeks
    }
}

/// A what-if's changes to the rules of DESIGN §5.1 for single jobs (see the residual survey): rules waived for a
/// job, and stages of a job that may not stay on its ward desk. The site file never sets these.
public struct Scenario: Hashable, Sendable {
    /// Rules that no longer block the job with this id.
    public var waived: [String: Set<Blocker>] = [:]
    /// Stages of the job with this id that no ward desk may do.
    public var offWardDesk: [String: Set<Stage>] = [:]

    public init(waived: [String: Set<Blocker>] = [:], offWardDesk: [String: Set<Stage>] = [:]) {
        self.waived = waived
        self.offWardDesk = offWardDesk
    }

    public var isEmpty: Bool { waived.isEmpty && offWardDesk.isEmpty }
}

/// Everything about the city that changes rarely: wards, programs, envelopes, resources, transfers,
/// the postal tariff, the calendar and the policy.
public struct Site: Sendable {
    public var name: String
    public var calendar: WorkCalendar
    public var wards: [Ward]
    public var programs: [Program]
    public var envelopes: [Envelope]
    /// The shared resources (department, center, hub, vendor); ward desks are ``desks``.
    public var sharedResources: [Resource]
    /// Transfer rules, most specific first when looked up.
    public var transfers: [TransferRule]
    /// Lag and hand-off cost when no rule matches.
    public var defaultTransfer: TransferRule
    public var tariff: Tariff
    public var policy: Policy
    /// Rules changed for single jobs by a what-if; empty for a site as loaded.
    public var scenario = Scenario()

    public init(name: String, calendar: WorkCalendar, wards: [Ward], programs: [Program], envelopes: [Envelope],
                sharedResources: [Resource], transfers: [TransferRule], defaultTransfer: TransferRule,
                tariff: Tariff, policy: Policy) {
        self.name = name
        self.calendar = calendar
        self.wards = wards
        self.programs = programs
        self.envelopes = envelopes
        self.sharedResources = sharedResources
        self.transfers = transfers
        self.defaultTransfer = defaultTransfer
        self.tariff = tariff
        self.policy = policy
    }

    /// One desk per ward, in ward order.
    public var desks: [Resource] { wards.map(Resource.desk(of:)) }

    /// Ward desks then shared resources: the order every planner and report uses.
    public var resources: [Resource] { desks + sharedResources }

    /// The transfer between two resources: nil when they are at the same site (no lag, no hand-off).
    public func transfer(from a: Resource, to b: Resource) -> TransferRule? {
        guard a.site != b.site else { return nil }
        let exact = transfers.first { $0.from == a.kind && $0.to == b.kind }
        let partial = transfers.first { ($0.from == a.kind && $0.to == nil) || ($0.from == nil && $0.to == b.kind) }
        return exact ?? partial ?? defaultTransfer
    }
}
