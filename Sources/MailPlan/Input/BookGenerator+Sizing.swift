extension BookGenerator {
    /// A shared resource sized to the week: its row, how many units it pools, and its hours or daily pieces.
    struct ResourceSpec: Sendable {
        var row: SharedRow
        /// Machines or teams pooled into the resource (DESIGN §9: identical machines are one resource).
        var units: Int
        var hoursPerDay: Double
        /// Vendors only.
        var piecesPerDay: Double?

        var isVendor: Bool { row.unit == nil }

        /// Pieces per hour by stage, for all units together.
        var rates: [(Stage, Double)] {
            (row.unit?.rates ?? []).map { ($0.0, $0.1 * Double(units)) }
        }

        var yenPerHour: Double { (row.unit?.yenPerHour ?? 0) * Double(units) }

        var stages: [Stage] {
            (isVendor ? row.yenPerPiece.map(\.0) : rates.map(\.0)).sorted()
        }

        /// Pieces per week at the stage the resource is sized by (insert, or dispatch for the dispatch station).
        func capacity(days: Int) -> Double {
            if let piecesPerDay { return piecesPerDay * Double(days) }
            guard let unit = row.unit, let rate = rates.first(where: { $0.0 == unit.sizingStage })?.1 else { return 0 }
            return rate * hoursPerDay * Double(days)
        }

        func resource(wards: [WardRow]) -> Resource {
            let serves = row.servesBlock.map { block in Set(wards.filter { $0.block == block }.map(\.code)) }
            return Resource(id: row.code, name: row.name, kind: row.kind, site: row.site,
                            rates: Dictionary(uniqueKeysWithValues: rates),
                            hoursPerDay: isVendor ? 0 : hoursPerDay, piecesPerDay: piecesPerDay,
                            envelopes: Set(row.envelopes), maxInserts: row.maxInserts ?? 0,
                            personalData: row.personalData, yenPerHour: yenPerHour,
                            yenPerPiece: Dictionary(uniqueKeysWithValues: row.yenPerPiece),
                            setupMinutes: row.unit?.setupMinutes ?? 0, weeklyFixedYen: row.weeklyFixedYen,
                            servesWards: serves, programs: row.programs.map(Set.init))
        }
    }

    /// The capacities of a week: ward hours, shared resources, and the insert capacities that give the loads.
    struct Sizing: Sendable {
        var wardHours: [Double]
        var shared: [ResourceSpec]
        var insertPieces: Int
        /// Insert capacity of all shared resources, pieces a week.
        var capacity: Double
        /// Insert capacity of the centre's lines, the hubs and the vendors, pieces a week.
        var consolidationCapacity: Double
    }

    /// Sizes the site to the week's jobs at `load` (the rules are in ``BookGenerator``'s documentation).
    static func size(jobs: [Job], site: Site, wards: [WardRow], days: [CivilDate], load: Double) -> Sizing {
        let n = Double(days.count)
        let profile = statusQuoProfile(jobs: jobs, site: site, days: days)
        let insertPieces = jobs.filter { $0.stages.contains(.insert) }.reduce(0) { $0 + $1.pieces }
        let departmentInsertPieces = jobs.filter { job in
            job.stages.contains(.insert) && site.currentResource(job, .insert)?.kind == .department
        }.reduce(0) { $0 + $1.pieces }

        // Ward staffing follows households, at 80 % of the week's status-quo work on average; a ward whose own
        // busiest day would fill more than 80 % of that gets the hours to bring it to 80 %.
        let deskIDs = site.wards.map { Resource.desk(of: $0).id }
        let wardWork = deskIDs.map { profile[$0]?.reduce(0, +) ?? 0 }
        let totalWork = wardWork.reduce(0, +)
        let allHouseholds = wards.reduce(0) { $0 + Double($1.households) }
        let wardHours = wards.indices.map { i in
            let fair = totalWork * Double(wards[i].households) / allHouseholds / (n * wardLoad)
            let peak = profile[deskIDs[i]]?.max() ?? 0
            return max(staffDayHours, quarterUp(max(fair, peak / wardPeakLoad)))
        }

        // What each shared resource needs for the status quo: its busiest day filled to `load`, as pieces a week
        // at its sizing stage.
        let rows = sharedRows(for: wards)
        func need(_ row: SharedRow) -> Double {
            let peak = (profile[row.code]?.max() ?? 0) / load
            return row.unit == nil ? peak * n : peak * unitRate(row) * n
        }
        func capacity(_ specs: [ResourceSpec]) -> Double { specs.reduce(0) { $0 + $1.capacity(days: days.count) } }

        // Departments get what the status quo needs. The centre's lines, the hubs and the vendors together could
        // take the whole week's insertion at `load`: lines 70 % (60/40), hubs 15 % (by households), vendors 15 %
        // (9 + 6); a hub or vendor with status-quo work gets at least what that needs.
        let consolidation = Double(insertPieces) / load
        let blockHouseholds = Dictionary(wards.map { ($0.block, Double($0.households)) }, uniquingKeysWith: +)
        var specs: [String: ResourceSpec] = [:]
        for row in rows where row.kind != .center {
            let share: Double
            switch row.kind {
            case .hub:
                share = consolidationShares.hubs * blockHouseholds[row.servesBlock!, default: 0] / allHouseholds
            case .vendor:
                share = row.code == "vendor-p" ? consolidationShares.vendorP : consolidationShares.vendorG
            default:
                share = 0
            }
            specs[row.code] = sized(row, pieces: max(need(row), consolidation * share), days: days.count)
        }
        // The lines take what the hubs and vendors leave of the consolidation capacity, 60/40, so that they, the
        // finest-grained, absorb the others' rounding and status-quo needs.
        let lineRows = rows.filter { $0.kind == .center && $0.code != "center-dispatch" }
        let hubsAndVendors = capacity(rows.filter { $0.kind == .hub || $0.kind == .vendor }.map { specs[$0.code]! })
        let forLines = max(0, consolidation - hubsAndVendors)
        let lineShares = consolidationShares.lineA + consolidationShares.lineB
        for row in lineRows {
            let share = row.code == "center-line-a" ? consolidationShares.lineA : consolidationShares.lineB
            specs[row.code] = sized(row, pieces: max(need(row), forLines * share / lineShares), days: days.count,
                                    roundingUp: false)
        }
        let lines = capacity(lineRows.map { specs[$0.code]! })

        // The dispatch station can take what the lines insert and what the departments insert today.
        for row in rows where row.code == "center-dispatch" {
            specs[row.code] = sized(row, pieces: lines + Double(departmentInsertPieces) / load, days: days.count)
        }
        let shared = rows.map { specs[$0.code]! }
        let insertCapacity = capacity(shared.filter { $0.row.code != "center-dispatch" })
        let consolidationCapacity = capacity(shared.filter {
            $0.row.kind != .department && $0.row.code != "center-dispatch"
        })
        return Sizing(wardHours: wardHours, shared: shared, insertPieces: insertPieces, capacity: insertCapacity,
                      consolidationCapacity: consolidationCapacity)
    }

    /// The status quo's work per resource (by id) and working day: hours for hour-based resources (of one unit,
    /// as the unsized `site` has them), pieces for vendors. Each stage of a job is spread evenly over the days of its
    /// window that the transfer lags before and after it leave; one setup per resource, setup group and day, on
    /// the stage's first day.
    static func statusQuoProfile(jobs: [Job], site: Site, days: [CivilDate]) -> [String: [Double]] {
        let dayIndex = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        var profile: [String: [Double]] = [:]
        var setups: Set<String> = []
        for job in jobs {
            // Every job's current route was checked when it was drawn, so each stage has its resource.
            let resources = job.stages.compactMap { site.currentResource(job, $0) }
            guard resources.count == job.stages.count, let ready = dayIndex[job.ready], let due = dayIndex[job.due]
            else { continue }
            let lags = zip(resources, resources.dropFirst()).map { site.transfer(from: $0, to: $1)?.lagDays ?? 0 }
            for (k, stage) in job.stages.enumerated() {
                let resource = resources[k]
                let first = min(due, ready + lags.prefix(k).reduce(0, +))
                let last = max(first, due - lags.dropFirst(k).reduce(0, +))
                let amount = resource.kind == .vendor
                    ? Double(job.pieces) : Double(job.pieces) / (resource.rates[stage] ?? 1)
                var row = profile[resource.id] ?? [Double](repeating: 0, count: days.count)
                for d in first...last { row[d] += amount / Double(last - first + 1) }
                if resource.kind != .vendor, setups.insert("\(resource.id)|\(job.setupGroup)|\(first)").inserted {
                    row[first] += resource.setupMinutes / 60
                }
                profile[resource.id] = row
            }
        }
        return profile
    }

    /// The per-unit rate of a row's sizing stage.
    private static func unitRate(_ row: SharedRow) -> Double {
        guard let unit = row.unit else { return 1 }
        return unit.rates.first { $0.0 == unit.sizingStage }!.1
    }

    /// A resource of about `pieces` pieces a week at its sizing stage: the nearest whole number of units that
    /// fills it in one staff day, then the hours per day (1 to 15.5, quarter hours); a vendor's daily pieces.
    ///
    /// Hours and daily pieces are rounded up (to a quarter hour, to 100 pieces), or to the nearest step when
    /// `roundingUp` is false.
    static func sized(_ row: SharedRow, pieces: Double, days: Int, roundingUp: Bool = true) -> ResourceSpec {
        let rule: FloatingPointRoundingRule = roundingUp ? .up : .toNearestOrAwayFromZero
        guard row.unit != nil else {
            let perDay = max(200, (pieces / Double(days) / 100).rounded(rule) * 100)
            return row.spec(units: 1, hoursPerDay: 0, piecesPerDay: perDay)
        }
        let hoursPerDay = pieces / (unitRate(row) * Double(days))
        let units = max(1, Int((hoursPerDay / staffDayHours).rounded()), Int((hoursPerDay / 15.5).rounded(.up)))
        let hours = min(15.5, max(1, (hoursPerDay / Double(units) * 4).rounded(rule) / 4))
        return row.spec(units: units, hoursPerDay: hours, piecesPerDay: nil)
    }

    static func quarterUp(_ hours: Double) -> Double { (hours * 4).rounded(.up) / 4 }
}

extension BookGenerator.SharedRow {
    /// The row sized: hour-based rows keep `hoursPerDay`, vendors `piecesPerDay`.
    func spec(units: Int, hoursPerDay: Double, piecesPerDay: Double?) -> BookGenerator.ResourceSpec {
        BookGenerator.ResourceSpec(row: self, units: units, hoursPerDay: unit == nil ? 0 : hoursPerDay,
                                   piecesPerDay: unit == nil ? piecesPerDay : nil)
    }
}
