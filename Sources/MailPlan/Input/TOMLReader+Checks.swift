// Values that must meet a condition (non-negative, in a range, one of a set of words), and the detection of keys
// the loader does not know, which are nearly always typos of keys it does know.
extension TOMLReader {
    /// A condition a value must meet, with the words that complete "'rate' ..." when it does not.
    public struct Check<Value> {
        /// Completes the message "'key' \(requirement), found \(value)", such as "must not be negative".
        public let requirement: String
        let accepts: (Value) -> Bool

        /// A condition described by `requirement` (for example "must be a multiple of 5").
        public init(_ requirement: String, accepts: @escaping (Value) -> Bool) {
            self.requirement = requirement
            self.accepts = accepts
        }
    }

    // MARK: - Checked numbers

    /// The largest size of a checked number: no price, capacity, count or rate of a site comes near it, and the
    /// products the planner forms of a few of them stay far inside what its whole yen and GLPK can hold.
    public static let largestNumber = 1e9
    /// The smallest size of a checked number other than 0: a rate of 1e-300 pieces an hour would make a job's
    /// hours infinite.
    public static let smallestNumber = 1e-6
    /// ``largestNumber`` and ``smallestNumber`` as the diagnostics write them (here and in the job book's).
    static let largestNumberWritten = "1,000,000,000", smallestNumberWritten = "0.000001"

    /// The integer at `key` if it meets `check`; records a problem and returns nil otherwise or if missing.
    ///
    /// Its size must be at most ``largestNumber`` whatever the check.
    public func int(_ key: String, _ check: Check<Int>) -> Int? {
        checked(key, sized(key, int(key)), check, shown: String.init)
    }

    /// The integer at `key` if it meets `check`, or nil if absent; records a problem if it does not meet it.
    public func optionalInt(_ key: String, _ check: Check<Int>) -> Int? {
        checked(key, sized(key, optionalInt(key)), check, shown: String.init)
    }

    /// The finite number at `key` if it meets `check`; records a problem and returns nil otherwise or if missing.
    ///
    /// Whatever the check, `inf` and `nan` are rejected (no quantity in a site file is meant to be either), and so
    /// is a size above ``largestNumber`` or, other than 0, below ``smallestNumber``.
    public func double(_ key: String, _ check: Check<Double>) -> Double? {
        checked(key, sized(key, double(key)), check, shown: Self.shown)
    }

    /// The finite number at `key` if it meets `check`, or nil if absent; records a problem if it does not.
    public func optionalDouble(_ key: String, _ check: Check<Double>) -> Double? {
        checked(key, sized(key, optionalDouble(key)), check, shown: Self.shown)
    }

    /// The number at `key` if it is finite and at least 0.
    public func nonNegativeDouble(_ key: String) -> Double? { double(key, .nonNegative) }

    /// The number at `key` if it is finite and above 0.
    public func positiveDouble(_ key: String) -> Double? { double(key, .positive) }

    /// The integer at `key` if it is at least 0.
    public func nonNegativeInt(_ key: String) -> Int? { int(key, .nonNegative) }

    /// The integer at `key` if it is above 0.
    public func positiveInt(_ key: String) -> Int? { int(key, .positive) }

    private func checked<T>(_ key: String, _ value: T?, _ check: Check<T>, shown: (T) -> String) -> T? {
        guard let value else { return nil }
        guard check.accepts(value) else {
            error("'\(key)' \(check.requirement), found \(shown(value))", at: key)
            return nil
        }
        return value
    }

    private func sized(_ key: String, _ value: Double?) -> Double? {
        guard let value else { return nil }
        guard value.isFinite else {
            error("'\(key)' must be a finite number, found \(Self.shown(value))", at: key)
            return nil
        }
        guard abs(value) <= Self.largestNumber else {
            error("'\(key)' must be at most \(Self.largestNumberWritten) in size, found \(Self.shown(value))", at: key)
            return nil
        }
        guard value == 0 || abs(value) >= Self.smallestNumber else {
            error("'\(key)' must be 0 or at least \(Self.smallestNumberWritten) in size, found \(Self.shown(value))", at: key)
            return nil
        }
        return value
    }

