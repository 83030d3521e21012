/// A JSON value and the line and column where it starts, so that problems in a hand-made or damaged plan.json
/// can be reported as `file:line:column: error: message`.
///
/// Foundation's JSON readers say what is wrong but not where. ``LocatedJSON/parse(_:file:)`` is a small
/// RFC 8259 parser that stops at the first syntax error with its exact position; the tree it returns lets a
/// `DecodingError`'s coding path be pointed at as well (``node(at:)``). Columns count Unicode scalars, as every
/// mailplan diagnostic does.
struct LocatedJSON: Sendable {
    enum Value: Sendable {
        case object([Member])
        case array([LocatedJSON])
        case string(String)
        /// The number as written.
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member: Sendable {
        var key: String
        var value: LocatedJSON
    }

    var value: Value
    var line: Int
    var column: Int

    /// What kind of value this is, for messages: "an object", "a string", "null", ….
    var kindDescription: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool(let value): "\(value)"
        case .null: "null"
        }
    }

    /// The members of an object; nil for other values.
    var members: [Member]? {
        if case .object(let members) = value { members } else { nil }
    }

    /// The value of `key` in an object (the last one, as JSON readers take it); nil when absent or not an object.
    subscript(key: String) -> LocatedJSON? {
        members?.last { $0.key == key }?.value
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    subscript(index: Int) -> LocatedJSON? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The deepest value along `path` (object keys and array indices, as a `DecodingError` gives them): the value
    /// itself when it exists, otherwise the last container on the way that does.
    func node(at path: [any CodingKey]) -> LocatedJSON {
        var current = self
        for key in path {
            let next: LocatedJSON? = if case .array = current.value, let index = key.intValue {
                current[index]
            } else {
                current[key.stringValue]
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// Where this value starts in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Parses a whole JSON text (UTF-8, an optional byte-order mark skipped).
    ///
    /// - Returns: the top-level value with the position of every value in it.
    /// - Throws: `DiagnosticsError` with one diagnostic at the first syntax error.
    static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> LocatedJSON {
        var parser = JSONTextParser(bytes: bytes)
        do throws(JSONSyntaxError) {
            return try parser.document()
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: file, line: error.line, column: error.column),
                                               error.message)])
        }
    }
}

/// The syntax error ``JSONTextParser`` stops at.
struct JSONSyntaxError: Error {
    var line: Int
    var column: Int
    var message: String
}

