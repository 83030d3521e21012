/// Reads a TOML 1.0 document into a `TOMLTable` that remembers where every key and value was written.
///
/// Errors are collected rather than thrown one by one: a syntax error ends its line, and reading goes on with the
/// next line when that is safe (the broken statement fitted on its line and its brackets balanced); keys and tables
/// defined twice never stop the reading, so all of them are reported together.
public struct TOMLParser {
    var scanner: TOMLScanner
    var builder: TOMLTableBuilder
    var syntaxErrors: [Diagnostic] = []

    /// Past this many syntax errors the rest of the file is unlikely to be worth reading.
    static let maximumSyntaxErrors = 50
    /// Arrays and inline tables nested deeper than this are rejected, and so are keys whose tables lie deeper, so that
    /// hostile input cannot exhaust the stack.
    static let maximumNesting = 100

    private init(_ text: String, file: String) {
        scanner = TOMLScanner(text, file: file)
        builder = TOMLTableBuilder(file: file)
    }

    /// Parses `text`, naming `file` in every location.
    ///
    /// - Returns: The top-level table.
    /// - Throws: `DiagnosticsError` with every syntax error and redefinition found, in file order.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> TOMLTable {
        var parser = TOMLParser(text, file: file)
        parser.parseDocument()
        let problems = parser.syntaxErrors + parser.builder.diagnostics
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return parser.builder.root.makeTable()
    }

    /// Parses the bytes of a file, which TOML requires to be UTF-8.
    ///
    /// - Returns: The top-level table.
    /// - Throws: `DiagnosticsError` naming the position of the first invalid UTF-8 sequence, or everything that
    ///   `parse(_:file:)` reports.
    public static func parse(utf8 bytes: some Sequence<UInt8>, file: String) throws(DiagnosticsError) -> TOMLTable {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var line = 1
        var column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if !(scalar == "\u{FEFF}" && scalars.count == 1) {
                    // The scanner drops a leading byte order mark, so it takes no column here either.
                    column += 1
                }
            case .emptyInput:
                break decoding
            case .error:
                let location = SourceLocation(file: file, line: line, column: column)
                throw DiagnosticsError([Diagnostic(location, "the file is not valid UTF-8")])
            }
        }
        return try parse(String(scalars), file: file)
    }

    // MARK: - Document

    private mutating func parseDocument() {
        while !scanner.isAtEnd {
            scanner.skipWhitespace()
            let start = scanner.position
            let isHeader = scanner.peek() == "["
            let section = builder.section
            do throws(TOMLSyntaxError) {
                try parseStatement()
            } catch {
                syntaxErrors.append(Diagnostic(scanner.location(at: error.index), error.message))
                if isHeader && builder.section == section {
                    builder.skipBrokenHeader(at: scanner.location(at: start))
                }
                guard syntaxErrors.count < TOMLParser.maximumSyntaxErrors,
                      canRecover(from: error, statementStart: start, isHeader: isHeader)
                else { return }
                scanner.position = scanner.startOfNextLine(after: error.index)
            }
        }
    }

    /// Reads one line's statement (nothing, a header or a key/value pair) and its line ending.
    private mutating func parseStatement() throws(TOMLSyntaxError) {
        switch scanner.peek() {
        case nil, "#", "\n", "\r":
            break
        case "[":
            try parseHeader()
        default:
            let start = scanner.position
            let key = try parseKey()
            try checkTableDepth(builder.current.path.count + key.count, keyAt: start)
            try expectEquals(after: key)
            let value = try parseValue(path: builder.current.path + key.map(\.name), depth: 0)
            builder.assign(key, value, in: builder.current)
        }
        try expectEndOfLine()
    }

    /// Reads `[a.b]` or `[[a.b]]` and makes its table the current one.
    private mutating func parseHeader() throws(TOMLSyntaxError) {
        let start = scanner.position
        let isArray = scanner.peek(1) == "["
        scanner.advance(isArray ? 2 : 1)
        let keyStart = scanner.position
        let key = try parseKey()
        try checkTableDepth(key.count, keyAt: keyStart)
        scanner.skipWhitespace()
        let closing = isArray ? "]]" : "]"
        guard scanner.lookingAt(closing) else {
            throw scanner.error("expected '\(closing)' to close the \(isArray ? "array of tables" : "table") header, found \(scanner.describeCurrent)")
        }
        scanner.advance(closing.unicodeScalars.count)
        let location = scanner.location(at: start)
        if isArray {
            builder.appendArrayElement(key, at: location)
        } else {
            builder.defineTable(key, at: location)
        }
    }

    /// Requires the rest of the line to be blank or a comment, and consumes its line ending.
    private mutating func expectEndOfLine() throws(TOMLSyntaxError) {
        scanner.skipWhitespace()
        try scanner.skipComment()
        if scanner.isAtEnd || scanner.skipNewline() { return }
        if scanner.peek() == "\r" {
            throw scanner.error("a carriage return must be followed by a line feed")
        }
        throw scanner.error("expected the end of the line, found \(scanner.describeCurrent); each key = value pair needs its own line")
    }

    /// Whether reading can safely go on with the line after a syntax error.
    ///
    /// A statement that ended on its own line cannot have swallowed the next one; a key/value pair whose brackets
    /// do not balance on its line may continue on the next lines, which would then be read wrongly.
    private func canRecover(from error: TOMLSyntaxError, statementStart: Int, isHeader: Bool) -> Bool {
        guard scanner.lineIndex(of: error.index) == scanner.lineIndex(of: statementStart) else { return false }
        return isHeader || bracketsBalance(from: statementStart)
    }

    /// Whether `[`/`]` and `{`/`}` balance between `start` and the end of its line, ignoring quoted text and
    /// comments (roughly: an unterminated quote simply runs to the end of the line).
    private func bracketsBalance(from start: Int) -> Bool {
        var depth = 0
        var quote: Unicode.Scalar?
        var index = start
        while index < scanner.scalars.count, scanner.scalars[index] != "\n" {
            let scalar = scanner.scalars[index]
            if let open = quote {
                if scalar == "\\" && open == "\"" {
                    index += 1
                } else if scalar == open {
                    quote = nil
                }
            } else {
                switch scalar {
                case "\"", "'": quote = scalar
                case "[", "{": depth += 1
                case "]", "}": depth -= 1
                case "#": return depth == 0
                default: break
                }
            }
            index += 1
        }
        return depth == 0
    }

    // MARK: - Keys

    /// Rejects a key whose value would sit more than ``maximumNesting`` tables deep, counting the dotted parts of
    /// the header, of the key and of the inline tables around it: deeper paths exhausted the stack (a 10,000-part
    /// dotted key crashed after 5 s and 1 GB).
    func checkTableDepth(_ depth: Int, keyAt start: Int) throws(TOMLSyntaxError) {
        if depth > TOMLParser.maximumNesting {
            throw scanner.error("keys and tables are nested more than \(TOMLParser.maximumNesting) deep "
                                + "(counting every dotted part)", at: start)
        }
    }

    /// Reads a key with its dotted parts (`a."b c".d`), with whitespace allowed around the dots.
    mutating func parseKey() throws(TOMLSyntaxError) -> [TOMLKeyPart] {
        var parts: [TOMLKeyPart] = []
        while true {
            scanner.skipWhitespace()
            parts.append(try parseSimpleKey())
            scanner.skipWhitespace()
            guard scanner.peek() == "." else { return parts }
            scanner.advance()
        }
    }

    private mutating func parseSimpleKey() throws(TOMLSyntaxError) -> TOMLKeyPart {
        let start = scanner.position
        let location = scanner.location(at: start)
        switch scanner.peek() {
        case "\"", "'":
            if scanner.lookingAt("\"\"\"") || scanner.lookingAt("'''") {
                throw scanner.error("a key cannot be a multi-line string")
            }
            let name = scanner.peek() == "\"" ? try parseBasicString() : try parseLiteralString()
            return TOMLKeyPart(name: name, location: location)
        case let scalar? where TOMLKey.isBareKeyScalar(scalar):
            var name = ""
            while let next = scanner.peek(), TOMLKey.isBareKeyScalar(next) {
                name.unicodeScalars.append(next)
                scanner.advance()
            }
            return TOMLKeyPart(name: name, location: location)
        default:
            if let scalar = scanner.peek(), !scanner.isAtNewline, scalar.properties.isAlphabetic {
                throw scanner.error("\(TOMLScanner.describe(scalar)) cannot be used in a bare key; put the key in quotes")
            }
            throw scanner.error("expected a key, found \(scanner.describeCurrent)")
        }
    }

    /// Consumes the `=` between a key and its value, with the spaces around it.
    mutating func expectEquals(after key: [TOMLKeyPart]) throws(TOMLSyntaxError) {
        scanner.skipWhitespace()
        guard scanner.peek() == "=" else {
            throw scanner.error("expected '=' after the key '\(TOMLKey.display(key.map(\.name)))', found \(scanner.describeCurrent)")
        }
        scanner.advance()
        scanner.skipWhitespace()
    }
}
