@testable import MailPlan
import Testing

@Suite("plan.json fields for comparisons")
struct PlanDocumentFieldsTests {
    /// A 5,000-piece dispatch at kita's desk (600 pieces per hour, 3,000 yen per hour, 8 hours a day, up to 2 hours
    /// of overtime at 1.25×) on one day: 8.333 h of work and a 15-minute setup make 8.583 h; the yen are
    /// 8.583 × 3,000 = 25,750 plus the overtime premium 0.583 × 3,000 × 0.25 = 437.50, in all 26,187.50 — the
    /// evaluator's staff (25,437.50) and setup (750) of the same plan.
    @Test func wardDeskYenIsTheDeskHoursAtTheWardRate() throws {
        var book = PlanEvaluatorTests.book([PlanEvaluatorTests.job("a", pieces: 5000, stages: [.dispatch])])
        book.site.policy.overtimeHoursPerDay = 2
        book.site.policy.overtimeFactor = 1.25
        let plan = Plan(planner: "test", assignments: [
            Assignment(job: "a", stage: .dispatch, resource: "desk-kita", days: [PlanEvaluatorTests.monday: 5000]),
        ])
        let evaluation = PlanEvaluator(book).evaluate(plan)
        #expect(evaluation.violations.isEmpty, "\(evaluation.violations)")
        let document = PlanDocument(plan: plan, statusQuo: Plan(planner: "status-quo", assignments: [], deferred: ["a"]),
                                    book: book, solveSeconds: 0)
        let kita = try #require(document.wards.first { $0.ward == "kita" })
        #expect(abs(kita.hours - 8.583) < 1e-9)
        #expect(kita.yen == 26_187.5)
        #expect(abs(evaluation.cost.staff + evaluation.cost.setup - 26_187.5) < 1e-6)
        #expect(kita.yenStatusQuo == 0 && kita.hoursStatusQuo == 0)
        #expect(document.wards.first { $0.ward != "kita" }?.yen == 0)
    }

    /// The digest follows the jobs, not the site or the file names: one more piece makes another week, another
    /// staff rate or job order does not.
    @Test func jobsDigestFollowsTheJobsNotTheSite() throws {
        let book = SmallInstances.book(seed: 5)
        var scenario = book
        scenario.site.wards[0].staffYenPerHour *= 2
        scenario.jobsFile = "elsewhere/week.csv"
        #expect(scenario.jobsDigest == book.jobsDigest)
        var other = book
        other.jobs[0].pieces += 1
        #expect(other.jobsDigest != book.jobsDigest)
        var reordered = book
        reordered.jobs.reverse()
        #expect(reordered.jobsDigest == book.jobsDigest)
        #expect(book.jobsDigest.count == 16 && book.jobsDigest.allSatisfy(\.isHexDigit))
    }
}

@Suite("Yen in the summary")
struct GroupedYenTests {
    /// Whole yen with separators at every size, past `Int.max` too (a sum of site-sized figures can get there,
    /// and the conversion to `Int` trapped).
    @Test(arguments: [(0.0, "0"), (999.4, "999"), (1000, "1,000"), (-1234.5, "-1,235"), (123_456_789, "123,456,789"),
                      (9.3e18, "9,300,000,000,000,000,000"), (-1e21, "-1,000,000,000,000,000,000,000"),
                      (Double(UInt64.max), "18,446,744,073,709,551,616")])
    func groupsEveryThreeDigits(value: Double, text: String) {
        #expect(PlanSummary.grouped(value) == text)
    }
}
