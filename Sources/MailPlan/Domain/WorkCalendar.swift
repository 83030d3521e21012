/// The days a ward office is open for mailing work, and day counting over them.
///
/// A day is closed when it is a Saturday or Sunday, a Japanese public holiday (when ``nationalHolidays`` is on),
/// in the municipal year-end closure 12/29–1/3 (when ``yearEndClosure`` is on), or one of the site's
/// ``extraClosedDays``. Every other day is a working day.
///
/// Closure reasons are Japanese, as the offices' own calendars print them: the holiday's name ("元日"),
/// ``yearEndClosureName`` ("年末年始閉庁"), the extra day's own name, or the weekday ("土曜日", "日曜日").
/// National holidays come from ``JapaneseHolidays``, which knows the years 2000–2099 only; outside them
/// no day is a holiday, and ``knowsHolidays(in:)`` lets a caller warn about that.
public struct WorkCalendar: Hashable, Sendable {
    /// Whether Japanese public holidays (国民の祝日, 振替休日, 国民の休日) are closed.
    public var nationalHolidays: Bool

    /// Whether the municipal year-end closure, 12/29 through 1/3, is closed.
    public var yearEndClosure: Bool

    /// Site-specific closed days (an office move, a system changeover), each with the name to report.
    public var extraClosedDays: [CivilDate: String]

    /// The reason given for a day in the year-end closure that is not also a public holiday.
    public static let yearEndClosureName = "年末年始閉庁"

    /// Creates a calendar; by default a ward office's: weekends, public holidays and the year-end closure closed.
    public init(
        nationalHolidays: Bool = true,
        yearEndClosure: Bool = true,
        extraClosedDays: [CivilDate: String] = [:]
    ) {
        self.nationalHolidays = nationalHolidays
        self.yearEndClosure = yearEndClosure
        self.extraClosedDays = extraClosedDays
    }

    /// Whether `date` falls in the municipal year-end closure, 12/29 through 1/3 inclusive.
    public static func isInYearEndClosure(_ date: CivilDate) -> Bool {
        (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3)
    }

    /// Whether this calendar knows every closed day of `year`.
    ///
    /// - Returns: `false` when national holidays are on and `year` is outside ``JapaneseHolidays/supportedYears``,
    ///   where this calendar would treat every holiday as a working day.
    public func knowsHolidays(in year: Int) -> Bool {
        !nationalHolidays || JapaneseHolidays.supportedYears.contains(year)
    }

    // MARK: - Single days

    /// Why the office is closed on `date`.
    ///
    /// When several reasons apply the most specific wins, so the report says what a person would: a public holiday's
    /// name first (2027-01-01 is "元日", not the closure; a holiday on a Sunday gives the holiday), then
    /// ``yearEndClosureName``, then the site's extra day, then "土曜日" or "日曜日".
    ///
    /// - Returns: The reason in Japanese, or `nil` when `date` is a working day.
    public func closure(on date: CivilDate) -> String? {
        if nationalHolidays, let holiday = JapaneseHolidays.name(on: date) {
            return holiday
        }
        if yearEndClosure, WorkCalendar.isInYearEndClosure(date) {
            return WorkCalendar.yearEndClosureName
        }
        if let extra = extraClosedDays[date] {
            return extra
        }
        if date.isWeekend {
            return date.weekday.japaneseName
        }
        return nil
    }

    /// Whether the office is open on `date`: `closure(on: date) == nil`.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        closure(on: date) == nil
    }

    // MARK: - Ranges

    /// The working days from `start` through `end`, both included, in date order.
    ///
    /// - Returns: The working days; an empty array when `end` is before `start`.
    public func workingDays(from start: CivilDate, through end: CivilDate) -> [CivilDate] {
        guard start <= end else { return [] }
        return (start...end).filter(isWorkingDay)
    }

    /// Every closed Monday-to-Friday of `year`, in date order, with the reason from ``closure(on:)``.
    ///
    /// Weekends are left out because they are always closed; this is the list `mailplan calendar YEAR` prints,
    /// one `YYYY-MM-DD name` a line.
    ///
    /// A year outside 1...9999 is a caller's programming error and traps.
    public func closedWeekdays(in year: Int) -> [(date: CivilDate, name: String)] {
        precondition(CivilDate.validYears.contains(year), "year \(year) is not in 1...9999")
        let first = CivilDate(uncheckedYear: year, month: 1, day: 1)
        let last = CivilDate(uncheckedYear: year, month: 12, day: 31)
        var closed: [(date: CivilDate, name: String)] = []
        for date in first...last where !date.isWeekend {
            if let name = closure(on: date) {
                closed.append((date: date, name: name))
            }
        }
        return closed
    }

    // MARK: - Counting working days

    /// The first working day on or after `date`: `date` itself when the office is open then.
    ///
    /// Running past 9999-12-31 is a caller's programming error and traps.
    public func nextWorkingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isWorkingDay(day) {
            day = day.adding(days: 1)
        }
        return day
    }

    /// The working day `n` working days after `date` (before it when `n` is negative).
    ///
    /// `date` itself is never counted, whether or not it is a working day: with `n == 1` the result is the first
    /// working day after `date`, so a job received on Saturday and given one working day is due on Monday.
    /// With `n == 0` the result is ``nextWorkingDay(onOrAfter:)``, so that it is always a working day.
    ///
    /// Running outside years 1...9999 is a caller's programming error and traps.
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        guard n != 0 else { return nextWorkingDay(onOrAfter: date) }
        let step = n > 0 ? 1 : -1
        var remaining = abs(n)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) {
                remaining -= 1
            }
        }
        return day
    }
}
