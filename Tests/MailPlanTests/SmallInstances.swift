@testable import MailPlan

/// Small seeded job books: 2–4 wards, 3–8 jobs, 2–3 working days, every resource kind, postal tiers low
/// enough to matter.
enum SmallInstances {
    static let monday = CivilDate(iso: "2026-11-30")!

    static func site(wards wardCount: Int, workingDays: Int, using generator: inout SeededGenerator) -> Site {
        let codes = ["kita", "miyakojima", "fukushima", "konohana"]
        let wards = (0..<wardCount).map { i in
            Ward(id: codes[i], name: codes[i], block: i < 2 ? "A" : "B", population: 100_000, households: 50_000,
                 staffYenPerHour: Double(Int.random(in: 3000...4500, using: &generator)),
                 hoursPerDay: Double(Int.random(in: 4...10, using: &generator)),
                 handRates: [.extract: 400, .insert: 180, .dispatch: 600], setupMinutes: 15)
        }
        var closed: [CivilDate: String] = [:]
        for offset in workingDays..<5 { closed[monday.adding(days: offset)] = "closed for the test" }
        let resources = [
            Resource(id: "dept", name: "department", kind: .department, site: "hall",
                     rates: [.extract: 500, .insert: 250, .dispatch: 800], hoursPerDay: 8, envelopes: ["naga3"],
                     maxInserts: 4, personalData: true, yenPerHour: 3600, setupMinutes: 20, programs: ["p1"]),
            Resource(id: "line", name: "centre line", kind: .center, site: "center", rates: [.insert: 2500],
                     hoursPerDay: 3, envelopes: ["naga3"], maxInserts: 3, personalData: true, yenPerHour: 7000,
                     setupMinutes: 30),
            Resource(id: "post", name: "centre dispatch", kind: .center, site: "center", rates: [.dispatch: 2000],
                     hoursPerDay: 4, maxInserts: 0, personalData: true, yenPerHour: 3600, setupMinutes: 10),
            Resource(id: "hub-a", name: "hub A", kind: .hub, site: "hub-a",
                     rates: [.extract: 450, .insert: 220, .dispatch: 700], hoursPerDay: 8, maxInserts: 6,
                     personalData: true, yenPerHour: 3000, setupMinutes: 15, servesWards: ["kita", "miyakojima"]),
            Resource(id: "vendor", name: "vendor", kind: .vendor, site: "vendor", rates: [:], hoursPerDay: 0,
                     piecesPerDay: 3000, maxInserts: 6, personalData: false, yenPerHour: 0,
                     yenPerPiece: [.insert: 6.5, .dispatch: 3], setupMinutes: 0, weeklyFixedYen: 5000),
        ]
        let tiers = [DiscountTier(minPieces: 1500, discount: 0.03), DiscountTier(minPieces: 3000, discount: 0.05)]
        return Site(
            name: "test", calendar: WorkCalendar(extraClosedDays: closed), wards: wards,
            programs: [Program(id: "p1", name: "p1"), Program(id: "p2", name: "p2")],
            envelopes: [Envelope(id: "naga3", name: "長3"), Envelope(id: "kaku2", name: "角2")],
            sharedResources: resources, transfers: [], defaultTransfer: TransferRule(from: nil, to: nil, lagDays: 1, handoffYen: 2000),
            tariff: Tariff(classes: [
                MailClass(id: "teikei", name: "定形", envelopes: ["naga3"], maxWeightGrams: 50, priceYen: 110, tiers: tiers),
                MailClass(id: "kaku", name: "定形外", envelopes: ["kaku2"], maxWeightGrams: 250, priceYen: 320, tiers: tiers),
            ]),
            policy: Policy(latenessYenPerPieceDay: 50, deferralYenPerPiece: 400))
    }

    static func book(seed: UInt64, jobs jobCount: Int? = nil) -> JobBook {
        var generator = SeededGenerator(seed: seed)
        let wardCount = Int.random(in: 2...4, using: &generator)
        let workingDays = Int.random(in: 2...3, using: &generator)
        let site = site(wards: wardCount, workingDays: workingDays, using: &generator)
        let count = jobCount ?? Int.random(in: 3...8, using: &generator)
        let days = (0..<workingDays).map { monday.adding(days: $0) }
        let shapes: [[Stage]] = [[.extract, .insert, .dispatch], [.insert, .dispatch], [.dispatch], [.extract, .insert, .dispatch]]
        let jobs = (0..<count).map { i -> Job in
            let stages = shapes.randomElement(using: &generator)!
            let ward = site.wards.randomElement(using: &generator)!.id
            let program = Bool.random(using: &generator) ? "p1" : "p2"
            let envelope = Int.random(in: 0..<4, using: &generator) == 0 ? "kaku2" : "naga3"
            let readyIndex = Int.random(in: 0..<workingDays, using: &generator)
            let dueIndex = Int.random(in: readyIndex..<workingDays, using: &generator)
            let current: [ResourceKind] = stages.map { stage in
                stage == .insert && program == "p1" && envelope == "naga3" ? .department : .ward
            }
            return Job(id: "job\(i)", ward: ward, program: program, title: "job \(i)",
                       pieces: Int.random(in: 100...1200, using: &generator), stages: stages, envelope: envelope,
                       inserts: Int.random(in: 1...4, using: &generator), weightGrams: envelope == "naga3" ? 25 : 120,
                       ready: days[readyIndex], due: days[dueIndex],
                       personalData: Int.random(in: 0..<3, using: &generator) == 0,
                       wardRecords: Int.random(in: 0..<4, using: &generator) == 0,
                       wardSpecific: Int.random(in: 0..<4, using: &generator) == 0, current: current, line: i + 2)
        }
        return JobBook(site: site, jobs: jobs, horizonStart: monday, horizonEnd: monday.adding(days: 6))
    }

    /// The same book where desks, departments and hubs may work `overtimeHours` a day beyond their hours.
    static func book(seed: UInt64, jobs jobCount: Int? = nil, overtimeHours: Double) -> JobBook {
        var book = book(seed: seed, jobs: jobCount)
        book.site.policy.overtimeHoursPerDay = overtimeHours
        return book
    }

    /// The week `BookGenerator` writes for these arguments, over its Monday-to-Sunday horizon.
    static func generatedWeek(jobs: Int, seed: UInt64, wards: Int) -> JobBook {
        let generated = BookGenerator(jobs: jobs, seed: seed, wards: wards)
        let (site, list) = generated.book()
        return JobBook(site: site, jobs: list, horizonStart: generated.weekStart, horizonEnd: generated.weekStart.adding(days: 6))
    }

    /// How many resource-days of an evaluated plan work overtime.
    static func overtimeDays(_ evaluation: PlanEvaluation, _ book: JobBook) -> Int {
        book.site.resources.filter { PlanEvaluator.allowsOvertime($0.kind) }.reduce(0) { count, resource in
            count + (evaluation.utilisation[resource.id] ?? [:]).values.filter { $0 > resource.hoursPerDay + 1e-6 }.count
        }
    }
}
