import Foundation
import MailPlan
import Testing

@Suite("mailplan --help and --version")
struct HelpTests {
    @Test func helpDescribesTheTool() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: mailplan"))
        #expect(result.stdout.contains("GLPK"))
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == MailPlanInfo.version)
    }

    @Test func unknownOptionFailsWithUsage() throws {
        let result = try CLIRunner.run(["--no-such-option"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--no-such-option'"))
    }
}
