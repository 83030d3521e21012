/// One part of a dotted key (`wards`, `"north side"`) with where it is written.
struct TOMLKeyPart {
    var name: String
    var location: SourceLocation
}

/// A table while the document is being read: mutable and shared, so that a header can reopen a table created
/// earlier and so that each table remembers how it was defined.
final class TOMLTableNode {
    /// How a table came to exist, which decides what may still be added to it (TOML 1.0, "Table").
    enum Origin {
        case topLevel
        /// Created only as a step of a longer header (`a` in `[a.b]`); a later `[a]` may still define it.
        case implicit
        /// Defined by a `[header]` or `[[header]]`; it can never be defined again nor extended by dotted keys.
        case header(SourceLocation)
        /// Defined by dotted keys in the section with this number; only dotted keys of that section may add to it.
        case dotted(SourceLocation, section: Int)
        /// An inline table being read; it is sealed once its closing brace is reached.
        case inline
    }

    /// What a key of the table holds.
    enum Content {
        case table(TOMLTableNode)
        case arrayOfTables(TOMLArrayOfTablesNode)
        /// A value written after `=`: scalars, static arrays and inline tables, all closed to later additions.
        case value(TOMLValue)
    }

    struct Entry {
        var keyLocation: SourceLocation
        var content: Content
    }

    var origin: Origin
    var location: SourceLocation
    let path: [String]
    let isArrayElement: Bool
    private(set) var order: [String] = []
    private(set) var entries: [String: Entry] = [:]

    init(origin: Origin, location: SourceLocation, path: [String], isArrayElement: Bool = false) {
        self.origin = origin
        self.location = location
        self.path = path
        self.isArrayElement = isArrayElement
    }

    func add(_ key: String, keyLocation: SourceLocation, _ content: Content) {
        order.append(key)
        entries[key] = Entry(keyLocation: keyLocation, content: content)
    }

    func moveKeyLocation(of key: String, to location: SourceLocation) {
        entries[key]?.keyLocation = location
    }

    /// The finished, immutable table.
    func makeTable() -> TOMLTable {
        var table = TOMLTable(location: location, path: path, isArrayElement: isArrayElement)
        for key in order {
            guard let entry = entries[key] else { continue }
            let value: TOMLValue
            switch entry.content {
            case .table(let node):
                value = TOMLValue(.table(node.makeTable()), at: node.location)
            case .arrayOfTables(let array):
                let elements = array.elements.map { TOMLValue(.table($0.makeTable()), at: $0.location) }
                value = TOMLValue(.array(elements), at: array.location)
            case .value(let written):
                value = written
            }
            table.append(key, keyLocation: entry.keyLocation, value: value)
        }
        return table
    }
}

/// An array of tables made by `[[header]]` lines; every header appends one element.
final class TOMLArrayOfTablesNode {
    /// The `[[` of the first header.
    let location: SourceLocation
    var elements: [TOMLTableNode] = []

    init(location: SourceLocation) {
        self.location = location
    }
}

