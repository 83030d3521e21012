import Foundation
import Testing

@Suite("mailplan compare")
struct CompareCommandTests {
    private func temporaryFolder() throws -> URL { try CLIRunner.temporaryFolder("compare") }

    /// Plans `week` with `planner` into `folder/name`, returning what `mailplan plan` printed and the plan.json path.
    private func plan(_ week: String, _ planner: String, into folder: URL, _ name: String) throws -> (stdout: String, json: String) {
        let out = folder.appendingPathComponent(name)
        let result = try CLIRunner.run(["plan", week, "--planner", planner, "--out", out.path, "--quiet"])
        try #require(result.status == 0, "\(result.stderr)")
        return (result.stdout, out.appendingPathComponent("plan.json").path)
    }

    /// The yen after `prefix` up to the next space or bracket, as printed (`¥5,526,903`).
    private func yen(after prefix: String, in text: String) throws -> String {
        let start = try #require(text.range(of: prefix), "no '\(prefix)' in:\n\(text)").upperBound
        return String(text[start...].prefix { $0.isNumber || $0 == "," || $0 == "-" })
    }

    @Test func statusQuoAgainstOptimalShowsTheSavingThePlanCommandReports() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let statusQuo = try plan(PlanCommandTests.template, "status-quo", into: folder, "status-quo")
        let optimal = try plan(PlanCommandTests.template, "optimal", into: folder, "optimal")
        let saving = try yen(after: "saving against the status quo: ¥", in: optimal.stdout)
        try #require(!saving.isEmpty && saving != "0", "\(optimal.stdout)")

        let text = try CLIRunner.run(["compare", statusQuo.json, optimal.json])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.isEmpty)
        #expect(try yen(after: "B saves ¥", in: text.stdout) == saving, "\(text.stdout)")
        #expect(text.stdout.contains("same jobs"))
        #expect(text.stdout.contains("route changes:"))
        // The total row's change is minus the saving.
        let total = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("  total") })
        #expect(total.contains(" -\(saving) "), "\(total)")

        let json = try CLIRunner.run(["compare", statusQuo.json, optimal.json, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let value = try #require(object["saving"] as? Double)
        #expect(Int(value.rounded()) == Int(saving.replacingOccurrences(of: ",", with: "")))
        #expect(object["sameJobs"] as? Bool == true)
        #expect(object["identical"] as? Bool == false)
        #expect((object["routeChanges"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: ["status-quo", "optimal"])
    func aPlanComparedWithItselfShowsNoDifferences(_ planner: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try plan(PlanCommandTests.template, planner, into: folder, "first")
        let second = try plan(PlanCommandTests.template, planner, into: folder, "second")
        for (a, b) in [(first.json, first.json), (first.json, second.json)] {
            let result = try CLIRunner.run(["compare", a, b])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("no differences"), "\(result.stdout)")
            #expect(!result.stdout.contains("saves"))
            let json = try CLIRunner.run(["compare", a, b, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(object["identical"] as? Bool == true)
            #expect((object["routeChanges"] as? [Any])?.isEmpty == true)
            #expect(object["saving"] as? Double == 0)
        }
    }

    @Test func plansOfDifferentWeeksSayTheirJobsDiffer() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("generated")
        let generate = try CLIRunner.run(["generate", "--jobs", "6", "--seed", "3", "--wards", "2",
                                          "--week", "2026-12-07", "--out", generated.path])
        try #require(generate.status == 0, "\(generate.stderr)")
        let other = try plan(generated.appendingPathComponent("week.csv").path, "status-quo", into: folder, "other")
        let template = try plan(PlanCommandTests.template, "status-quo", into: folder, "template")

        let result = try CLIRunner.run(["compare", template.json, other.json])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("their jobs differ (A: week 2026-11-30 … 2026-12-06, 3 jobs; "
            + "B: week 2026-12-07 … 2026-12-13, 6 jobs)"), "\(result.stdout)")
        #expect(result.stdout.contains("cost (yen)"))
        #expect(result.stdout.contains("per ward"))
        #expect(!result.stdout.contains("route changes"))
        let json = try CLIRunner.run(["compare", template.json, other.json, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["sameJobs"] as? Bool == false)
        #expect((object["routeChanges"] as? [Any])?.isEmpty == true)
    }

    @Test func badJSONIsReportedWithItsPositionAndExits65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try plan(PlanCommandTests.template, "status-quo", into: folder, "good")
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\n  \"planner\": \"optimal\",\n  \"cost\": {\n    \"total\": 12,,\n".utf8).write(to: broken)
        let result = try CLIRunner.run(["compare", good.json, broken.path])
        #expect(result.status == 65)
        #expect(result.stderr == "\(broken.path):4:17: error: unexpected ','; expected a key in double quotes\n")
        #expect(result.stdout.isEmpty)

        let notAPlan = folder.appendingPathComponent("other.json")
        try Data("{\"hello\": \"world\"}\n".utf8).write(to: notAPlan)
        let both = try CLIRunner.run(["compare", broken.path, notAPlan.path])
        #expect(both.status == 65)
        let lines = both.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(both.stderr)")
        #expect(lines.first == "\(broken.path):4:17: error: unexpected ','; expected a key in double quotes")
        #expect(lines.last?.hasPrefix("\(notAPlan.path):1:1: error: not a plan.json written by mailplan plan: it lacks ") == true)
    }

    @Test func missingFileExits66() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try plan(PlanCommandTests.template, "status-quo", into: folder, "good")
        let result = try CLIRunner.run(["compare", "/nonexistent/plan.json", good.json])
        #expect(result.status == 66)
        #expect(result.stderr == "mailplan: /nonexistent/plan.json: no such file\n")
        #expect(result.stdout.isEmpty)
        let directory = try CLIRunner.run(["compare", good.json, folder.path])
        #expect(directory.status == 66)
    }

    @Test func oneFileIsAUsageError() throws {
        let result = try CLIRunner.run(["compare", "/nonexistent/plan.json"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<B.json>'"))
    }
}
