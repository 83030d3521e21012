/// The rules of DESIGN §5.1 that decide whether a resource may do a stage of a job.
public enum Blocker: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The resource does not perform the stage.
    case stage
    /// The resource does not take the job's envelope format or insert count (insert stage).
    case format
    /// The job carries personal data and the resource is not certified.
    case personalData = "personal_data"
    /// Extraction needs records only the job's ward holds.
    case wardRecords = "ward_records"
    /// The resource does not serve the job's ward (another ward's desk, a hub of another block).
    case area
    /// The resource does not take the job's program (a department's own programs only).
    case program
    /// The site keeps ward-specific content at the ward.
    case policy
    /// A what-if moves the stage off the ward desk (``Scenario/offWardDesk``); never raised by a site as loaded.
    case whatIf = "what_if"

    public var description: String { rawValue }
}

extension Site {
    /// Why `resource` may not do `stage` of `job`, or an empty list when it may.
    public func blockers(_ resource: Resource, _ job: Job, _ stage: Stage) -> [Blocker] {
        var found: [Blocker] = []
        if !resource.stages.contains(stage) { found.append(.stage) }
        if let serves = resource.servesWards, !serves.contains(job.ward) { found.append(.area) }
        if let programs = resource.programs, !programs.contains(job.program) { found.append(.program) }
        if stage == .insert,
           (!resource.envelopes.isEmpty && !resource.envelopes.contains(job.envelope)) || job.inserts > resource.maxInserts {
            found.append(.format)
        }
        if job.personalData && !resource.personalData { found.append(.personalData) }
        if resource.kind != .ward {
            if stage == .extract && job.wardRecords { found.append(.wardRecords) }
            if stage == .insert && job.wardSpecific && policy.keepWardSpecificLocal { found.append(.policy) }
        }
        guard !scenario.isEmpty else { return found }
        if let waived = scenario.waived[job.id] { found.removeAll(where: waived.contains) }
        if resource.kind == .ward, scenario.offWardDesk[job.id]?.contains(stage) == true { found.append(.whatIf) }
        return found
    }

    /// True when `resource` may do `stage` of `job`.
    public func can(_ resource: Resource, do stage: Stage, of job: Job) -> Bool {
        blockers(resource, job, stage).isEmpty
    }

    /// The resource that does `stage` of `job` in the status quo: the job's desk for `ward`, otherwise the
    /// first resource of the named kind that may do it (in site order), or nil when none may.
    public func currentResource(_ job: Job, _ stage: Stage) -> Resource? {
        guard let kind = job.currentKind(of: stage) else { return nil }
        return resources.first { $0.kind == kind && can($0, do: stage, of: job) }
    }
}
