import Foundation
import MailPlan
import Testing

/// The loader fixtures in `Fixtures/`, found through `#filePath` so that the test target needs no resources.
///
/// `base/` holds a small valid site and week in the template's format; `site/` and `week/` hold copies of them that
/// change one thing each (the first line of each file says what).
enum LoaderFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The checkout's root folder, which holds `Tests/MailPlanTests/Fixtures`.
    static let checkout = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a fixture, such as `site/zero-rate.toml`.
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static var baseSite: String { path("base/site.toml") }
    static var baseWeek: String { path("base/week.csv") }
}

/// A diagnostic as a test expects it: where in the fixture, and the exact message.
struct ExpectedDiagnostic: Hashable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int
    var message: String

    init(_ line: Int, _ column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    var description: String { "\(line):\(column): \(message)" }
}

/// The diagnostics `body` throws, as `Expected` values; a diagnostic of a file other than `file` keeps the file at
/// the start of its message so that a test sees it. Records an issue when `body` throws anything else or nothing.
func diagnostics(in file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                 _ body: () throws -> Void) -> [ExpectedDiagnostic] {
    do {
        try body()
        Issue.record("expected diagnostics, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as DiagnosticsError {
        return error.diagnostics.map { diagnostic in
            let location = diagnostic.location
            let message = location.file == file ? diagnostic.message : "[\(location.file)] \(diagnostic.message)"
            return ExpectedDiagnostic(location.line, location.column, message)
        }
    } catch {
        Issue.record("expected diagnostics, but \(type(of: error)) was thrown: \(error)",
                     sourceLocation: sourceLocation)
    }
    return []
}