/// A recursive-descent parser over UTF-8 bytes that tracks line and column as it goes.
struct JSONTextParser {
    /// Deeper nesting is refused rather than risking the stack; a plan.json is 4 levels deep.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func document() throws(JSONSyntaxError) -> LocatedJSON {
        skipWhitespace()
        guard index < bytes.count else {
            throw failure(line == 1 && column == 1 ? "the file is empty; a plan.json holds one JSON object"
                                                   : "the file ends where a JSON value was expected")
        }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw failure("unexpected \(describeCharacter()) after the end of the JSON value")
        }
        return value
    }

    // MARK: Reading bytes

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte, counting lines and Unicode scalars (continuation bytes do not start a column).
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    private func failure(_ message: String, at start: (line: Int, column: Int)) -> JSONSyntaxError {
        JSONSyntaxError(line: start.line, column: start.column, message: message)
    }

    /// The character at the current position for a message: `'x'`, `U+00A0`, `byte 0xFF` or `the end of the file`.
    private func describeCharacter() -> String {
        guard let byte = current else { return "the end of the file" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "U+\(hex(UInt32(byte), digits: 4))" }
        if let (scalar, _) = utf8Scalar(at: index) {
            return "'\(Character(scalar))' (U+\(hex(scalar.value, digits: 4)))"
        }
        return "byte 0x\(hex(UInt32(byte), digits: 2)), which is not UTF-8"
    }

    private func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The Unicode scalar encoded at `start` and its length in bytes, or nil for a malformed sequence.
    private func utf8Scalar(at start: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[start]
        let (length, minimum): (Int, UInt32)
        switch lead {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
        default: return nil
        }
        guard start + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[start + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> LocatedJSON {
        let start = (line: line, column: column)
        guard let byte = current else { throw failure("the file ends where a JSON value was expected") }
        let value: LocatedJSON.Value
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try parseNumber())
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            value = try parseWord()
        default:
            throw failure("unexpected \(describeCharacter()); expected a JSON value")
        }
        return LocatedJSON(value: value, line: start.line, column: start.column)
    }

    /// `true`, `false` or `null`; any other bare word (NaN, Infinity, undefined, …) is an error at its start.
    private mutating func parseWord() throws(JSONSyntaxError) -> LocatedJSON.Value {
        var end = index
        while end < bytes.count, case let byte = bytes[end],
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
              || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") {
            end += 1
        }
        let word = String(decoding: bytes[index..<end], as: UTF8.self)
        let value: LocatedJSON.Value
        switch word {
        case "true": value = .bool(true)
        case "false": value = .bool(false)
        case "null": value = .null
        default:
            throw failure("'\(word)' is not a JSON value (true, false, null, a number, a string, an array or an object)")
        }
        while index < end { advance() }
        return value
    }

    /// Moves past an opening bracket; true when the container is empty (its closing bracket is passed too).
    private mutating func open(closing: UInt8, depth: Int) throws(JSONSyntaxError) -> Bool {
        guard depth <= Self.maximumDepth else { throw failure("values are nested more than \(Self.maximumDepth) deep") }
        advance()
        skipWhitespace()
        guard current == closing else { return false }
        advance()
        return true
    }

    /// Moves past what follows a member or an element: true at the closing bracket, false at a comma.
    private mutating func close(_ closing: UInt8, _ container: String, startingAt start: (line: Int, column: Int),
                                after what: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        switch current {
        case UInt8(ascii: ","):
            advance()
            return false
        case closing:
            advance()
            return true
        case nil:
            throw failure("the file ends inside the \(container) that starts at line \(start.line), column \(start.column)")
        default:
            throw failure("unexpected \(describeCharacter()); expected ',' or '\(Character(Unicode.Scalar(closing)))' after \(what)")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> LocatedJSON.Value {
        let start = (line: line, column: column)
        var members: [LocatedJSON.Member] = []
        var firstSeen: [String: (line: Int, column: Int)] = [:]
        if try open(closing: UInt8(ascii: "}"), depth: depth) { return .object(members) }
        while true {
            skipWhitespace()
            guard let byte = current else {
                throw failure("the file ends inside the object that starts at line \(start.line), column \(start.column)")
            }
            guard byte == UInt8(ascii: "\"") else {
                throw failure(byte == UInt8(ascii: "}") && !members.isEmpty
                    ? "a comma before '}': remove the comma after the last member"
                    : "unexpected \(describeCharacter()); expected a key in double quotes")
            }
            let keyStart = (line: line, column: column)
            let key = try parseString()
            if let first = firstSeen[key] {
                throw failure("the key '\(key)' appears twice in one object (first at line \(first.line), "
                    + "column \(first.column))", at: keyStart)
            }
            firstSeen[key] = keyStart
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw failure("unexpected \(describeCharacter()); expected ':' after the key '\(key)'")
            }
            advance()
            skipWhitespace()
            members.append(LocatedJSON.Member(key: key, value: try parseValue(depth: depth)))
            if try close(UInt8(ascii: "}"), "object", startingAt: start, after: "the value of '\(key)'") {
                return .object(members)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> LocatedJSON.Value {
        let start = (line: line, column: column)
        var elements: [LocatedJSON] = []
        if try open(closing: UInt8(ascii: "]"), depth: depth) { return .array(elements) }
        while true {
            skipWhitespace()
            switch current {
            case nil:
                throw failure("the file ends inside the array that starts at line \(start.line), column \(start.column)")
            case UInt8(ascii: "]") where !elements.isEmpty:
                throw failure("a comma before ']': remove the comma after the last element")
            default:
                break
            }
            elements.append(try parseValue(depth: depth))
            if try close(UInt8(ascii: "]"), "array", startingAt: start, after: "an array element") {
                return .array(elements)
            }
        }
    }

    /// A string from its opening quote; errors point at the offending character.
    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = (line: line, column: column)
        advance()
        var scalars = String.UnicodeScalarView()
        while true {
            guard let byte = current else {
                throw failure("the file ends inside the string that starts at line \(start.line), column \(start.column)")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(scalars)
            case UInt8(ascii: "\\"):
                scalars.append(try parseEscape())
            case 0x00..<0x20:
                throw failure(byte == 0x0A
                    ? "the string that starts at line \(start.line), column \(start.column) is not closed on its line"
                    : "a control character (U+\(hex(UInt32(byte), digits: 4))) inside a string; write it as an escape")
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(byte))
                advance()
            default:
                guard let (scalar, length) = utf8Scalar(at: index) else {
                    throw failure("byte 0x\(hex(UInt32(byte), digits: 2)) is not UTF-8; a plan.json is UTF-8 text")
                }
                scalars.append(scalar)
                for _ in 0..<length { advance() }
            }
        }
    }

    /// One escape from its backslash: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` or `\uXXXX` (surrogate pairs
    /// joined; a lone surrogate is an error, since it is no character).
    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = (line: line, column: column)
        advance()
        guard let byte = current else { throw failure("the file ends inside an escape") }
        let simple: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{08}",
            UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
        ]
        if let scalar = simple[byte] {
            advance()
            return scalar
        }
        guard byte == UInt8(ascii: "u") else {
            let escape = (0x21..<0x7F).contains(byte) ? "'\\\(Character(Unicode.Scalar(byte)))'" : describeCharacter()
            throw failure("\(escape) is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: start)
        }
        advance()
        let first = try hexQuad(escapeStart: start)
        switch first {
        case 0xD800...0xDBFF:
            let lowStart = (line: line, column: column)
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("\\u\(hex(first, digits: 4)) is half of a surrogate pair without its other half", at: start)
            }
            advance()
            advance()
            let second = try hexQuad(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure("\\u\(hex(first, digits: 4)) is half of a surrogate pair without its other half", at: start)
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw failure("\\u\(hex(first, digits: 4)) is half of a surrogate pair without its other half", at: start)
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func hexQuad(escapeStart: (line: Int, column: Int)) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = UInt32(String(Unicode.Scalar(byte)), radix: 16) else {
                throw failure("\\u must be followed by four hex digits", at: escapeStart)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let begin = index
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
        if current == UInt8(ascii: "-") { advance() }
        guard isDigit(current) else { throw failure("unexpected \(describeCharacter()); a number needs a digit here") }
        if current == UInt8(ascii: "0") {
            advance()
            if isDigit(current) { throw failure("a number cannot have a leading zero") }
        } else {
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard isDigit(current) else { throw failure("unexpected \(describeCharacter()); a digit must follow '.'") }
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard isDigit(current) else {
                throw failure("unexpected \(describeCharacter()); a digit must follow the exponent")
            }
            while isDigit(current) { advance() }
        }
        return String(decoding: bytes[begin..<index], as: UTF8.self)
    }
}
