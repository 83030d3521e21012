/// Watches one kind of neighbourhood in a pass of fix-and-optimise and says when it has stalled before its end: the
/// last `window` neighbourhoods together gained less than `fraction` of the incumbent's cost. A pass over 10-job
/// neighbourhoods of a 480-job week visits about 190 of them, about 50 of each kind, and near a local optimum most
/// gain nothing or a few yen; stopping there brings the next kind, and then the re-timing of whole sites and larger
/// neighbourhoods, sooner. The planner scales the fraction with the week (``OptimalPlanner``): 40 neighbourhoods
/// are most of a kind of a 480-job week but a sliver of a 6,000-job one, whose pass would otherwise stall while it
/// still gains steadily. The re-timing that follows a stalled pass is watched the same way, group by group.
struct StallWatch {
    let window: Int
    let fraction: Double
    /// The gains of the last `window` neighbourhoods, oldest first.
    private var gains: [Double] = []

    init(window: Int, fraction: Double) {
        precondition(window > 0 && fraction >= 0)
        self.window = window
        self.fraction = fraction
    }

    /// Records one neighbourhood's gain (the incumbent's cost before less after, never negative) and returns
    /// whether the pass has stalled: `window` neighbourhoods recorded and the last `window` of them gained less
    /// than `fraction` of `incumbent` (the cost after this one).
    mutating func stalled(afterGain gain: Double, incumbent: Double) -> Bool {
        gains.append(gain)
        if gains.count > window { gains.removeFirst() }
        return gains.count == window && gains.reduce(0, +) < fraction * abs(incumbent)
    }
}
