import Foundation
@testable import MailPlan
import Testing

@Suite("Plan comparison")
struct PlanComparisonTests {
    /// A small seeded week with its three plans.
    struct Instance {
        var book: JobBook
        var statusQuo: Plan
        var greedy: Plan
        var optimal: Plan

        init(seed: UInt64) throws {
            book = SmallInstances.book(seed: seed)
            let catalogue = RouteCatalogue(book)
            statusQuo = HeuristicPlanners.statusQuo(catalogue)
            greedy = HeuristicPlanners.greedy(catalogue)
            optimal = try OptimalPlanner(options: .init(timeLimit: .seconds(30), relativeGap: 0)).plan(catalogue)
        }

        /// The plan.json of `plan` as `mailplan plan` writes it, read back through the plan.json reader.
        func document(_ plan: Plan) throws -> PlanDocument {
            let data = try PlanDocument(plan: plan, statusQuo: statusQuo, book: book, solveSeconds: 0).json()
            return try PlanDocument.decode([UInt8](data), file: "plan.json")
        }

        var pairs: [(String, Plan, Plan)] {
            [("status quo → optimal", statusQuo, optimal), ("status quo → greedy", statusQuo, greedy),
             ("greedy → optimal", greedy, optimal), ("optimal → status quo", optimal, statusQuo)]
        }
    }

    static let seeds: [UInt64] = Array(1...12)

    static var components: [(String, KeyPath<PlanComparison.CostFigures, PlanComparison.Figure>, KeyPath<CostBreakdown, Double>)] {
        [
        ("total", \.total, \.total), ("staff", \.staff, \.staff), ("machine", \.machine, \.machine),
        ("vendor", \.vendor, \.vendor), ("setup", \.setup, \.setup), ("handoff", \.handoff, \.handoff),
        ("fixed", \.fixed, \.fixed), ("postage", \.postage, \.postage), ("discount", \.discount, \.discount),
        ("lateness", \.lateness, \.lateness),
        ]
    }

    /// Every change is B − A of what the evaluator computes from the plans themselves (plan.json rounds yen to
    /// 0.01 and hours to 0.001, so each figure may be off by two roundings).
    @Test(arguments: seeds)
    func statusQuoAgainstOptimalGivesTheEvaluatorsDifferences(seed: UInt64) throws {
        let instance = try Instance(seed: seed)
        let evaluator = PlanEvaluator(instance.book)
        let base = evaluator.evaluate(instance.statusQuo), plan = evaluator.evaluate(instance.optimal)
        #expect(plan.violations.isEmpty, "seed \(seed): \(plan.violations)")
        let comparison = PlanComparison(try instance.document(instance.statusQuo), try instance.document(instance.optimal))
        #expect(comparison.sameJobs)
        for (name, figure, component) in Self.components {
            let expected = plan.cost[keyPath: component] - base.cost[keyPath: component]
            let change = comparison.cost[keyPath: figure].change
            #expect(abs(change - expected) <= 0.02, "seed \(seed) \(name): \(change) vs \(expected)")
        }
        #expect(abs(comparison.saving - (base.cost.total - plan.cost.total)) <= 0.02, "seed \(seed)")
        #expect(comparison.handoffs.change == Double(plan.handoffs - base.handoffs))
        #expect(comparison.latePieces.change == Double(plan.latePieces - base.latePieces))
        let hours = plan.wardStaffHours - base.wardStaffHours
        #expect(abs(comparison.wardStaffHours.change - hours) <= 0.002, "seed \(seed)")
        #expect(abs(comparison.wardStaffHoursFreed + hours) <= 0.002, "seed \(seed)")
        for tier in Set(base.lotsPerTier.keys).union(plan.lotsPerTier.keys) {
            let figure = try #require(comparison.lotsPerTier["\(tier)"], "seed \(seed): tier \(tier)")
            #expect(figure.change == Double((plan.lotsPerTier[tier] ?? 0) - (base.lotsPerTier[tier] ?? 0)))
        }
        #expect(comparison.lotsPerTier.count == Set(base.lotsPerTier.keys).union(plan.lotsPerTier.keys).count)
    }

