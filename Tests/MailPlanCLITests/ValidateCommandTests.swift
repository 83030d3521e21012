import Foundation
import Testing

/// `mailplan validate` and `mailplan calendar`, run as the built executable from the checkout.
@Suite("mailplan validate and calendar")
struct ValidateCommandTests {
    static let fixtures = "Tests/MailPlanTests/Fixtures"
    static let templateSummary = "3 jobs, 2 wards, 16100 pieces, 4 working days (2026-11-30 … 2026-12-06)"

    func run(_ arguments: [String], in directory: URL = CLIRunner.checkout) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: directory)
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    // MARK: - validate

    @Test func aValidBookPrintsOneSummaryLine() throws {
        let result = try run(["validate", "Jobs/template/week.csv"])
        #expect(result.status == 0)
        #expect(result.stdout == Self.templateSummary + "\n")
        #expect(result.stderr == "")
    }

    @Test func problemsAreEveryDiagnosticOnStandardErrorWithExit65() throws {
        let week = "\(Self.fixtures)/week/bad-pieces.csv"
        let result = try run(["validate", week, "--site", "\(Self.fixtures)/base/site.toml"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        let printed = lines(result.stderr)
        #expect(printed.count == 7)
        #expect(printed.first == "\(week):3:39: error: pieces must be a whole number above 0, found '1.5'")
        #expect(printed.last == "\(week):9:39: error: pieces must be at most 1,000,000,000, found 9223372036854775808")
    }

    @Test func siteProblemsAreReportedWithExit65() throws {
        let site = "\(Self.fixtures)/site/zero-capacity.toml"
        let result = try run(["validate", "Jobs/template/week.csv", "--site", site])
        #expect(result.status == 65)
        #expect(result.stderr == "\(site):125:18: error: resource 'vendor-a' cannot do anything: "
            + "'pieces_per_day' is 0\n")
    }

    @Test func aMissingBookExitsWith66() throws {
        let result = try run(["validate", "no-such-week.csv"])
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderr == "mailplan: no-such-week.csv: no such file\n")
    }

    @Test func aMissingDefaultSiteSaysWhereTheDefaultCameFrom() throws {
        let result = try run(["validate", "\(Self.fixtures)/no-site/week.csv"])
        #expect(result.status == 66)
        #expect(result.stderr == "mailplan: \(Self.fixtures)/no-site/site.toml: no such file (the site file defaults "
            + "to site.toml beside the job book; name another with --site)\n")
    }

    @Test func withoutABookTheNewestBundledWeekIsUsed() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let osaka = root.appendingPathComponent("Jobs/osaka")
        let template = CLIRunner.checkout.appendingPathComponent("Jobs/template")
        try FileManager.default.createDirectory(at: osaka, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: template.appendingPathComponent("site.toml"),
                                         to: osaka.appendingPathComponent("site.toml"))
        try FileManager.default.copyItem(at: template.appendingPathComponent("week.csv"),
                                         to: osaka.appendingPathComponent("week-2026-11-30.csv"))
        // An older week that would fail: it must not be the one chosen.
        try Data("not,a,book\n".utf8).write(to: osaka.appendingPathComponent("week-2026-11-23.csv"))

        let result = try run(["validate"], in: osaka)
        #expect(result.status == 0)
        #expect(result.stdout == Self.templateSummary + "\n")
    }

    @Test func withoutABookOrABundledWeekTheErrorSaysWhatToDo() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try run(["validate"], in: root)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no Jobs/osaka/ folder"))
        #expect(result.stderr.contains("give the job book (WEEK.csv) to use"))
    }

    // MARK: - calendar

    @Test func calendarListsTheClosedWeekdaysOfAYear() throws {
        let result = try run(["calendar", "2026"])
        #expect(result.status == 0)
        let printed = lines(result.stdout)
        #expect(printed.count == 21)
        #expect(printed.first == "2026-01-01 元日")
        #expect(printed.contains("2026-05-06 振替休日"))
        #expect(printed.contains("2026-09-22 国民の休日"))
        #expect(printed.last == "2026-12-31 年末年始閉庁")
    }

    @Test func calendarWithASiteAddsItsClosedDays() throws {
        let result = try run(["calendar", "2026", "--site", "Jobs/template/site.toml"])
        #expect(result.status == 0)
        let printed = lines(result.stdout)
        #expect(printed.count == 22)
        #expect(printed.contains("2026-12-04 庁舎設備点検"))
    }

    @Test(arguments: ["1999", "2100"])
    func calendarRejectsAYearItDoesNotKnow(_ year: String) throws {
        let result = try run(["calendar", year])
        #expect(result.status == 64)
        #expect(result.stderr.contains("year \(year) is outside 2000–2099"))
    }

    @Test func calendarWithABadSiteExitsWith65() throws {
        let result = try run(["calendar", "2026", "--site", "\(Self.fixtures)/site/horizon-zero.toml"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(Self.fixtures)/site/horizon-zero.toml:18:17: error: "))
    }

    private func temporaryFolder() throws -> URL { try CLIRunner.temporaryFolder("validate") }
}
