extension JobBook {
    /// A fingerprint of the week's jobs: 16 hex digits of FNV-1a (64 bit) over every job's planning fields, in
    /// id order, and the horizon.
    ///
    /// Two plans whose digests agree planned the same jobs, so `mailplan compare` can set their routes side by side
    /// whatever their files are called. Titles and source line numbers are left out (they change nothing a planner
    /// sees); the site is left out too, so that a scenario on another site still compares job by job with its base.
    /// FNV-1a is not a cryptographic hash: it tells weeks apart, it does not authenticate them.
    public var jobsDigest: String {
        var text = "\(horizonStart)…\(horizonEnd)"
        for job in jobs.sorted(by: { $0.id < $1.id }) {
            let fields = [
                job.id, job.ward, job.program, "\(job.pieces)", job.stages.map(\.rawValue).joined(separator: "+"),
                job.envelope, "\(job.inserts)", "\(job.weightGrams)", job.ready.description, job.due.description,
                "\(job.personalData)", "\(job.wardRecords)", "\(job.wardSpecific)",
                job.current.map(\.rawValue).joined(separator: "+"),
            ]
            // Unit and record separators cannot occur in validated job fields.
            text += "\u{1E}" + fields.joined(separator: "\u{1F}")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
