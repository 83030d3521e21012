import Foundation
import Testing

@Suite("mailplan export")
struct ExportCommandTests {
    private func temporaryFolder() throws -> URL { try CLIRunner.temporaryFolder("export") }

    @Test func writesMPSAndLPWithReadableNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mps = folder.appendingPathComponent("week.mps"), lp = folder.appendingPathComponent("week.lp")
        let result = try CLIRunner.run(["export", PlanCommandTests.template, "--mps", mps.path, "--lp", lp.path])
        #expect(result.status == 0, "\(result.stderr)")
        // "R rows, C columns (I integer), N nonzeros; ..." and the MPS header states the same counts.
        let counts = result.stdout.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        try #require(counts.count >= 4, "\(result.stdout)")
        let text = try String(contentsOf: mps, encoding: .utf8)
        #expect(text.contains("* Rows:       \(counts[0])"), "\(text.prefix(400))")
        #expect(text.contains("* Columns:    \(counts[1]) (\(counts[2]) integer"), "\(text.prefix(400))")
        #expect(text.contains("* Non-zeros:  \(counts[3])"), "\(text.prefix(400))")
        let jobs = ["kita-kokuho-1", "fukushima-kokuho-1", "kita-news-1"]
        for job in jobs { #expect(text.contains("defer_\(job)"), "no deferral column for \(job)") }
        #expect(text.contains("assign_kita-kokuho-1"))
        // CPLEX LP does not allow '-' in names; GLPK writes it as '~'.
        let lpText = try String(contentsOf: lp, encoding: .utf8)
        #expect(lpText.hasPrefix("\\* Problem: mailplan *\\"))
        #expect(lpText.contains("defer_kita~kokuho~1"))
    }

    @Test func needsAnOutputFile() throws {
        let result = try CLIRunner.run(["export", PlanCommandTests.template])
        #expect(result.status == 64)
        #expect(result.stderr.contains("give --mps FILE or --lp FILE"))
    }

    @Test func unwritablePathExits73AndLeavesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("missing/week.mps")
        let result = try CLIRunner.run(["export", PlanCommandTests.template, "--mps", target.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("mailplan: cannot write \(target.path): "), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "cannot write").count == 2, "said once: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func badWeekIsReportedLikeEveryCommand() throws {
        let result = try CLIRunner.run(["export", "/nonexistent/week.csv", "--mps", "/tmp/never.mps"])
        #expect(result.status == 66)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.mps"))
    }
}
