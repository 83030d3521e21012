/// One value of a TOML document together with where it was written.
///
/// Every value keeps the position of its first character (the opening quote of a string, the `[` of an array, the
/// `[` of a `[table]` header) so that loaders can point at the exact spot when the value is unacceptable.
public struct TOMLValue: Sendable, Equatable {
    /// The type and content of a TOML value.
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        /// A date and time with an offset from UTC, such as `1979-05-27T07:32:00-08:00`.
        case offsetDateTime(TOMLOffsetDateTime)
        /// A date and time without offset, such as `1979-05-27T07:32:00`.
        case localDateTime(TOMLLocalDateTime)
        /// A calendar date, such as `2026-12-07`.
        case localDate(TOMLLocalDate)
        /// A time of day, such as `07:32:00`.
        case localTime(TOMLLocalTime)
        /// A static array (`[1, 2]`) or an array of tables (`[[wards]]`); both are arrays in the tree.
        case array([TOMLValue])
        /// A `[table]`, a table made by dotted keys, or an inline table (`{ x = 1 }`).
        case table(TOMLTable)
    }

    /// The type and content.
    public var kind: Kind
    /// Where the value starts in the input.
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

// MARK: - Describing values in messages

extension TOMLValue.Kind {
    /// The type with an article, for messages such as "'rate' must be a float, found a string".
    public var typeDescription: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .boolean: "a boolean"
        case .offsetDateTime: "an offset date-time"
        case .localDateTime: "a local date-time"
        case .localDate: "a local date"
        case .localTime: "a local time"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

extension TOMLValue {
    /// The type with an article, for messages such as "'rate' must be a float, found a string".
    public var typeDescription: String { kind.typeDescription }
}

extension TOMLValue: CustomStringConvertible {
    /// The value written back in TOML syntax (tables inline), for messages and test failures.
    public var description: String {
        switch kind {
        case .string(let text): TOMLKey.quoted(text)
        case .integer(let number): String(number)
        case .float(let number):
            if number.isNaN { "nan" } else if number.isInfinite { number < 0 ? "-inf" : "inf" } else { "\(number)" }
        case .boolean(let flag): flag ? "true" : "false"
        case .offsetDateTime(let stamp): stamp.description
        case .localDateTime(let stamp): stamp.description
        case .localDate(let date): date.description
        case .localTime(let time): time.description
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .table(let table):
            table.entries.isEmpty
                ? "{}"
                : "{ " + table.entries.map { "\(TOMLKey.display([$0.key])) = \($0.value)" }.joined(separator: ", ") + " }"
        }
    }
}

// MARK: - Unchecked access

// These return nil on a type mismatch without saying anything; loaders that must report the mismatch use
// `TOMLReader`, which wraps the same checks with diagnostics.
extension TOMLValue {
    /// The string, or nil if the value is not a string.
    public var stringValue: String? {
        if case .string(let text) = kind { text } else { nil }
    }

    /// The integer, or nil if the value is not an integer.
    public var integerValue: Int? {
        if case .integer(let number) = kind { number } else { nil }
    }

    /// The number, or nil if the value is neither a float nor an integer (integers are converted).
    public var doubleValue: Double? {
        switch kind {
        case .float(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    /// The boolean, or nil if the value is not a boolean.
    public var boolValue: Bool? {
        if case .boolean(let flag) = kind { flag } else { nil }
    }

    /// The date, or nil if the value is not a local date.
    public var dateValue: TOMLLocalDate? {
        if case .localDate(let date) = kind { date } else { nil }
    }

    /// The elements, or nil if the value is not an array.
    public var arrayValue: [TOMLValue]? {
        if case .array(let elements) = kind { elements } else { nil }
    }

    /// The table, or nil if the value is not a table.
    public var tableValue: TOMLTable? {
        if case .table(let table) = kind { table } else { nil }
    }
}

// MARK: - Keys in messages

/// Spelling of keys and key paths the way a user would write them in the file.
enum TOMLKey {
    /// Whether `key` can be written without quotes.
    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy(isBareKeyScalar)
    }

    /// Whether `scalar` may appear in a bare key (`A-Za-z0-9_-`).
    static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }

    /// A dotted key path as it would appear in a header: `wards.kita`, `wards."north side"`.
    static func display(_ path: [String]) -> String {
        path.map { isBare($0) ? $0 : quoted($0) }.joined(separator: ".")
    }

    /// `text` as a TOML basic string, with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
