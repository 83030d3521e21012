import Foundation
import Testing

@Suite("mailplan residuals")
struct ResidualsCommandTests {
    private func temporaryFolder() throws -> URL { try CLIRunner.temporaryFolder("residuals") }

    /// Plans the template week with the status quo, whose desks keep every `ward` stage: kita-kokuho-1 extracts and
    /// dispatches at the ward and inserts at the department (two hand-offs); the other two jobs do not fit the desks
    /// and are deferred.
    private func statusQuoPlan(in folder: URL) throws -> String {
        let result = try CLIRunner.run(["plan", PlanCommandTests.template, "--planner", "status-quo", "--out", folder.path, "--quiet"])
        try #require(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("plan.json").path
    }

    @Test func timeLimitIsCheckedAsPlansIs() throws {
        let result = try CLIRunner.run(["residuals", PlanCommandTests.template, "--time-limit", "1e300"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--time-limit must be a positive number of seconds, at most 604800 (a week)"))
    }

    @Test func textHasAHeaderAndOneLinePerResidualJob() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", try statusQuoPlan(in: folder)])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "1 residual job (a stage on a ward desk) · 1 flagged as inefficient · no what-ifs run (--what-if)",
                "\(result.stdout)")
        let row = try #require(lines.first { $0.hasPrefix("kita-kokuho-1 ") }, "\(result.stdout)")
        #expect(row.contains(" extract+dispatch ") && row.hasSuffix(" handoffs"))
    }

    @Test func csvAndJSONRunWhatIfsByDefault() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try statusQuoPlan(in: folder)
        let csv = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", plan, "--format", "csv",
                                     "--output", folder.appendingPathComponent("residuals.csv").path])
        #expect(csv.status == 0 && csv.stdout.isEmpty, "\(csv.stderr)")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("residuals.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("job,ward,ward_name,"))
        #expect(text.contains(",北区,"))
        let json = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", plan, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let residuals = try #require(document["residuals"] as? [[String: Any]])
        #expect(residuals.count == document["residualJobs"] as? Int)
        let flagged = residuals.filter { $0["flagged"] as? Bool == true }
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { $0["whatIf"] != nil })
        let noWhatIf = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", plan, "--format", "json", "--no-what-if"])
        #expect(!noWhatIf.stdout.contains("\"whatIf\""))
    }

    @Test func planOfAnotherWeekIsRejected() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try statusQuoPlan(in: folder)
        let week = CLIRunner.checkout.appendingPathComponent("Jobs/osaka-holiday/week-2026-11-23.csv").path
        let result = try CLIRunner.run(["residuals", week, "--plan", plan])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(plan):1:1: error: the plan is not of this week: 3 of its jobs are not in"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func malformedPlanIsAnInputError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json")
        try Data("{\"planner\": \"optimal\",\n  \"status\": }\n".utf8).write(to: plan)
        let result = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", plan.path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(plan.path):"), "\(result.stderr)")
        let missing = try CLIRunner.run(["residuals", PlanCommandTests.template, "--plan", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 66)
    }
}
