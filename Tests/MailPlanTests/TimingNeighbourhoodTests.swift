@testable import MailPlan
import Testing

/// Re-timing's neighbourhoods against a direct oracle: the jobs the incumbent dispatches from one site, and the jobs
/// one resource inserts, each cut in job order into groups of at most ``OptimalPlanner/Options/timingGroupJobs``,
/// the largest sites and resources first.
@Suite("Timing neighbourhoods")
struct TimingNeighbourhoodTests {
    static let book = SmallInstances.generatedWeek(jobs: 160, seed: 5, wards: 8)

    /// The jobs of each dispatching site and each inserting resource in the plan, by key.
    static func members(_ catalogue: RouteCatalogue, _ plan: Plan) -> [String: [Int]] {
        let index = Dictionary(uniqueKeysWithValues: catalogue.book.jobs.enumerated().map { ($1.id, $0) })
        var members: [String: Set<Int>] = [:]
        for assignment in plan.assignments {
            let resource = catalogue.resources.first { $0.id == assignment.resource }!
            switch assignment.stage {
            case .dispatch: members["site \(resource.site)", default: []].insert(index[assignment.job]!)
            case .insert: members["inserter \(resource.id)", default: []].insert(index[assignment.job]!)
            case .extract: break
            }
        }
        return members.mapValues { $0.sorted() }
    }

    @Test(arguments: [2, 7, 40, 150])
    func groupsAreSitesAndInsertersCutToTheLimit(limit: Int) {
        let catalogue = RouteCatalogue(Self.book)
        let plan = HeuristicPlanners.greedy(catalogue)
        let groups = OptimalPlanner(options: .init(timingGroupJobs: limit)).timingNeighbourhoods(catalogue, plan)
        let members = Self.members(catalogue, plan).filter { $0.value.count > 1 }
        var chunksOf: [String: [[Int]]] = [:]
        for (key, jobs) in members {
            chunksOf[key] = stride(from: 0, to: jobs.count, by: limit).map { Array(jobs[$0..<min(jobs.count, $0 + limit)]) }
        }
        // Largest first: the groups are the chunks of the largest sites and resources, then of the next size, and so
        // on (with small limits one chunk can come from two keys, so each size's segment is compared as a multiset).
        func sorted<S: Sequence<[Int]>>(_ groups: S) -> [[Int]] { groups.sorted { $0.lexicographicallyPrecedes($1) } }
        var position = 0
        for size in Set(members.values.map(\.count)).sorted(by: >) {
            let chunks = members.filter { $0.value.count == size }.keys.flatMap { chunksOf[$0]! }
            #expect(sorted(groups.dropFirst(position).prefix(chunks.count)) == sorted(chunks), "size \(size)")
            position += chunks.count
        }
        #expect(position == groups.count)
        #expect(groups.allSatisfy { (1...limit).contains($0.count) })
        // The week is large enough that small limits cut some site or resource, and 150 cuts none.
        let largest = members.values.map(\.count).max() ?? 0
        #expect(largest > 40 && largest <= 150)
        #expect((groups.count > members.count) == (limit < largest))
    }
}
