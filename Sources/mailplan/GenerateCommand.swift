import ArgumentParser
import Foundation
import MailPlan

/// `mailplan generate`: writes a seeded Osaka job book, `site.toml` and `week.csv`, into a folder, each file
/// whole or not at all (``OutputFiles``).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded Osaka job book (site.toml and week.csv) into a folder.",
        discussion: """
        The site is Osaka City's 24 wards with departments, a centre, block hubs and vendors whose \
        capacity is sized to the week's volume at --load (see Jobs/README.md). The same arguments \
        give byte-identical files on every machine.
        """
    )

    @Option(name: .long, parsing: .unconditional, help: "How many jobs the week has (1 to 100000).")
    var jobs: Int

    @Option(name: .long, parsing: .unconditional, help: "The seed of the generator.")
    var seed: UInt64

    @Option(name: .long, help: "The folder to write site.toml and week.csv into (created if missing).")
    var out: String

    @Option(name: .long, parsing: .unconditional, help: "How many wards, the first ones in ward-code order (1 to 24).")
    var wards: Int = BookGenerator.maxWards

    @Option(name: .long, help: "The Monday of the week, as YYYY-MM-DD (2000 to 2099).")
    var week: String = BookGenerator.defaultWeekStart.iso

    @Option(name: .long, parsing: .unconditional, help: """
        How full the shared resources are meant to be (0.01 to 100; 0.6–0.85 is realistic, 1 or more a stress test): \
        the status quo's busiest day on the departments, the whole week's insertion on the centre, hubs and \
        vendors.
        """)
    var load: Double = BookGenerator.defaultLoad

    func validate() throws {
        // The ranges of BookGenerator.problems(jobs:wards:weekStart:load:), said with the options' names.
        guard (1...BookGenerator.maxJobs).contains(jobs) else {
            throw ValidationError("--jobs must be 1 to \(BookGenerator.maxJobs), not \(jobs).")
        }
        guard (1...BookGenerator.maxWards).contains(wards) else {
            throw ValidationError("--wards must be 1 to \(BookGenerator.maxWards), not \(wards).")
        }
        guard let monday = CivilDate(iso: week) else {
            throw ValidationError("--week must be a date written YYYY-MM-DD, not '\(week)'.")
        }
        let years = JapaneseHolidays.supportedYears
        guard years.contains(monday.year) else {
            throw ValidationError("--week \(monday) is outside \(years.lowerBound)–\(years.upperBound), "
                + "the years whose public holidays mailplan knows.")
        }
        guard monday.weekday == .monday else {
            throw ValidationError("--week must be a Monday; \(monday) is a \(monday.weekday). "
                + "The Monday of that week is \(monday.adding(days: 1 - monday.weekday.isoNumber)).")
        }
        guard !BookGenerator.workingDays(inWeekOf: monday).isEmpty else {
            throw ValidationError("--week \(monday): the week has no working day.")
        }
        guard BookGenerator.loads.contains(load) else {
            let loads = BookGenerator.loads
            throw ValidationError("--load must be \(loads.lowerBound) to \(Int(loads.upperBound)), not \(load).")
        }
        guard !out.isEmpty else { throw ValidationError("--out must name a folder.") }
    }

    func run() throws {
        // validate() has checked every argument.
        let monday = CivilDate(iso: week)!
        let generator = BookGenerator(jobs: jobs, seed: seed, wards: wards, weekStart: monday, load: load)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        try reportingOutputErrors {
            try OutputFiles.write([("site.toml", Data(generator.siteTOML().utf8)),
                                   ("week.csv", Data(generator.weekCSV().utf8))], into: folder)
        }

        let summary = generator.summary
        let folderText = out.hasSuffix("/") ? out : out + "/"
        print("wrote \(folderText)site.toml and \(folderText)week.csv: \(counted(summary.jobs, "job")), "
            + "\(counted(summary.wards, "ward")), \(counted(summary.programs, "program")), "
            + "\(counted(summary.pieces, "piece")); load \(hundredths(summary.load)) on the centre, "
            + "hubs and vendors, \(hundredths(summary.overallLoad)) with the departments")
    }

    private func hundredths(_ value: Double) -> String {
        String(Double(Int((value * 100).rounded())) / 100)
    }
}
