import Foundation
import MailPlan
import Testing

@Suite("mailplan plan")
struct PlanCommandTests {
    static var template: String { CLIRunner.checkout.appendingPathComponent("Jobs/template/week.csv").path }

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mailplan-plan-\(UUID())")
    }

    /// Removes the fields that measure time, which are the only ones allowed to differ between runs.
    private func withoutTimings(_ data: Data) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["solveSeconds"] = nil
        if var model = object["model"] as? [String: Any] {
            model["firstPlanSeconds"] = nil
            model["buildSeconds"] = nil
            object["model"] = model
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test(arguments: ["optimal", "greedy", "status-quo"])
    func writesPlanFilesAndASummary(_ planner: String) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plan", Self.template, "--planner", planner, "--out", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cost (yen)"))
        #expect(result.stdout.contains("saving against the status quo"))
        let json = try Data(contentsOf: folder.appendingPathComponent("plan.json"))
        let plan = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for key in ["planner", "status", "objective", "bound", "gap", "cost", "wardStaffHours", "wardStaffHoursFreed",
                    "handoffs", "latePieces", "solveSeconds", "assignments"] where !(planner != "optimal" && (key == "bound" || key == "gap")) {
            #expect(plan[key] != nil, "missing \(key)")
        }
        #expect(plan["planner"] as? String == planner)
        #expect(plan["status"] as? String == (planner == "optimal" ? "optimal" : "heuristic"))
        let cost = try #require(plan["cost"] as? [String: Double])
        #expect(Set(cost.keys) == ["total", "staff", "machine", "vendor", "setup", "handoff", "fixed", "postage", "discount", "lateness"])
        let csv = try Data(contentsOf: folder.appendingPathComponent("plan.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: csv, as: UTF8.self).contains("job,ward,ward_name,program,title,stage,resource"))
    }

    @Test func sameInputGivesTheSamePlanJSON() throws {
        let first = temporaryFolder(), second = temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        for folder in [first, second] {
            let result = try CLIRunner.run(["plan", Self.template, "--out", folder.path, "--quiet"])
            #expect(result.status == 0)
        }
        let a = try withoutTimings(try Data(contentsOf: first.appendingPathComponent("plan.json")))
        let b = try withoutTimings(try Data(contentsOf: second.appendingPathComponent("plan.json")))
        #expect(a == b)
        #expect(try Data(contentsOf: first.appendingPathComponent("plan.csv")) == Data(contentsOf: second.appendingPathComponent("plan.csv")))
    }

    @Test func jsonFormatPrintsThePlanDocument() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plan", Self.template, "--format", "json", "--out", folder.path, "--quiet"])
        #expect(result.status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(plan?["planner"] as? String == "optimal")
    }

    /// Plans the template week with `option` writing its log; the run, the plan printed as JSON and the log's lines.
    private func planLogging(_ option: String) throws -> (result: CLIRunner.Result, plan: [String: Any], lines: [String]) {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("log.csv")
        let result = try CLIRunner.run(["plan", Self.template, "--format", "json", "--out", folder.path, "--quiet",
                                        option, log.path])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        return (result, plan, lines)
    }

    @Test func progressLogTracesTheSolveAndEndsWithThePlansFigures() throws {
        let (result, plan, lines) = try planLogging("--progress-log")
        #expect(result.stderr.isEmpty, "--quiet still silences stderr")
        try #require(lines.count >= 3, "\(lines)")
        #expect(lines[0] == "elapsed_s,phase,incumbent,bound,gap")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 5 }, "\(rows)")
        #expect(rows.first?[1] == "greedy")
        let times = rows.compactMap { Double($0[0]) }
        #expect(times.count == rows.count && zip(times, times.dropFirst()).allSatisfy { $0 <= $1 + 1e-3 }, "\(times)")
        // The last row carries plan.json's own objective, bound and gap.
        let last = try #require(rows.last)
        #expect(last[1] == "final")
        let objective = try #require(plan["objective"] as? Double), bound = try #require(plan["bound"] as? Double)
        #expect(abs(try #require(Double(last[2])) - objective) < 0.01)
        #expect(abs(try #require(Double(last[3])) - bound) < 0.01)
    }

    /// The search log: one row per neighbourhood, each walk's rows in order, a gain exactly where the incumbent was
    /// replaced, and each row's incumbent the one before it less its gain.
    @Test func searchLogTracesEachNeighbourhood() throws {
        let (_, plan, lines) = try planLogging("--search-log")
        try #require(lines.count >= 2, "\(lines)")
        #expect(lines[0] == "elapsed_s,walk,pass,neighbourhood_jobs,kind,index,of,jobs,improved,gain,incumbent")
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        try #require(rows.allSatisfy { $0.count == 11 }, "\(rows)")
        #expect(rows.first?[1] == "pass" && rows.first?[2] == "1" && rows.first?[4] == "program" && rows.first?[5] == "0")
        var previous: (walk: ArraySlice<String>, index: Int, incumbent: Double)?
        for row in rows {
            let index = try #require(Int(row[5])), of = try #require(Int(row[6])), jobs = try #require(Int(row[7]))
            let gain = try #require(Double(row[9])), incumbent = try #require(Double(row[10]))
            // A pass's rows carry its size and kind, a re-timing's neither.
            let kinds = ["program", "block", "due-day", "ward"]
            #expect(row[1] == "pass" ? !row[3].isEmpty && kinds.contains(row[4]) : row[1] == "retiming" && row[3] == "" && row[4] == "",
                    "\(row)")
            #expect(index < of && jobs > 0, "\(row)")
            #expect(["0", "1"].contains(row[8]) && gain >= 0 && (row[8] == "1" || gain == 0), "\(row)")
            if let previous {
                // A walk goes on from the row before it or starts afresh.
                if index > 0 { #expect(previous.walk == row[1...4] && previous.index == index - 1, "\(row)") }
                #expect(abs(previous.incumbent - gain - incumbent) < 0.02, "\(row)")
            } else {
                #expect(index == 0)
            }
            previous = (row[1...4], index, incumbent)
        }
        // Branch and cut on this small week can only improve on the search's last incumbent.
        let objective = try #require(plan["objective"] as? Double), last = try #require(previous).incumbent
        #expect(objective <= last + 0.01)
    }

    @Test func aLogThatCannotBeCreatedIsReportedBeforeTheSolve() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for option in ["--progress-log", "--search-log"] {
            let missing = folder.appendingPathComponent("no-such-folder/log.csv").path
            let result = try CLIRunner.run(["plan", Self.template, "--out", folder.path, "--quiet", option, missing])
            #expect(result.status == 73, "\(option): \(result.stderr)")
            #expect(result.stderr.hasPrefix("mailplan: cannot write \(missing)"), "\(option): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("plan.json").path))
        }
    }

    @Test func progressLogNeedsTheOptimalPlanner() throws {
        let result = try CLIRunner.run(["plan", Self.template, "--planner", "greedy", "--progress-log", "/tmp/never-progress.csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--progress-log needs --planner optimal"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-progress.csv"))
        let search = try CLIRunner.run(["plan", Self.template, "--planner", "status-quo", "--search-log", "/tmp/never-search.csv"])
        #expect(search.status == 64)
        #expect(search.stderr.contains("--search-log needs --planner optimal"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-search.csv"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        // Zero, negative (read as a value, not taken for an option), not a number, infinite, past a week, and past
        // what a Duration's milliseconds can hold (which trapped).
        for limit in ["0", "-1", "nan", "inf", "604800.5", "1e300"] {
            let result = try CLIRunner.run(["plan", Self.template, "--time-limit", limit])
            #expect(result.status == 64, "\(limit): \(result.stderr)")
            #expect(result.stderr.contains("--time-limit must be a positive number of seconds, at most 604800 (a week)"),
                    "\(limit): \(result.stderr)")
        }
        for fraction in ["1.5", "-0.5"] {
            let gap = try CLIRunner.run(["plan", Self.template, "--gap", fraction])
            #expect(gap.status == 64)
            #expect(gap.stderr.hasPrefix("Error: --gap must be a fraction in [0, 1)\n"), "\(gap.stderr)")
        }
    }

    @Test func aWeekIsTheLongestTimeLimit() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["plan", Self.template, "--planner", "greedy", "--time-limit", "604800",
                                        "--out", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func missingWeekExits66AndWritesNothing() throws {
        let folder = temporaryFolder()
        let result = try CLIRunner.run(["plan", "/nonexistent/week.csv", "--out", folder.path])
        #expect(result.status == 66)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}

@Suite("Bundled Osaka books")
struct BundledBookTests {
    static var osaka: URL { CLIRunner.checkout.appendingPathComponent("Jobs/osaka") }

    @Test func bundledWeekSavedAsCP932ValidatesToTheSameSummary() throws {
        let utf8 = Self.osaka.appendingPathComponent("week-2026-11-30.csv")
        let text = try String(contentsOf: utf8, encoding: .utf8)
        let bytes = try #require(CP932.encode(text))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("osaka-cp932-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: copy) }
        try Data(bytes).write(to: copy)
        let site = Self.osaka.appendingPathComponent("site.toml").path
        let original = try CLIRunner.run(["validate", utf8.path])
        let converted = try CLIRunner.run(["validate", copy.path, "--site", site])
        #expect(original.status == 0 && converted.status == 0, "\(converted.stderr)")
        #expect(original.stdout == converted.stdout)
        #expect(original.stdout.hasPrefix("480 jobs, 24 wards, "))
    }

    @Test func holidayWeekValidates() throws {
        let result = try CLIRunner.run(["validate", CLIRunner.checkout.appendingPathComponent("Jobs/osaka-holiday/week-2026-11-23.csv").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("4 working days"))
    }
}
