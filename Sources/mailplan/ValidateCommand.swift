import ArgumentParser
import MailPlan

/// `mailplan validate [WEEK.csv] [--site FILE]`: checks a job book and its site and summarises the week.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a week's job book and its site file.",
        discussion: """
        Prints one summary line when both files are valid (exit 0). Otherwise prints every problem as \
        file:line:column: error: message on standard error and exits with 65; a file that cannot be read \
        exits with 66.
        """
    )

    @Argument(help: ArgumentHelp(
        "The week's jobs (CSV). Default: the newest Jobs/osaka/week-*.csv of the checkout.",
        valueName: "WEEK.csv"))
    var week: String?

    @Option(help: ArgumentHelp("The site file (TOML). Default: site.toml beside the job book.", valueName: "FILE"))
    var site: String?

    func run() throws {
        print(Self.summary(of: try BundledBook.load(week: week, site: site)))
    }

    /// The one-line summary of a valid book:
    /// `3 jobs, 2 wards, 16100 pieces, 4 working days (2026-11-30 … 2026-12-06)`, where the dates are the
    /// planning horizon and the working days are those in it.
    static func summary(of book: JobBook) -> String {
        let wards = Set(book.jobs.map(\.ward)).count
        return "\(counted(book.jobs.count, "job")), \(counted(wards, "ward")), \(counted(book.totalPieces, "piece")), "
            + "\(counted(book.workingDays.count, "working day")) (\(book.horizonStart) … \(book.horizonEnd))"
    }
}

/// `n` and the noun, in the plural unless `n` is 1: "1 job", "3 jobs".
func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
