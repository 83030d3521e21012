// Integers, floats, dates and times. Each works on a bare token already taken from the input, so errors are placed
// at `start` plus the offset of the offending character.
extension TOMLParser {
    /// Interprets a token as a decimal, hexadecimal, octal or binary integer, or as a float.
    func number(_ token: [Unicode.Scalar], text: String, at start: Int) throws(TOMLSyntaxError) -> TOMLValue.Kind {
        var index = 0
        let hasSign = token.first == "+" || token.first == "-"
        if hasSign { index = 1 }
        if index + 1 < token.count, token[index] == "0", let radix = Self.radixes[token[index + 1]] {
            if hasSign {
                throw scanner.error("\(radix.name) integers cannot have a sign", at: start)
            }
            return .integer(try prefixedInteger(token, from: index + 2, radix: radix.base, text: text, at: start))
        }
        // Decimal: an integer part, then an optional fraction and exponent that make it a float.
        let integerStart = index
        index = try digitRun(token, from: index, radix: 10, at: start, what: text)
        if index - integerStart > 1 && token[integerStart] == "0" {
            throw scanner.error("leading zeros are not allowed in '\(text)'", at: start + integerStart)
        }
        var isFloat = false
        if index < token.count && token[index] == "." {
            isFloat = true
            index = try digitRun(token, from: index + 1, radix: 10, at: start, what: text)
        }
        if index < token.count && (token[index] == "e" || token[index] == "E") {
            isFloat = true
            index += 1
            if index < token.count && (token[index] == "+" || token[index] == "-") { index += 1 }
            index = try digitRun(token, from: index, radix: 10, at: start, what: text)
        }
        if index < token.count {
            throw scanner.error("invalid number '\(text)': unexpected '\(token[index])'", at: start + index)
        }
        let digits = text.replacingUnderscores()
        if isFloat {
            guard let value = Double(digits), value.isFinite else {
                throw scanner.error("the float \(text) is too large for 64 bits", at: start)
            }
            return .float(value)
        }
        guard let value = Int(digits) else {
            throw scanner.error("the integer \(text) does not fit in 64 bits", at: start)
        }
        return .integer(value)
    }

    private static let radixes: [Unicode.Scalar: (base: Int, name: String)] = [
        "x": (16, "hexadecimal"), "o": (8, "octal"), "b": (2, "binary"),
    ]

    private func prefixedInteger(_ token: [Unicode.Scalar], from first: Int, radix: Int, text: String,
                                 at start: Int) throws(TOMLSyntaxError) -> Int {
        let end = try digitRun(token, from: first, radix: radix, at: start, what: text)
        if end < token.count {
            throw scanner.error("invalid number '\(text)': unexpected '\(token[end])'", at: start + end)
        }
        let digits = String(String.UnicodeScalarView(token[first...])).replacingUnderscores()
        guard let value = Int(digits, radix: radix) else {
            throw scanner.error("the integer \(text) does not fit in 64 bits", at: start)
        }
        return value
    }

    /// Checks a run of digits in `radix` starting at `first`, where single underscores may separate digits, and
    /// returns the index after it. At least one digit is required.
    private func digitRun(_ token: [Unicode.Scalar], from first: Int, radix: Int, at start: Int,
                          what text: String) throws(TOMLSyntaxError) -> Int {
        func isDigit(_ index: Int) -> Bool {
            guard index < token.count, token[index].isASCII else { return false }
            return Int(String(token[index]), radix: radix) != nil
        }
        guard isDigit(first) else {
            let found = first < token.count ? "'\(token[first])'" : "the end"
            throw scanner.error("invalid number '\(text)': expected a digit, found \(found)", at: start + min(first, token.count))
        }
        var index = first
        while index < token.count {
            if isDigit(index) {
                index += 1
            } else if token[index] == "_" {
                guard isDigit(index + 1) else {
                    throw scanner.error("an underscore in a number must be between two digits", at: start + index)
                }
                index += 1
            } else {
                break
            }
        }
        return index
    }

    // MARK: - Dates and times

