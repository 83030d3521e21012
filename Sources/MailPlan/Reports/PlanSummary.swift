import Foundation

/// The text summary `mailplan plan` prints: cost by component against the status quo, ward hours,
/// hand-offs, postal lots per tier, late pieces and the solver's figures.
public enum PlanSummary {
    public static func text(_ document: PlanDocument) -> String {
        var lines: [String] = []
        lines.append("mailplan \(document.planner) plan · week \(document.weekStart) … \(document.weekEnd) "
            + "(\(document.workingDays.count) working days) · \(document.jobs) jobs · \(grouped(Double(document.pieces))) pieces")
        if document.model != nil {
            let proof = document.bound.map { "bound ¥\(grouped($0))" } ?? "no bound proven in time"
            let gap = document.gap.map { "gap \(percent($0)) (on controllable cost)" } ?? "gap unknown"
            lines.append("solver: \(document.status) · objective ¥\(grouped(document.objective)) · \(proof) "
                + "· \(gap) · \(seconds(document.solveSeconds))"
                + (document.model.map { " · first plan \(seconds($0.firstPlanSeconds)) · model \($0.rows) rows, \($0.columns) columns, \($0.binaries) binaries" } ?? ""))
        } else {
            lines.append("planner: \(document.planner) (heuristic) · \(seconds(document.solveSeconds))")
        }
        lines.append("")
        let rows: [(String, KeyPath<PlanDocument.Cost, Double>)] = [
            ("staff", \.staff), ("machine", \.machine), ("vendor", \.vendor), ("setup", \.setup),
            ("hand-offs", \.handoff), ("fixed", \.fixed), ("postage", \.postage), ("− discount", \.discount),
            ("lateness", \.lateness), ("total", \.total),
        ]
        lines.append(pad("cost (yen)", 14) + pad("plan", 16, right: true) + pad("status quo", 16, right: true)
            + pad("change", 16, right: true))
        for (label, path) in rows {
            let plan = document.cost[keyPath: path], base = document.statusQuo.cost[keyPath: path]
            lines.append(pad("  " + label, 14) + pad(grouped(plan), 16, right: true) + pad(grouped(base), 16, right: true)
                + pad(signed(plan - base), 16, right: true))
        }
        let saving = document.statusQuo.cost.total - document.cost.total
        lines.append("")
        lines.append("saving against the status quo: ¥\(grouped(saving))"
            + (document.statusQuo.cost.total > 0 ? " (\(percent(saving / document.statusQuo.cost.total)) of the total)" : ""))
        lines.append("ward staff hours: \(fixed1(document.wardStaffHours)) used, \(fixed1(document.wardStaffHoursFreed)) freed "
            + "(status quo \(fixed1(document.statusQuo.wardStaffHours)))")
        lines.append("hand-offs: \(document.handoffs) (status quo \(document.statusQuo.handoffs))")
        let tiers = document.lotsPerTier.keys.compactMap(Int.init).sorted()
            .map { ($0 == 0 ? "below tiers" : "\(grouped(Double($0)))+") + ": \(document.lotsPerTier["\($0)"]!)" }
        lines.append("postal lots: " + (tiers.isEmpty ? "none" : tiers.joined(separator: " · ")))
        lines.append("late pieces: \(grouped(Double(document.latePieces))) (status quo \(grouped(Double(document.statusQuo.latePieces))))"
            + (document.deferred.isEmpty ? "" : " · deferred jobs: \(document.deferred.joined(separator: ", "))"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whole yen with thousands separators, of any size (a sum past `Int.max` is printed, not trapped on).
    public static func grouped(_ value: Double) -> String {
        let rounded = value.rounded()
        guard rounded.isFinite else { return "\(value)" }
        let digits = String(format: "%.0f", rounded.magnitude)  // every digit of a whole double, exactly
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (rounded < 0 ? "-" : "") + result
    }

    static func signed(_ value: Double) -> String { (value.rounded() > 0 ? "+" : "") + grouped(value) }
    static func percent(_ fraction: Double) -> String { "\(((fraction * 10000).rounded() / 100))%" }
    static func fixed1(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }
    static func seconds(_ value: Double) -> String { "\((value * 10).rounded() / 10) s" }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
