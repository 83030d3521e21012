// Values after `=`: the dispatch on the first character, arrays and inline tables. Numbers, dates and times are in
// TOMLParser+Numbers.swift, strings in TOMLParser+Strings.swift.
extension TOMLParser {
    /// Reads one value starting at the current position.
    ///
    /// - Parameters:
    ///   - path: The key path the value is stored under, given to inline tables for their messages.
    ///   - depth: How many arrays and inline tables enclose the value.
    ///   - isArrayElement: Whether the value is an element of an array (marks inline tables as array elements).
    mutating func parseValue(path: [String], depth: Int, isArrayElement: Bool = false) throws(TOMLSyntaxError) -> TOMLValue {
        let start = scanner.position
        let location = scanner.location(at: start)
        guard let first = scanner.peek(), !scanner.isAtNewline else {
            throw scanner.error("expected a value, found \(scanner.describeCurrent)")
        }
        switch first {
        case "\"":
            let text = scanner.lookingAt("\"\"\"") ? try parseMultiLineString(quote: "\"") : try parseBasicString()
            return TOMLValue(.string(text), at: location)
        case "'":
            let text = scanner.lookingAt("'''") ? try parseMultiLineString(quote: "'") : try parseLiteralString()
            return TOMLValue(.string(text), at: location)
        case "[":
            return try parseArray(path: path, depth: depth + 1)
        case "{":
            return try parseInlineTable(path: path, depth: depth + 1, isArrayElement: isArrayElement)
        case "0"..."9", "+", "-", "a"..."z", "A"..."Z", "_":
            let token = scanToken()
            return TOMLValue(try scalarValue(token, at: start), at: location)
        default:
            if first.properties.isAlphabetic {
                throw scanner.error("invalid value '\(String(String.UnicodeScalarView(scanWord())))'; text must be in quotes", at: start)
            }
            throw scanner.error("expected a value, found \(scanner.describeCurrent)")
        }
    }

    /// Reads `[ ... ]`, which may span lines and hold comments and a trailing comma.
    private mutating func parseArray(path: [String], depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = scanner.position
        let location = scanner.location(at: start)
        try checkNesting(depth)
        scanner.advance()
        var elements: [TOMLValue] = []
        while true {
            try scanner.skipWhitespaceCommentsAndNewlines()
            if scanner.peek() == "]" { break }
            if scanner.isAtEnd { throw unclosed("array", at: location) }
            elements.append(try parseValue(path: path, depth: depth, isArrayElement: true))
            try scanner.skipWhitespaceCommentsAndNewlines()
            if scanner.peek() == "," {
                scanner.advance()
            } else if scanner.peek() == "]" {
                break
            } else if scanner.isAtEnd {
                throw unclosed("array", at: location)
            } else {
                throw scanner.error("expected ',' or ']' after an array element, found \(scanner.describeCurrent)")
            }
        }
        scanner.advance()
        return TOMLValue(.array(elements), at: location)
    }

    /// Reads `{ key = value, ... }`, which TOML 1.0 keeps on one line and without a trailing comma.
    private mutating func parseInlineTable(path: [String], depth: Int,
                                           isArrayElement: Bool) throws(TOMLSyntaxError) -> TOMLValue {
        let location = scanner.location(at: scanner.position)
        try checkNesting(depth)
        scanner.advance()
        let table = TOMLTableNode(origin: .inline, location: location, path: path, isArrayElement: isArrayElement)
        scanner.skipWhitespace()
        if scanner.peek() == "}" {
            scanner.advance()
            return TOMLValue(.table(table.makeTable()), at: location)
        }
        while true {
            scanner.skipWhitespace()
            if scanner.isAtEnd || scanner.isAtNewline { throw notOnOneLine() }
            let keyStart = scanner.position
            let key = try parseKey()
            try checkTableDepth(path.count + key.count, keyAt: keyStart)
            try expectEquals(after: key)
            let value = try parseValue(path: path + key.map(\.name), depth: depth)
            builder.assign(key, value, in: table)
            scanner.skipWhitespace()
            if scanner.peek() == "," {
                scanner.advance()
                scanner.skipWhitespace()
                if scanner.peek() == "}" {
                    throw scanner.error("an inline table cannot end with a comma (TOML 1.0)")
                }
            } else if scanner.peek() == "}" {
                scanner.advance()
                return TOMLValue(.table(table.makeTable()), at: location)
            } else if scanner.isAtEnd || scanner.isAtNewline {
                throw notOnOneLine()
            } else {
                throw scanner.error("expected ',' or '}' in the inline table, found \(scanner.describeCurrent)")
            }
        }
    }

