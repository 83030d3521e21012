import Foundation
import MailPlan
import Testing

@Suite("mailplan generate")
struct GenerateCommandTests {
    /// Each bad option is a usage error that names it and writes nothing. Among them the values that trapped
    /// before their ranges were checked: a load so small that the sizes overflowed, a week whose days run past the
    /// year 9999.
    @Test(arguments: [
        (["--jobs", "0"], "--jobs must be 1 to 100000, not 0."),
        (["--jobs", "100001"], "--jobs must be 1 to 100000, not 100001."),
        (["--jobs", "-3"], "--jobs must be 1 to 100000, not -3."),
        (["--wards", "-2"], "--wards must be 1 to 24, not -2."),
        (["--load", "-2"], "--load must be 0.01 to 100, not -2.0."),
        (["--wards", "25"], "--wards must be 1 to 24, not 25."),
        (["--week", "2026-12-01"], "--week must be a Monday; 2026-12-01 is a tuesday. The Monday of that week is 2026-11-30."),
        (["--week", "1999-12-27"], "--week 1999-12-27 is outside 2000–2099, the years whose public holidays mailplan knows."),
        (["--week", "2100-01-04"], "--week 2100-01-04 is outside 2000–2099, the years whose public holidays mailplan knows."),
        (["--week", "9999-12-27"], "--week 9999-12-27 is outside 2000–2099, the years whose public holidays mailplan knows."),
        (["--load", "1e-300"], "--load must be 0.01 to 100, not 1e-300."),
        (["--load", "0.0099"], "--load must be 0.01 to 100, not 0.0099."),
        (["--load", "100.5"], "--load must be 0.01 to 100, not 100.5."),
        (["--load", "1e300"], "--load must be 0.01 to 100, not 1e+300."),
        (["--load", "nan"], "--load must be 0.01 to 100, not nan."),
    ])
    func badOptionsAreUsageErrors(options: [String], message: String) throws {
        let folder = try CLIRunner.temporaryFolder("generate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("week")
        let result = try CLIRunner.run(["generate", "--jobs", "3", "--seed", "1", "--out", out.path] + options)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// What the generator writes loads, at the corners of its ranges (a 100,000-job week was checked by hand: 20 s
    /// to write), and the command says what it wrote, in the singular where there is one.
    @Test(arguments: [(1, 24, 100.0, "2026-11-30"), (1, 1, 0.01, "2000-01-03"), (40, 3, 1.1, "2099-12-21")])
    func whatItWritesLoads(jobs: Int, wards: Int, load: Double, week: String) throws {
        let folder = try CLIRunner.temporaryFolder("generate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("week").path
        let result = try CLIRunner.run(["generate", "--jobs", "\(jobs)", "--seed", "5", "--wards", "\(wards)",
                                        "--load", "\(load)", "--week", week, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let counts = jobs == 1 ? "1 job, 1 ward, 1 program, " : "40 jobs, 3 wards, "
        #expect(result.stdout.hasPrefix("wrote \(out)/site.toml and \(out)/week.csv: \(counts)"), "\(result.stdout)")
        let validated = try CLIRunner.run(["validate", out + "/week.csv"])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.hasPrefix(jobs == 1 ? "1 job, 1 ward, " : "40 jobs, 3 wards, "), "\(validated.stdout)")
    }

    /// The command's checks and the generator's own (``BookGenerator/problems(jobs:wards:weekStart:load:)``) are
    /// two statements of one rule: they must agree, at the edges of every range.
    @Test(arguments: [
        (1, 24, "2026-11-30", 0.75, true), (100_000, 24, "2026-11-30", 0.75, true), (100_001, 24, "2026-11-30", 0.75, false),
        (3, 1, "2026-11-30", 0.75, true), (3, 0, "2026-11-30", 0.75, false),
        (3, 24, "2000-01-03", 0.75, true), (3, 24, "1999-12-27", 0.75, false),
        (3, 24, "2099-12-28", 0.75, true), (3, 24, "2100-01-04", 0.75, false),
        (3, 24, "2026-11-30", 0.01, true), (3, 24, "2026-11-30", 100, true), (3, 24, "2026-11-30", 0.0099, false),
    ])
    func commandAndGeneratorAgree(jobs: Int, wards: Int, week: String, load: Double, accepted: Bool) throws {
        let monday = try #require(CivilDate(iso: week))
        let problems = BookGenerator.problems(jobs: jobs, wards: wards, weekStart: monday, load: load)
        #expect(problems.isEmpty == accepted, "\(problems)")
        // Only the rejections are run: an accepted 100,000-job week takes 20 s to write.
        guard !accepted else { return }
        let folder = try CLIRunner.temporaryFolder("generate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["generate", "--jobs", "\(jobs)", "--seed", "1", "--wards", "\(wards)",
                                        "--week", week, "--load", "\(load)", "--out", folder.appendingPathComponent("w").path])
        #expect(result.status == 64, "\(result.stderr)")
    }
}
