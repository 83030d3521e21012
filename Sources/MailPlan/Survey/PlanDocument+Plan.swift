extension PlanDocument {
    /// The plan this document describes, checked against the week it is to be read with: every job, stage and
    /// resource must exist there, and the plan must keep every rule of DESIGN §5.
    ///
    /// - Parameter file: the plan's file name, for diagnostics.
    /// - Throws: `DiagnosticsError` listing what does not fit (at most 10 problems).
    public func plan(for book: JobBook, file: String) throws(DiagnosticsError) -> Plan {
        let here = SourceLocation(file: file, line: 1, column: 1)
        var problems: [String] = []
        var assignments: [Assignment] = []
        for entry in self.assignments {
            guard let stage = Stage(rawValue: entry.stage) else {
                problems.append("job '\(entry.job)' has an unknown stage '\(entry.stage)'")
                continue
            }
            var days: [CivilDate: Int] = [:]
            for (day, pieces) in entry.days {
                guard let date = CivilDate(iso: day) else {
                    problems.append("job '\(entry.job)' \(stage): '\(day)' is not a date (YYYY-MM-DD)")
                    continue
                }
                days[date] = pieces
            }
            assignments.append(Assignment(job: entry.job, stage: stage, resource: entry.resource, days: days))
        }
        let plan = Plan(planner: planner, assignments: assignments, deferred: deferred)
        if problems.isEmpty {
            let known = Set(book.jobs.map(\.id))
            let unknown = Set(assignments.map(\.job) + deferred).subtracting(known).sorted()
            if !unknown.isEmpty {
                problems.append("the plan is not of this week: \(unknown.count) of its jobs are not in \(book.jobsFile) "
                    + "(\(unknown.prefix(3).map { "'\($0)'" }.joined(separator: ", "))\(unknown.count > 3 ? ", …" : ""))")
            } else {
                problems += PlanEvaluator(book).evaluate(plan).violations.map { "the plan breaks a rule of this week: \($0)" }
            }
        }
        guard problems.isEmpty else {
            throw DiagnosticsError(problems.prefix(10).map { Diagnostic(here, $0) })
        }
        return plan
    }
}
