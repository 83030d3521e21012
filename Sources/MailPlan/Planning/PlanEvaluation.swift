/// Cost of a plan by component, yen. `total` = everything but `discount`, less `discount`.
public struct CostBreakdown: Hashable, Sendable, Codable {
    /// Staff hours at ward desks, department rooms and hubs.
    public var staff: Double = 0
    /// Centre machine lines (operator and machine).
    public var machine: Double = 0
    /// Vendor prices per piece.
    public var vendor: Double = 0
    /// Setup hours of program runs.
    public var setup: Double = 0
    /// Hand-offs between sites.
    public var handoff: Double = 0
    /// Vendors' weekly fixed charges.
    public var fixed: Double = 0
    /// Gross postage of every dispatched piece.
    public var postage: Double = 0
    /// Bulk discounts earned by postal lots (a saving, subtracted in `total`).
    public var discount: Double = 0
    /// Lateness and deferral penalties.
    public var lateness: Double = 0

    public init() {}

    public var total: Double { staff + machine + vendor + setup + handoff + fixed + postage - discount + lateness }
    /// The cost a plan can change: the total less gross postage.
    public var controllable: Double { total - postage }
}

/// A postal lot: one mail class dispatched at one site on one day.
public struct PostalLot: Hashable, Sendable {
    public var mailClass: String
    public var site: String
    public var day: CivilDate
    public var pieces: Int
    /// The tier's minimum size, or nil below the first tier.
    public var tierMinPieces: Int?
    public var discountYen: Double
}

/// Everything a plan implies, recomputed from the plan and the book alone.
public struct PlanEvaluation: Sendable {
    public var cost = CostBreakdown()
    /// Staff hours used at ward desks (processing and setups).
    public var wardStaffHours: Double = 0
    /// Ward desk hours by ward code.
    public var wardHoursByWard: [String: Double] = [:]
    /// Cost by ward: processing, setups and hand-offs of the ward's jobs (yen), for comparisons.
    public var handoffs = 0
    public var latePieces = 0
    public var lots: [PostalLot] = []
    /// Hours (or pieces, for vendors) used per resource and working day.
    public var utilisation: [String: [CivilDate: Double]] = [:]
    /// Every rule of DESIGN §5 the plan breaks; empty for a valid plan.
    public var violations: [String] = []

    /// Lots per discount tier (by minimum size; 0 for lots below the first tier).
    public var lotsPerTier: [Int: Int] {
        var counts: [Int: Int] = [:]
        for lot in lots { counts[lot.tierMinPieces ?? 0, default: 0] += 1 }
        return counts
    }
}
