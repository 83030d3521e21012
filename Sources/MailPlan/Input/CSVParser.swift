/// Splits CSV text into records and fields, tracking the line and column of every field and collecting every
/// syntax problem as a diagnostic instead of stopping at the first.
///
/// `CSVTable` describes the accepted format; this type only implements it. The parser works on Unicode scalars
/// because `SourceLocation` counts columns in scalars, and because Swift's `Character` would merge CR LF into one
/// character and a quote with a following combining mark into another.
struct CSVParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    /// Every problem found so far, in the order found.
    private(set) var diagnostics: [Diagnostic] = []

    /// Whether the text has nothing in it at all (not even whitespace).
    var isEmpty: Bool { scalars.isEmpty }

    init(text: String, file: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        self.scalars = scalars
        self.file = file
    }

    /// Reads every record that is not skipped, the header included.
    ///
    /// A record whose quoted field never closes is left out: it runs to the end of the file, so its field count
    /// means nothing, and its diagnostic says what is wrong.
    mutating func parseRecords() -> [CSVTable.Record] {
        var records: [CSVTable.Record] = []
        while index < scalars.count {
            if isSkippableLine() {
                skipLine()
                continue
            }
            guard let fields = parseRecord() else { break }
            if fields.contains(where: { !$0.text.isEmpty }) {
                records.append(CSVTable.Record(fields: fields, location: fields[0].location))
            }
        }
        return records
    }

    // MARK: - Records and fields

    /// Reads one record from the start of a line through its line break, or returns `nil` at an unclosed quote.
    private mutating func parseRecord() -> [CSVTable.Field]? {
        var fields: [CSVTable.Field] = []
        while true {
            guard let field = parseField() else { return nil }
            fields.append(field)
            guard let scalar = current else { return fields }
            advance()
            // A field ends only at a separator or a line break; CR LF is one break.
            if scalar == "\r", current == "\n" {
                advance()
            }
            if scalar != "," {
                return fields
            }
        }
    }

    /// Reads one field up to (not including) the separator or line break that ends it.
    private mutating func parseField() -> CSVTable.Field? {
        let start = location
        skipSpacesAndTabs()
        if current == "\"" {
            return parseQuotedField()
        }
        let first = location
        var text = String.UnicodeScalarView()
        var reportedQuote = false
        while let scalar = current, !Self.endsField(scalar) {
            if scalar == "\"", !reportedQuote {
                report(at: location, "a quote (\") inside a field that does not start with a quote; "
                    + "put the whole field in quotes and double the quote (\"\")")
                reportedQuote = true
            }
            text.append(scalar)
            advance()
        }
        while let last = text.last, Self.isSpaceOrTab(last) {
            text.removeLast()
        }
        return CSVTable.Field(text: String(text), location: text.isEmpty ? start : first)
    }

    /// Reads a quoted field from its opening quote, or returns `nil` when the quote never closes.
    private mutating func parseQuotedField() -> CSVTable.Field? {
        let opening = location
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else {
                report(at: opening, "this quoted field is never closed: there is no closing quote (\") "
                    + "before the end of the file")
                return nil
            }
            advance()
            if scalar == "\"" {
                guard current == "\"" else { break }
                advance()
            }
            text.append(scalar)
        }
        skipSpacesAndTabs()
        if let scalar = current, !Self.endsField(scalar) {
            report(at: location, "unexpected text after the closing quote of a quoted field; "
                + "a quote inside a quoted field must be doubled (\"\")")
            while let scalar = current, !Self.endsField(scalar) {
                advance()
            }
        }
        return CSVTable.Field(text: String(text), location: opening)
    }

    // MARK: - Skipped lines

    /// Whether the line that starts here is blank (whitespace only) or a comment (`#` first).
    private func isSkippableLine() -> Bool {
        if current == "#" {
            return true
        }
        var probe = index
        while probe < scalars.count, !Self.isLineBreak(scalars[probe]) {
            guard scalars[probe].properties.isWhitespace else { return false }
            probe += 1
        }
        return true
    }

    /// Moves past the rest of the current line and its line break.
    private mutating func skipLine() {
        while let scalar = current, !Self.isLineBreak(scalar) {
            advance()
        }
        if current == "\r" {
            advance()
        }
        if current == "\n" {
            advance()
        }
    }

    // MARK: - Position

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Moves past one scalar, counting CR LF, LF and CR as one line break each.
    private mutating func advance() {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private mutating func skipSpacesAndTabs() {
        while let scalar = current, Self.isSpaceOrTab(scalar) {
            advance()
        }
    }

    private mutating func report(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    private static func endsField(_ scalar: Unicode.Scalar) -> Bool { scalar == "," || isLineBreak(scalar) }

    private static func isSpaceOrTab(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}
