import Foundation
import MailPlan
import Synchronization

/// A CSV file whose rows are appended as they come, from any thread, so that a trace survives a solve that is stopped.
/// Fields are written as given, unquoted: its callers write numbers and words without commas, quotes or line breaks.
///
/// A row that cannot be written (a full disk) stops the log, never the solve: ``close()`` then reports it.
final class AppendingCSV: Sendable {
    private let path: String
    /// The file, and the system's words for the first write that failed.
    private let state: Mutex<(handle: FileHandle, failure: String?)>

    /// Creates the file, or empties it, and writes the header. Only a regular file is written: a folder, a device
    /// or a pipe is refused (``OutputFiles/refusal(_:)``), since a log that cannot be written would stop the solve.
    init(path: String, header: [String]) throws(OutputFiles.Failure) {
        if let refusal = OutputFiles.refusal(path) { throw OutputFiles.Failure(path: path, reason: refusal) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputFiles.Failure(path: path, reason: SystemWords.of(errno: errno)) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data((header.joined(separator: ",") + "\n").utf8))
        } catch {
            throw OutputFiles.Failure(path: path, reason: SystemWords.of(error))
        }
        self.path = path
        state = Mutex((handle, nil))
    }

    func append(_ fields: [String]) {
        let line = fields.joined(separator: ",") + "\n"
        state.withLock { state in
            guard state.failure == nil else { return }
            do {
                try state.handle.write(contentsOf: Data(line.utf8))
            } catch {
                state.failure = SystemWords.of(error)
            }
        }
    }

    /// Closes the file.
    /// - Throws: ``OutputFiles/Failure`` when a row could not be written: the log on disk is incomplete.
    func close() throws(OutputFiles.Failure) {
        let failure = state.withLock { state in
            try? state.handle.close()
            return state.failure
        }
        if let failure { throw OutputFiles.Failure(path: path, reason: failure + "; the log is incomplete") }
    }

    /// A number with `format`, or empty when unknown.
    static func number(_ value: Double?, _ format: String) -> String {
        value.map { String(format: format, $0) } ?? ""
    }
}

/// A machine-readable trace of the optimal planner's progress (`plan --progress-log FILE`), for benchmarks that
/// measure time to a gap: CSV with the header `elapsed_s,phase,incumbent,bound,gap`, one row per progress report
/// (the greedy start, the bound, every improvement; branch and cut at each new incumbent and otherwise at most once a
/// second) and a last row `final` with the figures of plan.json. Incumbent and bound are the controllable cost in
/// yen; an unknown value is empty. Rows are appended as they come, so a trace survives a solve that is stopped.
final class ProgressLog: Sendable {
    private let file: AppendingCSV

    init(path: String) throws {
        file = try AppendingCSV(path: path, header: ["elapsed_s", "phase", "incumbent", "bound", "gap"])
    }

    func record(_ progress: PlannerProgress) {
        write(elapsed: progress.elapsed.seconds, phase: progress.phase, incumbent: progress.incumbent,
              bound: progress.bound, gap: progress.gap)
    }

    /// The plan's own figures, as in plan.json; then closes the file.
    /// - Throws: ``OutputFiles/Failure`` when a row could not be written.
    func finish(_ plan: Plan) throws(OutputFiles.Failure) {
        write(elapsed: plan.solver?.seconds ?? 0, phase: "final", incumbent: plan.solver?.objective,
              bound: plan.solver?.bound, gap: plan.solver?.gap)
        try file.close()
    }

    private func write(elapsed: Double, phase: String, incumbent: Double?, bound: Double?, gap: Double?) {
        file.append([String(format: "%.3f", elapsed), phase, AppendingCSV.number(incumbent, "%.2f"),
                     AppendingCSV.number(bound, "%.2f"), AppendingCSV.number(gap, "%.6f")])
    }
}

/// The optimal planner's search neighbourhood by neighbourhood (`plan --search-log FILE`), for benchmarks that study
/// where the search spends its time: CSV with the header
/// `elapsed_s,walk,pass,neighbourhood_jobs,kind,index,of,jobs,improved,gain,incumbent`, one row per neighbourhood
/// re-solved (``SearchStep``). `walk` is `pass` or `retiming`; `pass` numbers the passes from 1 (a re-timing carries
/// the pass it follows); `neighbourhood_jobs` is the pass's neighbourhood size and `kind` what its jobs share
/// (``NeighbourhoodKind``: `relaxation`, `program`, `block`, `due-day` or `ward`; both empty for a re-timing); `index` is the
/// neighbourhood's place in its walk (one kind of a pass, or a re-timing), from 0, of `of`; `jobs` its jobs; `improved`
/// 1 when its plan replaced the incumbent; `gain` and `incumbent` the controllable cost saved and after, yen. Rows are
/// appended as they come.
final class SearchLog: Sendable {
    private let file: AppendingCSV

    init(path: String) throws {
        file = try AppendingCSV(path: path, header: ["elapsed_s", "walk", "pass", "neighbourhood_jobs", "kind", "index", "of",
                                                     "jobs", "improved", "gain", "incumbent"])
    }

    func record(_ step: SearchStep) {
        let (walk, pass, size, kind): (String, Int, String, String) = switch step.walk {
        case let .pass(pass, jobsPerNeighbourhood, kind): ("pass", pass, "\(jobsPerNeighbourhood)", kind.rawValue)
        case let .retiming(afterPass): ("retiming", afterPass, "", "")
        }
        file.append([String(format: "%.3f", step.elapsed.seconds), walk, "\(pass)", size, kind, "\(step.index)", "\(step.of)",
                     "\(step.jobs)", step.improved ? "1" : "0", String(format: "%.2f", step.gain),
                     String(format: "%.2f", step.incumbent)])
    }

    /// Closes the file.
    /// - Throws: ``OutputFiles/Failure`` when a row could not be written.
    func finish() throws(OutputFiles.Failure) {
        try file.close()
    }
}
