/// A TOML table: keys in document order, each with the position of the key and of its value.
///
/// Order is kept because reports list wards and resources in the order the planner wrote them; positions are kept
/// because every later complaint about a key must point at it.
public struct TOMLTable: Sendable, Equatable {
    /// One key of the table with its value.
    public struct Entry: Sendable, Equatable {
        /// The key, unquoted (`"north side"` is stored as `north side`).
        public var key: String
        /// Where the key is written: in a `key = value` line, the (last part of the) key; for a table made by a
        /// `[header]`, the key inside the header.
        public var keyLocation: SourceLocation
        public var value: TOMLValue

        public init(key: String, keyLocation: SourceLocation, value: TOMLValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// Where the table is defined: the `[` of its header, the `{` of an inline table, the first key that made it
    /// through a dotted key, or line 1, column 1 for the top level. Messages about missing keys point here.
    public var location: SourceLocation
    /// The keys leading from the top level to this table (`["wards", "kita"]`); empty for the top level.
    public var path: [String]
    /// Whether this table is one element of an array of tables (`[[wards]]`) or of an array of inline tables.
    public var isArrayElement: Bool
    /// The entries in document order.
    public private(set) var entries: [Entry] = []
    /// Index into `entries` by key, so lookups stay fast on big site files.
    private var positions: [String: Int] = [:]

    /// Creates an empty table.
    public init(location: SourceLocation, path: [String] = [], isArrayElement: Bool = false) {
        self.location = location
        self.path = path
        self.isArrayElement = isArrayElement
    }

    /// The value for `key`, or nil if the table has no such key.
    public subscript(key: String) -> TOMLValue? {
        entry(for: key)?.value
    }

    /// The entry for `key`, or nil if the table has no such key.
    public func entry(for key: String) -> Entry? {
        positions[key].map { entries[$0] }
    }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// Whether the table has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `key` is present.
    public func contains(_ key: String) -> Bool { positions[key] != nil }

    /// Appends a key at the end of the document order.
    ///
    /// - Precondition: `key` is not yet in the table; the parser reports duplicates before it gets here, so a
    ///   duplicate is a programming error.
    public mutating func append(_ key: String, keyLocation: SourceLocation, value: TOMLValue) {
        precondition(positions[key] == nil, "TOMLTable.append: key '\(key)' is already present")
        positions[key] = entries.count
        entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
    }

    /// Whether this is the top level of the document.
    public var isTopLevel: Bool { path.isEmpty }

    /// The table as a user would name it: `[wards.kita]`, `[[wards]]`, or `the top level`.
    public var displayName: String {
        if path.isEmpty { return "the top level" }
        let name = TOMLKey.display(path)
        return isArrayElement ? "[[\(name)]]" : "[\(name)]"
    }

    /// A phrase that ends messages about this table: `in [wards.kita]`, or `at the top level`.
    public var contextPhrase: String {
        path.isEmpty ? "at the top level" : "in \(displayName)"
    }

    /// The full key path of `key` in this table, as the user would write it (`wards.kita.rate`).
    public func displayPath(of key: String) -> String {
        TOMLKey.display(path + [key])
    }
}
