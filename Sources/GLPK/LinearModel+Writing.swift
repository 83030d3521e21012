import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LinearModel {
    /// The file formats GLPK writes.
    public enum FileFormat: Sendable, Hashable, CaseIterable {
        /// Free MPS (`glp_write_mps` with `GLP_MPS_FILE`). MPS has no objective sense: a maximisation reads
        /// back as a minimisation in most readers.
        case freeMPS
        /// CPLEX LP (`glp_write_lp`), which keeps the objective sense.
        case cplexLP
    }

    /// Writes the model to `path` in `format`, atomically: the file appears complete or not at all, and an
    /// existing file is replaced only when the new one is fully written.
    ///
    /// GLPK prints while writing even at its quietest level; that output is captured, never printed.
    /// See the GLPK reference manual, §2.12 (`glp_write_mps`, `glp_write_lp`).
    /// - Throws: ``GLPKError/invalidModel(_:)`` for a model that fails ``validate()``;
    ///   ``GLPKError/writeFailed(path:reason:)`` when the file cannot be written.
    public func write(to path: String, format: FileFormat) throws(GLPKError) {
        try validate()
        guard !path.isEmpty else { throw .writeFailed(path: path, reason: "the path is empty") }
        let temporary = Self.temporaryPath(beside: path)
        let hook = TerminalHook.install(nil)
        defer { hook.remove() }
        let problem = Problem(self, relaxed: false)
        let code: Int32
        switch format {
        case .freeMPS: code = glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, temporary)
        case .cplexLP: code = glp_write_lp(problem.pointer, nil, temporary)
        }
        guard code == 0 else {
            unlink(temporary)
            let said = hook.transcript.split(separator: "\n").last.map(String.init) ?? "GLPK could not write it"
            throw .writeFailed(path: path, reason: said)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// A unique file name in the destination's folder, so that the final rename stays on one file system.
    private static func temporaryPath(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(file).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
}