    private func sized(_ key: String, _ value: Int?) -> Int? {
        guard let value else { return nil }
        guard value.magnitude <= UInt(Self.largestNumber) else {
            error("'\(key)' must be at most \(Self.largestNumberWritten) in size, found \(value)", at: key)
            return nil
        }
        return value
    }

    /// A number as the user probably wrote it: `3` rather than `3.0`.
    static func shown(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    // MARK: - Words

    /// The case of `T` whose raw value is the string at `key`; records a problem (listing the choices and
    /// suggesting the closest) and returns nil if it is missing, not a string or not one of them.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self) -> T?
    where T.RawValue == String {
        string(key).flatMap { match($0, key, T.self) }
    }

    /// Like `choice(_:as:)` but nil without a problem when the key is absent.
    public func optionalChoice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self) -> T?
    where T.RawValue == String {
        optionalString(key).flatMap { match($0, key, T.self) }
    }

    private func match<T: RawRepresentable & CaseIterable>(_ word: String, _ key: String, _: T.Type) -> T?
    where T.RawValue == String {
        if let value = T(rawValue: word) { return value }
        let names = T.allCases.map(\.rawValue)
        var message = "'\(key)' must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), found '\(word)'"
        if let near = Self.suggestion(for: word, among: names) { message += "; did you mean '\(near)'?" }
        error(message, at: key)
        return nil
    }

    // MARK: - Unknown keys

    /// Records a problem for every key of the table not in `allowed`, suggesting the closest allowed key.
    public func rejectUnknownKeys(except allowed: Set<String>) {
        for entry in table.entries where !allowed.contains(entry.key) {
            var message = "unknown key '\(entry.key)' \(table.contextPhrase)"
            if let near = Self.suggestion(for: entry.key, among: allowed) { message += "; did you mean '\(near)'?" }
            diagnostics.error(message, at: entry.keyLocation)
        }
    }

    /// Records a problem for every key of the table that no accessor of this reader has asked for (present or
    /// not), suggesting the closest key that was asked for. Call it after reading everything the table may hold.
    public func rejectUnreadKeys() {
        rejectUnknownKeys(except: readKeys.keys)
    }

    /// The candidate closest to `word` if it is close enough to be a likely typo, or nil.
    ///
    /// Closeness is the optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
    /// neighbours) ignoring case; up to 1 edit is accepted for words of up to four letters and 2 beyond, which
    /// catches `rat` for `rate` and `capcaity` for `capacity` without suggesting `name` for `rate`.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = word.count <= 4 ? 1 : 2
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            guard distance <= limit, distance < candidate.count else { continue }
            if let current = best, (current.distance, current.candidate) <= (distance, candidate) { continue }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance between two strings, counted in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: the swap of neighbours looks two rows back.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

extension TOMLReader.Check where Value == Int {
    /// At least 0.
    public static var nonNegative: Self { Self("must not be negative") { $0 >= 0 } }
    /// Above 0.
    public static var positive: Self { Self("must be positive") { $0 > 0 } }
    /// Within `range`, bounds included.
    public static func between(_ range: ClosedRange<Int>) -> Self {
        Self("must be between \(range.lowerBound) and \(range.upperBound)") { range.contains($0) }
    }
}

extension TOMLReader.Check where Value == Double {
    /// At least 0.
    public static var nonNegative: Self { Self("must not be negative") { $0 >= 0 } }
    /// Above 0.
    public static var positive: Self { Self("must be positive") { $0 > 0 } }
    /// Within `range`, bounds included.
    public static func between(_ range: ClosedRange<Double>) -> Self {
        Self("must be between \(TOMLReader.shown(range.lowerBound)) and \(TOMLReader.shown(range.upperBound))") { range.contains($0) }
    }
    /// Between 0 and 1, as shares and probabilities are.
    public static var fraction: Self { Self("must be between 0 and 1") { (0...1).contains($0) } }
}
