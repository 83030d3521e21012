/// The working days of a job book and each job's window on them, as indices.
public struct Horizon: Sendable {
    /// The working days, in order.
    public let days: [CivilDate]
    private let index: [CivilDate: Int]

    public init(_ book: JobBook) {
        days = book.workingDays
        index = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
    }

    /// The index of a working day, or nil for a closed day or one outside the horizon.
    public func index(of day: CivilDate) -> Int? { index[day] }

    /// The first working day on or after the job's ready day, or nil when there is none in the horizon.
    public func readyIndex(_ job: Job) -> Int? { days.firstIndex { $0 >= job.ready } }

    /// The last working day on or before the job's due day, or nil when there is none.
    public func dueIndex(_ job: Job) -> Int? { days.lastIndex { $0 <= job.due } }

    /// Working days from a job's due day to day index `d`: 0 when on time.
    public func daysLate(_ job: Job, _ d: Int) -> Int {
        guard let due = dueIndex(job) else { return d + 1 }
        return max(0, d - due)
    }
}
