import Foundation
import MailPlan
import Testing

/// A date from a literal the test knows to be valid.
private func day(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { fatalError("bad test literal \(iso)") }
    return date
}

/// The records of a CSV text per RFC 4180, without its `#` comment lines.
private func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var atFieldStart = true
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" && atFieldStart {
            quoted = true
            atFieldStart = false
        } else if c == "," {
            record.append(field); field = ""; atFieldStart = true
        } else if c == "\n" {
            record.append(field); field = ""; atFieldStart = true
            records.append(record); record = []
        } else {
            field.append(c); atFieldStart = false
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records.filter { !($0.first?.hasPrefix("#") ?? false) }
}

/// Spearman's rank correlation of two samples without ties.
private func rankCorrelation(_ a: [Double], _ b: [Double]) -> Double {
    func ranks(_ x: [Double]) -> [Double] {
        var r = [Double](repeating: 0, count: x.count)
        for (rank, index) in x.indices.sorted(by: { x[$0] < x[$1] }).enumerated() { r[index] = Double(rank) }
        return r
    }
    let (ra, rb) = (ranks(a), ranks(b))
    let n = Double(a.count)
    let d2 = zip(ra, rb).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return 1 - 6 * d2 / (n * (n * n - 1))
}

@Suite("BookGenerator")
struct BookGeneratorTests {
    static let main = BookGenerator(jobs: 480, seed: 20_261_130)

    @Test func sameSeedGivesIdenticalText() {
        let again = BookGenerator(jobs: 480, seed: 20_261_130)
        #expect(again.weekCSV() == Self.main.weekCSV())
        #expect(again.siteTOML() == Self.main.siteTOML())
    }

    @Test func differentSeedGivesDifferentWeek() {
        let other = BookGenerator(jobs: 480, seed: 20_261_131)
        #expect(other.weekCSV() != Self.main.weekCSV())
    }

