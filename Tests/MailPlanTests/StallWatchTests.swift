@testable import MailPlan
import Testing

/// The early stall of a fix-and-optimise pass against a direct oracle: the sum of the last `window` gains.
@Suite("Stall watch")
struct StallWatchTests {
    @Test func neverStallsBeforeAWindowOfNeighbourhoods() {
        var watch = StallWatch(window: 5, fraction: 0.01)
        let answers = (0..<4).map { _ in watch.stalled(afterGain: 0, incumbent: 1000) }
        let fifth = watch.stalled(afterGain: 0, incumbent: 1000)
        #expect(answers == [false, false, false, false])
        #expect(fifth)
    }

    @Test func stallsExactlyWhenTheLastWindowGainedLessThanTheFraction() {
        var generator = SeededGenerator(seed: 3)
        for window in [1, 3, 40] {
            var watch = StallWatch(window: window, fraction: 0.0005)
            var gains: [Double] = []
            var incumbent = 1_000_000.0
            var stalls = 0
            for _ in 0..<400 {
                // Mostly nothing, sometimes a little, now and then a lot: both answers occur.
                let draw = Int.random(in: 0..<10, using: &generator)
                let gain = draw < 7 ? 0 : draw < 9 ? Double.random(in: 1...20, using: &generator) : Double.random(in: 100...900, using: &generator)
                incumbent -= gain
                gains.append(gain)
                let expected = gains.count >= window && gains.suffix(window).reduce(0, +) < 0.0005 * incumbent
                let stalled = watch.stalled(afterGain: gain, incumbent: incumbent)
                #expect(stalled == expected)
                if expected { stalls += 1 }
            }
            #expect(stalls > 0 && stalls < 400 - window + 1)
        }
    }

    @Test func aGainOfExactlyTheFractionIsNotAStall() {
        var watch = StallWatch(window: 2, fraction: 0.5)
        let answers = [0.0, 5, 0, 0].map { watch.stalled(afterGain: $0, incumbent: 10) }
        // 5 is not below half of 10, and it stays in the window for the next answer.
        #expect(answers == [false, false, false, true])
    }
}

/// Where the planner lets a pass stall early: only where a pass of 10-job sub-MIPs takes at least 15 % of the limit.
@Suite("Early stall rule")
struct EarlyStallRuleTests {
    @Test func onlyWhereAPassTakesAtLeastAShareOfTheLimit() {
        // The weeks the rule was measured on (Benchmarks/RESULTS.md): estimated pass ÷ limit in the comment.
        #expect(OptimalPlanner.stallsPassesEarly(jobs: 480, timeLimit: .seconds(60)))      // 19 %
        #expect(OptimalPlanner.stallsPassesEarly(jobs: 1200, timeLimit: .seconds(60)))     // 48 %
        #expect(OptimalPlanner.stallsPassesEarly(jobs: 2400, timeLimit: .seconds(300)))    // 19 %
        #expect(!OptimalPlanner.stallsPassesEarly(jobs: 480, timeLimit: .seconds(300)))    // 4 %
        #expect(!OptimalPlanner.stallsPassesEarly(jobs: 300, timeLimit: .seconds(60)))     // 12 %
        // The boundary: 375 jobs make a 9 s pass, 15 % of 60 s.
        #expect(OptimalPlanner.stallsPassesEarly(jobs: 375, timeLimit: .seconds(60)))
        #expect(!OptimalPlanner.stallsPassesEarly(jobs: 374, timeLimit: .seconds(60)))
    }
}
