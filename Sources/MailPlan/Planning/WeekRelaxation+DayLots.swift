import GLPK

extension WeekRelaxation {
    /// The postal lots of ``Lots/byDay``: per job, its dispatch per site and day; per (class, site, day) lot,
    /// tier shares z_t and, per job that could join the lot, the pieces u_jt it dispatches there that earn tier t.
    ///
    /// Rows, all valid for every plan (in a plan, z_t is 1 for the tier the lot's volume earns and u_jt is the
    /// job's pieces in the lot):
    /// - a job's dispatch at a site adds up to its pieces times its route shares dispatching there; none of it
    ///   comes before the earliest day those routes can dispatch, and the on-time shares are dispatched by their
    ///   last day on time;
    /// - a site dispatches no more in a day than its dispatching resources can (``RouteCatalogue/dailyDispatchPieces(site:)``);
    /// - Σ_t u_jt ≤ the job's dispatch in the lot, and u_jt ≤ min(pieces_j, M_t) · z_t;
    /// - the lot's volume at tier t, Σ_j u_jt, lies in [min_t, M_t] · z_t, and Σ_t z_t ≤ 1.
    struct DayLots {
        /// A route's dispatch: where, from which day, and its on-time share's last day.
        struct Dispatch {
            var site: String
            /// The route's shares (on time, and late when it can be on time).
            var shares: [LinearModel.Variable]
            /// The first day the route can dispatch.
            var start: Int
            /// The route's on-time share and the last day it can dispatch on time, when it can be on time.
            var onTime: (share: LinearModel.Variable, deadline: Int)?
        }

        private struct Member {
            var job: String
            var pieces: Double
            var dispatch: LinearModel.Variable
        }

        private var members: [ScheduleState.LotKey: [Member]] = [:]
        private var siteDays: [String: [Int: [LinearModel.Variable]]] = [:]

        /// Adds job `j`'s dispatch per site and day over the routes' `dispatches`.
        mutating func add(job j: Int, mailClass: MailClass, _ dispatches: [Dispatch], to model: inout LinearModel,
                          _ catalogue: RouteCatalogue) {
            let name = catalogue.jobNames[j]
            let pieces = Double(catalogue.book.jobs[j].pieces)
            let days = catalogue.horizon.days.count
            for site in Set(dispatches.map(\.site)).sorted() {
                let here = dispatches.filter { $0.site == site }
                let first = here.map(\.start).min()!
                // A route that cannot dispatch within the week cannot be chosen in the MILP either.
                let label = "\(name)_\(PlanningModel.safe(site))"
                let ps = (first..<max(first, days)).map { d in
                    model.addVariable("dispatch_\(label)_\(d)", upperBound: pieces)
                }
                model.addConstraint("dispatch_\(label)",
                                    ps.map { ($0, 1.0) } + here.flatMap { $0.shares.map { ($0, -pieces) } }, .exactly(0))
                for start in Set(here.map(\.start)).sorted() where start > first && start < days {
                    let earlier = here.filter { $0.start < start }.flatMap { $0.shares.map { ($0, -pieces) } }
                    model.addConstraint("dispatchfrom_\(label)_\(start)",
                                        ps[..<(start - first)].map { ($0, 1.0) } + earlier, .atMost(0))
                }
                for deadline in Set(here.compactMap { $0.onTime?.deadline }).sorted() where deadline < days - 1 {
                    let due = here.compactMap(\.onTime).filter { $0.deadline <= deadline }.map { ($0.share, -pieces) }
                    model.addConstraint("dispatchby_\(label)_\(deadline)",
                                        ps[...(deadline - first)].map { ($0, 1.0) } + due, .atLeast(0))
                }
                for (offset, p) in ps.enumerated() {
                    members[ScheduleState.LotKey(mailClass: mailClass.id, site: site, day: first + offset), default: []]
                        .append(Member(job: name, pieces: pieces, dispatch: p))
                    siteDays[site, default: [:]][first + offset, default: []].append(p)
                }
            }
        }

        /// Adds the sites' daily dispatch capacities and the lots' tiers; returns the per-job tier links
        /// (`u ≤ pieces · z`), the rows worth adding lazily.
        func addLots(to model: inout LinearModel, _ catalogue: RouteCatalogue) -> [LinearModel.Constraint] {
            var links: [LinearModel.Constraint] = []
            let tariff = catalogue.book.site.tariff
            var dailyDispatch: [String: Double] = [:]
            for site in siteDays.keys.sorted() {
                let most = catalogue.dailyDispatchPieces(site: site)
                dailyDispatch[site] = most
                guard most.isFinite else { continue }
                for (d, ps) in siteDays[site]!.sorted(by: { $0.key < $1.key }) {
                    model.addConstraint("dispatchcap_\(PlanningModel.safe(site))_\(d)", ps.map { ($0, 1.0) }, .atMost(most))
                }
            }
            for key in members.keys.sorted() {
                guard let mailClass = tariff.classes.first(where: { $0.id == key.mailClass }) else { continue }
                let jobs = members[key]!
                let maximum = min(jobs.reduce(0) { $0 + $1.pieces }, dailyDispatch[key.site]!)
                let tiers = mailClass.lotTiers(upTo: maximum)
                guard !tiers.isEmpty else { continue }
                let label = "\(key.mailClass)_\(PlanningModel.safe(key.site))_\(key.day)"
                var chosen: [LinearModel.Variable] = []
                var earned = Array(repeating: [(LinearModel.Variable, Double)](), count: jobs.count)
                for (tier, cap) in tiers {
                    let z = model.addVariable("lottier_\(label)_\(tier.minPieces)", upperBound: 1)
                    var volume: [(LinearModel.Variable, Double)] = []
                    for (i, job) in jobs.enumerated() {
                        let most = min(job.pieces, cap)
                        let u = model.addVariable("lotjob_\(label)_\(tier.minPieces)_\(job.job)", upperBound: most,
                                                  objective: -tier.discount * mailClass.priceYen)
                        links.append(model.addConstraint("lotjob_\(label)_\(tier.minPieces)_\(job.job)", [(u, 1), (z, -most)], .atMost(0)))
                        volume.append((u, 1))
                        earned[i].append((u, 1))
                    }
                    model.addConstraint("lotmax_\(label)_\(tier.minPieces)", volume + [(z, -cap)], .atMost(0))
                    model.addConstraint("lotmin_\(label)_\(tier.minPieces)", volume + [(z, -Double(tier.minPieces))], .atLeast(0))
                    chosen.append(z)
                }
                model.addConstraint("lottier_\(label)", chosen.map { ($0, 1.0) }, .atMost(1))
                for (i, job) in jobs.enumerated() {
                    model.addConstraint("lotshare_\(label)_\(job.job)", earned[i] + [(job.dispatch, -1)], .atMost(0))
                }
            }
            return links
        }
    }
}
