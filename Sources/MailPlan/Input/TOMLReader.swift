/// Typed access to one TOML table that records every problem in a shared `DiagnosticCollector` instead of throwing.
///
/// A loader walks the whole file once, asking each reader for the keys it expects; a missing key, a value of the
/// wrong type or an unknown key is recorded with its position and the loader carries on with the next key (the
/// accessor returns nil). At the end the loader calls `diagnostics.throwIfErrors()` and the user sees every problem
/// of the file together. Required keys are read with `string(_:)`, `int(_:)`, ...; optional ones with
/// `optionalString(_:)`, ..., which are silent when the key is absent but still complain about a wrong type.
///
/// Keys are single keys of this table, not dotted paths: descend with `table(_:)` and `tables(_:)`.
///
/// ```swift
/// let log = DiagnosticCollector()
/// guard let site = TOMLReader.parse(text, file: path, diagnostics: log) else { try log.throwIfErrors(); return }
/// let start = site.date("start")
/// for ward in site.tables("wards") ?? [] {
///     let name = ward.string("name")
///     let demand = ward.nonNegativeDouble("demand")
///     ward.rejectUnreadKeys()
/// }
/// try log.throwIfErrors()
/// ```
public struct TOMLReader {
    /// The table being read.
    public let table: TOMLTable
    /// Where problems go; shared with every reader made from this one.
    public let diagnostics: DiagnosticCollector
    /// The keys asked for so far, for `rejectUnreadKeys()`.
    let readKeys = KeyLog()

    /// A reader of `table` that reports into `diagnostics`.
    public init(_ table: TOMLTable, diagnostics: DiagnosticCollector) {
        self.table = table
        self.diagnostics = diagnostics
    }

    /// Parses `text` and returns a reader of its top level, or nil (with the parse errors recorded in
    /// `diagnostics`) if the document is not valid TOML.
    public static func parse(_ text: String, file: String, diagnostics: DiagnosticCollector) -> TOMLReader? {
        do {
            return TOMLReader(try TOMLParser.parse(text, file: file), diagnostics: diagnostics)
        } catch {
            diagnostics.report(contentsOf: error)
            return nil
        }
    }

    // MARK: - Where things are

    /// Where the table is defined (its header, its `{`, or the start of the file): where "missing key" points.
    public var location: SourceLocation { table.location }

    /// The keys of the table in document order.
    public var keys: [String] { table.keys }

    /// Whether the table has `key`; counts as reading it.
    public func contains(_ key: String) -> Bool {
        readKeys.keys.insert(key)
        return table.contains(key)
    }

    /// The raw value of `key` without any check, or nil; counts as reading it.
    public func value(_ key: String) -> TOMLValue? {
        readKeys.keys.insert(key)
        return table[key]
    }

    /// Where the value of `key` is written, or the table's own location if the key is absent.
    public func location(of key: String) -> SourceLocation {
        table[key]?.location ?? table.location
    }

    /// Records a problem the loader found itself, at the value of `key` (or at the table if `key` is nil or
    /// absent), such as "'end' must not be before 'start'".
    public func error(_ message: String, at key: String? = nil) {
        diagnostics.error(message, at: key.map(location(of:)) ?? table.location)
    }

    // MARK: - Scalars

    /// The string at `key`; records a problem and returns nil if it is missing or not a string.
    public func string(_ key: String) -> String? {
        read(key, required: true, as: "a string") { $0.stringValue }
    }

    /// The string at `key`, or nil if absent; records a problem if it is not a string.
    public func optionalString(_ key: String) -> String? {
        read(key, required: false, as: "a string") { $0.stringValue }
    }

    /// The integer at `key`; records a problem and returns nil if it is missing or not an integer.
    public func int(_ key: String) -> Int? {
        read(key, required: true, as: "an integer") { $0.integerValue }
    }

    /// The integer at `key`, or nil if absent; records a problem if it is not an integer.
    public func optionalInt(_ key: String) -> Int? {
        read(key, required: false, as: "an integer") { $0.integerValue }
    }

