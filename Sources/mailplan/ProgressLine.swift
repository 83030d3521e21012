import Foundation
import MailPlan
import Synchronization

/// A progress line on stderr (elapsed, incumbent, bound, gap), shown once a solve has run for a second.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let shown = Mutex(false)

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: PlannerProgress) {
        guard enabled, progress.elapsed >= .seconds(1) else { return }
        var line = "\r\(progress.phase): \(String(format: "%.1f", progress.elapsed.seconds)) s"
        if let incumbent = progress.incumbent { line += " · plan ¥\(PlanSummary.grouped(incumbent))" }
        if let bound = progress.bound { line += " · bound ¥\(PlanSummary.grouped(bound))" }
        if let gap = progress.gap { line += String(format: " · gap %.2f%%", gap * 100) }
        line += "\u{1B}[K"
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
