import ArgumentParser
@testable import MailPlan
@testable import mailplan
import Testing

/// The exit codes the README promises for what no input can provoke: a planner's plan that breaks a rule (70, a
/// defect of mailplan) and an output that cannot be written (73). No CLI run reaches 70 without a planner defect, so
/// the mapping is tested where it is made.
@Suite("Exit statuses")
struct ExitStatusTests {
    @Test func aPlanDefectIsExit70() throws {
        let defect = PlanDefect(maker: "optimal", violations: ["a: insert is on no resource"])
        #expect(throws: ExitCode(70)) { try reportingDefects { throw defect } }
        #expect(throws: ExitCode(73)) {
            try reportingOutputErrors { throw OutputFiles.Failure(path: "plan/plan.json", reason: "no space left on device") }
        }
        // Anything else passes through untouched, for its own handler.
        #expect(throws: OutputFiles.Failure.self) {
            try reportingDefects { throw OutputFiles.Failure(path: "x", reason: "y") }
        }
        let passed = try reportingDefects { 7 }
        #expect(passed == 7)
    }
}