    /// The number at `key`, integer or float; records a problem and returns nil if it is missing or not a number.
    public func double(_ key: String) -> Double? {
        read(key, required: true, as: "a number") { $0.doubleValue }
    }

    /// The number at `key` (integer or float), or nil if absent; records a problem if it is not a number.
    public func optionalDouble(_ key: String) -> Double? {
        read(key, required: false, as: "a number") { $0.doubleValue }
    }

    /// The boolean at `key`; records a problem and returns nil if it is missing or not a boolean.
    public func bool(_ key: String) -> Bool? {
        read(key, required: true, as: "a boolean") { $0.boolValue }
    }

    /// The boolean at `key`, or nil if absent; records a problem if it is not a boolean.
    public func optionalBool(_ key: String) -> Bool? {
        read(key, required: false, as: "a boolean") { $0.boolValue }
    }

    /// The date at `key` (`2026-12-07`); records a problem and returns nil if it is missing or not a local date.
    public func date(_ key: String) -> TOMLLocalDate? {
        read(key, required: true, as: "a date (YYYY-MM-DD)") { $0.dateValue }
    }

    /// The date at `key`, or nil if absent; records a problem if it is not a local date.
    public func optionalDate(_ key: String) -> TOMLLocalDate? {
        read(key, required: false, as: "a date (YYYY-MM-DD)") { $0.dateValue }
    }

    /// The time of day at `key` (`07:30:00`); records a problem and returns nil if it is missing or not a local
    /// time.
    public func time(_ key: String) -> TOMLLocalTime? {
        read(key, required: true, as: "a time of day (HH:MM:SS)", Self.localTime)
    }

    /// The time of day at `key`, or nil if absent; records a problem if it is not a local time.
    public func optionalTime(_ key: String) -> TOMLLocalTime? {
        read(key, required: false, as: "a time of day (HH:MM:SS)", Self.localTime)
    }

    // MARK: - Arrays

    /// The elements of the array at `key`; records a problem and returns nil if it is missing or not an array.
    public func array(_ key: String) -> [TOMLValue]? {
        read(key, required: true, as: "an array") { $0.arrayValue }
    }

    /// The elements of the array at `key`, or nil if absent; records a problem if it is not an array.
    public func optionalArray(_ key: String) -> [TOMLValue]? {
        read(key, required: false, as: "an array") { $0.arrayValue }
    }

    /// The array of strings at `key`; records a problem at each element that is not a string and returns nil
    /// if the key is missing, not an array, or holds any non-string.
    public func strings(_ key: String) -> [String]? {
        elements(of: key, array(key), as: "strings") { $0.stringValue }
    }

    /// Like `strings(_:)` but nil without a problem when the key is absent.
    public func optionalStrings(_ key: String) -> [String]? {
        elements(of: key, optionalArray(key), as: "strings") { $0.stringValue }
    }

    /// The array of numbers (integers or floats) at `key`; records a problem at each element that is not a number.
    public func doubles(_ key: String) -> [Double]? {
        elements(of: key, array(key), as: "numbers") { $0.doubleValue }
    }

    /// Like `doubles(_:)` but nil without a problem when the key is absent.
    public func optionalDoubles(_ key: String) -> [Double]? {
        elements(of: key, optionalArray(key), as: "numbers") { $0.doubleValue }
    }

    /// The array of integers at `key`; records a problem at each element that is not an integer.
    public func ints(_ key: String) -> [Int]? {
        elements(of: key, array(key), as: "integers") { $0.integerValue }
    }

    /// The array of dates at `key`; records a problem at each element that is not a local date.
    public func dates(_ key: String) -> [TOMLLocalDate]? {
        elements(of: key, array(key), as: "dates (YYYY-MM-DD)") { $0.dateValue }
    }

    // MARK: - Tables

    /// A reader of the table at `key`; records a problem and returns nil if it is missing or not a table.
    public func table(_ key: String) -> TOMLReader? {
        read(key, required: true, as: "a table") { $0.tableValue }.map(child)
    }

