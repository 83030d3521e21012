/// A day of the week, numbered as ISO 8601 does: Monday is 1 and Sunday is 7.
///
/// The raw value is the ISO number, so `Weekday(rawValue: 3)` is Wednesday and the cases sort Monday first,
/// which is how a Japanese office's working week runs.
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable {
    case monday = 1
    case tuesday = 2
    case wednesday = 3
    case thursday = 4
    case friday = 5
    case saturday = 6
    case sunday = 7

    /// The ISO 8601 day number, 1 (Monday) through 7 (Sunday).
    public var isoNumber: Int { rawValue }

    /// Whether this is Saturday or Sunday, the days every ward office is closed.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The Japanese name, "月曜日" through "日曜日", as printed in closure reasons.
    public var japaneseName: String {
        switch self {
        case .monday: "月曜日"
        case .tuesday: "火曜日"
        case .wednesday: "水曜日"
        case .thursday: "木曜日"
        case .friday: "金曜日"
        case .saturday: "土曜日"
        case .sunday: "日曜日"
        }
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A calendar date without time or time zone, in the proleptic Gregorian calendar, years 1 through 9999.
///
/// Dates are plain values: comparing, hashing and day arithmetic never depend on a locale or a clock, so a plan
/// made from the same job book is the same on every machine. Arithmetic goes through ``dayNumber``, the count of
/// days since 1970-01-01, using Howard Hinnant's `days_from_civil` algorithms
/// (<https://howardhinnant.github.io/date_algorithms.html>), which are exact for every date in range.
///
/// A date is written and read as ISO 8601 `YYYY-MM-DD`, both by ``description`` and by `Codable`.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1 through 9999.
    public let year: Int
    /// The month, 1 (January) through 12 (December).
    public let month: Int
    /// The day of the month, 1 through the length of ``month``.
    public let day: Int

    /// The years a `CivilDate` can hold; four-digit years keep the ISO form fixed-width.
    public static let validYears: ClosedRange<Int> = 1...9999

    /// Thrown by ``init(year:month:day:)`` when the components name no real date.
    public struct InvalidDate: Error, Hashable, Sendable, CustomStringConvertible {
        public var year: Int
        public var month: Int
        public var day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        public var description: String {
            "\(year)-\(month)-\(day) is not a date: " + reason
        }

        private var reason: String {
            if !CivilDate.validYears.contains(year) {
                return "the year must be in 1...9999"
            }
            if !(1...12).contains(month) {
                return "the month must be in 1...12"
            }
            return "the day must be in 1...\(CivilDate.daysInMonth(month, year: year))"
        }
    }

    /// Creates a date from its components, checking that the date exists.
    ///
    /// - Throws: ``InvalidDate`` when the year is outside 1...9999, the month outside 1...12, or the day
    ///   outside the month (so 2026-02-29 throws and 2028-02-29 does not).
    public init(year: Int, month: Int, day: Int) throws(InvalidDate) {
        guard CivilDate.isValid(year: year, month: month, day: day) else {
            throw InvalidDate(year: year, month: month, day: day)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date whose components the caller already knows to be valid, such as a rule's fixed holiday.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        assert(CivilDate.isValid(year: year, month: month, day: day), "invalid date \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    private static func isValid(year: Int, month: Int, day: Int) -> Bool {
        validYears.contains(year) && (1...12).contains(month) && day >= 1 && day <= daysInMonth(month, year: year)
    }

    /// Parses a date written exactly as `YYYY-MM-DD`.
    ///
    /// Only that form is accepted: four-digit year, two-digit month and day, ASCII hyphens, nothing before or
    /// after. `2026-2-3`, `2026/02/03`, `2026-02-03 ` and `2026-02-30` all give `nil`, because a job book with
    /// a sloppy date is more likely a typo than a date the user meant.
    ///
    /// - Returns: The date, or `nil` when the text is not in that form or names no real date.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }

        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let date = try? CivilDate(year: year, month: month, day: day)
        else { return nil }
        self = date
    }

    /// The date as ISO 8601 `YYYY-MM-DD`, zero-padded; ``init(iso:)`` reads it back unchanged.
    public var iso: String {
        func padded(_ value: Int, width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, width: 4))-\(padded(month, width: 2))-\(padded(day, width: 2))"
    }

    /// The same as ``iso``.
    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

// MARK: - Calendar rules

extension CivilDate {
    /// Whether `year` is a Gregorian leap year: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1...12) of `year`: 28 to 31.
    ///
    /// A month outside 1...12 is a caller's programming error and traps.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        precondition((1...12).contains(month), "month \(month) is not in 1...12")
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4); the double remainder keeps days before 1970 non-negative.
        let offset = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: offset + 1)!
    }

    /// Whether the date falls on Saturday or Sunday.
    public var isWeekend: Bool { weekday.isWeekend }
}

// MARK: - Day arithmetic

extension CivilDate: Strideable {
    /// The number of days from 1970-01-01 to this date: 0 for 1970-01-01, negative before it.
    ///
    /// Day numbers are consecutive integers, so subtracting two gives the days between the dates and adding one
    /// steps a date forward; the valid range is -719162 (0001-01-01) through 2932896 (9999-12-31).
    public var dayNumber: Int {
        // Hinnant's days_from_civil: count years from March so the leap day is the last day of the year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date with the given ``dayNumber`` (days since 1970-01-01).
    ///
    /// - Returns: The date, or `nil` when it would fall outside years 1...9999.
    public init?(dayNumber: Int) {
        guard (-719_162...2_932_896).contains(dayNumber) else { return nil }
        // Hinnant's civil_from_days, the inverse of `dayNumber`.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The date `days` days later (earlier when `days` is negative).
    ///
    /// Stepping outside years 1...9999 is a caller's programming error and traps.
    public func adding(days: Int) -> CivilDate {
        guard let date = CivilDate(dayNumber: dayNumber + days) else {
            preconditionFailure("\(self) + \(days) days is outside years 1...9999")
        }
        return date
    }

    /// The number of days from this date to `other`: positive when `other` is later.
    ///
    /// `a.days(to: b) == b.dayNumber - a.dayNumber`, so `a.adding(days: a.days(to: b)) == b`.
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// The number of days from `other` to this date: positive when this date is later.
    ///
    /// `a.days(from: b) == a.dayNumber - b.dayNumber`, the mirror of ``days(to:)``.
    public func days(from other: CivilDate) -> Int { dayNumber - other.dayNumber }

    /// The same as ``days(to:)``; it lets `a...b` be iterated day by day.
    public func distance(to other: CivilDate) -> Int { days(to: other) }

    /// The same as ``adding(days:)``.
    public func advanced(by days: Int) -> CivilDate { adding(days: days) }
}

// MARK: - Codable

extension CivilDate {
    /// Decodes a date from a single ISO `YYYY-MM-DD` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not exactly that form or names no real date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        self = date
    }

    /// Encodes the date as a single ISO `YYYY-MM-DD` string, so job books and reports show it as people write it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
