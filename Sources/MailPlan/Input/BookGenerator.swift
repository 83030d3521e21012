/// A seeded generator of Osaka job books: the site (`site.toml`) and one week of jobs (`week.csv`).
///
/// The site is Osaka City's (the tables in `BookGenerator+Osaka.swift`, with their sources in `Jobs/README.md`);
/// the week draws `jobs` jobs over the first `wards` wards from a ``SeededGenerator``, so the same arguments give
/// byte-identical files on every platform. ``book()`` returns the same values as domain objects, and the TOML and
/// CSV texts are written from them.
///
/// **Jobs.** Each ward gets a share of the jobs proportional to its households; within a ward the programs follow
/// their mix by systematic sampling. A job's pieces are its program's typical size times a right-skewed factor
/// (``sizeQuantiles``), capped by the ward's eligible count for the program and 20,000. Its window (working days
/// from ready to due) is drawn first and its ready day then among the week's working days that leave room for the
/// window, so every due day is a working day of the week. Its `current` route follows the program's routes
/// (DESIGN §1: wards extract and dispatch, departments insert); a route that no resource of the named kind may do
/// under ``Site/can(_:do:of:)``, or whose transfer lags do not fit the window, falls back to the program's main
/// route and then to the ward's own desk for every stage.
///
/// **Sizing.** Capacity follows the week's volume; `load` states how full the shared resources are meant to be.
/// The status quo's work is spread evenly over the days each stage's window allows (after the transfer lags
/// before and after it), giving each resource's work per day.
/// - Departments, and any hub or vendor with status-quo work, are sized so that the status quo's busiest day fills
///   `load` of them: below 1 today's routes are workable, from 1 up they are short on their busiest days.
/// - The consolidation resources — the centre's two lines, the block hubs and the two vendors — together could
///   take the whole week's insertion at `load`: with D the week's insert pieces, their insert capacity is
///   D ÷ `load` pieces a week, the hubs 15 % of it (by their wards' households), vendors P and G 9 % and 6 % (or
///   what their status-quo work needs, if more), and the production and mid-volume lines what is left, 60/40.
///   ``Summary/load`` is that ratio; ``Summary/overallLoad`` counts the departments too.
/// - The centre's dispatch station could dispatch what the lines and the departments insert, at `load`.
/// - Ward desks are staffed in proportion to households so that the wards' status-quo work fills 80 % of their
///   hours on average, with more hours where a ward's own busiest day would fill more than 80 % (and at least one
///   staff day, 7.75 h): wards are not shared, so `load` does not apply to them.
///
/// An hour-based resource gets the whole number of units (machines or teams) nearest to filling its capacity in
/// one 7.75-hour shift, then the hours per day (1 to 15.5, in quarter hours) that give the capacity; a vendor
/// gets pieces per day (at least 200).
public struct BookGenerator: Sendable {
    /// The number of wards in the embedded Osaka tables.
    public static let maxWards = 24
    /// The Monday of the main bundled week.
    public static let defaultWeekStart = CivilDate(uncheckedYear: 2026, month: 11, day: 30)
    /// The most jobs a week can have: 16 times the largest benchmark rung, generated in about 20 s.
    public static let maxJobs = 100_000
    /// A realistic shared load (DESIGN §10: 60–85 % of capacity).
    public static let defaultLoad = 0.75
    /// The loads accepted: from a hundredth (resources a hundred times what the work needs) to a hundred times
    /// over. Far outside them the sizes no longer fit the site file's whole numbers.
    public static let loads: ClosedRange<Double> = 0.01...100
    /// Ward desks are staffed in proportion to households so that the wards' status-quo work fills this share
    /// of their hours on average …
    static let wardLoad = 0.8
    /// … and no ward's own busiest day fills more than this share.
    static let wardPeakLoad = 0.8

    /// How many jobs the week has.
    public let jobCount: Int
    public let seed: UInt64
    /// How many wards (the first ones of the table) the site has.
    public let wardCount: Int
    /// The Monday of the week.
    public let weekStart: CivilDate
    /// The target load of the shared resources (see the sizing rules above).
    public let load: Double

    let generated: Generated

