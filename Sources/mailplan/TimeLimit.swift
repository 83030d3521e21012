import ArgumentParser

/// The rule of `--time-limit`, shared by the commands that run the optimal planner: a positive number of seconds,
/// at most a week (a planner's run longer than the week it plans is a mistyped limit, and far larger values would
/// not even fit a `Duration`'s milliseconds).
enum TimeLimit {
    /// The longest limit accepted: one week, in seconds.
    static let maximumSeconds = 604_800.0

    /// Throws a usage error unless `seconds` is a positive number no larger than ``maximumSeconds``.
    static func validate(_ seconds: Double) throws {
        guard seconds > 0, seconds <= maximumSeconds else {
            throw ValidationError("--time-limit must be a positive number of seconds, at most \(Int(maximumSeconds)) (a week)")
        }
    }

    /// A validated limit as a duration, to the millisecond (at least one).
    static func duration(_ seconds: Double) -> Duration {
        .milliseconds(max(1, Int((seconds * 1000).rounded())))
    }
}
