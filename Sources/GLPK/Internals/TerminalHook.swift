import CGLPK

/// Routes GLPK's terminal output to a sink for the duration of one call, never to stdout.
///
/// GLPK's hook is per thread (Debian builds GLPK with thread-local storage), so it is installed and
/// removed by the same synchronous call; ``remove()`` must run before that call returns.
final class TerminalHook {
    private let sink: (@Sendable (String) -> Void)?
    private var pending = ""
    /// Everything GLPK printed, kept for error messages (only the last few kilobytes).
    private(set) var transcript = ""

    private init(sink: (@Sendable (String) -> Void)?) {
        self.sink = sink
    }

    /// Installs a hook that forwards complete lines to `sink`, or swallows them when it is nil.
    static func install(_ sink: (@Sendable (String) -> Void)?) -> TerminalHook {
        let hook = TerminalHook(sink: sink)
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<TerminalHook>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
            return 1  // non-zero: GLPK must not print the text itself
        }, Unmanaged.passUnretained(hook).toOpaque())
        return hook
    }

    /// Removes the hook and flushes a final partial line.
    func remove() {
        glp_term_hook(nil, nil)
        if !pending.isEmpty {
            sink?(pending)
            pending = ""
        }
    }

    private func receive(_ text: String) {
        transcript += text
        if transcript.utf8.count > 8192 { transcript = String(transcript.suffix(4096)) }
        guard let sink else { return }
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            sink(String(pending[..<newline]))
            pending.removeSubrange(...newline)
        }
    }
}

@available(*, unavailable)
extension TerminalHook: Sendable {}
