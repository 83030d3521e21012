import ArgumentParser
import MailPlan

@main
struct MailPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailplan",
        abstract: "Plan a week of ward-office mass mailings on shared resources, with GLPK.",
        discussion: """
        mailplan takes a week's mailing jobs from all wards (a CSV file) and a site description \
        (a TOML file) and plans which resource does each stage (extract, insert, dispatch) of each \
        job on which working day, at the lowest cost, against the status quo.
        """,
        version: MailPlanInfo.version,
        subcommands: [PlanCommand.self, CompareCommand.self, ResidualsCommand.self, ExportCommand.self, ValidateCommand.self,
                      CalendarCommand.self, GenerateCommand.self]
    )
}
