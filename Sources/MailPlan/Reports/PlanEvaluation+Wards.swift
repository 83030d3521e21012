extension PlanEvaluation {
    /// The yen of each ward desk's hours, by ward code: every day's hours (processing and setups) at the ward's
    /// staff rate, plus the overtime premium beyond the desk's hours — the share of `staff` and `setup` that
    /// the ward's own staff carry, booked exactly as ``PlanEvaluator`` books it.
    ///
    /// Wards whose desk has no hours in the plan are absent.
    func wardDeskYen(_ site: Site) -> [String: Double] {
        var yen: [String: Double] = [:]
        for desk in site.resources where desk.kind == .ward {
            guard let ward = desk.servesWards?.first, let days = utilisation[desk.id] else { continue }
            // Day order, so that the sum is the same bytes on every run.
            for (_, hours) in days.sorted(by: { $0.key < $1.key }) {
                let overtime = max(0, hours - desk.hoursPerDay)
                yen[ward, default: 0] += hours * desk.yenPerHour
                    + overtime * desk.yenPerHour * (site.policy.overtimeFactor - 1)
            }
        }
        return yen
    }
}
