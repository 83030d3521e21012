extension BookGenerator {
    /// The site as TOML in the template's format (`Jobs/template/site.toml`), with comments for units and sources.
    public func siteTOML() -> String {
        let g = generated
        let days = BookGenerator.workingDays(inWeekOf: weekStart).count
        var t = TOMLText()
        t.comment("mailplan site: \(g.site.name). Generated: do not edit by hand, regenerate (see Jobs/README.md).")
        t.comment("by `\(command)`")
        t.comment("Every number's unit is in its key name. Sources: Jobs/README.md ([EST] = estimate).")
        t.comment("Capacity is sized to this week (\(days) working days, see Jobs/README.md): departments so that the")
        t.comment("status quo's busiest day fills \(load) of them; the centre's lines, hubs and vendors so that they "
            + "could")
        t.comment("take all \(BookGenerator.grouped(g.insertPieces)) insert pieces at load "
            + "\(BookGenerator.number(summary.load)) (\(BookGenerator.grouped(Int(g.consolidationCapacity.rounded()))) "
            + "pieces a week);")
        t.comment("with the departments, shared insert capacity is "
            + "\(BookGenerator.grouped(Int(g.sharedInsertCapacity.rounded()))) pieces (load "
            + "\(BookGenerator.number(summary.overallLoad))).")
        t.blank()

        t.table("site")
        t.key("name", TOMLText.string(g.site.name))
        t.blank()

        t.table("calendar")
        t.key("national_holidays", "true", "Japanese public holidays computed by rule")
        t.key("year_end_closure", "true", "municipal closure from 29 December to 3 January")
        t.key("closed_days", "[]", "extra closed days of this site: none known")
        t.blank()

        let policy = g.site.policy
        t.table("policy")
        t.key("lateness_yen_per_piece_day", BookGenerator.number(policy.latenessYenPerPieceDay),
              "per piece, per working day dispatched after its due day [EST]")
        t.key("deferral_yen_per_piece", BookGenerator.number(policy.deferralYenPerPiece),
              "per piece of a job that cannot be done in the horizon [EST]")
        t.key("overtime_hours_per_day", BookGenerator.number(policy.overtimeHoursPerDay), "no overtime is planned")
        t.key("overtime_factor", BookGenerator.number(policy.overtimeFactor), "the legal minimum premium of 25 %")
        t.key("keep_ward_specific_local", String(policy.keepWardSpecificLocal),
              "ward-specific content may be consolidated")
        t.key("residual_cost_factor", BookGenerator.number(policy.residualCostFactor),
              "flag a residual job when local cost/piece > factor × best alternative")
        t.key("residual_manual_pieces", String(policy.residualManualPieces),
              "above ~3,000 pieces machines beat hand work (FACTS §4a, S30)")
        t.key("horizon_weeks", String(policy.horizonWeeks), "the plan covers this many weeks")
        t.blank()

        let fallback = g.site.defaultTransfer
        t.table("transfers", comment: "consecutive stages at different sites")
        t.key("lag_days", String(fallback.lagDays), "working days in transit")
        t.key("handoff_yen", BookGenerator.number(fallback.handoffYen),
              "1 staff hour (4,150, FACTS §4d) + 庁内逓送/courier run (2,000 [EST])")
        t.line("rules = [")
        for (rule, reason) in BookGenerator.osakaTransferRules {
            let fields = [("from", rule.from.map { TOMLText.string($0.rawValue) }),
                          ("to", rule.to.map { TOMLText.string($0.rawValue) }),
                          ("lag_days", String(rule.lagDays)), ("handoff_yen", BookGenerator.number(rule.handoffYen))]
            let present = fields.compactMap { key, value in value.map { (key, $0) } }
            t.line("  " + TOMLText.inline(present) + ",  # " + reason)
        }
        t.line("]")
        t.blank()

        writeWards(&t)
        writeCatalogue(&t)
        writeResources(&t, days: days)
        writePostage(&t)
        return t.text
    }

    private func writeWards(_ t: inout TOMLText) {
        t.comment("Wards in 全国地方公共団体コード order. population: 2025 推計人口 (FACTS §1a, S1); households: [EST]")
        t.comment("(FACTS §1a); block: FACTS §1c (a proposal, not official). staff_yen_per_hour: 4,150 regular staff")
        t.comment("(FACTS §4d [EST]) or 2,875 where half the mail desk is 会計年度任用職員 at ≈1,600 (§4d [EST]).")
        t.comment("mail_hours_per_day [EST]: in proportion to households, sized so that the wards' status-quo work")
        t.comment("this week fills 80 % of it on average and no ward's own work more than 95 %; at least one staff day")
        t.comment("of 7.75 h (§4d, S35). hand_pieces_per_hour: FACTS §4b [EST].")
        let rates = TOMLText.inline(BookGenerator.handRates.map { ($0.0.rawValue, BookGenerator.number($0.1)) })
        for (index, (row, hours)) in zip(generated.wards, generated.wardHours).enumerated() {
            let first = index == 0
            t.array("wards")
            t.key("code", TOMLText.string(row.code))
            t.key("name", TOMLText.string(row.name))
            t.key("block", TOMLText.string(row.block))
            t.key("population", String(row.population))
            t.key("households", String(row.households))
            t.key("staff_yen_per_hour", BookGenerator.number(row.staffYenPerHour),
                  first ? "loaded yen per staff hour" : nil)
            t.key("mail_hours_per_day", BookGenerator.number(hours),
                  first ? "staff hours per working day available for mail work" : nil)
            t.key("setup_minutes", BookGenerator.number(BookGenerator.wardSetupMinutes),
                  first ? "per program run per day at the desk" : nil)
            t.key("hand_pieces_per_hour", rates)
            t.blank()
        }
    }

    private func writeCatalogue(_ t: inout TOMLText) {
        t.comment("Programs: the mass mailings of FACTS §3; a department owns some (its resource's `programs`).")
        for program in BookGenerator.osakaPrograms {
            t.array("programs")
            t.key("code", TOMLText.string(program.code))
            t.key("name", TOMLText.string(program.name))
            t.blank()
        }
        t.comment("Envelopes: inserting machines need インサーター用 stock with re-moistenable gum (FACTS §4a, S32).")
        for envelope in BookGenerator.osakaEnvelopes {
            t.array("envelopes")
            t.key("code", TOMLText.string(envelope.code))
            t.key("name", TOMLText.string(envelope.name))
            t.blank()
        }
    }

    private func writeResources(_ t: inout TOMLText, days: Int) {
        t.comment("Shared resources. Rates and costs per hour are for all pooled units together; hour-based")
        t.comment("resources are sized to the week (units × hours), vendors by pieces per day (see the header).")
        for spec in generated.shared {
            let row = spec.row
            t.comment("\(row.code): \(row.note).")
            if let unit = row.unit {
                let cost = BookGenerator.grouped(Int(unit.yenPerHour))
                let pieces = BookGenerator.grouped(Int(spec.capacity(days: days).rounded()))
                t.comment("\(spec.units) × \(unit.noun) at \(cost) yen/h each [EST]: "
                    + "\(pieces) \(unit.sizingStage) pieces this week.")
            }
            t.array("resources")
            t.key("code", TOMLText.string(row.code))
            t.key("name", TOMLText.string(row.name))
            t.key("kind", TOMLText.string(row.kind.rawValue))
            t.key("site", TOMLText.string(row.site))
            if spec.isVendor {
                let prices = row.yenPerPiece.map { ($0.0.rawValue, BookGenerator.number($0.1)) }
                t.key("yen_per_piece", TOMLText.inline(prices), "the stages a vendor does are the keys")
                t.key("pieces_per_day", BookGenerator.number(spec.piecesPerDay ?? 0))
            } else {
                t.key("stages", TOMLText.array(spec.stages.map(\.rawValue)))
                let rates = spec.rates.map { ($0.0.rawValue, BookGenerator.number($0.1)) }
                t.key("pieces_per_hour", TOMLText.inline(rates))
                t.key("hours_per_day", BookGenerator.number(spec.hoursPerDay))
            }
            if !row.envelopes.isEmpty { t.key("envelopes", TOMLText.array(row.envelopes)) }
            if let maxInserts = row.maxInserts { t.key("max_inserts", String(maxInserts)) }
            t.key("personal_data", String(row.personalData))
            if spec.isVendor {
                t.key("weekly_fixed_yen", BookGenerator.number(row.weeklyFixedYen),
                      "charged once when the vendor is used in the week")
                t.key("setup_minutes", "0")
            } else {
                t.key("yen_per_hour", BookGenerator.number(spec.yenPerHour))
                t.key("setup_minutes", BookGenerator.number(row.unit?.setupMinutes ?? 0))
            }
            if let programs = row.programs {
                t.key("programs", TOMLText.array(programs), "a department takes only the programs it owns")
            }
            if let block = row.servesBlock {
                t.key("serves_block", TOMLText.string(block), "a hub serves the wards of its block")
            }
            t.blank()
        }
    }

    private func writePostage(_ t: inout TOMLText) {
        t.table("postage")
        t.comment("Japan Post from 2024-10-01 (FACTS §2a, S9). A piece goes in the first class that takes its")
        t.comment("envelope and weight. Tiers: 区分郵便物 sorted by the addressee's 郵便区番号 (FACTS §2c, S10/S11;")
        t.comment("[UNVERIFIED] after 2024-10) for a lot of one class, one site, one day; the whole lot earns")
        t.comment("its tier.")
        let tiers = BookGenerator.kubunTiers.map {
            let fields = [("min_pieces", String($0.minPieces)), ("discount_percent", BookGenerator.number($0.percent))]
            return "  " + TOMLText.inline(fields) + ","
        }
        for row in BookGenerator.osakaMailClasses {
            t.array("postage.classes")
            t.key("code", TOMLText.string(row.code))
            t.key("name", TOMLText.string(row.name))
            t.key("envelopes", TOMLText.array(row.envelopes))
            t.key("max_weight_g", BookGenerator.number(row.maxWeightGrams))
            t.key("price_yen", BookGenerator.number(row.priceYen))
            t.line("tiers = [")
            for tier in tiers { t.line(tier) }
            t.line("]")
            t.blank()
        }
    }
}