    /// Generates the site and the week.
    ///
    /// Arguments outside their ranges are a caller's programming error and trap: check them first with
    /// ``problems(jobs:wards:weekStart:load:)``, as the `generate` command does.
    public init(jobs: Int, seed: UInt64, wards: Int = BookGenerator.maxWards,
                weekStart: CivilDate = BookGenerator.defaultWeekStart, load: Double = BookGenerator.defaultLoad) {
        let problems = BookGenerator.problems(jobs: jobs, wards: wards, weekStart: weekStart, load: load)
        precondition(problems.isEmpty, problems.joined(separator: "; "))
        jobCount = jobs
        self.seed = seed
        wardCount = wards
        self.weekStart = weekStart
        self.load = load
        generated = BookGenerator.generate(jobs: jobs, seed: seed, wards: wards, weekStart: weekStart, load: load)
    }

    /// What is wrong with a set of arguments, one sentence each; empty when they are usable.
    public static func problems(jobs: Int, wards: Int, weekStart: CivilDate, load: Double) -> [String] {
        var found: [String] = []
        if !(1...maxJobs).contains(jobs) { found.append("the number of jobs must be 1 to \(maxJobs), not \(jobs)") }
        if !(1...maxWards).contains(wards) {
            found.append("the number of wards must be 1 to \(maxWards), not \(wards)")
        }
        let years = JapaneseHolidays.supportedYears
        if !years.contains(weekStart.year) {
            found.append("the week of \(weekStart) is outside \(years.lowerBound)–\(years.upperBound), "
                + "the years whose public holidays mailplan knows")
        } else if weekStart.weekday != .monday {
            found.append("the week must start on a Monday; \(weekStart) is a \(weekStart.weekday)")
        } else if workingDays(inWeekOf: weekStart).isEmpty {
            found.append("the week of \(weekStart) has no working day")
        }
        if !loads.contains(load) {
            found.append("the load must be \(loads.lowerBound) to \(Int(loads.upperBound)), not \(load)")
        }
        return found
    }

    /// The working days of the week that starts on `monday`, by the site's calendar.
    public static func workingDays(inWeekOf monday: CivilDate) -> [CivilDate] {
        WorkCalendar().workingDays(from: monday, through: monday.adding(days: 6))
    }

    /// The command line that generates these files (without `--out`, which does not change them).
    public var command: String {
        "mailplan generate --jobs \(jobCount) --seed \(seed) --wards \(wardCount) --week \(weekStart) --load \(load)"
    }

    /// The site and the jobs as domain values; the TOML and CSV texts say the same.
    public func book() -> (site: Site, jobs: [Job]) {
        (generated.site, generated.jobs)
    }
}

// MARK: - Summary

extension BookGenerator {
    /// Figures of a generated week, for the command's message and the README.
    public struct Summary: Sendable {
        public var jobs: Int
        public var wards: Int
        public var programs: Int
        public var pieces: Int
        /// Pieces of the jobs that need insertion.
        public var insertPieces: Int
        /// Insert capacity of the week of all shared resources (departments, centre lines, hubs, vendors), pieces.
        public var sharedInsertCapacity: Double
        /// Insert capacity of the week of the centre's lines, the hubs and the vendors, pieces.
        public var consolidationCapacity: Double
        /// Jobs and pieces by `current` route, such as `ward+department+ward`, largest first.
        public var byCurrent: [(route: String, jobs: Int, pieces: Int)]

        /// The load the generator controls: insert pieces ÷ the consolidation capacity (0 for a week without
        /// insertion), what the centre, hubs and vendors would carry if all insertion went to them.
        public var load: Double { consolidationCapacity > 0 ? Double(insertPieces) / consolidationCapacity : 0 }
        /// Insert pieces ÷ the insert capacity of all shared resources, departments included.
        public var overallLoad: Double { sharedInsertCapacity > 0 ? Double(insertPieces) / sharedInsertCapacity : 0 }
    }

    public var summary: Summary {
        let jobs = generated.jobs
        var routes: [String: (jobs: Int, pieces: Int)] = [:]
        for job in jobs {
            let key = job.current.map(\.rawValue).joined(separator: "+")
            routes[key, default: (0, 0)].jobs += 1
            routes[key, default: (0, 0)].pieces += job.pieces
        }
        let byCurrent = routes.map { (route: $0.key, jobs: $0.value.jobs, pieces: $0.value.pieces) }
            .sorted { ($1.pieces, $0.route) < ($0.pieces, $1.route) }
        return Summary(jobs: jobs.count, wards: Set(jobs.map(\.ward)).count, programs: Set(jobs.map(\.program)).count,
                       pieces: jobs.reduce(0) { $0 + $1.pieces }, insertPieces: generated.insertPieces,
                       sharedInsertCapacity: generated.sharedInsertCapacity,
                       consolidationCapacity: generated.consolidationCapacity, byCurrent: byCurrent)
    }
}

