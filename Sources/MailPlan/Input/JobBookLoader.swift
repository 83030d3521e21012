import Foundation

/// Loads a week's job book (a CSV file) with its site (a TOML file) into a validated `JobBook`.
///
/// The formats are described in `Jobs/FORMAT.md`. Every problem of every row is collected before anything is
/// thrown, each at the cell it is about: cells that cannot be read, rows whose cells contradict each other, ids
/// used twice, due days after the planning horizon, stages no resource of the site may do, and `current` kinds
/// that cannot do their stage.
public enum JobBookLoader {
    /// The site file used when none is named: `site.toml` in the job book's folder.
    public static let defaultSiteFileName = "site.toml"

    /// Reads and checks a job book and its site.
    ///
    /// - Parameters:
    ///   - path: the job book (CSV: UTF-8 with or without BOM, or Shift_JIS/CP932).
    ///   - sitePath: the site file; nil means `site.toml` in the job book's folder (see `sitePath(forJobs:)`).
    /// - Returns: the book, its horizon starting on the Monday of the earliest ready day.
    /// - Throws: `InputFileError` when either file cannot be read at all (the job book is tried first), and
    ///   `DiagnosticsError` with every problem otherwise. When the site has problems, only those are reported:
    ///   the jobs cannot be checked against a site that is not valid.
    public static func load(jobs path: String, site sitePath: String?) throws -> JobBook {
        let bytes = try InputFileError.readBytes(atPath: path)
        let siteFile = sitePath ?? Self.sitePath(forJobs: path)
        let site = try SiteLoader.load(path: siteFile)
        let table = try CSVTable.parse(bytes: bytes, file: path)
        return try book(from: table, site: site, siteFile: siteFile)
    }

    /// The site file used for a job book when none is named: `site.toml` in the same folder, spelled the way the
    /// job book's path is (relative stays relative), so that messages name it as the user would.
    public static func sitePath(forJobs path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? defaultSiteFileName : (folder as NSString).appendingPathComponent(defaultSiteFileName)
    }

    /// Checks the records of a parsed job book against a site and builds the book.
    ///
    /// - Parameters:
    ///   - table: the job book; its `file` is the name used in diagnostics and in `JobBook.jobsFile`.
    ///   - site: a valid site.
    ///   - siteFile: the name of the site's file, for `JobBook.siteFile`.
    /// - Returns: the book.
    /// - Throws: `DiagnosticsError` with every problem, sorted by position.
    public static func book(from table: CSVTable, site: Site,
                            siteFile: String = "") throws(DiagnosticsError) -> JobBook {
        let log = DiagnosticCollector()
        var rows = JobLoader.rows(of: table, site: site, log: log)
        if table.records.isEmpty {
            let at = table.header.first?.location ?? SourceLocation(file: table.file, line: 1, column: 1)
            log.error("the job book has no jobs: there is a header but no row after it", at: at)
        }
        checkDuplicateIDs(rows, log: log)
        let horizon = checkHorizon(&rows, weeks: site.policy.horizonWeeks, log: log)
        for row in rows {
            if let job = row.job { checkCapability(job, row: row, site: site, log: log) }
        }
        try log.throwIfErrors()
        guard let horizon else { preconditionFailure("a book with jobs and no errors has a horizon") }
        return JobBook(site: site, jobs: rows.compactMap(\.job), horizonStart: horizon.start,
                       horizonEnd: horizon.end, jobsFile: table.file, siteFile: siteFile)
    }

    /// Reports every id used again, at the later use, naming the line of the first.
    static func checkDuplicateIDs(_ rows: [JobRow], log: DiagnosticCollector) {
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard let id = row.id else { continue }
            if let line = firstLine[id] {
                log.error("duplicate id '\(id)': it is already used on line \(line)", at: row.location(.id))
            } else {
                firstLine[id] = row.location.line
            }
        }
    }

    /// The planning horizon, from the Monday of the earliest ready day, and an error for every due day after it.
    ///
    /// - Returns: the horizon, or nil when no row has a readable ready day.
    static func checkHorizon(_ rows: inout [JobRow], weeks: Int,
                             log: DiagnosticCollector) -> (start: CivilDate, end: CivilDate)? {
        guard let earliest = rows.compactMap(\.ready).min() else { return nil }
        let horizon = JobBook.horizon(containing: earliest, weeks: weeks)
        let span = weeks == 1 ? "the week of the earliest ready day"
                              : "the \(weeks) weeks from the week of the earliest ready day"
        for index in rows.indices {
            guard let due = rows[index].due, due > horizon.end else { continue }
            if let ready = rows[index].ready, due < ready { continue }  // already reported as due before ready
            log.error("due \(due) is after the planning horizon \(horizon.start)…\(horizon.end) (\(span)); "
                + "move the job to next week's book or raise [policy] horizon_weeks", at: rows[index].location(.due))
            rows[index].isInconsistent = true
        }
        return horizon
    }
}
