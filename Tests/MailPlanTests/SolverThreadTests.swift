@testable import MailPlan
import Foundation
import Testing

/// The thread the bound worker and the look-ahead run on: it tells whether its work has ended only once it has,
/// and what the work wrote is there for whoever waited.
@Suite("Solver thread")
struct SolverThreadTests {
    final class Box: @unchecked Sendable {
        var value = 0
    }

    @Test func endsOnlyAfterItsWorkAndShowsWhatTheWorkWrote() {
        let release = DispatchSemaphore(value: 0)
        let box = Box()
        let thread = SolverThread {
            release.wait()
            box.value = 42
        }
        #expect(!thread.isFinished)
        release.signal()
        thread.wait()
        #expect(thread.isFinished)
        #expect(box.value == 42)
        // A second wait returns at once.
        thread.wait()
        #expect(thread.isFinished)
    }

    @Test func aLookAheadRethrowsItsWorksError() {
        struct Failure: Error {}
        let ahead = LookAhead<Int> { throw Failure() }
        #expect(throws: Failure.self) { try ahead.result() }
        #expect(ahead.isFinished)
        let value = LookAhead<Int> { 7 }
        #expect((try? value.result()) == 7)
    }
}
