// The four TOML string forms. Each reader starts at the opening quote and leaves the scanner after the closing one.
extension TOMLParser {
    /// Reads a basic string, `"..."`, with escapes.
    mutating func parseBasicString() throws(TOMLSyntaxError) -> String {
        let open = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek(), !scanner.isAtNewline else {
                throw scanner.error("this string is not closed before the end of the line (use \"\"\" for a multi-line string)", at: open)
            }
            switch scalar {
            case "\"":
                scanner.advance()
                return String(text)
            case "\\":
                text.append(try parseEscape())
            default:
                try rejectControl(scalar)
                text.append(scalar)
                scanner.advance()
            }
        }
    }

    /// Reads a literal string, `'...'`, where backslashes mean themselves.
    mutating func parseLiteralString() throws(TOMLSyntaxError) -> String {
        let open = scanner.position
        scanner.advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek(), !scanner.isAtNewline else {
                throw scanner.error("this string is not closed before the end of the line (use ''' for a multi-line string)", at: open)
            }
            if scalar == "'" {
                scanner.advance()
                return String(text)
            }
            try rejectControl(scalar)
            text.append(scalar)
            scanner.advance()
        }
    }

    /// Reads a multi-line string delimited by three `quote`s: basic (`"""..."""`, with escapes and line-ending
    /// backslashes) or literal (`'''...'''`, where backslashes mean themselves).
    mutating func parseMultiLineString(quote: Unicode.Scalar) throws(TOMLSyntaxError) -> String {
        let open = scanner.position
        let delimiter = String(repeating: Character(quote), count: 3)
        scanner.advance(3)
        // A line ending right after the opening quotes is not part of the string.
        _ = scanner.skipNewline()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = scanner.peek() else {
                throw scanner.error("this multi-line string is not closed (expected \(delimiter))", at: open)
            }
            if scalar == quote {
                let run = try consumeQuoteRun(scalar)
                text.append(contentsOf: run.content)
                if run.closes { return String(text) }
            } else if scanner.skipNewline() {
                // Line endings are stored as "\n" whatever the file used, so values do not depend on the editor.
                text.append("\n")
            } else if scalar == "\\" && quote == "\"" {
                if !skipLineEndingBackslash() {
                    text.append(try parseEscape())
                }
            } else {
                try rejectControl(scalar)
                text.append(scalar)
                scanner.advance()
            }
        }
    }

    // MARK: - Pieces

    /// At a quote inside a multi-line string, consumes the whole run of quotes and says whether it closes the
    /// string; up to two quotes may directly precede the closing three and then belong to the content.
    private mutating func consumeQuoteRun(
        _ quote: Unicode.Scalar
    ) throws(TOMLSyntaxError) -> (closes: Bool, content: [Unicode.Scalar]) {
        var count = 0
        while scanner.peek(count) == quote { count += 1 }
        if count > 5 {
            throw scanner.error("too many quotes in a row: at most two may come before the closing three; escape the others", at: scanner.position + 5)
        }
        scanner.advance(count)
        return count < 3
            ? (false, Array(repeating: quote, count: count))
            : (true, Array(repeating: quote, count: count - 3))
    }

    /// Skips a backslash that ends a line in a multi-line basic string, with all whitespace and line endings after
    /// it; returns false (consuming nothing) if the backslash starts an ordinary escape.
    private mutating func skipLineEndingBackslash() -> Bool {
        var offset = 1
        while let next = scanner.peek(offset), next == " " || next == "\t" { offset += 1 }
        guard scanner.peek(offset) == "\n" || (scanner.peek(offset) == "\r" && scanner.peek(offset + 1) == "\n")
        else { return false }
        scanner.advance(offset)
        while true {
            scanner.skipWhitespace()
            if !scanner.skipNewline() { return true }
        }
    }

    /// Reads an escape sequence starting at the backslash and returns the scalar it stands for.
    private mutating func parseEscape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        let start = scanner.position
        scanner.advance()
        guard let letter = scanner.peek(), !scanner.isAtNewline else {
            throw scanner.error("a backslash at the end of a line is only allowed in a multi-line string (\"\"\")", at: start)
        }
        scanner.advance()
        switch letter {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u": return try parseUnicodeEscape(digits: 4, start: start)
        case "U": return try parseUnicodeEscape(digits: 8, start: start)
        default:
            let shown = TOMLScanner.isForbiddenControl(letter) || letter == " "
                ? "'\\' followed by \(letter == " " ? "a space" : TOMLScanner.describe(letter))"
                : "'\\\(letter)'"
            throw scanner.error("invalid escape sequence \(shown); write a backslash as \\\\", at: start)
        }
    }

    /// Reads the hexadecimal digits of `\uXXXX` or `\UXXXXXXXX`.
    private mutating func parseUnicodeEscape(digits: Int, start: Int) throws(TOMLSyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = scanner.peek(), scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                let form = digits == 4 ? "\\u" : "\\U"
                throw scanner.error("\(form) must be followed by exactly \(digits) hexadecimal digits", at: start)
            }
            value = value * 16 + digit
            scanner.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            let hex = String(value, radix: 16, uppercase: true)
            throw scanner.error("U+\(hex) is not a Unicode scalar value, so it cannot be escaped", at: start)
        }
        return scalar
    }

    /// Rejects control characters other than tab, which TOML requires to be escaped in strings.
    private func rejectControl(_ scalar: Unicode.Scalar) throws(TOMLSyntaxError) {
        guard TOMLScanner.isForbiddenControl(scalar) else { return }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        throw scanner.error("\(TOMLScanner.describe(scalar)) is not allowed in a string; write it as \(escape)")
    }
}
