/// Something that performs stages with a daily capacity: a ward desk, a department room, a centre line,
/// a block hub or a vendor.
public struct Resource: Hashable, Sendable, Identifiable {
    /// A unique code, such as `center-line-1`; ward desks use `desk-<ward>`.
    public var id: String
    /// A readable name.
    public var name: String
    public var kind: ResourceKind
    /// The place the resource is at; consecutive stages at one site need no hand-off.
    public var site: String
    /// Throughput by stage, pieces per hour (for vendors, unused: they have a daily piece capacity).
    public var rates: [Stage: Double]
    /// Working hours per day (ignored for vendors).
    public var hoursPerDay: Double
    /// Pieces per day across all stages, for vendors; nil for hour-based resources.
    public var piecesPerDay: Double?
    /// Envelope formats the resource can insert into; empty means any.
    public var envelopes: Set<String>
    /// The most inserts per envelope the resource can handle at the insert stage.
    public var maxInserts: Int
    /// Certified to handle personal data.
    public var personalData: Bool
    /// Cost per working hour, yen (staff and machine together).
    public var yenPerHour: Double
    /// Price per piece by stage, yen (vendors).
    public var yenPerPiece: [Stage: Double]
    /// Minutes to set up one program run on a day.
    public var setupMinutes: Double
    /// A charge for the week when the resource is used at all, yen (vendors).
    public var weeklyFixedYen: Double
    /// The wards it serves: a ward desk its own ward, a hub its block; nil means every ward.
    public var servesWards: Set<String>?
    /// The programs it takes (a department takes the programs it owns); nil means every program.
    public var programs: Set<String>?

    public init(id: String, name: String, kind: ResourceKind, site: String, rates: [Stage: Double],
                hoursPerDay: Double, piecesPerDay: Double? = nil, envelopes: Set<String> = [], maxInserts: Int,
                personalData: Bool, yenPerHour: Double, yenPerPiece: [Stage: Double] = [:], setupMinutes: Double,
                weeklyFixedYen: Double = 0, servesWards: Set<String>? = nil, programs: Set<String>? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.site = site
        self.rates = rates
        self.hoursPerDay = hoursPerDay
        self.piecesPerDay = piecesPerDay
        self.envelopes = envelopes
        self.maxInserts = maxInserts
        self.personalData = personalData
        self.yenPerHour = yenPerHour
        self.yenPerPiece = yenPerPiece
        self.setupMinutes = setupMinutes
        self.weeklyFixedYen = weeklyFixedYen
        self.servesWards = servesWards
        self.programs = programs
    }

    /// The stages the resource performs.
    public var stages: Set<Stage> {
        kind == .vendor ? Set(yenPerPiece.keys) : Set(rates.keys)
    }

    /// The ward desk of a ward: hand work at the ward's staff cost, serving only that ward.
    public static func desk(of ward: Ward) -> Resource {
        Resource(id: "desk-\(ward.id)", name: "\(ward.name) desk", kind: .ward, site: "ward:\(ward.id)",
                 rates: ward.handRates, hoursPerDay: ward.hoursPerDay, maxInserts: Int.max, personalData: true,
                 yenPerHour: ward.staffYenPerHour, setupMinutes: ward.setupMinutes, servesWards: [ward.id])
    }
}
