import Synchronization

/// Collects log lines from a `@Sendable` sink.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