// MARK: - Generation

extension BookGenerator {
    /// Everything generated, kept so that ``book()``, ``siteTOML()`` and ``weekCSV()`` agree.
    struct Generated: Sendable {
        var wards: [WardRow]
        var wardHours: [Double]
        var shared: [ResourceSpec]
        var site: Site
        var jobs: [Job]
        var insertPieces: Int
        var sharedInsertCapacity: Double
        var consolidationCapacity: Double
    }

    static func generate(jobs count: Int, seed: UInt64, wards: Int, weekStart: CivilDate, load: Double) -> Generated {
        var rng = SeededGenerator(seed: seed)
        let wardRows = Array(osakaWards.prefix(wards))
        let days = workingDays(inWeekOf: weekStart)

        // Capabilities do not depend on capacity, so jobs are drawn against a site of one unit per resource.
        let unsized = sharedRows(for: wardRows).map {
            $0.spec(units: 1, hoursPerDay: staffDayHours, piecesPerDay: 1000)
        }
        let skeleton = makeSite(wards: wardRows, wardHours: wardRows.map { _ in staffDayHours }, shared: unsized)
        let jobs = drawJobs(count: count, wards: wardRows, days: days, site: skeleton, rng: &rng)

        let sizing = size(jobs: jobs, site: skeleton, wards: wardRows, days: days, load: load)
        let site = makeSite(wards: wardRows, wardHours: sizing.wardHours, shared: sizing.shared)
        return Generated(wards: wardRows, wardHours: sizing.wardHours, shared: sizing.shared, site: site, jobs: jobs,
                         insertPieces: sizing.insertPieces, sharedInsertCapacity: sizing.capacity,
                         consolidationCapacity: sizing.consolidationCapacity)
    }

    /// The shared resources of the site for the wards present: departments, centre, hubs of the blocks present,
    /// vendors.
    static func sharedRows(for wards: [WardRow]) -> [SharedRow] {
        let blocks = osakaBlocks.filter { block in wards.contains { $0.block == block.code } }
        let hubs = blocks.map { block in
            SharedRow(code: "hub-\(block.code.lowercased())", name: "\(block.name)ブロック拠点", kind: .hub,
                      site: "hub-\(block.code.lowercased())", unit: hubUnit, envelopes: ["yonaga3", "naga3"],
                      maxInserts: 4, personalData: true, servesBlock: block.code,
                      note: "block hub of \(block.code) \(block.name) (FACTS §1c proposal), staffed from its wards")
        }
        return osakaDepartments + osakaCenter + hubs + osakaVendors
    }

    static func makeSite(wards: [WardRow], wardHours: [Double], shared: [ResourceSpec]) -> Site {
        let wardValues = zip(wards, wardHours).map { row, hours in
            Ward(id: row.code, name: row.name, block: row.block, population: row.population,
                 households: row.households, staffYenPerHour: row.staffYenPerHour, hoursPerDay: hours,
                 handRates: Dictionary(uniqueKeysWithValues: handRates), setupMinutes: wardSetupMinutes)
        }
        let classes = osakaMailClasses.map { row in
            MailClass(id: row.code, name: row.name, envelopes: Set(row.envelopes), maxWeightGrams: row.maxWeightGrams,
                      priceYen: row.priceYen,
                      tiers: kubunTiers.map { DiscountTier(minPieces: $0.minPieces, discount: $0.percent / 100) })
        }
        return Site(name: siteName(wards: wards.count), calendar: WorkCalendar(), wards: wardValues,
                    programs: osakaPrograms.map { Program(id: $0.code, name: $0.name) },
                    envelopes: osakaEnvelopes.map { Envelope(id: $0.code, name: $0.name) },
                    sharedResources: shared.map { $0.resource(wards: wards) }, transfers: osakaTransfers,
                    defaultTransfer: defaultTransfer, tariff: Tariff(classes: classes), policy: osakaPolicy)
    }

    static func siteName(wards: Int) -> String {
        wards == maxWards ? "大阪市 (24区)" : "大阪市 (先頭 \(wards) 区)"
    }
}
