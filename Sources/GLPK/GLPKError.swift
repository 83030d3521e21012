/// Why a model could not be solved or written. Infeasible, unbounded and time-limited solves are not
/// errors: they are ``Termination`` values of a ``Solution``.
public enum GLPKError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model has problems that would make GLPK abort; every one is listed.
    case invalidModel([ModelIssue])
    /// A solve parameter is out of range.
    case invalidParameter(String)
    /// The starting solution does not fit the model (wrong size, out of bounds, fractional, or violating a
    /// constraint); it is checked because GLPK accepts infeasible points without checking them.
    case invalidStart(String)
    /// A model file could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidModel(let issues):
            let shown = issues.prefix(20).map { "  \($0)" }
            let more = issues.count > 20 ? ["  … and \(issues.count - 20) more"] : []
            return (["invalid model (\(issues.count) issue\(issues.count == 1 ? "" : "s")):"] + shown + more)
                .joined(separator: "\n")
        case .invalidParameter(let message):
            return "invalid solve parameter: \(message)"
        case .invalidStart(let message):
            return "invalid starting solution: \(message)"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
