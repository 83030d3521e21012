import Foundation

extension PlanComparison {
    private static let labelWidth = 22
    private static let columnWidth = 16
    private static let percentWidth = 11

    /// The text `mailplan compare` prints: who A and B are, then either "no differences" or the cost table, the
    /// other figures, what B saves and frees against A, the wards whose desk hours move and the route changes.
    public func text() -> String {
        var lines = ["mailplan compare · A: \(a.planner) plan · B: \(b.planner) plan"]
        for (name, side) in [("A", a), ("B", b)] {
            lines.append("  \(name)  \(side.file) · \(side.planner) (\(side.status)) · week \(side.weekStart) … "
                + "\(side.weekEnd) · \(side.jobs) jobs · \(PlanSummary.grouped(Double(side.pieces))) pieces")
        }
        if identical {
            lines.append("no differences: the same jobs on the same resources and days, at the same cost "
                + "(total ¥\(PlanSummary.grouped(cost.total.a)))")
            return lines.joined(separator: "\n") + "\n"
        }
        if sameJobs {
            lines.append("same jobs: \(PlanSummary.grouped(Double(jobStages))) job stages compared")
        } else {
            lines.append("their jobs differ (A: week \(a.weekStart) … \(a.weekEnd), \(a.jobs) jobs; "
                + "B: week \(b.weekStart) … \(b.weekEnd), \(b.jobs) jobs): totals and per-ward figures only, "
                + "no job-by-job routes")
        }

        lines.append("")
        lines.append(header("cost (yen)", "A", "B"))
        for (label, figure) in cost.rows {
            lines.append(row("  " + label, figure, PlanSummary.grouped))
        }
        lines.append("")
        lines.append(header("", "A", "B"))
        lines.append(row("ward staff hours", wardStaffHours, Self.hours))
        lines.append(row("hand-offs", handoffs, PlanSummary.grouped))
        lines.append(row("late pieces", latePieces, PlanSummary.grouped))
        for tier in lotsPerTier.keys.sorted(by: { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }) {
            let label = Int(tier) == 0 ? "lots below tiers" : "lots \(PlanSummary.grouped(Double(Int(tier) ?? 0)))+"
            lines.append(row(label, lotsPerTier[tier]!, PlanSummary.grouped))
        }

        lines.append("")
        lines.append(savingLine)
        lines.append(hoursLine)

        lines.append("")
        lines += wardLines
        if sameJobs {
            lines.append("")
            lines += routeLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What B saves against A, in yen and percent of A's total.
    var savingLine: String {
        let share = cost.total.a > 0 ? " (\(PlanSummary.percent(abs(saving) / cost.total.a)) of A's total)" : ""
        if saving > 0 { return "B saves ¥\(PlanSummary.grouped(saving)) against A\(share)" }
        if saving < 0 { return "B costs ¥\(PlanSummary.grouped(-saving)) more than A\(share)" }
        return "B costs the same as A"
    }

    /// The ward staff hours B frees (or takes) against A.
    var hoursLine: String {
        let both = " (A \(Self.hours(wardStaffHours.a)), B \(Self.hours(wardStaffHours.b)))"
        if wardStaffHoursFreed > 0 { return "B frees \(Self.hours(wardStaffHoursFreed)) ward staff hours against A\(both)" }
        if wardStaffHoursFreed < 0 {
            return "B uses \(Self.hours(-wardStaffHoursFreed)) more ward staff hours than A\(both)"
        }
        return "B uses the same ward staff hours as A"
    }

    /// The wards whose desk hours or yen move; the Japanese name last, so that wide characters do not break columns.
    var wardLines: [String] {
        let moving = wards.filter { !$0.isZero }
        guard !moving.isEmpty else { return ["per ward: no desk hours or yen move"] }
        var lines = [Self.pad("per ward (desk)", Self.labelWidth) + [
            "hours A", "hours B", "change", "yen A", "yen B", "change",
        ].map { Self.pad($0, 12, right: true) }.joined()]
        for ward in moving {
            var text = Self.pad("  " + ward.ward, Self.labelWidth)
            text += [ward.hours.a, ward.hours.b].map { Self.pad(Self.hours($0), 12, right: true) }.joined()
            text += Self.pad(Self.signed(ward.hours.change, Self.hours), 12, right: true)
            if let yen = ward.yen {
                text += [yen.a, yen.b].map { Self.pad(PlanSummary.grouped($0), 12, right: true) }.joined()
                text += Self.pad(Self.signed(yen.change, PlanSummary.grouped), 12, right: true)
            } else {
                text += String(repeating: Self.pad("—", 12, right: true), count: 3)
            }
            if ward.name != ward.ward { text += "  " + ward.name }
            lines.append(text)
        }
        let still = wards.count - moving.count
        if still > 0 { lines.append("  (\(still) other ward\(still == 1 ? "" : "s"): no change)") }
        return lines
    }

    /// Every job stage on another resource, one a line.
    var routeLines: [String] {
        let again = rescheduled == 0 ? "" : "; \(PlanSummary.grouped(Double(rescheduled))) more on the same resource on other days"
        let of = PlanSummary.grouped(Double(jobStages))
        guard !routeChanges.isEmpty else { return ["route changes: none of \(of) job stages\(again)"] }
        var lines = ["route changes: \(PlanSummary.grouped(Double(routeChanges.count))) of \(of) job stages\(again)"]
        let jobWidth = max(3, routeChanges.map(\.job.count).max() ?? 0) + 2
        lines.append("  " + Self.pad("job", jobWidth) + Self.pad("stage", 10) + "from → to")
        for change in routeChanges {
            lines.append("  " + Self.pad(change.job, jobWidth) + Self.pad(change.stage, 10) + "\(change.from) → \(change.to)")
        }
        return lines
    }

    private func header(_ label: String, _ first: String, _ second: String) -> String {
        Self.pad(label, Self.labelWidth) + Self.pad(first, Self.columnWidth, right: true)
            + Self.pad(second, Self.columnWidth, right: true) + Self.pad("change", Self.columnWidth, right: true)
            + Self.pad("%", Self.percentWidth, right: true)
    }

    private func row(_ label: String, _ figure: Figure, _ format: (Double) -> String) -> String {
        Self.pad(label, Self.labelWidth) + Self.pad(format(figure.a), Self.columnWidth, right: true)
            + Self.pad(format(figure.b), Self.columnWidth, right: true)
            + Self.pad(Self.signed(figure.change, format), Self.columnWidth, right: true)
            + Self.pad(figure.percent.map { ($0 > 0 ? "+" : "") + "\($0)%" } ?? "—", Self.percentWidth, right: true)
    }

    /// `+` before a positive figure as formatted (so a change that rounds to zero shows no sign).
    private static func signed(_ value: Double, _ format: (Double) -> String) -> String {
        let text = format(value)
        return value > 0 && text.contains(where: { $0.isNumber && $0 != "0" }) ? "+" + text : text
    }

    /// Hours to one decimal, never `-0.0`.
    static func hours(_ value: Double) -> String {
        let text = PlanSummary.fixed1(value)
        return text == "-0.0" ? "0.0" : text
    }

    /// A right-aligned cell keeps at least one space before it, so that a figure wider than its column (a change of
    /// thousands of percent) still stands apart from its neighbour.
    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        right && text.count >= width ? " " + text : PlanSummary.pad(text, width, right: right)
    }

    /// The comparison as JSON: pretty-printed with sorted keys, so the same plans give the same bytes.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
