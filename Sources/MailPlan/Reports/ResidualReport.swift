import Foundation

/// The residual survey as a text table, as CSV for spreadsheets (UTF-8 with a BOM, Japanese names kept) and as JSON
/// for tools. Field names and reason codes are stable.
public enum ResidualReport {
    public static let csvHeader = [
        "job", "ward", "ward_name", "program", "program_name", "title", "pieces", "local_stages", "route",
        "local_yen_per_piece", "alternative", "alternative_yen_per_piece", "ward_staff_hours", "hand_pieces",
        "handoffs", "reasons", "flagged", "flags", "what_if_lifted", "what_if_moved", "what_if_neighbourhood",
        "what_if_deferred", "saving_yen", "ward_hours_saved",
    ]

    public static func csv(_ survey: ResidualSurvey) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for residual in survey.residuals {
            let job = residual.job, whatIf = residual.whatIf
            let fields: [String] = [
                job.id, job.ward, residual.wardName, job.program, residual.programName, job.title, "\(job.pieces)",
                residual.localStages.map(\.rawValue).joined(separator: "+"), residual.route.joined(separator: "+"),
                "\(residual.localYenPerPiece.yen)", residual.alternative?.joined(separator: "+") ?? "",
                residual.alternativeYenPerPiece.map { "\($0.yen)" } ?? "", "\(residual.wardStaffHours.hours)",
                "\(residual.handPieces)", "\(residual.handoffs)", residual.reasons.map(\.rawValue).joined(separator: "+"),
                residual.flagged ? "yes" : "no", residual.flags.map(\.rawValue).joined(separator: "+"),
                whatIf?.lifted.map(\.rawValue).joined(separator: "+") ?? "",
                whatIf?.moved.map(\.rawValue).joined(separator: "+") ?? "",
                whatIf?.neighbourhood.joined(separator: "+") ?? "", whatIf.map { $0.jobDeferred ? "yes" : "no" } ?? "",
                whatIf.map { "\($0.savingYen.yen)" } ?? "", whatIf.map { "\($0.wardHoursSaved.hours)" } ?? "",
            ]
            lines.append(fields.map(PlanCSV.field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    struct Document: Encodable {
        struct Entry: Encodable {
            var job, ward, wardName, program, programName, title: String
            var pieces: Int
            var localStages: [String]
            var route: [String]
            var localYenPerPiece: Double
            var alternative: [String]?
            var alternativeYenPerPiece: Double?
            var wardStaffHours: Double
            var handPieces: Int
            var handoffs: Int
            var reasons: [String]
            var flagged: Bool
            var flags: [String]
            var whatIf: WhatIfEntry?
        }
        struct WhatIfEntry: Encodable {
            var lifted: [String]
            var moved: [String]
            var neighbourhood: [String]
            var jobDeferred: Bool
            var savingYen: Double
            var wardHoursSaved: Double
            var controlCost: Double
            var changedCost: Double
        }
        var weekStart, weekEnd, jobsFile, siteFile, planner: String
        var residualJobs: Int
        var flaggedJobs: Int
        var totalSavingYen: Double
        var totalWardHoursSaved: Double
        var residuals: [Entry]
    }

    public static func json(_ survey: ResidualSurvey) throws -> Data {
        let book = survey.book
        let document = Document(
            weekStart: book.horizonStart.description, weekEnd: book.horizonEnd.description, jobsFile: book.jobsFile,
            siteFile: book.siteFile, planner: survey.plan.planner, residualJobs: survey.residuals.count,
            flaggedJobs: survey.flaggedCount, totalSavingYen: survey.totalSaving.yen,
            totalWardHoursSaved: survey.totalWardHoursSaved.hours,
            residuals: survey.residuals.map { residual in
                let job = residual.job
                return Document.Entry(
                    job: job.id, ward: job.ward, wardName: residual.wardName, program: job.program,
                    programName: residual.programName, title: job.title, pieces: job.pieces,
                    localStages: residual.localStages.map(\.rawValue), route: residual.route,
                    localYenPerPiece: residual.localYenPerPiece.yen, alternative: residual.alternative,
                    alternativeYenPerPiece: residual.alternativeYenPerPiece?.yen,
                    wardStaffHours: residual.wardStaffHours.hours, handPieces: residual.handPieces,
                    handoffs: residual.handoffs, reasons: residual.reasons.map(\.rawValue), flagged: residual.flagged,
                    flags: residual.flags.map(\.rawValue),
                    whatIf: residual.whatIf.map {
                        Document.WhatIfEntry(lifted: $0.lifted.map(\.rawValue), moved: $0.moved.map(\.rawValue),
                                             neighbourhood: $0.neighbourhood, jobDeferred: $0.jobDeferred, savingYen: $0.savingYen.yen,
                                             wardHoursSaved: $0.wardHoursSaved.hours,
                                             controlCost: $0.controlCost.total.yen, changedCost: $0.changedCost.total.yen)
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// A short header (how many residual jobs, how many flagged, the saving available) and one line per job.
    public static func text(_ survey: ResidualSurvey) -> String {
        let book = survey.book
        var lines: [String] = []
        let whatIfs = survey.residuals.compactMap(\.whatIf)
        lines.append("residual survey · week \(book.horizonStart) … \(book.horizonEnd) · \(survey.plan.planner) plan · "
            + "\(book.jobs.count) jobs")
        let residualJobs = survey.residuals.count == 1 ? "1 residual job" : "\(survey.residuals.count) residual jobs"
        lines.append("\(residualJobs) (a stage on a ward desk) · \(survey.flaggedCount) flagged as inefficient · "
            + (whatIfs.isEmpty ? "no what-ifs run (--what-if)"
               : "saving available ¥\(PlanSummary.grouped(survey.totalSaving)) a week and "
                 + "\(PlanSummary.fixed1(survey.totalWardHoursSaved)) ward hours (\(whatIfs.filter { $0.savingYen > 0 }.count) of \(whatIfs.count) what-ifs save)"))
        lines.append("")
        let jobWidth = max(3, survey.residuals.map(\.job.id.count).max() ?? 0)
        let localWidth = max(5, survey.residuals.map { $0.localStages.map(\.rawValue).joined(separator: "+").count }.max() ?? 0)
        let flagsWidth = max(5, survey.residuals.map { $0.flags.map(\.rawValue).joined(separator: "+").count }.max() ?? 0)
        let columns: [(String, Int, Bool)] = [
            ("job", jobWidth, false), ("pieces", 7, true), ("local", localWidth, false), ("¥/pc", 7, true), ("alt ¥/pc", 9, true),
            ("hours", 7, true), ("flags", flagsWidth, false), ("saving ¥", 11, true), ("reasons", 0, false),
        ]
        lines.append(columns.map { PlanSummary.pad($0.0, $0.1, right: $0.2) }.joined(separator: " "))
        for residual in survey.residuals {
            let values = [
                residual.job.id, "\(residual.job.pieces)", residual.localStages.map(\.rawValue).joined(separator: "+"),
                fixed2(residual.localYenPerPiece), residual.alternativeYenPerPiece.map(fixed2) ?? "—",
                PlanSummary.fixed1(residual.wardStaffHours), residual.flags.map(\.rawValue).joined(separator: "+"),
                residual.whatIf.map { $0.jobDeferred ? "no room" : PlanSummary.signed($0.savingYen) } ?? "",
                residual.reasons.isEmpty ? "—" : residual.reasons.map(\.rawValue).joined(separator: " "),
            ]
            lines.append(zip(columns, values).map { PlanSummary.pad($1, $0.1, right: $0.2) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fixed2(_ value: Double) -> String { String(format: "%.2f", value) }
}