    @Test(arguments: [(1, 24), (7, 24), (24, 24), (25, 24), (100, 24), (480, 24), (50, 5), (3, 1), (1200, 12)])
    func jobCountIsExact(jobs: Int, wards: Int) {
        let generator = BookGenerator(jobs: jobs, seed: 7, wards: wards)
        let (site, generated) = generator.book()
        #expect(generated.count == jobs)
        #expect(site.wards.count == wards)
        #expect(csvRecords(generator.weekCSV()).count == jobs + 1)
        if jobs >= wards { #expect(Set(generated.map(\.ward)).count == wards) }
    }

    @Test func everyWardAndManyProgramsArePresent() {
        let (site, jobs) = Self.main.book()
        #expect(site.wards.count == 24)
        #expect(Set(jobs.map(\.ward)) == Set(site.wards.map(\.id)))
        #expect(Set(jobs.map(\.program)).count >= 12)
        #expect(site.programs.count >= 12)
        #expect(Set(jobs.map(\.id)).count == jobs.count)
    }

    @Test func volumesFollowPopulation() {
        let (site, jobs) = BookGenerator(jobs: 2400, seed: 3).book()
        let pieces = site.wards.map { ward in Double(jobs.filter { $0.ward == ward.id }.reduce(0) { $0 + $1.pieces }) }
        let population = site.wards.map { Double($0.population) }
        #expect(rankCorrelation(population, pieces) > 0.7)
        let byPopulation = site.wards.indices.sorted { population[$0] > population[$1] }
        let top = byPopulation.prefix(6).reduce(0) { $0 + pieces[$1] }
        let bottom = byPopulation.suffix(6).reduce(0) { $0 + pieces[$1] }
        #expect(top > 1.5 * bottom)
    }

    @Test func piecesStayInRange() {
        let (_, jobs) = Self.main.book()
        #expect(jobs.allSatisfy { (20...20_000).contains($0.pieces) })
        #expect(jobs.contains { $0.pieces < 100 })
        #expect(jobs.contains { $0.pieces > 10_000 })
    }

    @Test(arguments: ["2026-11-30", "2026-11-23", "2026-12-28", "2027-05-03"])
    func windowsHaveWorkingDaysInsideTheWeek(monday: String) {
        let start = day(monday)
        let (site, jobs) = BookGenerator(jobs: 300, seed: 11, weekStart: start).book()
        let sunday = start.adding(days: 6)
        for job in jobs {
            #expect(job.ready <= job.due, "\(job.id)")
            #expect(job.ready >= start && job.due <= sunday, "\(job.id)")
            #expect(site.calendar.isWorkingDay(job.ready), "\(job.id) is ready on a closed day")
            #expect(site.calendar.isWorkingDay(job.due), "\(job.id) is due on a closed day")
            #expect(!site.calendar.workingDays(from: job.ready, through: job.due).isEmpty)
        }
        let horizon = JobBook.horizon(containing: jobs.map(\.ready).min()!, weeks: site.policy.horizonWeeks)
        #expect(horizon.start == start && horizon.end == sunday)
    }

    @Test func holidayWeekSkipsLabourThanksgivingDay() {
        let (_, jobs) = BookGenerator(jobs: 384, seed: 20_261_123, weekStart: day("2026-11-23")).book()
        #expect(!jobs.contains { $0.ready == day("2026-11-23") || $0.due == day("2026-11-23") })
        #expect(Set(jobs.map(\.ready)).isSubset(of: [day("2026-11-24"), day("2026-11-25"), day("2026-11-26"),
                                                     day("2026-11-27")]))
    }

    @Test(arguments: [(480, 24), (600, 24), (60, 5), (200, 10)])
    func everyCurrentStageIsFeasible(jobs count: Int, wards: Int) {
        let (site, jobs) = BookGenerator(jobs: count, seed: 5, wards: wards).book()
        for job in jobs {
            #expect(job.current.count == job.stages.count, "\(job.id)")
            for stage in job.stages {
                let kind = job.currentKind(of: stage)!
                let able = site.resources.filter { $0.kind == kind && site.can($0, do: stage, of: job) }
                #expect(!able.isEmpty, "\(job.id): no \(kind) may do \(stage)")
            }
            if job.wardRecords { #expect(job.currentKind(of: .extract) == .ward, "\(job.id)") }
            #expect(site.tariff.mailClass(envelope: job.envelope, weightGrams: job.weightGrams) != nil, "\(job.id)")
        }
    }

    @Test func theMixFollowsThePolicy() {
        let (_, jobs) = Self.main.book()
        func pieces(_ route: String) -> Int {
            jobs.filter { $0.current.map(\.rawValue).joined(separator: "+") == route }.reduce(0) { $0 + $1.pieces }
        }
        let insertPieces = jobs.filter { $0.stages.contains(.insert) }.reduce(0) { $0 + $1.pieces }
        let byDepartment = jobs.filter { $0.currentKind(of: .insert) == .department }.reduce(0) { $0 + $1.pieces }
        #expect(Double(byDepartment) > 0.5 * Double(insertPieces), "most insertion is by departments today")
        #expect(pieces("ward+department+ward") > pieces("ward+ward+ward"))
        #expect(jobs.contains { $0.wardSpecific && $0.current.allSatisfy { $0 == .ward } && $0.pieces > 3000 })
        #expect(jobs.contains { $0.wardRecords })
        #expect(jobs.contains { $0.personalData } && jobs.contains { !$0.personalData })
        #expect(jobs.contains { $0.stages == [.insert, .dispatch] })
        #expect(jobs.contains { $0.stages == [.dispatch] })
        #expect(jobs.contains { $0.current.contains(.hub) })
        #expect(jobs.contains { $0.current.contains(.vendor) })
        #expect(jobs.contains { $0.due == $0.ready })
    }

    @Test(arguments: [0.6, 0.75, 0.85, 1.2])
    func sharedLoadIsNearItsTarget(load: Double) {
        for jobs in [480, 2400] {
            let summary = BookGenerator(jobs: jobs, seed: 9, load: load).summary
            #expect(abs(summary.load - load) < 0.1 * load, "\(jobs) jobs: load \(summary.load), target \(load)")
        }
    }

    /// Many small seeded instances, at any size, ward count, week and load: nothing traps, and every job keeps
    /// its invariants.
    @Test func smallInstancesKeepTheirInvariants() {
        var rng = SeededGenerator(seed: 42)
        let mondays = ["2026-11-23", "2026-11-30", "2026-12-28", "2027-01-04", "2027-05-03", "2026-09-21"]
        for _ in 0..<60 {
            let jobs = 1 + rng.below(60)
            let wards = 1 + rng.below(24)
            let load = 0.2 + 1.8 * rng.unit()
            let monday = day(mondays[rng.below(mondays.count)])
            let generator = BookGenerator(jobs: jobs, seed: rng.next(), wards: wards, weekStart: monday, load: load)
            let (site, generated) = generator.book()
            #expect(generated.count == jobs)
            #expect(generator.summary.sharedInsertCapacity > 0)
            for job in generated {
                #expect(site.calendar.isWorkingDay(job.ready) && job.ready <= job.due)
                #expect(job.due <= monday.adding(days: 6))
                for stage in job.stages { #expect(site.currentResource(job, stage) != nil, "\(job.id) \(stage)") }
            }
            #expect(site.sharedResources.allSatisfy {
                $0.kind == .vendor ? ($0.piecesPerDay ?? 0) > 0 : $0.hoursPerDay > 0
            })
        }
    }

    @Test func sitesHaveTheRequiredResources() {
        let (site, _) = Self.main.book()
        let shared = site.sharedResources
        #expect(shared.filter { $0.kind == .hub }.count == 5)
        #expect(shared.filter { $0.kind == .department }.count >= 3)
        #expect(shared.filter { $0.kind == .department }.allSatisfy { !($0.programs ?? []).isEmpty })
        let lines = shared.filter { $0.kind == .center && $0.stages.contains(.insert) }
        #expect(lines.count >= 2 && Set(lines.map(\.maxInserts)).count >= 2)
        #expect(shared.contains { $0.kind == .center && $0.stages == [.dispatch] })
        let vendors = shared.filter { $0.kind == .vendor }
        #expect(vendors.count >= 2 && vendors.filter(\.personalData).count == 1)
        for hub in shared where hub.kind == .hub {
            #expect(!(hub.servesWards ?? []).isEmpty)
        }
    }

    @Test func fewerWardsKeepBlocksConsistent() {
        let (site, jobs) = BookGenerator(jobs: 60, seed: 2, wards: 3).book()
        #expect(site.wards.map(\.id) == ["miyakojima", "fukushima", "konohana"])
        let hubs = site.sharedResources.filter { $0.kind == .hub }
        #expect(hubs.map(\.id) == ["hub-w", "hub-c", "hub-e"])
        for hub in hubs {
            let blocks = Set(site.wards.filter { (hub.servesWards ?? []).contains($0.id) }.map(\.block))
            #expect(blocks.count == 1, "\(hub.id) serves \(blocks)")
        }
        #expect(Set(jobs.map(\.ward)).isSubset(of: Set(site.wards.map(\.id))))
    }

    @Test func csvIsPlainUTF8WithAHeader() throws {
        let text = Self.main.weekCSV()
        let bytes = Array(text.utf8)
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!bytes.contains(0x0D))
        #expect(text.hasPrefix("# generated by `mailplan generate --jobs 480 --seed 20261130"))
        #expect(text.hasSuffix("\n"))
        let records = csvRecords(text)
        #expect(records.first == BookGenerator.csvColumns)
        #expect(records.dropFirst().allSatisfy { $0.count == 15 })
        let jobs = Self.main.book().jobs
        for (record, job) in zip(records.dropFirst(), jobs) {
            #expect(record[0] == job.id && record[3] == job.title && Int(record[4]) == job.pieces)
            #expect(record[9] == job.ready.iso && record[10] == job.due.iso)
        }
        #expect(jobs.first?.line == 3)
    }

    @Test func tomlNamesEveryWardAndResource() {
        let toml = Self.main.siteTOML()
        let (site, _) = Self.main.book()
        #expect(toml.components(separatedBy: "\n[[wards]]\n").count - 1 == site.wards.count)
        #expect(toml.components(separatedBy: "\n[[resources]]\n").count - 1 == site.sharedResources.count)
        for ward in site.wards { #expect(toml.contains("code = \"\(ward.id)\"\nname = \"\(ward.name)\"")) }
        #expect(!toml.contains("\r") && toml.hasSuffix("\n"))
    }

    @Test(arguments: [(0, 24, "2026-11-30", 0.75), (10, 0, "2026-11-30", 0.75), (10, 25, "2026-11-30", 0.75),
                      (10, 24, "2026-12-01", 0.75), (10, 24, "2026-11-30", 0), (10, 24, "2026-11-30", -1),
                      (100_001, 24, "2026-11-30", 0.75), (10, 24, "1999-12-27", 0.75), (10, 24, "9999-12-27", 0.75),
                      (10, 24, "2026-11-30", 1e-300), (10, 24, "2026-11-30", 100.5), (10, 24, "2026-11-30", .nan)])
    func problemsAreReported(jobs: Int, wards: Int, week: String, load: Double) {
        #expect(BookGenerator.problems(jobs: jobs, wards: wards, weekStart: day(week), load: load).count == 1)
    }

    @Test func theBundledBooksAreTheGeneratorsOutput() throws {
        let jobs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Jobs")
        let books: [(folder: String, week: String, generator: BookGenerator)] = [
            ("osaka", "week-2026-11-30.csv", Self.main),
            ("osaka-holiday", "week-2026-11-23.csv",
             BookGenerator(jobs: 384, seed: 20_261_123, weekStart: day("2026-11-23"))),
        ]
        for book in books {
            let folder = jobs.appendingPathComponent(book.folder)
            let site = try String(contentsOf: folder.appendingPathComponent("site.toml"), encoding: .utf8)
            let week = try String(contentsOf: folder.appendingPathComponent(book.week), encoding: .utf8)
            #expect(site == book.generator.siteTOML(), "\(book.folder)/site.toml is out of date: regenerate it")
            #expect(week == book.generator.weekCSV(), "\(book.folder)/\(book.week) is out of date: regenerate it")
        }
    }
}
