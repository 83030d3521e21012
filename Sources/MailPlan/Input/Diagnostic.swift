/// A position in an input file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as the user named it (kept as given so messages match the command line).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number, in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One problem found in an input file, printed as `file:line:column: error: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is; only errors make an input unusable.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Thrown by loaders after they have collected every problem in their input.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Every problem, in file, line and column order.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