extension BookGenerator {
    /// A TOML text built line by line, with the template's comment column.
    struct TOMLText {
        private var lines: [String] = []

        /// The column inline comments start at, as in the template.
        static let commentColumn = 34

        var text: String {
            var all = lines
            while all.last == "" { all.removeLast() }
            return all.joined(separator: "\n") + "\n"
        }

        mutating func line(_ text: String) { lines.append(text) }
        mutating func blank() { lines.append("") }
        mutating func comment(_ text: String) { lines.append("# " + text) }

        mutating func table(_ name: String, comment: String? = nil) { key("[\(name)]", nil, comment) }
        mutating func array(_ name: String) { lines.append("[[\(name)]]") }

        mutating func key(_ key: String, _ value: String?, _ comment: String? = nil) {
            var text = value.map { "\(key) = \($0)" } ?? key
            if let comment {
                let count = text.unicodeScalars.count
                let padding = max(2, BookGenerator.TOMLText.commentColumn - count)
                text += String(repeating: " ", count: padding) + "# " + comment
            }
            lines.append(text)
        }

        /// A basic string with `"` `\` and control characters escaped.
        static func string(_ value: String) -> String {
            var out = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }

        static func array(_ values: [String]) -> String {
            "[" + values.map(string).joined(separator: ", ") + "]"
        }

        static func inline(_ pairs: [(String, String)]) -> String {
            "{ " + pairs.map { "\($0.0) = \($0.1)" }.joined(separator: ", ") + " }"
        }
    }
}