    @Test(arguments: seeds)
    func aPlanComparedWithItselfHasNoDifferences(seed: UInt64) throws {
        let instance = try Instance(seed: seed)
        for plan in [instance.statusQuo, instance.greedy, instance.optimal] {
            // Two documents made separately, so that nothing is shared but the plan.
            let comparison = PlanComparison(try instance.document(plan), try instance.document(plan))
            #expect(comparison.identical, "seed \(seed) \(plan.planner)")
            #expect(comparison.routeChanges.isEmpty)
            #expect(comparison.rescheduled == 0)
            #expect(comparison.saving == 0)
            let figures = comparison.cost.rows.map(\.figure) + [comparison.wardStaffHours, comparison.handoffs,
                                                                comparison.latePieces] + comparison.lotsPerTier.values
            #expect(figures.allSatisfy { $0.change == 0 && $0.percent == 0 }, "seed \(seed) \(plan.planner)")
            #expect(comparison.wards.allSatisfy { $0.hours.change == 0 && $0.yen?.change == 0 })
            #expect(comparison.text().contains("no differences"))
        }
    }

    /// The route changes are exactly the job stages whose resource differs, computed here from the plans
    /// themselves (a deferred job's stages count as on "(deferred)"), in job and stage order.
    @Test func routeChangesAreTheStagesWhoseResourceDiffers() throws {
        var pairsWithChanges = 0
        for seed in Self.seeds {
            let instance = try Instance(seed: seed)
            for (name, a, b) in instance.pairs {
                func resource(_ plan: Plan, _ job: Job, _ stage: Stage) -> String? {
                    plan.deferred.contains(job.id) ? PlanComparison.deferred : plan.assignment(job.id, stage)?.resource
                }
                var expected: [PlanComparison.RouteChange] = []
                var rescheduled = 0
                for job in instance.book.jobs.sorted(by: { $0.id < $1.id }) {
                    for stage in job.stages {
                        let from = resource(a, job, stage), to = resource(b, job, stage)
                        if from != to {
                            expected.append(PlanComparison.RouteChange(job: job.id, ward: job.ward, stage: stage.rawValue,
                                                                       from: from ?? "", to: to ?? ""))
                        } else if a.assignment(job.id, stage)?.days != b.assignment(job.id, stage)?.days {
                            rescheduled += 1
                        }
                    }
                }
                let comparison = PlanComparison(try instance.document(a), try instance.document(b))
                #expect(comparison.routeChanges == expected, "seed \(seed) \(name)")
                #expect(comparison.rescheduled == rescheduled, "seed \(seed) \(name)")
                #expect(comparison.identical == (expected.isEmpty && rescheduled == 0 && comparison.saving == 0))
                if !expected.isEmpty { pairsWithChanges += 1 }
            }
        }
        // The property means little unless routes do change on these instances.
        #expect(pairsWithChanges >= 10)
    }

    @Test(arguments: seeds)
    func perWardChangesAddUpToTheWardHourChange(seed: UInt64) throws {
        let instance = try Instance(seed: seed)
        for (name, a, b) in instance.pairs {
            let comparison = PlanComparison(try instance.document(a), try instance.document(b))
            let hours = comparison.wards.reduce(0) { $0 + $1.hours.change }
            // Each ward's hours and the total are rounded to 0.001 h on their own.
            let tolerance = 0.0006 * Double(comparison.wards.count + 2)
            #expect(abs(hours - comparison.wardStaffHours.change) <= tolerance, "seed \(seed) \(name)")
            #expect(Set(comparison.wards.map(\.ward)) == Set(instance.book.site.wards.map(\.id)))
            // The yen of the ward desks are part of staff and setup (overtime included): never more than both.
            let yenA = comparison.wards.reduce(0) { $0 + ($1.yen?.a ?? .nan) }
            #expect(yenA <= comparison.cost.staff.a + comparison.cost.setup.a + 0.01 * Double(comparison.wards.count))
        }
    }

