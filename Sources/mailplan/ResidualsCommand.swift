import ArgumentParser
import Foundation
import MailPlan

/// `mailplan residuals`: the survey of ward-local jobs that remain after consolidation (DESIGN §7).
struct ResidualsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "residuals",
        abstract: "Survey the jobs a plan leaves on ward desks: why each stays, and what moving it would save.",
        discussion: """
        Lists every residual job (a job with at least one stage on a ward desk) with its reason codes \
        (ward_records, deadline, capacity, format, personal_data, small_lot, policy, handoffs; see the README) \
        and flags the inefficient ones. With --what-if each flagged job is re-solved with its blocking rules \
        lifted and moved off the ward desk, against the same re-solve with the job kept where it is, and the list is \
        sorted by the yen a week that saves. What-ifs are on by default for csv and json, off for text. \
        Without --plan the week is planned first (optimal planner, --time-limit).
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case csv
        case json
    }

    @Argument(help: ArgumentHelp("The week's jobs (CSV). Default: the bundled Osaka week.", valueName: "WEEK.csv"))
    var week: String?

    @Option(help: ArgumentHelp("The site file (TOML). Default: site.toml beside the job book.", valueName: "FILE"))
    var site: String?

    @Option(help: ArgumentHelp("A plan.json of this week from mailplan plan. Default: plan the week first.", valueName: "PLAN.json"))
    var plan: String?

    @Option(help: "What to print.")
    var format: OutputFormat = .text

    @Flag(inversion: .prefixedNo, help: "Re-solve a what-if for each flagged job (default: on for csv and json).")
    var whatIf: Bool?

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds the optimal planner may run when there is no --plan.")
    var timeLimit: Double = 60

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        try TimeLimit.validate(timeLimit)
    }

    func run() throws {
        let book = try BundledBook.load(week: week, site: site)
        let base: Plan
        if let plan {
            base = try reportingInputErrors { try PlanDocument.read(path: plan).plan(for: book, file: plan) }
        } else {
            let progress = ProgressLine(enabled: !quiet)
            base = try OptimalPlanner(options: .init(timeLimit: TimeLimit.duration(timeLimit),
                                                     progress: { progress.show($0) })).plan(book)
            progress.finish()
            _ = try reportingDefects { try PlanEvaluator(book).checked(base) }
        }
        // The what-ifs' plans are checked as they are made (``WhatIfSolver``).
        let survey = try reportingDefects {
            try ResidualSurvey(book: book, plan: base, options: .init(whatIf: whatIf ?? (format != .text)))
        }
        let report: Data
        switch format {
        case .text: report = Data(ResidualReport.text(survey).utf8)
        case .csv: report = Data(ResidualReport.csv(survey).utf8)
        case .json: report = try ResidualReport.json(survey) + Data("\n".utf8)
        }
        if let output {
            let url = URL(fileURLWithPath: output)
            try reportingOutputErrors {
                try OutputFiles.write([(url.lastPathComponent, report)], into: url.deletingLastPathComponent())
            }
        } else {
            FileHandle.standardOutput.write(report)
        }
    }
}
