/// A calendar date without time zone, written `2026-12-07` in TOML.
///
/// Kept as plain fields rather than a Foundation `Date`: a planning day is a calendar day, and converting it to an
/// instant would invent a time zone the site file never stated.
public struct TOMLLocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 12.
    public var month: Int
    /// 1 to the length of the month.
    public var day: Int

    /// Creates a date; returns nil if the month or day does not exist (such as February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month),
              (1...TOMLLocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in `month` of `year` in the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether `year` has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func < (a: TOMLLocalDate, b: TOMLLocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A time of day without date or time zone, written `07:32:00` or `07:32:00.25` in TOML.
public struct TOMLLocalTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0 to 23.
    public var hour: Int
    /// 0 to 59.
    public var minute: Int
    /// 0 to 60 (60 only for a leap second, which RFC 3339 allows).
    public var second: Int
    /// The fractional second in nanoseconds; digits beyond the ninth are dropped.
    public var nanosecond: Int

    /// Creates a time; returns nil if a field is out of range.
    public init?(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (0..<1_000_000_000).contains(nanosecond)
        else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    public static func < (a: TOMLLocalTime, b: TOMLLocalTime) -> Bool {
        (a.hour, a.minute, a.second, a.nanosecond) < (b.hour, b.minute, b.second, b.nanosecond)
    }

    public var description: String {
        var text = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if nanosecond != 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text
    }
}

/// A date and time without time zone, written `2026-12-07T07:32:00` (or with a space instead of `T`) in TOML.
public struct TOMLLocalDateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var date: TOMLLocalDate
    public var time: TOMLLocalTime

    public init(date: TOMLLocalDate, time: TOMLLocalTime) {
        self.date = date
        self.time = time
    }

    public static func < (a: TOMLLocalDateTime, b: TOMLLocalDateTime) -> Bool {
        (a.date, a.time) < (b.date, b.time)
    }

    public var description: String { "\(date)T\(time)" }
}

/// A date and time with an offset from UTC, written `2026-12-07T07:32:00Z` or `2026-12-07T07:32:00+09:00`.
///
/// Not `Comparable`: ordering instants needs the offset applied, and no loader has needed it yet.
public struct TOMLOffsetDateTime: Hashable, Sendable, CustomStringConvertible {
    public var date: TOMLLocalDate
    public var time: TOMLLocalTime
    /// Minutes east of UTC (`+09:00` is 540, `Z` is 0).
    public var offsetMinutes: Int

    public init(date: TOMLLocalDate, time: TOMLLocalTime, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var description: String {
        if offsetMinutes == 0 { return "\(date)T\(time)Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return "\(date)T\(time)\(sign)\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
    }
}

/// `value` in decimal with leading zeros up to `width` digits.
private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
