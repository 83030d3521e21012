@testable import MailPlan
import Synchronization
import Testing

/// The optimal planner's search, replayed from its trace (``OptimalPlanner/Options/searchTrace``) against the rules
/// it is meant to follow: each pass of fix-and-optimise walks its kinds of neighbourhood in turn, each to its end or,
/// where passes stall early, until its own ``StallWatch`` says it has stalled; a re-timing follows a pass exactly when
/// it is the first pass, a kind of the pass stalled, or the pass gained less than 0.2 %, and is watched the same way,
/// group by group; the neighbourhoods double when a re-timing improved nothing. The watches themselves are tested
/// against their own oracle (`StallWatchTests`).
@Suite("Search walks")
struct SearchWalkTests {
    /// A small week with small neighbourhoods and re-timing groups, so that every walk is long enough to stall (each
    /// kind of a pass has more neighbourhoods than the pass watch's window of 40), and on which every branch of the
    /// rules is taken with and without the early stall.
    static let catalogue = RouteCatalogue(SmallInstances.generatedWeek(jobs: 80, seed: 4, wards: 4))

    /// The walks of one search, in order, each as the steps it reported.
    static func walks(earlyStall: Bool) throws -> [[SearchStep]] {
        let steps = Mutex<[SearchStep]>([])
        let options = OptimalPlanner.Options(
            timeLimit: .seconds(600), relativeGap: 0, wholeModelBinaries: 0, neighbourhoodJobs: 2,
            largestNeighbourhoodJobs: 4, singleJobMovesFirst: false, earlyStall: earlyStall, timingGroupJobs: 4,
            lookAhead: false, searchTrace: { step in steps.withLock { $0.append(step) } })
        let plan = try OptimalPlanner(options: options).plan(catalogue)
        #expect(PlanEvaluator(catalogue.book).evaluate(plan).violations.isEmpty)
        var walks: [[SearchStep]] = []
        for step in steps.withLock({ $0 }) {
            if step.index == 0 { walks.append([]) }
            walks[walks.count - 1].append(step)
        }
        return walks
    }

    /// How many neighbourhoods a walk visits by the rules, all of them or up to the first at which `watch` stalls,
    /// and whether it stalled (which it can do at its last neighbourhood too).
    static func expected(_ walk: [SearchStep], watch: StallWatch?) -> (length: Int, stalled: Bool) {
        guard var watch else { return (walk[0].of, false) }
        for (i, step) in walk.enumerated() where watch.stalled(afterGain: step.gain, incumbent: step.incumbent) {
            return (i + 1, true)
        }
        return (walk[0].of, false)
    }

    @Test(arguments: [true, false])
    func walksFollowTheRules(earlyStall: Bool) throws {
        let walks = try Self.walks(earlyStall: earlyStall)
        let planner = OptimalPlanner(options: .init(neighbourhoodJobs: 2, largestNeighbourhoodJobs: 4, timingGroupJobs: 4))
        let jobs = Self.catalogue.book.jobs.count, wholeGroups = planner.largestGroup(Self.catalogue)
        var size = 2, pass = 0, next = 0, endedEarly = (kinds: 0, retimings: 0)
        var taken = (handedOver: 0, passAgain: 0, firstPassRetimed: 0, retimingImproved: 0, doubled: 0, relaxation: 0)
        while size <= 4 {
            // A pass of `size`-job neighbourhoods: its kinds in turn, each a walk of its own that ends where its own
            // watch says, and stalled if any kind stalled.
            pass += 1
            var stalled = false, before: Double?, after = 0.0
            // From the second pass on, the jobs the week relaxation would move come first, when there are any (their
            // list depends on the incumbent, so only its walk's own length and sizes can be checked here).
            var kinds = planner.neighbourhoods(Self.catalogue, size: size, pass: pass)
            if pass > 1, next < walks.count, walks[next][0].walk == .pass(pass, jobsPerNeighbourhood: size, kind: .relaxation) {
                let steps = walks[next]
                #expect(steps.allSatisfy { $0.of == steps[0].of && $0.jobs <= size })
                kinds.insert((.relaxation, (0..<steps[0].of).map { i in Array(repeating: 0, count: i < steps.count ? steps[i].jobs : size) }), at: 0)
                taken.relaxation += 1
            }
            for (k, (kind, list)) in kinds.enumerated() {
                let kindWalk = try #require(next < walks.count ? walks[next] : nil, "pass \(pass), \(kind) missing")
                next += 1
                #expect(kindWalk.allSatisfy { $0.walk == .pass(pass, jobsPerNeighbourhood: size, kind: kind) && $0.of == list.count },
                        "pass \(pass), \(kind)")
                #expect(kindWalk.map(\.jobs) == list.prefix(kindWalk.count).map(\.count), "pass \(pass), \(kind)")
                #expect(kindWalk.map(\.index) == Array(0..<kindWalk.count))
                let (length, kindStalled) = Self.expected(kindWalk, watch: earlyStall ? OptimalPlanner.passWatch(jobs: jobs) : nil)
                #expect(kindWalk.count == length, "pass \(pass), \(kind)")
                if length < list.count { endedEarly.kinds += 1 }
                if kindStalled && k + 1 < kinds.count { taken.handedOver += 1 }
                stalled = stalled || kindStalled
                before = before ?? kindWalk[0].incumbent + kindWalk[0].gain
                after = kindWalk.last!.incumbent
            }
            let start = try #require(before)
            let stalledPass = stalled || start - after < 0.002 * abs(start)
            guard pass == 1 || stalledPass else {
                taken.passAgain += 1
                continue
            }
            if !stalledPass { taken.firstPassRetimed += 1 }
            // The re-timing after it.
            let retiming = try #require(next < walks.count ? walks[next] : nil, "re-timing after pass \(pass) missing")
            next += 1
            #expect(retiming.allSatisfy { $0.walk == .retiming(afterPass: pass) && $0.jobs <= 4 })
            let retimingLength = Self.expected(retiming, watch: earlyStall ? OptimalPlanner.retimingWatch(jobs: jobs) : nil).length
            #expect(retiming.count == retimingLength, "re-timing after pass \(pass)")
            if retimingLength < retiming[0].of { endedEarly.retimings += 1 }
            if retiming.contains(where: \.improved) {
                taken.retimingImproved += 1
            } else {
                if size >= wholeGroups && retiming.last!.incumbent == start { break }
                size *= 2
                taken.doubled += 1
            }
        }
        #expect(next == walks.count, "the search walked \(walks.count - next) more times than the rules allow")
        // With the early stall both passes' kinds and re-timings end early on this week, and a kind that stalled
        // hands over to the next, so the lengths compared above tell a wired watch from a missing one (and, without
        // it, a watch that should not be there).
        if earlyStall {
            #expect(endedEarly.kinds > 0 && endedEarly.retimings > 0, "\(endedEarly)")
            #expect(taken.handedOver > 0, "\(taken)")
        }
        // Without the early stall the first pass gains enough on this week to be followed by another pass, so only
        // the first-pass rule sends it to a re-timing (with it, a kind of the first pass stalls).
        if !earlyStall { #expect(taken.firstPassRetimed == 1, "\(taken)") }
        #expect(taken.passAgain > 0 && taken.retimingImproved > 0 && taken.doubled > 0 && taken.relaxation > 0, "\(taken)")
        print("replayed \(walks.count) walks of \(walks.map(\.count).reduce(0, +)) neighbourhoods (early stall \(earlyStall)): "
              + "\(endedEarly.kinds) kinds of a pass and \(endedEarly.retimings) re-timings ended early, "
              + "\(taken.handedOver) kinds stalled and handed over")
    }
}
