/// One record of a job book as read: every cell that could be read, and where each cell is.
///
/// Cells that are missing (their column is) or wrong stay nil, so that checks needing other cells can still run
/// and every problem of the row is reported at once.
struct JobRow {
    /// Where the record starts; the job's `line`.
    var location: SourceLocation
    /// Where each cell of the row is.
    var cells: [JobColumn: SourceLocation] = [:]

    var id: String?
    var ward: String?
    var program: String?
    var title: String?
    var pieces: Int?
    var stages: [Stage]?
    var envelope: String?
    var inserts: Int?
    var weightGrams: Double?
    var ready: CivilDate?
    var due: CivilDate?
    var personalData: Bool?
    var wardRecords: Bool?
    var wardSpecific: Bool?
    var current: [ResourceKind]?
    /// Set by a check that found the row inconsistent even though each cell could be read.
    var isInconsistent = false

    /// Where `column`'s cell is, or the start of the record when the column is missing.
    func location(_ column: JobColumn) -> SourceLocation { cells[column] ?? location }

    /// The job, when every cell was read and the row is consistent.
    var job: Job? {
        guard !isInconsistent, let id, let ward, let program, let pieces, let stages, let envelope, let inserts,
              let weightGrams, let ready, let due, let personalData, let wardRecords, let wardSpecific, let current
        else { return nil }
        return Job(id: id, ward: ward, program: program, title: title ?? "", pieces: pieces, stages: stages,
                   envelope: envelope, inserts: inserts, weightGrams: weightGrams, ready: ready, due: due,
                   personalData: personalData, wardRecords: wardRecords, wardSpecific: wardSpecific,
                   current: current, line: location.line)
    }
}

/// Reads the records of a job book into rows, checking each cell and the cells of one row against each other and
/// against the site; the checks across rows are `JobBookLoader`'s.
enum JobLoader {
    /// Reads every record of `table`.
    ///
    /// - Returns: one row per record, in file order; every problem is recorded in `log`.
    static func rows(of table: CSVTable, site: Site, log: DiagnosticCollector) -> [JobRow] {
        let columns = columns(of: table, log: log)
        let reader = CellReader(site: site, log: log)
        return table.records.map { record in
            var row = JobRow(location: record.location)
            for (column, index) in columns {
                row.cells[column] = record[index].location
            }
            for (column, index) in columns.sorted(by: { $0.value < $1.value }) {
                reader.read(record[index], into: &row, as: column)
            }
            checkConsistency(&row, site: site, log: log)
            return row
        }
    }

    /// The checks that need several cells of one row: `current` against `stages`, the dates against each other
    /// and the calendar, and the piece against the postal tariff.
    static func checkConsistency(_ row: inout JobRow, site: Site, log: DiagnosticCollector) {
        if let stages = row.stages, let current = row.current, current.count != stages.count {
            log.error("current names \(count(current.count, "kind")) but stages names \(count(stages.count, "stage")) "
                + "(\(stages.map(\.rawValue).joined(separator: "+"))); give one kind per stage, in stage order",
                      at: row.location(.current))
            row.isInconsistent = true
        }
        if let ready = row.ready, let due = row.due {
            if due < ready {
                log.error("due \(due) is before ready \(ready)", at: row.location(.due))
                row.isInconsistent = true
            } else if site.calendar.workingDays(from: ready, through: due).isEmpty {
                log.error("no working day from ready \(ready) to due \(due): "
                    + closedDays(from: ready, through: due, calendar: site.calendar), at: row.location(.due))
                row.isInconsistent = true
            }
        }
        if let stages = row.stages, stages.contains(.dispatch), let envelope = row.envelope,
           let weight = row.weightGrams, site.tariff.mailClass(envelope: envelope, weightGrams: weight) == nil {
            let takers = site.tariff.classes.filter { $0.envelopes.contains(envelope) }
            if takers.isEmpty {
                log.error("no mail class in [postage] takes envelope '\(envelope)', so the job cannot be dispatched",
                          at: row.location(.envelope))
            } else {
                let limits = takers.map { "\($0.id) up to \(TOMLReader.shown($0.maxWeightGrams)) g" }
                log.error("no mail class takes a '\(envelope)' piece of \(TOMLReader.shown(weight)) g ("
                    + limits.joined(separator: ", ") + ")", at: row.location(.weightGrams))
            }
            row.isInconsistent = true
        }
    }

    /// The closed days of a short range with their reasons: "2026-12-05 土曜日, 2026-12-06 日曜日".
    static func closedDays(from start: CivilDate, through end: CivilDate, calendar: WorkCalendar) -> String {
        let shown = 10
        let days = (start...end).prefix(shown + 1).map { "\($0) \(calendar.closure(on: $0) ?? "open")" }
        let total = start.days(to: end) + 1
        return days.prefix(shown).joined(separator: ", ") + (total > shown ? ", … (\(total) closed days)" : "")
    }

    /// "1 stage", "3 stages".
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
