import ArgumentParser
import MailPlan

/// `mailplan calendar YEAR [--site FILE]`: the closed weekdays of a year, one `YYYY-MM-DD name` a line.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the closed weekdays of a year (public holidays, the year-end closure, a site's own days).",
        discussion: """
        Weekends are always closed and left out. With --site, the site's [calendar] is used, including its \
        closed_days; otherwise a ward office's calendar.
        """
    )

    /// The years whose public holidays mailplan computes.
    static let years = JapaneseHolidays.supportedYears

    @Argument(help: "The year, 2000–2099.")
    var year: Int

    @Option(help: ArgumentHelp("A site file (TOML) whose calendar to use.", valueName: "FILE"))
    var site: String?

    func validate() throws {
        guard Self.years.contains(year) else {
            throw ValidationError("year \(year) is outside \(Self.years.lowerBound)–\(Self.years.upperBound), "
                + "the years whose public holidays mailplan knows")
        }
    }

    func run() throws {
        let calendar = try site.map { path in
            try reportingInputErrors { try SiteLoader.load(path: path).calendar }
        } ?? WorkCalendar()
        for (date, name) in calendar.closedWeekdays(in: year) {
            print("\(date.iso) \(name)")
        }
    }
}
