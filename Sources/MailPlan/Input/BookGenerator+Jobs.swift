extension BookGenerator {
    /// Draws the week's jobs, sorted by ward, program and ready day, with unique ids and their CSV line numbers.
    static func drawJobs(count: Int, wards: [WardRow], days: [CivilDate], site: Site,
                         rng: inout SeededGenerator) -> [Job] {
        let perWard = apportion(count, weights: wards.map { Double($0.households) },
                                atLeastOne: count >= wards.count)
        // A third of the wards still do their ward-specific mailings as large manual runs (DESIGN §1).
        let manualWards = Set(rng.shuffled(wards.map(\.code)).prefix((wards.count + 2) / 3))

        var drawn: [(ward: Int, program: Int, order: Int, job: Job)] = []
        for (w, ward) in wards.enumerated() {
            let perProgram = systematic(perWard[w], weights: osakaPrograms.map(\.mix), rng: &rng)
            // Stratified size draws (one in each 1/n of the range, in random order) keep a ward's volume close to
            // its expectation, so that volumes follow the wards' size while single jobs still vary widely.
            var sizeDraws = rng.shuffled((0..<perWard[w]).map { _ in rng.unit() }.enumerated().map {
                (Double($0.offset) + $0.element) / Double(perWard[w])
            })
            for (p, program) in osakaPrograms.enumerated() {
                let manualRun = program.code == manualRunProgram && manualWards.contains(ward.code)
                for _ in 0..<perProgram[p] {
                    let job = drawJob(ward: ward, program: program, manualRun: manualRun,
                                      sizeDraw: sizeDraws.removeLast(), days: days, site: site, rng: &rng)
                    drawn.append((w, p, drawn.count, job))
                }
            }
        }
        drawn.sort { a, b in
            (a.ward, a.program, a.job.ready, a.job.due, a.order) < (b.ward, b.program, b.job.ready, b.job.due, b.order)
        }

        // Ids number the jobs of one ward and program in order: kita-kokuho-card-01, -02, …
        var perKey: [String: Int] = [:]
        for entry in drawn { perKey["\(entry.job.ward)-\(entry.job.program)", default: 0] += 1 }
        var seen: [String: Int] = [:]
        return drawn.enumerated().map { index, entry in
            var job = entry.job
            let key = "\(job.ward)-\(job.program)"
            seen[key, default: 0] += 1
            job.id = "\(key)-\(padded(seen[key]!, width: max(2, String(perKey[key]!).count)))"
            job.line = index + csvFirstJobLine
            return job
        }
    }

    /// One job of `program` at `ward`, whose size factor is drawn at `sizeDraw` (uniform in 0..<1).
    static func drawJob(ward: WardRow, program: ProgramRow, manualRun: Bool, sizeDraw: Double, days: [CivilDate],
                        site: Site, rng: inout SeededGenerator) -> Job {
        let basis = program.basis == .population ? ward.population : ward.households
        let largest = manualRun ? manualRunMaxPieces : maxPieces
        let upper = max(minPieces, min(largest, Int(program.ratio * Double(basis))))
        let scale = manualRun ? manualRunScale : 1
        var pieces = min(upper, max(minPieces, Int((program.typicalPieces * scale * sizeFactor(sizeDraw)).rounded())))

        let routes = (manualRun ? manualRunRoutes : program.routes).filter { pieces <= $0.maxPieces }
        let drawn = routes[rng.index(weightedBy: routes.map(\.weight))]
        let wardRecordsDraw = rng.unit() < program.wardRecordsShare
        let titleBase = program.titles[rng.below(program.titles.count)]
        let title = program.wardSpecific ? "\(ward.name) \(titleBase)" : titleBase

        func job(_ route: RouteRow, ready: Int = 0, window: Int = 0) -> Job {
            Job(id: "", ward: ward.code, program: program.code, title: title, pieces: pieces, stages: route.stages,
                envelope: program.envelope, inserts: program.inserts, weightGrams: program.weightGrams,
                ready: days[ready], due: days[ready + window], personalData: program.personalData,
                wardRecords: wardRecordsDraw && route.stages.contains(.extract), wardSpecific: program.wardSpecific,
                current: route.current)
        }
        // The route drawn; else the program's main route; else the ward's own desk for every stage.
        let local = RouteRow(drawn.stages, drawn.stages.map { _ in .ward }, 1)
        let (feasible, lags) = [drawn, routes[0]].lazy.compactMap { candidate in
            lagDays(job(candidate), site: site).map { (candidate, $0) }
        }.first ?? (local, 0)

        // Most windows leave room for the route's transfers, so that today's route works; a few are tight (due on
        // the ready day or the next), and a job whose route cannot make it is done at the ward instead (the
        // survey's `deadline` reason). Large jobs get at least two working days after the ready day, manual runs
        // the rest of the week. Earlier ready days are likelier (weights n+1, n, …, 2 over n days).
        let last = days.count - 1
        let tight = pieces <= tightMaxPieces && rng.unit() < tightShare
        var shortest = tight ? 0 : lags
        if pieces > tightMaxPieces { shortest = max(shortest, largeMinWindow) }
        shortest = min(shortest, last)
        let readyIndex = rng.index(weightedBy: (0...(last - shortest)).map { Double(last - shortest + 2 - $0) })
        let longest = tight ? min(1, last - readyIndex) : last - readyIndex
        let window = manualRun && pieces > tightMaxPieces
            ? longest
            : shortest + rng.index(weightedBy: Array(windowWeights[shortest...min(longest, windowWeights.count - 1)]))
        if window <= 1 { pieces = min(pieces, tightMaxPieces) }

        return job(lags > window ? local : feasible, ready: readyIndex, window: window)
    }

    /// The working days the transfers of `job`'s current route take (0 when all its stages are at one site), or
    /// nil when some stage has no resource of its current kind that may do it.
    static func lagDays(_ job: Job, site: Site) -> Int? {
        var lags = 0
        var previous: Resource?
        for stage in job.stages {
            guard let resource = site.currentResource(job, stage) else { return nil }
            if let previous, let rule = site.transfer(from: previous, to: resource) { lags += rule.lagDays }
            previous = resource
        }
        return lags
    }

    /// A job's size factor for a uniform draw `u`: linear between ``sizeQuantiles``.
    static func sizeFactor(_ u: Double) -> Double {
        let x = u * Double(sizeQuantiles.count - 1)
        let i = min(Int(x), sizeQuantiles.count - 2)
        return sizeQuantiles[i] + (sizeQuantiles[i + 1] - sizeQuantiles[i]) * (x - Double(i))
    }

    /// `total` split in proportion to `weights` by largest remainders (ties to the earlier index); with
    /// `atLeastOne`, every share is at least 1, taken from the largest share.
    static func apportion(_ total: Int, weights: [Double], atLeastOne: Bool) -> [Int] {
        let sum = weights.reduce(0, +)
        let quotas = weights.map { Double(total) * $0 / sum }
        var counts = quotas.map { Int($0) }
        let remainders = quotas.indices.map { quotas[$0] - Double(counts[$0]) }
        let order = quotas.indices.sorted { (remainders[$1], $0) < (remainders[$0], $1) }
        for i in order.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
        if atLeastOne {
            for i in counts.indices where counts[i] == 0 {
                let largest = counts.indices.max { (counts[$0], $1) < (counts[$1], $0) }!
                counts[largest] -= 1
                counts[i] += 1
            }
        }
        return counts
    }

    /// `n` split in proportion to `weights` by systematic sampling: each share is the floor or the ceiling of its
    /// quota, and which one is decided by one random offset.
    static func systematic(_ n: Int, weights: [Double], rng: inout SeededGenerator) -> [Int] {
        let sum = weights.reduce(0, +)
        let offset = rng.unit()
        var counts: [Int] = []
        var low = 0.0
        for (i, weight) in weights.enumerated() {
            let high = i == weights.count - 1 ? Double(n) : low + Double(n) * weight / sum
            counts.append(Int((high - offset).rounded(.up)) - Int((low - offset).rounded(.up)))
            low = high
        }
        return counts
    }

    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
