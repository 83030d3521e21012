@testable import MailPlan
import Testing

@Suite("Plan evaluator")
struct PlanEvaluatorTests {
    static let monday = SmallInstances.monday
    static let tuesday = monday.adding(days: 1)

    /// A 2-ward site with 3 working days; kita's desk costs `staff` yen per hour and works 8 hours.
    static func book(_ jobs: [Job], staff: Double = 3000) -> JobBook {
        var generator = SeededGenerator(seed: 1)
        var site = SmallInstances.site(wards: 2, workingDays: 3, using: &generator)
        site.wards[0].staffYenPerHour = staff
        site.wards[0].hoursPerDay = 8
        return JobBook(site: site, jobs: jobs, horizonStart: monday, horizonEnd: monday.adding(days: 6))
    }

    static func job(_ id: String, pieces: Int, stages: [Stage], personalData: Bool = false,
                    due: CivilDate = SmallInstances.monday.adding(days: 2)) -> Job {
        Job(id: id, ward: "kita", program: "p1", title: id, pieces: pieces, stages: stages, envelope: "naga3",
            inserts: 2, weightGrams: 25, ready: monday, due: due, personalData: personalData, wardRecords: false,
            wardSpecific: false, current: stages.map { _ in .ward })
    }

    /// One dispatch of 1,000 pieces at kita's desk: 1000 / 600 h × 3,000 yen = 5,000 yen of staff,
    /// one 15-minute setup = 750 yen, postage 1,000 × 110 = 110,000 yen, a lot below the first tier.
    @Test func costOfASingleDeskDispatch() {
        let book = Self.book([Self.job("a", pieces: 1000, stages: [.dispatch])])
        let plan = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .dispatch, resource: "desk-kita", days: [Self.monday: 1000]),
        ])
        let evaluation = PlanEvaluator(book).evaluate(plan)
        #expect(evaluation.violations.isEmpty)
        #expect(abs(evaluation.cost.staff - 5000) < 1e-6)
        #expect(abs(evaluation.cost.setup - 750) < 1e-6)
        #expect(evaluation.cost.postage == 110_000)
        #expect(evaluation.cost.discount == 0)
        #expect(abs(evaluation.cost.total - 115_750) < 1e-6)
        #expect(abs(evaluation.wardStaffHours - (1000.0 / 600 + 0.25)) < 1e-9)
        #expect(evaluation.lots.map(\.pieces) == [1000])
    }

    /// Two jobs dispatched at the centre on one day make a lot of 2,000 ≥ 1,500: 3 % of 2,000 × 110 = 6,600
    /// yen; the 2,000 pieces at 2,000 per hour cost 3,600 yen plus one 10-minute setup (600 yen);
    /// the hand-off desk → centre is not needed for dispatch-only jobs.
    @Test func combinedLotEarnsItsTier() {
        let book = Self.book([Self.job("a", pieces: 1200, stages: [.dispatch]), Self.job("b", pieces: 800, stages: [.dispatch])])
        let plan = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .dispatch, resource: "post", days: [Self.monday: 1200]),
            Assignment(job: "b", stage: .dispatch, resource: "post", days: [Self.monday: 800]),
        ])
        let evaluation = PlanEvaluator(book).evaluate(plan)
        #expect(evaluation.violations.isEmpty)
        #expect(abs(evaluation.cost.discount - 6600) < 1e-6)
        #expect(abs(evaluation.cost.machine - 3600) < 1e-6)
        #expect(abs(evaluation.cost.setup - 600) < 1e-6)
        #expect(evaluation.lotsPerTier == [1500: 1])
    }

    /// Insert at the department, dispatch at the centre: one hand-off (2,000 yen) and a one-day lag.
    @Test func handOffAndLag() {
        let book = Self.book([Self.job("a", pieces: 500, stages: [.insert, .dispatch])])
        let onTime = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .insert, resource: "dept", days: [Self.monday: 500]),
            Assignment(job: "a", stage: .dispatch, resource: "post", days: [Self.tuesday: 500]),
        ])
        let evaluation = PlanEvaluator(book).evaluate(onTime)
        #expect(evaluation.violations.isEmpty)
        #expect(evaluation.handoffs == 1)
        #expect(evaluation.cost.handoff == 2000)

        let tooSoon = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .insert, resource: "dept", days: [Self.monday: 500]),
            Assignment(job: "a", stage: .dispatch, resource: "post", days: [Self.monday: 500]),
        ])
        #expect(PlanEvaluator(book).evaluate(tooSoon).violations == [
            "a: dispatch has 500 pieces done by 2026-11-30 but only 0 are through the previous stage (lag 1)",
        ])
    }

    @Test func lateDispatchIsPricedPerPieceAndDay() {
        let book = Self.book([Self.job("a", pieces: 100, stages: [.dispatch], due: SmallInstances.monday)])
        let plan = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .dispatch, resource: "desk-kita", days: [Self.monday.adding(days: 2): 100]),
        ])
        let evaluation = PlanEvaluator(book).evaluate(plan)
        #expect(evaluation.latePieces == 100)
        #expect(evaluation.cost.lateness == 50 * 2 * 100)  // 50 yen per piece-day, two working days late
    }

    @Test func everyRuleIsChecked() {
        let book = Self.book([
            Self.job("short", pieces: 100, stages: [.dispatch]),
            Self.job("private", pieces: 100, stages: [.insert, .dispatch], personalData: true),
            Self.job("big", pieces: 6000, stages: [.dispatch]),
            Self.job("missing", pieces: 100, stages: [.dispatch]),
        ])
        let saturday = Self.monday.adding(days: 5)
        let plan = Plan(planner: "test", assignments: [
            Assignment(job: "short", stage: .dispatch, resource: "desk-kita", days: [Self.monday: 60, saturday: 40]),
            Assignment(job: "private", stage: .insert, resource: "vendor", days: [Self.monday: 100]),
            Assignment(job: "private", stage: .dispatch, resource: "vendor", days: [Self.monday: 100]),
            Assignment(job: "big", stage: .dispatch, resource: "desk-kita", days: [Self.monday: 6000]),
        ])
        let violations = PlanEvaluator(book).evaluate(plan).violations
        #expect(violations.contains("short: dispatch on 2026-12-05, which is not a working day of the horizon"))
        #expect(violations.contains("short: dispatch processes 60 of 100 pieces"))
        #expect(violations.contains("private: vendor may not do insert (personal_data)"))
        #expect(violations.contains { $0.hasPrefix("desk-kita on 2026-11-30:") && $0.hasSuffix("exceed its 8.0") })
        #expect(violations.contains("missing: neither assigned nor deferred"))
    }

    /// What the commands write or report goes through `checked`: a valid plan's evaluation as `evaluate` gives it,
    /// and for a plan that breaks a rule a ``PlanDefect`` naming its maker and every rule it breaks.
    @Test func checkedPassesAValidPlanAndRefusesABrokenOne() throws {
        let book = Self.book([Self.job("a", pieces: 500, stages: [.insert, .dispatch])])
        let evaluator = PlanEvaluator(book)
        let onTime = Plan(planner: "greedy", assignments: [
            Assignment(job: "a", stage: .insert, resource: "dept", days: [Self.monday: 500]),
            Assignment(job: "a", stage: .dispatch, resource: "post", days: [Self.tuesday: 500]),
        ])
        let evaluation = try evaluator.checked(onTime)
        #expect(evaluation.cost == evaluator.evaluate(onTime).cost)

        let tooSoon = Plan(planner: "greedy", assignments: [
            Assignment(job: "a", stage: .insert, resource: "dept", days: [Self.monday: 500]),
            Assignment(job: "a", stage: .dispatch, resource: "post", days: [Self.monday: 500]),
        ])
        let lag = "a: dispatch has 500 pieces done by 2026-11-30 but only 0 are through the previous stage (lag 1)"
        func defect(maker: String? = nil) -> PlanDefect? {
            do {
                _ = try evaluator.checked(tooSoon, maker: maker)
                return nil
            } catch {
                return error
            }
        }
        let refused = try #require(defect())
        #expect(refused.maker == "greedy")
        #expect(refused.violations == [lag])
        #expect(refused.description == "the greedy plan breaks DESIGN §5:\n  " + lag)
        #expect(defect(maker: "what-if of a")?.maker == "what-if of a")
    }
}
