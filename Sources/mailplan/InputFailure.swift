import ArgumentParser
import Foundation
import MailPlan

/// The exit codes of BSD's sysexits.h that mailplan's commands use for their input.
enum ExitStatus {
    /// `EX_USAGE`: the command line is wrong (swift-argument-parser's own code for a `ValidationError`).
    static let usage: Int32 = 64
    /// `EX_DATAERR`: an input file is readable but its content is wrong.
    static let dataError: Int32 = 65
    /// `EX_NOINPUT`: an input file is missing or cannot be read.
    static let noInput: Int32 = 66
    /// `EX_CANTCREAT`: an output file cannot be written.
    static let cannotCreate: Int32 = 73
    /// `EX_SOFTWARE`: a planner made a plan that breaks a rule of DESIGN §5 (a defect of mailplan, not of the input).
    static let internalError: Int32 = 70
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs `body`, which loads input files; on an input problem prints it to standard error and exits with the code
/// the CLI promises: every diagnostic and 65 for bad content, a message and 66 for a file that cannot be read.
///
/// - Parameter hint: a sentence added to the message of a file that cannot be read, such as where a default
///   came from; nil for none.
func reportingInputErrors<T>(hint: (InputFileError) -> String? = { _ in nil }, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DiagnosticsError {
        error.diagnostics.forEach { printError($0.description) }
        throw ExitCode(ExitStatus.dataError)
    } catch let error as InputFileError {
        printError("mailplan: \(error)" + (hint(error).map { " (\($0))" } ?? ""))
        throw ExitCode(ExitStatus.noInput)
    } catch let error as BundledBook.NotFound {
        printError("mailplan: \(error)")
        throw ExitCode(ExitStatus.noInput)
    }
}

/// Runs `body`, which checks plans mailplan made or works from them; on a ``PlanDefect`` prints it to standard error
/// and exits with 70 (`EX_SOFTWARE`) before anything is written.
func reportingDefects<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let defect as PlanDefect {
        printError("mailplan: internal error (nothing was written): \(defect)")
        throw ExitCode(ExitStatus.internalError)
    }
}
