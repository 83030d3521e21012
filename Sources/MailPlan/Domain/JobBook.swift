/// A validated week: the site, the jobs, and the working days of the planning horizon.
public struct JobBook: Sendable {
    public var site: Site
    public var jobs: [Job]
    /// The first day of the horizon (the Monday of the week of the earliest ready day).
    public var horizonStart: CivilDate
    /// The last day of the horizon.
    public var horizonEnd: CivilDate
    /// The file the jobs came from, for reports.
    public var jobsFile: String
    /// The file the site came from, for reports.
    public var siteFile: String

    public init(site: Site, jobs: [Job], horizonStart: CivilDate, horizonEnd: CivilDate,
                jobsFile: String = "", siteFile: String = "") {
        self.site = site
        self.jobs = jobs
        self.horizonStart = horizonStart
        self.horizonEnd = horizonEnd
        self.jobsFile = jobsFile
        self.siteFile = siteFile
    }

    /// The working days of the horizon, in order.
    public var workingDays: [CivilDate] { site.calendar.workingDays(from: horizonStart, through: horizonEnd) }

    /// The horizon that starts on the Monday of `earliest`'s week and spans `weeks` weeks.
    public static func horizon(containing earliest: CivilDate, weeks: Int) -> (start: CivilDate, end: CivilDate) {
        let start = earliest.adding(days: -(earliest.weekday.rawValue - 1))
        return (start, start.adding(days: 7 * weeks - 1))
    }

    /// Total pieces of all jobs.
    public var totalPieces: Int { jobs.reduce(0) { $0 + $1.pieces } }
}
