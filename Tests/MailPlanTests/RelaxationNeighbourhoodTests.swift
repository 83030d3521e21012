import Foundation
import GLPK
@testable import MailPlan
import Testing

/// The neighbourhoods of jobs the week relaxation would move (``OptimalPlanner/relaxationNeighbourhoods``): the
/// relaxation's route shares, the worker that hands them to the search, and which jobs they pick.
@Suite("Relaxation neighbourhoods")
struct RelaxationNeighbourhoodTests {
    static let catalogue = RouteCatalogue(SmallInstances.generatedWeek(jobs: 40, seed: 3, wards: 4))

    /// One share per candidate route of every job, each in [0, 1]. The deferral price on this week is far above
    /// any route's, so every job with routes is routed whole; and the bound is the relaxation's own.
    @Test func routeSharesRouteEveryJobWhole() throws {
        let week = WeekRelaxation(Self.catalogue)
        let (bound, found) = try week.boundAndRouteShares(timeLimit: .seconds(60), method: .dual)
        let shares = try #require(found)
        #expect(bound == (try week.bound(timeLimit: .seconds(60), method: .dual)))
        #expect(shares.map(\.count) == Self.catalogue.routes.map(\.count))
        for (j, routes) in shares.enumerated() where !routes.isEmpty {
            #expect(routes.allSatisfy { (-1e-9...1 + 1e-9).contains($0) }, "job \(j)")
            #expect(abs(routes.reduce(0, +) - 1) <= 1e-6, "job \(j): \(routes)")
        }
        // Some job has more than one candidate route, so the shares choose among routes rather than restate one.
        #expect(shares.contains { $0.count > 1 })
    }

    /// The worker hands the search the same shares as the relaxation solved alone; a worker whose deadline has
    /// passed solves nothing, and whoever waits for it is not kept waiting.
    @Test func theWorkerHandsOverTheRelaxationsShares() throws {
        let catalogue = Self.catalogue
        let whole = PlanningModel(catalogue, active: Array(catalogue.book.jobs.indices), context: ScheduleState(catalogue))
        let alone = try WeekRelaxation(catalogue).boundAndRouteShares(timeLimit: .seconds(60), method: .dual).shares
        let worker = BoundWorker(catalogue, whole: whole, deadline: .now + .seconds(120))
        #expect(worker.routeShares(waitingUntil: .now + .seconds(600)) == alone)
        worker.wait()

        let late = BoundWorker(catalogue, whole: whole, deadline: .now - .seconds(1))
        let asked = Date.now
        #expect(late.routeShares(waitingUntil: .now + .seconds(600)) == nil)
        #expect(Date.now.timeIntervalSince(asked) < 30)
        late.wait()
    }

    /// Against shares made up per job: a job is picked exactly when another route has a larger share than its
    /// incumbent route (a deferred job's "route" is its deferral, one less its routes' shares); the picked jobs come
    /// ordered by the route the shares prefer, then by job, cut into chunks of `size`.
    @Test(arguments: [1, 3, 10])
    func jobsWhoseRouteTheSharesLeaveArePicked(size: Int) throws {
        let catalogue = Self.catalogue
        let book = catalogue.book
        var plan = HeuristicPlanners.greedy(catalogue)
        // Defer two jobs with routes, so that deferred jobs are picked or left by the same rule.
        let deferredJobs = book.jobs.indices.filter { !catalogue.routes[$0].isEmpty }.suffix(2)
        for j in deferredJobs {
            plan.assignments.removeAll { $0.job == book.jobs[j].id }
            plan.deferred.append(book.jobs[j].id)
        }
        let ledger = PlanLedger(catalogue, plan: plan)

        var generator = SeededGenerator(seed: 5)
        var shares: [[Double]] = []
        var picked: [(job: Int, preferred: [Int])] = []
        for (j, routes) in catalogue.routes.enumerated() {
            var row = Array(repeating: 0.0, count: routes.count)
            defer { shares.append(row) }
            guard !routes.isEmpty else { continue }
            let current = ledger.route(of: j).flatMap { routes.firstIndex(of: $0) }
            #expect(current != nil || deferredJobs.contains(j), "job \(j) is neither routed nor deferred")
            let others = routes.indices.filter { $0 != current }
            switch (Int.random(in: 0...4, using: &generator), current, others.first) {
            case (0, let current?, let other?):  // the relaxation moves it
                row[current] = 0.3
                row[other] = 0.7
                picked.append((j, routes[other].resources))
            case (1, let current?, let other?):  // a tie keeps it
                row[current] = 0.5
                row[other] = 0.5
            case (2, let current?, let other?) where others.count > 1:  // less than half, but still the largest share
                row[current] = 0.4
                row[other] = 0.3
                row[others[1]] = 0.3
            case (_, nil, let other?):  // deferred: moved when one route takes more than its deferral
                row[other] = deferredJobs.first == j ? 0.8 : 0.4
                if deferredJobs.first == j { picked.append((j, routes[other].resources)) }
            case (_, let current?, _):
                row[current] = 1
            default:
                break
            }
        }
        #expect(picked.count >= 3 && picked.contains { deferredJobs.contains($0.job) })
        #expect(shares.contains { $0.contains(0.4) && $0.filter { $0 == 0.3 }.count == 2 })

        let expected = picked.sorted { a, b in
            a.preferred == b.preferred ? a.job < b.job : a.preferred.lexicographicallyPrecedes(b.preferred)
        }.map(\.job)
        let groups = OptimalPlanner().relaxationNeighbourhoods(catalogue, ledger, shares: shares, size: size)
        #expect(groups.flatMap { $0 } == expected)
        #expect(groups.dropLast().allSatisfy { $0.count == size } && (1...size).contains(groups.last?.count ?? 0))
    }
}