    /// A reader of the table at `key`, or nil if absent; records a problem if it is not a table.
    public func optionalTable(_ key: String) -> TOMLReader? {
        read(key, required: false, as: "a table") { $0.tableValue }.map(child)
    }

    /// Readers of the array of tables at `key` (`[[wards]]` or `wards = [{ ... }, ...]`); records a problem and
    /// returns nil if it is missing or not an array, and skips (with a problem) elements that are not tables.
    public func tables(_ key: String) -> [TOMLReader]? {
        tableElements(of: key, required: true)
    }

    /// Like `tables(_:)` but an empty list without a problem when the key is absent, so it can be looped over.
    public func optionalTables(_ key: String) -> [TOMLReader] {
        tableElements(of: key, required: false) ?? []
    }

    /// Every entry of this table as a named sub-table, for sections such as `[wards.kita]`, `[wards.minami]`;
    /// entries that are not tables are skipped with a problem. Counts as reading every key.
    public func namedTables() -> [(name: String, reader: TOMLReader)] {
        table.entries.compactMap { entry in
            readKeys.keys.insert(entry.key)
            guard let nested = entry.value.tableValue else {
                diagnostics.error("'\(entry.key)' \(table.contextPhrase) must be a table, found \(entry.value.typeDescription)",
                                  at: entry.value.location)
                return nil
            }
            return (entry.key, child(nested))
        }
    }

    // MARK: - Core

    /// Looks `key` up, records it as read, and converts it with `extract`; records "missing key" (if `required`)
    /// or "must be `expected`" and returns nil when that fails.
    func read<T>(_ key: String, required: Bool, as expected: String, _ extract: (TOMLValue) -> T?) -> T? {
        readKeys.keys.insert(key)
        guard let value = table[key] else {
            if required {
                diagnostics.error("missing key '\(key)' \(table.contextPhrase)", at: table.location)
            }
            return nil
        }
        guard let result = extract(value) else {
            diagnostics.error("'\(key)' must be \(expected), found \(value.typeDescription)", at: value.location)
            return nil
        }
        return result
    }

    private func elements<T>(of key: String, _ values: [TOMLValue]?, as expected: String,
                             _ extract: (TOMLValue) -> T?) -> [T]? {
        guard let values else { return nil }
        var result: [T] = []
        for value in values {
            if let element = extract(value) {
                result.append(element)
            } else {
                diagnostics.error("the elements of '\(key)' must be \(expected), found \(value.typeDescription)",
                                  at: value.location)
            }
        }
        return result.count == values.count ? result : nil
    }

    private func tableElements(of key: String, required: Bool) -> [TOMLReader]? {
        guard let value = self.value(key) else {
            if required { diagnostics.error("missing key '\(key)' \(table.contextPhrase)", at: table.location) }
            return nil
        }
        guard let values = value.arrayValue else {
            // A lone [wards] where [[wards]] was meant is the likely slip; say which header to write.
            let hint = value.tableValue != nil ? " (write [[\(table.displayPath(of: key))]] for each element)" : ""
            diagnostics.error("'\(key)' must be an array of tables, found \(value.typeDescription)\(hint)",
                              at: value.location)
            return nil
        }
        return values.compactMap { element in
            guard let nested = element.tableValue else {
                diagnostics.error("the elements of '\(key)' must be tables, found \(element.typeDescription)",
                                  at: element.location)
                return nil
            }
            return child(nested)
        }
    }

    private func child(_ nested: TOMLTable) -> TOMLReader {
        TOMLReader(nested, diagnostics: diagnostics)
    }

    private static func localTime(_ value: TOMLValue) -> TOMLLocalTime? {
        if case .localTime(let time) = value.kind { time } else { nil }
    }

    /// Shared between copies of one reader, so that keys read through any copy count as read.
    final class KeyLog {
        var keys: Set<String> = []
    }
}
