@testable import MailPlan
import Testing

/// Fix-and-optimise's neighbourhoods against a direct oracle: the largest group of jobs sharing a program, block,
/// due day or ward is the size from which every neighbourhood is a whole group, so that the search can stop doubling
/// there (larger sizes give the same neighbourhoods again).
@Suite("Neighbourhoods")
struct NeighbourhoodTests {
    /// What the jobs of a neighbourhood of `kind` share, from the book directly.
    static func key(_ kind: NeighbourhoodKind, _ book: JobBook) -> (Job) -> String {
        let blocks = Dictionary(uniqueKeysWithValues: book.site.wards.map { ($0.id, $0.block) })
        return switch kind {
        case .program: { $0.program }
        case .block: { blocks[$0.ward] ?? "" }
        case .dueDay: { $0.due.description }
        case .ward: { $0.ward }
        case .relaxation: { _ in "" }  // not a group kind
        }
    }

    @Test(arguments: [(40, 3, 2), (160, 5, 8), (90, 11, 24)])
    func largerSizesThanTheLargestGroupGiveTheSameNeighbourhoods(jobs: Int, seed: UInt64, wards: Int) {
        let book = SmallInstances.generatedWeek(jobs: jobs, seed: seed, wards: wards)
        let catalogue = RouteCatalogue(book)
        let planner = OptimalPlanner()

        let largest = NeighbourhoodKind.groupKinds.map { kind in
            Dictionary(grouping: book.jobs, by: Self.key(kind, book)).values.map(\.count).max() ?? 0
        }.max()!
        #expect(planner.largestGroup(catalogue) == largest)

        func sets(_ size: Int, _ pass: Int) -> [Set<Int>] {
            planner.neighbourhoods(catalogue, size: size, pass: pass).flatMap(\.groups).map(Set.init)
        }
        for pass in 1...3 {
            #expect(sets(largest, pass) == sets(2 * largest, pass))
            #expect(sets(largest, pass) == sets(jobs, pass))
            // One job fewer cuts the largest group, so the size found is the smallest that keeps every group whole.
            #expect(sets(largest - 1, pass).count > sets(largest, pass).count)
        }
    }

    /// Each kind's neighbourhoods, in the order a pass walks them, cut every job into groups that share the kind's
    /// key, at most `size` jobs each and as few as that allows for every key.
    @Test(arguments: [(2, 1), (3, 2), (10, 3)])
    func eachKindCutsTheJobsByItsKey(size: Int, pass: Int) {
        let book = SmallInstances.generatedWeek(jobs: 60, seed: 5, wards: 6)
        let kinds = OptimalPlanner().neighbourhoods(RouteCatalogue(book), size: size, pass: pass)
        #expect(NeighbourhoodKind.groupKinds == [.program, .block, .dueDay, .ward])
        #expect(kinds.map(\.kind) == NeighbourhoodKind.groupKinds)
        for (kind, groups) in kinds {
            let key = Self.key(kind, book)
            #expect(groups.flatMap { $0 }.sorted() == Array(book.jobs.indices), "\(kind)")
            #expect(groups.allSatisfy { group in group.count <= size && Set(group.map { key(book.jobs[$0]) }).count == 1 }, "\(kind)")
            let perKey = Dictionary(grouping: book.jobs, by: key).values.map { ($0.count + size - 1) / size }.reduce(0, +)
            #expect(groups.count == perKey, "\(kind)")
        }
    }
}
