/// Why a residual job keeps a stage on its ward desk (DESIGN §7). The raw values are stable: reports, CSV files and
/// tools read them.
public enum ReasonCode: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Extraction needs records only the ward holds, and it blocks every shared resource that does the stage.
    case wardRecords = "ward_records"
    /// Every consolidated route's transfer lags run past the due day, while staying local does not.
    case deadline
    /// A consolidated route would be on time, but the shared resources have no room for the job that week.
    case capacity
    /// No shared resource that inserts takes the job's envelope or insert count.
    case format
    /// The job carries personal data and no shared resource that does the stage is certified.
    case personalData = "personal_data"
    /// Staying local is cheaper: the best consolidated route costs at least as much per piece.
    case smallLot = "small_lot"
    /// The site keeps ward-specific content local, and that blocks every shared resource that inserts.
    case policy
    /// The job's stages are split between sites with two or more hand-offs.
    case handoffs

    public var description: String { rawValue }

    /// The rule of DESIGN §5.1 behind a code, for the codes that name one.
    var blocker: Blocker? {
        switch self {
        case .wardRecords: .wardRecords
        case .format: .format
        case .personalData: .personalData
        case .policy: .policy
        case .deadline, .capacity, .smallLot, .handoffs: nil
        }
    }

    /// The rules a what-if may lift for a single job: the ones a city could change (certify a resource, share
    /// records, accept a format, change the policy). A resource's area and programs are not among them.
    static let liftable: [Blocker: ReasonCode] = [
        .wardRecords: .wardRecords, .format: .format, .personalData: .personalData, .policy: .policy,
    ]
}

/// Why a residual job is flagged as inefficient.
public enum InefficiencyFlag: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Its local cost per piece exceeds its best consolidated alternative by more than the site's factor.
    case cost
    /// It hand-processes more pieces at the ward than the site's threshold.
    case manualVolume = "manual_volume"
    /// It causes two or more hand-offs.
    case handoffs

    public var description: String { rawValue }
}
