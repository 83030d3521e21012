import GLPK

extension PlanningModel {
    /// Adds each job's share of the tiers of the lots it can dispatch into, for a stronger LP relaxation of the
    /// whole week (the bound worker's, never a sub-MIP's): in a lot whose tier t has binary z_t and volume w_t, the
    /// job's pieces u_jt earning tier t are at most its pieces times z_t, all its u_jt together at most what it
    /// dispatches into the lot, and w_t at most the sum of the u_jt. A plan sets u_jt to the job's pieces in the
    /// lot for the tier the lot earns and 0 for the others, so the rows are valid; the relaxation can no longer
    /// let every piece earn the top tier at a small fraction of its binary (the disaggregated form of the big-M
    /// link, as in ``WeekRelaxation/Lots/byDay``). Lots holding pieces of fixed jobs get none (their volume is
    /// more than the active jobs' shares).
    ///
    /// On the Osaka week the LP relaxation rises from ¥3,136,320 to ¥3,312,270 (14,253 more columns).
    /// - Returns: the links `u_jt ≤ pieces · z_t`, the rows worth adding lazily.
    mutating func addLotShares() -> [LinearModel.Constraint] {
        let book = catalogue.book
        var dispatched: [ScheduleState.LotKey: [Int: [LinearModel.Variable]]] = [:]
        for (key, q) in flows {
            let job = book.jobs[key.job]
            guard job.stages[key.stage] == .dispatch, let mailClass = catalogue.mailClasses[key.job] else { continue }
            let lot = ScheduleState.LotKey(mailClass: mailClass.id, site: catalogue.resources[key.resource].site,
                                           day: key.day)
            dispatched[lot, default: [:]][key.job, default: []].append(q)
        }
        var links: [LinearModel.Constraint] = []
        for key in lotTiers.keys.sorted() {
            guard fixedLotPieces[key] ?? 0 == 0, let jobs = dispatched[key] else { continue }
            let label = "\(key.mailClass)_\(key.site)_\(catalogue.horizon.days[key.day])"
            var earning = Array(repeating: [(LinearModel.Variable, Double)](), count: lotTiers[key]!.count)
            for j in jobs.keys.sorted() {
                let pieces = Double(book.jobs[j].pieces)
                var shares: [(LinearModel.Variable, Double)] = []
                for (t, entry) in lotTiers[key]!.enumerated() {
                    let u = model.addVariable("lotshare_\(label)_\(entry.tier.minPieces)_\(catalogue.jobNames[j])",
                                              upperBound: pieces)
                    links.append(model.addConstraint("lotshare_\(label)_\(entry.tier.minPieces)_\(catalogue.jobNames[j])",
                                                     [(u, 1), (entry.chosen, -pieces)], .atMost(0)))
                    shares.append((u, 1))
                    earning[t].append((u, 1))
                }
                model.addConstraint("lotjob_\(label)_\(catalogue.jobNames[j])",
                                    shares + jobs[j]!.map { ($0, -1.0) }, .atMost(0))
            }
            for (t, entry) in lotTiers[key]!.enumerated() {
                model.addConstraint("lotearned_\(label)_\(entry.tier.minPieces)",
                                    [(entry.volume, 1)] + earning[t].map { ($0.0, -1.0) }, .atMost(0))
            }
        }
        return links
    }
}
