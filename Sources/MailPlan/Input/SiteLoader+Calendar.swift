// [calendar], [policy] and [transfers]: the site's working days, its policy knobs and its hand-off rules.
extension SiteReading {
    /// `[calendar]`: every key optional, defaulting to a ward office's calendar.
    func calendar(from section: TOMLReader) -> WorkCalendar {
        defer { section.rejectUnreadKeys() }
        let defaults = WorkCalendar()
        var closed: [CivilDate: String] = [:]
        var firstLine: [CivilDate: Int] = [:]
        for day in section.optionalTables("closed_days") {
            defer { day.rejectUnreadKeys() }
            let name = nonEmptyString(day, "name")
            guard let written = day.date("date") else { continue }
            guard let date = try? CivilDate(year: written.year, month: written.month, day: written.day) else {
                day.error("'date' must be in the years \(CivilDate.validYears.lowerBound)–"
                    + "\(CivilDate.validYears.upperBound), found \(written)", at: "date")
                continue
            }
            if let line = firstLine[date] {
                day.error("closed day \(date) is listed twice (first on line \(line))", at: "date")
                continue
            }
            firstLine[date] = day.location(of: "date").line
            if let name { closed[date] = name }
        }
        return WorkCalendar(
            nationalHolidays: section.optionalBool("national_holidays") ?? defaults.nationalHolidays,
            yearEndClosure: section.optionalBool("year_end_closure") ?? defaults.yearEndClosure,
            extraClosedDays: closed)
    }

    /// The range of `horizon_weeks`: at least a week, and at most a year so that day arithmetic stays small.
    static let horizonWeeks = 1...52

    /// `[policy]`: every key optional, defaulting to `Policy()`.
    func policy(from section: TOMLReader) -> Policy {
        defer { section.rejectUnreadKeys() }
        let defaults = Policy()
        let atLeastOne = TOMLReader.Check<Double>("must be at least 1") { $0 >= 1 }
        let weeks = TOMLReader.Check<Int>(
            "must be between \(Self.horizonWeeks.lowerBound) and \(Self.horizonWeeks.upperBound) "
                + "(the plan covers at least the week of the earliest ready day)") { Self.horizonWeeks.contains($0) }
        return Policy(
            latenessYenPerPieceDay: section.optionalDouble("lateness_yen_per_piece_day", .nonNegative)
                ?? defaults.latenessYenPerPieceDay,
            deferralYenPerPiece: section.optionalDouble("deferral_yen_per_piece", .nonNegative)
                ?? defaults.deferralYenPerPiece,
            overtimeHoursPerDay: section.optionalDouble("overtime_hours_per_day", .between(0...24))
                ?? defaults.overtimeHoursPerDay,
            overtimeFactor: section.optionalDouble("overtime_factor", atLeastOne) ?? defaults.overtimeFactor,
            keepWardSpecificLocal: section.optionalBool("keep_ward_specific_local") ?? defaults.keepWardSpecificLocal,
            residualCostFactor: section.optionalDouble("residual_cost_factor", atLeastOne)
                ?? defaults.residualCostFactor,
            residualManualPieces: section.optionalInt("residual_manual_pieces", .nonNegative)
                ?? defaults.residualManualPieces,
            horizonWeeks: section.optionalInt("horizon_weeks", weeks) ?? defaults.horizonWeeks)
    }

    /// `[transfers]`: the default lag and hand-off cost, and the optional rules by site kind.
    func transfers(from section: TOMLReader) -> (fallback: TransferRule, rules: [TransferRule]) {
        defer { section.rejectUnreadKeys() }
        let fallback = TransferRule(from: nil, to: nil,
                                    lagDays: section.int("lag_days", .nonNegative) ?? 1,
                                    handoffYen: section.double("handoff_yen", .nonNegative) ?? 0)
        var rules: [TransferRule] = []
        var firstLine: [String: Int] = [:]
        for rule in section.optionalTables("rules") {
            defer { rule.rejectUnreadKeys() }
            let from = rule.optionalChoice("from", as: ResourceKind.self)
            let to = rule.optionalChoice("to", as: ResourceKind.self)
            let lag = rule.int("lag_days", .nonNegative)
            let yen = rule.double("handoff_yen", .nonNegative)
            if !rule.contains("from") && !rule.contains("to") {
                rule.error("a transfer rule needs 'from', 'to' or both (the lag and cost for any pair are "
                    + "[transfers] lag_days and handoff_yen)")
                continue
            }
            let pair = "\(from?.rawValue ?? "any") → \(to?.rawValue ?? "any")"
            if rule.contains("from") == (from != nil), rule.contains("to") == (to != nil) {
                if let line = firstLine[pair] {
                    rule.error("a second transfer rule for \(pair) (the first is on line \(line))")
                    continue
                }
                firstLine[pair] = rule.location.line
            }
            if let lag, let yen {
                rules.append(TransferRule(from: from, to: to, lagDays: lag, handoffYen: yen))
            }
        }
        return (fallback, rules)
    }
}
