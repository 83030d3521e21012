// Whether the site can do each job at all, and where `current` says it is done today: a stage that no resource may
// do, or a status quo that names a kind that cannot do it, would make every plan (or the baseline) impossible, so it
// is an input error, explained by the rules of DESIGN §5.1 that block each resource.
extension JobBookLoader {
    /// Reports every stage of `job` that no resource may do, and every `current` kind that cannot do its stage.
    static func checkCapability(_ job: Job, row: JobRow, site: Site, log: DiagnosticCollector) {
        let resources = site.resources
        for (stage, kind) in zip(job.stages, job.current) {
            guard resources.contains(where: { site.can($0, do: stage, of: job) }) else {
                log.error("no resource can \(stage) job '\(job.id)': "
                    + blockerSummary(site: site, job: job, stage: stage, resources: resources),
                          at: row.location(.stages))
                continue
            }
            if kind == .ward {
                guard let desk = resources.first(where: { $0.kind == .ward && $0.servesWards == [job.ward] }),
                      !site.can(desk, do: stage, of: job)
                else { continue }
                let reasons = site.blockers(desk, job, stage).map { detail($0, desk, job) }
                log.error("current says ward for \(stage), but the desk of ward '\(job.ward)' cannot: "
                    + reasons.joined(separator: ", "), at: row.location(.current))
                continue
            }
            let ofKind = resources.filter { $0.kind == kind }
            guard !ofKind.contains(where: { site.can($0, do: stage, of: job) }) else { continue }
            if ofKind.isEmpty {
                log.error("current says \(kind) for \(stage), but the site has no \(kind) resource",
                          at: row.location(.current))
            } else {
                log.error("current says \(kind) for \(stage), but no \(kind) can: "
                    + blockerSummary(site: site, job: job, stage: stage, resources: ofKind),
                          at: row.location(.current))
            }
        }
    }

    /// The rules that block `resources` from `stage` of `job`, grouped by rule in `Blocker` order, such as
    /// "stage (center-dispatch), personal_data (vendor-a), format (center-line-1: kaku2 not supported)".
    ///
    /// A resource that does not do the stage is listed under `stage` only, and when more than three ward desks
    /// share a rule (the other wards' desks, blocked by `area` for every job), they are counted rather than listed.
    static func blockerSummary(site: Site, job: Job, stage: Stage, resources: [Resource]) -> String {
        var groups: [Blocker: [Resource]] = [:]
        for resource in resources {
            let blockers = site.blockers(resource, job, stage)
            // A resource that does not do the stage at all is listed under `stage` only: why it could not take
            // the job's format or area if it did is noise.
            for blocker in blockers.contains(.stage) ? [.stage] : blockers {
                groups[blocker, default: []].append(resource)
            }
        }
        return Blocker.allCases.compactMap { blocker -> String? in
            guard let blocked = groups[blocker] else { return nil }
            let desks = blocked.filter { $0.kind == .ward }
            var items: [String]
            if desks.count > 3 {
                let ownDesk = desks.filter { $0.servesWards == [job.ward] }
                let others = desks.count - ownDesk.count
                items = ownDesk.map { detail(blocker, $0, job) }
                items.append(others == 1 ? "1 other ward's desk" : "\(others) other wards' desks")
                items += blocked.filter { $0.kind != .ward }.map { detail(blocker, $0, job) }
            } else {
                items = blocked.map { detail(blocker, $0, job) }
            }
            return "\(blocker) (\(items.joined(separator: "; ")))"
        }.joined(separator: ", ")
    }

    /// A resource blocked by a rule, with what the rule found where it helps: "center-line-1: kaku2 not supported".
    static func detail(_ blocker: Blocker, _ resource: Resource, _ job: Job) -> String {
        switch blocker {
        case .format:
            var found: [String] = []
            if !resource.envelopes.isEmpty && !resource.envelopes.contains(job.envelope) {
                found.append("\(job.envelope) not supported")
            }
            if job.inserts > resource.maxInserts {
                found.append("\(job.inserts) inserts > max \(resource.maxInserts)")
            }
            return "\(resource.id): " + found.joined(separator: ", ")
        case .program:
            let programs = (resource.programs ?? []).sorted().joined(separator: ", ")
            return "\(resource.id): \(programs) only"
        default:
            return resource.id
        }
    }
}
