/// A syntax error at a scalar index of the input; the parser turns the index into a line and column.
struct TOMLSyntaxError: Error {
    /// Index into `TOMLScanner.scalars` where the problem is.
    var index: Int
    var message: String
}

/// A cursor over the Unicode scalars of a TOML document that can say where any index is.
///
/// The input is kept as an array of scalars, not a `String`, because columns count scalars (see `SourceLocation`)
/// and because number and date parsing look ahead a few characters, which is cheap on an array.
struct TOMLScanner {
    let file: String
    let scalars: [Unicode.Scalar]
    /// The index of the first scalar of each line, so any index maps to a line by binary search.
    private let lineStarts: [Int]
    /// The index of the next scalar to read.
    var position = 0

    init(_ text: String, file: String) {
        var scalars = Array(text.unicodeScalars)
        // A byte order mark is an artefact of the editor, not part of line 1; drop it so columns match what the
        // editor shows.
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.file = file
        self.scalars = scalars
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(index + 1)
        }
        lineStarts = starts
    }

    // MARK: Positions

    /// The line and column of `index` (the end of input maps to just after the last scalar).
    func location(at index: Int) -> SourceLocation {
        let line = lineIndex(of: index)
        return SourceLocation(file: file, line: line + 1, column: index - lineStarts[line] + 1)
    }

    /// The 0-based line that contains `index`.
    func lineIndex(of index: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The index just after the line feed that ends the line containing `index`, or the end of input.
    func startOfNextLine(after index: Int) -> Int {
        let line = lineIndex(of: index)
        return line + 1 < lineStarts.count ? lineStarts[line + 1] : scalars.count
    }

    // MARK: Reading

    var isAtEnd: Bool { position >= scalars.count }

    /// The scalar `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    /// Whether the input continues with `text` at the current position.
    func lookingAt(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    mutating func advance(_ count: Int = 1) {
        position = min(position + count, scalars.count)
    }

    /// Skips spaces and tabs, the only whitespace TOML allows inside a line.
    mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" { advance() }
    }

    /// Whether the current position is a line ending (`\n` or `\r\n`).
    var isAtNewline: Bool {
        peek() == "\n" || (peek() == "\r" && peek(1) == "\n")
    }

    /// Consumes a line ending if there is one.
    mutating func skipNewline() -> Bool {
        if peek() == "\n" {
            advance()
            return true
        }
        if peek() == "\r" && peek(1) == "\n" {
            advance(2)
            return true
        }
        return false
    }

    /// Consumes a `#` comment up to (not including) the line ending, rejecting control characters in it.
    mutating func skipComment() throws(TOMLSyntaxError) {
        guard peek() == "#" else { return }
        advance()
        while let scalar = peek(), !isAtNewline {
            if TOMLScanner.isForbiddenControl(scalar) {
                throw error("\(TOMLScanner.describe(scalar)) is not allowed in a comment")
            }
            advance()
        }
    }

    /// Skips whitespace, comments and line endings, as allowed between the elements of an array.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLSyntaxError) {
        while true {
            skipWhitespace()
            if peek() == "#" {
                try skipComment()
            } else if !skipNewline() {
                return
            }
        }
    }

    // MARK: Errors

    /// A syntax error at the current position (or at `index`).
    func error(_ message: String, at index: Int? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(index: index ?? position, message: message)
    }

    /// What is at the current position, for messages of the form "expected X, found Y".
    var describeCurrent: String {
        guard let scalar = peek() else { return "the end of the file" }
        if isAtNewline { return "the end of the line" }
        return TOMLScanner.describe(scalar)
    }

    /// A scalar as a message shows it: `'x'`, or `U+0007` for invisible ones.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
        return "'\(scalar)'"
    }

    /// Control characters that TOML forbids in comments and strings: all but tab (line endings are handled by
    /// the caller before this is asked).
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }
}
