/// Gathers the problems a loader finds so that it can report all of them at once.
///
/// It is a class so that every `TOMLReader` made from one file (one per table) writes into the same list, however
/// the loader passes readers around. Reporting the same problem twice (a loader reading a key twice) keeps one.
public final class DiagnosticCollector {
    /// Every problem reported so far, in the order reported.
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    /// Records `diagnostic` unless the same one is already recorded.
    public func report(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted {
            diagnostics.append(diagnostic)
        }
    }

    /// Records an error at `location`.
    public func error(_ message: String, at location: SourceLocation) {
        report(Diagnostic(location, message))
    }

    /// Records a warning at `location`; warnings alone do not make `throwIfErrors()` throw.
    public func warning(_ message: String, at location: SourceLocation) {
        report(Diagnostic(location, message, severity: .warning))
    }

    /// Records every diagnostic of a failed step, such as a parse.
    public func report(contentsOf error: DiagnosticsError) {
        error.diagnostics.forEach(report)
    }

    /// Whether any error (not just warnings) has been recorded.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// Throws everything recorded, warnings included, if any of it is an error.
    ///
    /// - Throws: `DiagnosticsError` with the diagnostics sorted by position.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(diagnostics) }
    }
}

// The collector is filled by one loader on one task; sharing it across tasks would interleave unrelated files'
// reports and race on the array, so it is deliberately not Sendable.
@available(*, unavailable)
extension DiagnosticCollector: Sendable {}
