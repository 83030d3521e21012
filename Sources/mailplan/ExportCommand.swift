import ArgumentParser
import Foundation
import MailPlan

/// `mailplan export [WEEK.csv] [--site FILE] (--mps FILE | --lp FILE)`: writes the week's whole MILP for other solvers.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the week's whole MILP (the model the optimal planner solves) as MPS or CPLEX LP.",
        discussion: """
        The model covers every job at once over the planner's route catalogue; its objective is the controllable \
        cost in yen (the total less the gross postage of all pieces, which no plan changes), the figure behind the \
        objective, bound and gap in plan.json. Rows and columns have readable names (x_JOB_ROUTE, \
        q_JOB_STAGE_RESOURCE_DATE, y_GROUP_RESOURCE_DATE, cap_RESOURCE_DATE, lot_CLASS_SITE_DATE, ...). \
        Give --mps, --lp or both; each file is written atomically. Prints the model's size. LP keeps 15 \
        significant digits; GLPK writes MPS numbers in 12 characters (1/600 as 1.6666667E-3), which can move a \
        small week's optimum by a few yen.
        """
    )

    @Argument(help: ArgumentHelp("The week's jobs (CSV). Default: the bundled Osaka week.", valueName: "WEEK.csv"))
    var week: String?

    @Option(help: ArgumentHelp("The site file (TOML). Default: site.toml beside the job book.", valueName: "FILE"))
    var site: String?

    @Option(help: ArgumentHelp("Write the model in free MPS to this file.", valueName: "FILE"))
    var mps: String?

    @Option(help: ArgumentHelp("Write the model in CPLEX LP format to this file.", valueName: "FILE"))
    var lp: String?

    func validate() throws {
        guard mps != nil || lp != nil else { throw ValidationError("give --mps FILE or --lp FILE (or both)") }
        if let mps, let lp, mps == lp { throw ValidationError("--mps and --lp name the same file") }
    }

    func run() throws {
        let book = try BundledBook.load(week: week, site: site)
        let model = WeekModel(RouteCatalogue(book))
        for (path, format) in [(mps, WeekModel.Format.mps), (lp, .lp)] {
            guard let path else { continue }
            try reportingOutputErrors {
                // GLPK's writer renames its finished file over the path: never over a folder or a device.
                if let refusal = OutputFiles.refusal(path) { throw OutputFiles.Failure(path: path, reason: refusal) }
                do throws(WeekModel.WriteFailure) {
                    try model.write(to: path, format: format)
                } catch {
                    throw OutputFiles.Failure(path: path, reason: error.reason)
                }
            }
        }
        print("\(model.rows) rows, \(model.columns) columns (\(model.integers) integer), \(model.nonzeros) nonzeros; "
              + "objective: controllable cost in yen; pieces \(model.integerPieces ? "integer" : "continuous")")
    }
}