    private func notOnOneLine() -> TOMLSyntaxError {
        scanner.error("an inline table must be closed with '}' on the same line (TOML 1.0); use a [table] header for a longer table")
    }

    private func unclosed(_ what: String, at location: SourceLocation) -> TOMLSyntaxError {
        scanner.error("the \(what) opened at line \(location.line), column \(location.column) is not closed")
    }

    private func checkNesting(_ depth: Int) throws(TOMLSyntaxError) {
        if depth > TOMLParser.maximumNesting {
            throw scanner.error("arrays and inline tables are nested more than \(TOMLParser.maximumNesting) deep")
        }
    }

    // MARK: - Bare tokens

    /// Consumes the characters that can form a number, boolean, date or time (`A-Za-z0-9_+-.:`), joining a date
    /// and a time separated by one space (`2026-12-07 07:30:00`), which RFC 3339 allows.
    private mutating func scanToken() -> [Unicode.Scalar] {
        var token = scanTokenRun()
        if token.count == 10, token[4] == "-", token[7] == "-", scanner.peek() == " ",
           TOMLScanner.isDigit(scanner.peek(1)), TOMLScanner.isDigit(scanner.peek(2)), scanner.peek(3) == ":" {
            scanner.advance()
            token.append(" ")
            token += scanTokenRun()
        }
        return token
    }

    private mutating func scanTokenRun() -> [Unicode.Scalar] {
        var token: [Unicode.Scalar] = []
        while let scalar = scanner.peek() {
            switch scalar {
            case "0"..."9", "a"..."z", "A"..."Z", "_", "+", "-", ".", ":":
                token.append(scalar)
                scanner.advance()
            default:
                return token
            }
        }
        return token
    }

    /// Consumes a run of characters up to the next delimiter, to quote an unquoted word in a message.
    private mutating func scanWord() -> [Unicode.Scalar] {
        var word: [Unicode.Scalar] = []
        while let scalar = scanner.peek(), !scanner.isAtNewline {
            if [" ", "\t", ",", "]", "}", "#"].contains(scalar) { break }
            word.append(scalar)
            scanner.advance()
        }
        return word
    }

    /// Interprets a bare token as a boolean, number, date or time.
    private mutating func scalarValue(_ token: [Unicode.Scalar], at start: Int) throws(TOMLSyntaxError) -> TOMLValue.Kind {
        let text = String(String.UnicodeScalarView(token))
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let isDate = token.count >= 5 && token[0..<4].allSatisfy(TOMLScanner.isDigit) && token[4] == "-"
        let isTime = token.count >= 3 && token[0..<2].allSatisfy(TOMLScanner.isDigit) && token[2] == ":"
        if isDate { return try dateTime(token, text: text, at: start) }
        if isTime { return .localTime(try time(token, from: 0, text: text, at: start, requireEnd: true).time) }
        if let first = token.first, first.properties.isAlphabetic || first == "_" {
            // Finish the word so that non-ASCII letters (`kita区`) are quoted whole in the message.
            let word = text + String(String.UnicodeScalarView(scanWord()))
            if word.lowercased() == "true" || word.lowercased() == "false" {
                throw scanner.error("invalid value '\(word)'; booleans are written in lower case: \(word.lowercased())", at: start)
            }
            throw scanner.error("invalid value '\(word)'; text must be in quotes", at: start)
        }
        return try number(token, text: text, at: start)
    }
}