    @Test func plansOfDifferentWeeksSayTheirJobsDiffer() throws {
        let first = try Instance(seed: 1), second = try Instance(seed: 2)
        let comparison = PlanComparison(try first.document(first.optimal), try second.document(second.optimal))
        #expect(!comparison.sameJobs)
        #expect(comparison.routeChanges.isEmpty && comparison.jobStages == 0)
        #expect(!comparison.identical)
        #expect(abs(comparison.cost.total.change - (comparison.cost.total.b - comparison.cost.total.a)) <= 0.01)
        let text = comparison.text()
        #expect(text.contains("their jobs differ"))
        #expect(!text.contains("route changes"))
        #expect(text.contains("per ward"))

        // The same figures for other jobs are still another week's plan.
        let document = try first.document(first.optimal)
        var relabelled = document
        relabelled.jobsDigest = String(repeating: "0", count: 16)
        let same = PlanComparison(document, relabelled)
        #expect(!same.sameJobs && !same.identical && same.routeChanges.isEmpty)
        #expect(same.text().contains("their jobs differ"))
    }

    /// A scenario on another site plans the same jobs, so it compares job by job with its base.
    @Test func aScenarioOnAnotherSiteComparesJobByJob() throws {
        let book = SmallInstances.book(seed: 5)
        var scenario = book
        scenario.site.wards[0].staffYenPerHour *= 2
        scenario.jobsFile = "elsewhere/week.csv"
        let base = HeuristicPlanners.statusQuo(RouteCatalogue(book))
        let changed = HeuristicPlanners.greedy(RouteCatalogue(scenario))
        let comparison = PlanComparison(PlanDocument(plan: base, statusQuo: base, book: book, solveSeconds: 0),
                                        PlanDocument(plan: changed, statusQuo: changed, book: scenario, solveSeconds: 0))
        #expect(comparison.sameJobs && comparison.jobStages > 0)
        #expect(!comparison.text().contains("their jobs differ"))
    }

    @Test func percentagesOfNothingAreNotNumbers() throws {
        #expect(PlanComparison.Figure(0, 5).percent == nil)
        #expect(PlanComparison.Figure(0, 0).percent == 0)
        #expect(PlanComparison.Figure(200, 150).percent == -25)
        #expect(PlanComparison.Figure(3, 4).percent == 33.33)

        let instance = try Instance(seed: 3)
        var a = try instance.document(instance.statusQuo)
        var b = a
        a.cost.machine = 0
        b.cost.machine = 1234
        a.lotsPerTier = [:]
        b.lotsPerTier = ["1500": 2]
        let comparison = PlanComparison(a, b)
        let text = comparison.text()
        for bad in ["nan", "inf", "NaN"] { #expect(!text.contains(bad)) }
        let machine = try #require(text.split(separator: "\n").first { $0.hasPrefix("  machine") })
        #expect(machine.hasSuffix("—"), "\(machine)")
        let json = String(decoding: try comparison.json(), as: UTF8.self)
        for bad in ["nan", "inf", "NaN"] { #expect(!json.contains(bad)) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cost = try #require(object["cost"] as? [String: [String: Any]])
        #expect(cost["machine"]?["percent"] is NSNull)
        #expect((cost["machine"]?["change"] as? Double) == 1234)
    }

    /// The cost table and the figures under it line up: every row as wide as its header.
    @Test func textTablesAreAligned() throws {
        let instance = try Instance(seed: 4)
        let text = PlanComparison(try instance.document(instance.statusQuo), try instance.document(instance.optimal)).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("cost (yen)") })
        let width = lines[header].count
        for line in lines[header...].prefix(while: { !$0.isEmpty }) {
            #expect(line.count == width, "\(line)")
        }
        #expect(lines[(header + 1)...].prefix(while: { !$0.isEmpty }).count == 10)
    }

    @Test func jsonHasStableSortedKeys() throws {
        let instance = try Instance(seed: 6)
        let a = try instance.document(instance.statusQuo), b = try instance.document(instance.optimal)
        let first = try PlanComparison(a, b, fileA: "a.json", fileB: "b.json").json()
        let second = try PlanComparison(a, b, fileA: "a.json", fileB: "b.json").json()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(keys.contains("routeChanges") && keys.contains("saving") && keys.contains("sameJobs"))
        let decoded = try JSONDecoder().decode(PlanComparison.self, from: first)
        #expect(decoded == PlanComparison(a, b, fileA: "a.json", fileB: "b.json"))
    }
}
