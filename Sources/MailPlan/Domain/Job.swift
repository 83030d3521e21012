/// One ward's share of one mailing in the week.
public struct Job: Hashable, Sendable, Identifiable {
    public var id: String
    /// The ward code.
    public var ward: String
    /// The program code.
    public var program: String
    public var title: String
    public var pieces: Int
    /// The stages the job needs, in processing order.
    public var stages: [Stage]
    /// The envelope format code.
    public var envelope: String
    /// Inserts per envelope.
    public var inserts: Int
    /// Weight of one finished piece, grams.
    public var weightGrams: Double
    /// The first day work may start.
    public var ready: CivilDate
    /// The day by which all pieces must be handed to the post office.
    public var due: CivilDate
    /// Contains personal data: only certified resources may handle it.
    public var personalData: Bool
    /// Extraction needs records only the ward holds, so it stays at the ward.
    public var wardRecords: Bool
    /// Content differs by ward: it cannot share a machine setup with other wards' jobs of its program.
    public var wardSpecific: Bool
    /// Where each stage is done today, in stage order.
    public var current: [ResourceKind]
    /// The line in the job book, for messages and reports.
    public var line: Int

    public init(id: String, ward: String, program: String, title: String, pieces: Int, stages: [Stage],
                envelope: String, inserts: Int, weightGrams: Double, ready: CivilDate, due: CivilDate,
                personalData: Bool, wardRecords: Bool, wardSpecific: Bool, current: [ResourceKind], line: Int = 0) {
        self.id = id
        self.ward = ward
        self.program = program
        self.title = title
        self.pieces = pieces
        self.stages = stages
        self.envelope = envelope
        self.inserts = inserts
        self.weightGrams = weightGrams
        self.ready = ready
        self.due = due
        self.personalData = personalData
        self.wardRecords = wardRecords
        self.wardSpecific = wardSpecific
        self.current = current
        self.line = line
    }

    /// Where the job does `stage` today, if it needs that stage.
    public func currentKind(of stage: Stage) -> ResourceKind? {
        stages.firstIndex(of: stage).map { current[$0] }
    }

    /// Jobs that can share one machine setup: the program, and the ward for ward-specific content.
    public var setupGroup: String { wardSpecific ? "\(program)@\(ward)" : program }
}
