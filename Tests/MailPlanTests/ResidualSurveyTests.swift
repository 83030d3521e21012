import Foundation
@testable import MailPlan
import Testing

/// Fixtures built on the template site (Jobs/template): one job each, with the site changed so that one rule is the
/// true cause of the job staying at its ward desk. The template week has four working days, Monday 2026-11-30 to
/// Thursday 2026-12-03 (Friday is a closed day).
@Suite("Residual survey")
struct ResidualSurveyTests {
    static let template: JobBook = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Jobs/template")
        return try! JobBookLoader.load(jobs: folder.appendingPathComponent("week.csv").path,
                                       site: folder.appendingPathComponent("site.toml").path)
    }()

    static func job(_ id: String = "kita-job-1", program: String = "ward-news", pieces: Int,
                    stages: [Stage] = [.insert, .dispatch], inserts: Int = 2, ready: String = "2026-11-30",
                    due: String = "2026-12-03", personalData: Bool = false, wardRecords: Bool = false,
                    wardSpecific: Bool = false) -> Job {
        Job(id: id, ward: "kita", program: program, title: "北区 テスト送付", pieces: pieces, stages: stages,
            envelope: "naga3", inserts: inserts, weightGrams: 25, ready: CivilDate(iso: ready)!, due: CivilDate(iso: due)!,
            personalData: personalData, wardRecords: wardRecords, wardSpecific: wardSpecific,
            current: stages.map { _ in .ward })
    }

    static func book(_ jobs: [Job], _ change: (inout Site) -> Void = { _ in }) -> JobBook {
        var book = template
        book.jobs = jobs
        change(&book.site)
        return book
    }

    static func survey(_ book: JobBook, whatIf: Bool = false) throws -> ResidualSurvey {
        let plan = try OptimalPlanner(options: .init(timeLimit: .seconds(60), relativeGap: 0)).plan(book)
        #expect(PlanEvaluator(book).evaluate(plan).violations.isEmpty)
        return try ResidualSurvey(book: book, plan: plan, options: .init(whatIf: whatIf))
    }

    /// The reasons of the single residual job of `book`.
    static func reasons(_ book: JobBook) throws -> [ReasonCode] {
        let survey = try survey(book)
        try #require(survey.residuals.count == 1, "residuals: \(survey.residuals.map(\.job.id))")
        return survey.residuals[0].reasons
    }

    @Test func consolidationThatIsSimplyCheaperLeavesNoResidual() throws {
        let book = Self.book([Self.job(program: "kokuho-card", pieces: 5200, stages: [.extract, .insert, .dispatch],
                                       personalData: true)])
        #expect(try Self.survey(book).residuals.isEmpty)
    }

    @Test func wardRecordsKeepExtractionLocal() throws {
        let book = Self.book([Self.job(program: "kokuho-card", pieces: 5200, stages: [.extract, .insert, .dispatch],
                                       personalData: true, wardRecords: true)])
        let survey = try Self.survey(book)
        try #require(survey.residuals.count == 1)
        #expect(survey.residuals[0].localStages == [.extract])
        #expect(survey.residuals[0].reasons == [.wardRecords])
    }

    @Test func personalDataWithNoCertifiedSharedResource() throws {
        let book = Self.book([Self.job(pieces: 5000, personalData: true)]) { site in
            for i in site.sharedResources.indices { site.sharedResources[i].personalData = false }
        }
        #expect(try Self.reasons(book) == [.personalData])
    }

    @Test func formatNoSharedInserterTakes() throws {
        // Nine inserts: more than any shared resource takes (4, 5, 6, 6).
        #expect(try Self.reasons(Self.book([Self.job(pieces: 5000, inserts: 9)])) == [.format])
    }

    @Test func policyKeepsWardSpecificContentLocal() throws {
        let book = Self.book([Self.job(pieces: 5000, wardSpecific: true)]) { $0.policy.keepWardSpecificLocal = true }
        #expect(try Self.reasons(book) == [.policy])
    }

    @Test func deadlineTooShortForTheTransfer() throws {
        // Ready and due the same day; extraction by the department, insertion at the centre: every consolidated route
        // waits a day in transit, while the ward desk does all three stages that day.
        let job = Self.job(program: "kokuho-card", pieces: 1000, stages: [.extract, .insert, .dispatch],
                           ready: "2026-12-01", due: "2026-12-01")
        let book = Self.book([job]) { site in
            site.sharedResources.removeAll { $0.kind == .hub || $0.kind == .vendor }
            let department = site.sharedResources.firstIndex { $0.kind == .department }!
            site.sharedResources[department].rates = site.sharedResources[department].rates.filter { $0.key == .extract }
        }
        #expect(try Self.reasons(book) == [.deadline])
    }

    @Test func capacityOfSharedInsertersIsFull() throws {
        // The only shared inserter can take 600 pieces a day, 2,400 in the week: not the job's 4,000.
        let book = Self.book([Self.job(pieces: 4000)]) { site in
            site.sharedResources.removeAll { $0.kind == .hub || $0.kind == .vendor }
            let line = site.sharedResources.firstIndex { $0.id == "center-line-1" }!
            site.sharedResources[line].hoursPerDay = 0.2
        }
        #expect(try Self.reasons(book) == [.capacity])
    }

    /// Forty pieces: the centre's setups (25 and 10 minutes of a line and a crew) cost more than doing them by hand.
    /// (The hub, whose setup is cheaper than the desk's, is removed.)
    static let smallLot = book([job(pieces: 40)]) { site in site.sharedResources.removeAll { $0.kind == .hub } }

    @Test func smallLotIsCheaperByHand() throws {
        let reasons = try Self.reasons(Self.smallLot)
        #expect(reasons == [.smallLot], "\(reasons)")
    }

    @Test func splitStagesWithTwoHandoffs() throws {
        // Only the centre's inserting line is shared: extraction and dispatch stay at the ward, insertion goes to
        // the centre and comes back.
        let book = Self.book([Self.job(pieces: 8000, stages: [.extract, .insert, .dispatch])]) { site in
            site.sharedResources.removeAll { $0.id != "center-line-1" }
        }
        let survey = try Self.survey(book)
        try #require(survey.residuals.count == 1)
        let residual = survey.residuals[0]
        #expect(residual.reasons == [.handoffs])
        #expect(residual.handoffs == 2 && residual.flags.contains(.handoffs))
        #expect(residual.localStages == [.extract, .dispatch] && residual.alternative == nil)
    }

    @Test func moreThanOneReasonWhereTrue() throws {
        // Personal data and ward records both block the hub's extraction.
        let book = Self.book([Self.job(program: "kokuho-card", pieces: 5200, stages: [.extract, .insert, .dispatch],
                                       personalData: true, wardRecords: true)]) { site in
            site.sharedResources.removeAll { $0.kind == .department }
            let hub = site.sharedResources.firstIndex { $0.kind == .hub }!
            site.sharedResources[hub].personalData = false
        }
        let reasons = try Self.reasons(book)
        #expect(reasons.contains(.wardRecords) && reasons.contains(.personalData), "\(reasons)")
    }

    /// The what-if's saving is exactly the cost difference of the two plans it compares, each valid under its rules.
    @Test func whatIfSavingIsTheCostDifferenceOfItsTwoPlans() throws {
        let jobs = [
            Self.job(program: "kokuho-card", pieces: 5200, stages: [.extract, .insert, .dispatch], personalData: true,
                     wardRecords: true),
            Self.job("fukushima-kokuho-1", program: "kokuho-card", pieces: 2900, stages: [.extract, .insert, .dispatch],
                     personalData: true),
        ]
        var book = Self.book(jobs)
        book.jobs[1].ward = "fukushima"
        let survey = try Self.survey(book, whatIf: true)
        try #require(survey.residuals.count == 1)
        let residual = survey.residuals[0]
        #expect(residual.flags.contains(.manualVolume))
        let whatIf = try #require(residual.whatIf)
        #expect(whatIf.lifted == [.wardRecords] && whatIf.moved == [.extract])
        var lifted = book
        lifted.site.scenario = Scenario(waived: [residual.job.id: [.wardRecords]], offWardDesk: [residual.job.id: [.extract]])
        let control = PlanEvaluator(book).evaluate(whatIf.control)
        let changed = PlanEvaluator(lifted).evaluate(whatIf.changed)
        #expect(control.violations.isEmpty && changed.violations.isEmpty, "\(control.violations + changed.violations)")
        #expect(abs(whatIf.savingYen - (control.cost.total - changed.cost.total)) < 1e-6)
        #expect(abs(whatIf.wardHoursSaved - (control.wardStaffHours - changed.wardStaffHours)) < 1e-9)
        // Extraction at the hub instead of by hand is cheaper, and the base plan breaks the lifted rule no longer.
        #expect(whatIf.savingYen > 0 && whatIf.wardHoursSaved > 0)
        #expect(whatIf.changed.assignment(residual.job.id, .extract)?.resource != "desk-kita")
        #expect(survey.totalSaving == whatIf.savingYen)
    }

    /// A what-if's plan is re-solved with whole pieces only when the continuous one breaks a rule (rounding can put a
    /// piece more on a full day), and a whole-piece plan that still breaks one is a defect in the what-if's name.
    @Test func whatIfsFallBackToWholePiecesOnlyWhenRoundingBrokeARule() throws {
        let evaluator = PlanEvaluator(Self.template)
        var valid = HeuristicPlanners.greedy(RouteCatalogue(Self.template))
        valid.planner = "valid"
        var broken = valid
        broken.planner = "broken"
        broken.assignments.removeFirst()  // a stage of a planned job done by no one
        try #require(evaluator.evaluate(valid).violations.isEmpty && !evaluator.evaluate(broken).violations.isEmpty)
        // What the continuous and the whole-piece solve give, what the what-if gets, and which solves ran.
        let cases: [(continuous: Plan?, whole: Plan?, expected: Plan?, solves: [Bool])] = [
            (valid, broken, valid, [false]),
            (nil, valid, nil, [false]),
            (broken, valid, valid, [false, true]),
            (broken, nil, nil, [false, true]),
        ]
        for (n, c) in cases.enumerated() {
            var solves: [Bool] = []
            let result = try WhatIfSolver.resolving(evaluator, maker: "what-if of x") { integerPieces in
                solves.append(integerPieces)
                return integerPieces ? c.whole : c.continuous
            }
            #expect(result?.plan.planner == c.expected?.planner, "case \(n)")
            #expect(result?.evaluation.cost.total == c.expected.map { evaluator.evaluate($0).cost.total }, "case \(n)")
            #expect(solves == c.solves, "case \(n)")
        }
        do {
            _ = try WhatIfSolver.resolving(evaluator, maker: "what-if of x") { _ in broken }
            Issue.record("a whole-piece plan that breaks a rule was taken")
        } catch let defect as PlanDefect {
            #expect(defect.maker == "what-if of x" && defect.violations == evaluator.evaluate(broken).violations)
        }
    }

    @Test func csvKeepsJapaneseNamesWithABOM() throws {
        let csv = ResidualReport.csv(try Self.survey(Self.smallLot))
        #expect(csv.hasPrefix("\u{FEFF}job,ward,ward_name,program,program_name,title,pieces,"))
        #expect(csv.contains("kita-job-1,kita,北区,ward-news,区広報 イベント案内,北区 テスト送付,40,insert+dispatch,"))
        #expect(csv.components(separatedBy: "\r\n").count == 3)
    }
}
