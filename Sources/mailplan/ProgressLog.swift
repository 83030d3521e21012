import Foundation
import MailPlan
import Synchronization

/// A machine-readable trace of the optimal planner's progress (`plan --progress-log FILE`), for benchmarks that
/// measure time to a gap: CSV with the header `elapsed_s,phase,incumbent,bound,gap`, one row per progress report
/// (the greedy start, the bound, every improvement; branch and cut at each new incumbent and otherwise at most once a
/// second) and a last row `final` with the figures of plan.json. Incumbent and bound are the controllable cost in
/// yen; an unknown value is empty. Rows are appended as they come, so a trace survives a solve that is stopped.
final class ProgressLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data("elapsed_s,phase,incumbent,bound,gap\n".utf8)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func record(_ progress: PlannerProgress) {
        write(elapsed: progress.elapsed.seconds, phase: progress.phase, incumbent: progress.incumbent,
              bound: progress.bound, gap: progress.gap)
    }

    /// The plan's own figures, as in plan.json.
    func finish(_ plan: Plan) {
        write(elapsed: plan.solver?.seconds ?? 0, phase: "final", incumbent: plan.solver?.objective,
              bound: plan.solver?.bound, gap: plan.solver?.gap)
        handle.withLock { try? $0.close() }
    }

    private func write(elapsed: Double, phase: String, incumbent: Double?, bound: Double?, gap: Double?) {
        func number(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "" }
        let line = [String(format: "%.3f", elapsed), phase, number(incumbent, "%.2f"), number(bound, "%.2f"),
                    number(gap, "%.6f")].joined(separator: ",") + "\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
