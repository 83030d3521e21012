import ArgumentParser
import Foundation
import MailPlan

/// `mailplan plan`: plans a week and writes `plan.json` and `plan.csv`.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a week: which resource does each stage of each job on which day, at the lowest cost.",
        discussion: """
        With no WEEK, plans the bundled Osaka week. Writes plan.json (the whole plan; schema in the README) \
        and plan.csv (one row per job, stage, resource and day) into --out, and prints a summary against the \
        status quo. Progress goes to stderr while a solve runs longer than a second; stdout carries only the result.
        """
    )

    enum PlannerChoice: String, ExpressibleByArgument, CaseIterable {
        case optimal
        case greedy
        case statusQuo = "status-quo"
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The week's jobs (CSV). Default: the bundled Osaka week.")
    var week: String?

    @Option(help: "The site description (TOML). Default: site.toml next to the week.")
    var site: String?

    @Option(help: "Which planner to run.")
    var planner: PlannerChoice = .optimal

    @Option(help: "Folder for plan.json and plan.csv.")
    var out: String = "plan"

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds the optimal planner may run (the best plan and its proven gap are returned).")
    var timeLimit: Double = 60

    @Option(parsing: .unconditional, help: "Stop when the proven gap on the controllable cost falls to this fraction.")
    var gap: Double = 0.001

    @Option(help: "What to print on stdout.")
    var format: OutputFormat = .text

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Option(name: .customLong("progress-log"),
            help: ArgumentHelp("Also write the optimal planner's progress to this CSV file (elapsed_s,phase,incumbent,bound,gap), for benchmarks; independent of --quiet.", valueName: "FILE"))
    var progressLog: String?

    @Option(name: .customLong("search-log"),
            help: ArgumentHelp("Also write each neighbourhood the optimal planner's search re-solves to this CSV file (elapsed_s,walk,pass,neighbourhood_jobs,index,of,jobs,improved,gain,incumbent), for benchmarks.", valueName: "FILE"))
    var searchLog: String?

    func validate() throws {
        try TimeLimit.validate(timeLimit)
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be a fraction in [0, 1)") }
        if progressLog != nil, planner != .optimal { throw ValidationError("--progress-log needs --planner optimal") }
        if searchLog != nil, planner != .optimal { throw ValidationError("--search-log needs --planner optimal") }
    }

    func run() throws {
        let book = try BundledBook.load(week: week, site: site)
        let began = ContinuousClock.now
        let catalogue = RouteCatalogue(book)
        let statusQuo = HeuristicPlanners.statusQuo(catalogue)
        let plan: Plan
        // A log that could not be written to the end: reported after the plan's own files, which it does not spoil.
        var incompleteLogs: [OutputFiles.Failure] = []
        switch planner {
        case .statusQuo:
            plan = statusQuo
        case .greedy:
            plan = HeuristicPlanners.greedy(catalogue)
        case .optimal:
            let progress = ProgressLine(enabled: !quiet)
            let log = try progressLog.map { path in try reportingOutputErrors { try ProgressLog(path: path) } }
            let search = try searchLog.map { path in try reportingOutputErrors { try SearchLog(path: path) } }
            var options = OptimalPlanner.Options(timeLimit: TimeLimit.duration(timeLimit), relativeGap: gap,
                                                 progress: { progress.show($0); log?.record($0) })
            if let search { options.searchTrace = { search.record($0) } }
            plan = try OptimalPlanner(options: options).plan(catalogue)
            progress.finish()
            do { try log?.finish(plan) } catch { incompleteLogs.append(error) }
            do { try search?.finish() } catch { incompleteLogs.append(error) }
        }
        let seconds = (ContinuousClock.now - began).seconds
        // The plan is checked before anything is written: a planner's defect is reported, never written as a plan.
        let evaluation = try reportingDefects { try PlanEvaluator(book).checked(plan) }
        let document = PlanDocument(plan: plan, evaluation: evaluation, statusQuo: statusQuo, book: book, solveSeconds: seconds)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let json = try document.json() + Data("\n".utf8)
        try reportingOutputErrors {
            try OutputFiles.write([("plan.json", json), ("plan.csv", Data(PlanCSV.text(plan, book: book).utf8))],
                                  into: folder)
        }
        switch format {
        case .text:
            print(PlanSummary.text(document), terminator: "")
            print("wrote \(folder.appendingPathComponent("plan.json").path) and \(folder.appendingPathComponent("plan.csv").path)")
        case .json:
            FileHandle.standardOutput.write(json)
        }
        guard incompleteLogs.isEmpty else {
            incompleteLogs.forEach { printError("mailplan: \($0)") }
            throw ExitCode(ExitStatus.cannotCreate)
        }
    }
}