/// Builds the table tree from headers and key/value lines and enforces TOML's rules against defining anything
/// twice.
///
/// Redefinitions are reported, not thrown: they do not confuse the reading of what follows, so every one of them in
/// the file is reported in one run. The rules follow TOML 1.0 and agree with the toml-test suite: a header may define
/// an implicitly created table once; dotted keys may extend tables they created themselves in the same section but
/// never a table defined by a header; inline tables and static arrays are closed.
struct TOMLTableBuilder {
    let root: TOMLTableNode
    /// The table that key/value lines currently go into.
    private(set) var current: TOMLTableNode
    /// Numbers the sections between headers, so dotted-key tables know which section made them.
    private(set) var section = 0
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        root = TOMLTableNode(origin: .topLevel, location: SourceLocation(file: file, line: 1, column: 1), path: [])
        current = root
    }

    // MARK: Headers

    /// Handles `[path]` written at `header` (the `[`).
    mutating func defineTable(_ path: [TOMLKeyPart], at header: SourceLocation) {
        section += 1
        let name = "[\(TOMLKey.display(path.map(\.name)))]"
        guard let last = path.last, let parent = walkHeader(path.dropLast(), header: header, name: name) else {
            return detach(header, path)
        }
        guard let entry = parent.entries[last.name] else {
            let table = TOMLTableNode(origin: .header(header), location: header, path: parent.path + [last.name])
            parent.add(last.name, keyLocation: last.location, .table(table))
            current = table
            return
        }
        switch entry.content {
        case .table(let table):
            switch table.origin {
            case .implicit:
                table.origin = .header(header)
                table.location = header
                parent.moveKeyLocation(of: last.name, to: last.location)
                current = table
                return
            case .header(let first):
                report(header, "table \(name) is defined twice \(firstAt(first))")
            case .dotted(let first, _):
                report(header, "table \(name) is defined twice \(firstAt(first, ", by dotted keys"))")
            case .topLevel, .inline:
                report(header, "table \(name) is defined twice \(firstAt(table.location))")
            }
        case .arrayOfTables(let array):
            report(header, "table \(name) is defined twice \(firstAt(array.location, " as [\(name)]"))")
        case .value(let value):
            if case .table = value.kind {
                report(header, "table \(name) is defined twice \(firstAt(value.location, " as an inline table"))")
            } else {
                let key = TOMLKey.display(path.map(\.name))
                report(header, "cannot define table \(name): key '\(key)' is already \(value.typeDescription) \(firstAt(value.location))")
            }
        }
        detach(header, path)
    }

    /// Handles `[[path]]` written at `header` (the first `[`).
    mutating func appendArrayElement(_ path: [TOMLKeyPart], at header: SourceLocation) {
        section += 1
        let dotted = TOMLKey.display(path.map(\.name))
        let name = "[[\(dotted)]]"
        guard let last = path.last, let parent = walkHeader(path.dropLast(), header: header, name: name) else {
            return detach(header, path, isArrayElement: true)
        }
        let element = TOMLTableNode(origin: .header(header), location: header, path: parent.path + [last.name],
                                    isArrayElement: true)
        guard let entry = parent.entries[last.name] else {
            let array = TOMLArrayOfTablesNode(location: header)
            array.elements.append(element)
            parent.add(last.name, keyLocation: last.location, .arrayOfTables(array))
            current = element
            return
        }
        switch entry.content {
        case .arrayOfTables(let array):
            array.elements.append(element)
            current = element
            return
        case .table(let table):
            report(header, "cannot define array of tables \(name): [\(dotted)] is already a table \(firstAt(table.location))")
        case .value(let value):
            if case .array = value.kind {
                report(header, "cannot append to static array '\(dotted)' with \(name) \(firstAt(value.location))")
            } else {
                let type = value.typeDescription
                report(header, "cannot define array of tables \(name): key '\(dotted)' is already \(type) \(firstAt(value.location))")
            }
        }
        detach(header, path, isArrayElement: true)
    }

    /// Follows the leading parts of a header, creating implicit tables and entering the last element of arrays
    /// of tables; returns nil (after reporting) if a part is a value.
    private mutating func walkHeader(_ parts: ArraySlice<TOMLKeyPart>, header: SourceLocation,
                                     name: String) -> TOMLTableNode? {
        var table = root
        for part in parts {
            guard let entry = table.entries[part.name] else {
                let created = TOMLTableNode(origin: .implicit, location: header, path: table.path + [part.name])
                table.add(part.name, keyLocation: part.location, .table(created))
                table = created
                continue
            }
            switch entry.content {
            case .table(let next):
                table = next
            case .arrayOfTables(let array):
                // An array of tables always has an element: it is created together with its first one.
                table = array.elements[array.elements.count - 1]
            case .value(let value):
                let key = table.path + [part.name]
                report(header, "cannot define \(name): \(closedValueDescription(key, value))")
                return nil
            }
        }
        return table
    }

    /// After a header too broken to read, sends the keys that follow to a table outside the tree, so that they are
    /// not reported as duplicates of the previous section's keys.
    mutating func skipBrokenHeader(at header: SourceLocation) {
        section += 1
        detach(header, [])
    }

    /// After a rejected header, sends the section's keys to a table outside the tree, so that they are still
    /// checked against each other but do not produce a second wave of errors against the original table.
    private mutating func detach(_ header: SourceLocation, _ path: [TOMLKeyPart], isArrayElement: Bool = false) {
        current = TOMLTableNode(origin: .header(header), location: header, path: path.map(\.name),
                                isArrayElement: isArrayElement)
    }

    // MARK: Key/value lines

    /// Handles `key = value` inside `target` (the current section's table, or an inline table being read).
    mutating func assign(_ key: [TOMLKeyPart], _ value: TOMLValue, in target: TOMLTableNode) {
        guard let first = key.first, let last = key.last else { return }
        let fullKey = TOMLKey.display(target.path + key.map(\.name))
        var table = target
        for part in key.dropLast() {
            let stepKey = table.path + [part.name]
            let stepName = TOMLKey.display(stepKey)
            let prefix = "cannot add key '\(fullKey)' with dotted keys"
            guard let entry = table.entries[part.name] else {
                let created = TOMLTableNode(origin: .dotted(part.location, section: section), location: part.location,
                                            path: stepKey)
                table.add(part.name, keyLocation: part.location, .table(created))
                table = created
                continue
            }
            switch entry.content {
            case .table(let next):
                switch next.origin {
                case .implicit:
                    next.origin = .dotted(part.location, section: section)
                    next.location = part.location
                    table = next
                    continue
                case .dotted(_, let madeIn) where madeIn == section:
                    table = next
                    continue
                case .dotted(let defined, _), .header(let defined):
                    report(first.location, "\(prefix): table [\(stepName)] is already defined \(firstAt(defined))")
                case .topLevel, .inline:
                    report(first.location, "\(prefix): table [\(stepName)] is already defined \(firstAt(next.location))")
                }
            case .arrayOfTables(let array):
                report(first.location, "\(prefix): '\(stepName)' is an array of tables \(firstAt(array.location))")
            case .value(let value):
                report(first.location, "cannot add key '\(fullKey)': \(closedValueDescription(stepKey, value))")
            }
            return
        }
        if let existing = table.entries[last.name] {
            report(first.location, "key '\(fullKey)' is defined twice \(firstAt(existing.keyLocation))")
            return
        }
        table.add(last.name, keyLocation: last.location, .value(value))
    }

    // MARK: Helpers

    /// Why nothing can be added below `key`, which holds a value written after `=`.
    private func closedValueDescription(_ key: [String], _ value: TOMLValue) -> String {
        let name = TOMLKey.display(key)
        if case .table = value.kind {
            return "'\(name)' is an inline table \(firstAt(value.location)), and inline tables cannot be extended"
        }
        return "key '\(name)' is already \(value.typeDescription) \(firstAt(value.location))"
    }

    /// "(first at line 4)", or "(first at line 4 as an inline table)" with the `detail` " as an inline table".
    private func firstAt(_ location: SourceLocation, _ detail: String = "") -> String {
        "(first at line \(location.line)\(detail))"
    }

    private mutating func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }
}
