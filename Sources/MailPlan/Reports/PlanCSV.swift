import Foundation

/// `plan.csv`: one row per job, stage, resource and day with pieces and hours, UTF-8 with a BOM so that
/// spreadsheets read the Japanese text correctly.
public enum PlanCSV {
    public static let header = ["job", "ward", "ward_name", "program", "title", "stage", "resource", "resource_kind",
                                "day", "pieces", "hours"]

    public static func text(_ plan: Plan, book: JobBook) -> String {
        let jobs = Dictionary(book.jobs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let wardNames = Dictionary(book.site.wards.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let resources = Dictionary(book.site.resources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = [header.joined(separator: ",")]
        for assignment in plan.assignments.sorted(by: { ($0.job, $0.stage) < ($1.job, $1.stage) }) {
            guard let job = jobs[assignment.job], let resource = resources[assignment.resource] else { continue }
            for (day, pieces) in assignment.days.sorted(by: { $0.key < $1.key }) {
                let hours = resource.kind == .vendor ? 0 : Double(pieces) / (resource.rates[assignment.stage] ?? 1)
                lines.append([job.id, job.ward, wardNames[job.ward] ?? "", job.program, job.title, assignment.stage.rawValue,
                              resource.id, resource.kind.rawValue, day.description, "\(pieces)", "\(hours.hours)"]
                    .map(field).joined(separator: ","))
            }
        }
        for id in plan.deferred.sorted() {
            guard let job = jobs[id] else { continue }
            lines.append([job.id, job.ward, wardNames[job.ward] ?? "", job.program, job.title, "deferred", "", "", "",
                          "\(job.pieces)", "0"].map(field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting where needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