    /// Interprets a token that starts like `YYYY-` as a local date, local date-time or offset date-time.
    func dateTime(_ token: [Unicode.Scalar], text: String, at start: Int) throws(TOMLSyntaxError) -> TOMLValue.Kind {
        guard token.count >= 10, let year = Self.digits(token, 0, 4), token[4] == "-",
              let month = Self.digits(token, 5, 2), token[7] == "-", let day = Self.digits(token, 8, 2)
        else {
            throw scanner.error("invalid date '\(text)'; dates are written YYYY-MM-DD", at: start)
        }
        guard let date = TOMLLocalDate(year: year, month: month, day: day) else {
            let dateText = String(String.UnicodeScalarView(token[0..<10]))
            let reason = (1...12).contains(month)
                ? "\(Self.monthNames[month - 1]) \(year) has \(TOMLLocalDate.daysIn(month: month, year: year)) days"
                : "there is no month \(month)"
            throw scanner.error("invalid date \(dateText): \(reason)", at: start)
        }
        if token.count == 10 { return .localDate(date) }
        guard ["T", "t", " "].contains(token[10]) else {
            throw scanner.error("invalid date-time '\(text)': expected 'T' between the date and the time", at: start + 10)
        }
        let (time, end) = try time(token, from: 11, text: text, at: start, requireEnd: false)
        if end == token.count {
            return .localDateTime(TOMLLocalDateTime(date: date, time: time))
        }
        if (token[end] == "Z" || token[end] == "z") && end + 1 == token.count {
            return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: 0))
        }
        guard token[end] == "+" || token[end] == "-", end + 6 == token.count,
              let hours = Self.digits(token, end + 1, 2), token[end + 3] == ":",
              let minutes = Self.digits(token, end + 4, 2), hours <= 23, minutes <= 59
        else {
            throw scanner.error("invalid offset in '\(text)'; write Z or +HH:MM after the time", at: start + end)
        }
        let offset = (hours * 60 + minutes) * (token[end] == "-" ? -1 : 1)
        return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: offset))
    }

    /// Reads `HH:MM:SS` with an optional fraction starting at `first`; returns the time and the index after it.
    func time(_ token: [Unicode.Scalar], from first: Int, text: String, at start: Int,
              requireEnd: Bool) throws(TOMLSyntaxError) -> (time: TOMLLocalTime, end: Int) {
        guard let hour = Self.digits(token, first, 2), first + 2 < token.count, token[first + 2] == ":",
              let minute = Self.digits(token, first + 3, 2), first + 5 < token.count, token[first + 5] == ":",
              let second = Self.digits(token, first + 6, 2)
        else {
            throw scanner.error("invalid time in '\(text)'; times are written HH:MM:SS", at: start + first)
        }
        var end = first + 8
        var nanosecond = 0
        if end < token.count && token[end] == "." {
            end += 1
            let fractionStart = end
            while end < token.count && TOMLScanner.isDigit(token[end]) { end += 1 }
            guard end > fractionStart else {
                throw scanner.error("invalid time in '\(text)': a decimal point must be followed by digits", at: start + end)
            }
            // Digits past nanoseconds are dropped; no planning input is that precise.
            for index in 0..<9 {
                let digit = fractionStart + index < end ? Int(token[fractionStart + index].value) - 48 : 0
                nanosecond = nanosecond * 10 + digit
            }
        }
        guard let time = TOMLLocalTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            let field = hour > 23 ? "the hour must be 00 to 23" : minute > 59 ? "the minute must be 00 to 59"
                : "the second must be 00 to 60"
            throw scanner.error("invalid time in '\(text)': \(field)", at: start + first)
        }
        if requireEnd && end != token.count {
            throw scanner.error("invalid time '\(text)': unexpected '\(token[end])'", at: start + end)
        }
        return (time, end)
    }

    /// The decimal number of exactly `count` digits at `first`, or nil.
    private static func digits(_ token: [Unicode.Scalar], _ first: Int, _ count: Int) -> Int? {
        guard first + count <= token.count else { return nil }
        var value = 0
        for scalar in token[first..<(first + count)] {
            guard TOMLScanner.isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value) - 48
        }
        return value
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

extension String {
    /// The text without the underscores TOML allows between digits.
    fileprivate func replacingUnderscores() -> String {
        String(unicodeScalars.filter { $0 != "_" })
    }
}
