/// Reads a site description (`site.toml`) into a `Site`, checking everything it says.
///
/// The format is the template `Jobs/template/site.toml`, described key by key in `Jobs/FORMAT.md`. Every problem of
/// the file is collected before anything is thrown, each at the key or value it is about: unknown keys (with the
/// closest known key), missing keys, wrong types, negative or zero quantities, duplicate or malformed codes,
/// references to wards, blocks, programs or envelopes that do not exist, postal tiers out of order, and resources
/// that could not do anything.
public enum SiteLoader {
    /// Reads and checks a site file.
    ///
    /// - Parameters:
    ///   - path: where the file is.
    ///   - displayName: the name to use in diagnostics; the path when nil.
    /// - Returns: the site.
    /// - Throws: `InputFileError` when the file cannot be read at all (missing, a directory, no permission), and
    ///   `DiagnosticsError` with every problem when it can be read but is not a valid site.
    public static func load(path: String, displayName: String? = nil) throws -> Site {
        let bytes = try InputFileError.readBytes(atPath: path)
        return try parse(bytes: bytes, file: displayName ?? path)
    }

    /// Decodes a site file's bytes (UTF-8 with or without a byte order mark; Shift_JIS/CP932 is tolerated, as for
    /// job books, because Japanese editors still save it) and reads them.
    ///
    /// - Throws: `DiagnosticsError` with every problem.
    public static func parse(bytes: [UInt8], file: String) throws(DiagnosticsError) -> Site {
        let decoded = try TextDecoding.decode(bytes, file: file)
        return try parse(decoded.text, file: file)
    }

    /// Reads a site from TOML text.
    ///
    /// - Parameters:
    ///   - text: the whole file.
    ///   - file: the file's name as the user gave it, used in every diagnostic.
    /// - Returns: the site.
    /// - Throws: `DiagnosticsError` with every problem, sorted by position.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> Site {
        let log = DiagnosticCollector()
        guard let root = TOMLReader.parse(text, file: file, diagnostics: log) else {
            try log.throwIfErrors()
            preconditionFailure("a TOML document that fails to parse records an error")
        }
        let site = SiteReading(log: log).site(from: root)
        try log.throwIfErrors()
        return site
    }
}

/// One pass over a site file: the codes defined so far (for duplicates and references) and the problems found.
///
/// Sections are read in dependency order (wards, programs and envelopes before the resources and postal classes
/// that name them), so a reference is checked against every definition whatever order the file uses.
final class SiteReading {
    let log: DiagnosticCollector
    var wardCodes = CodeRegistry(what: "ward")
    var programCodes = CodeRegistry(what: "program")
    var envelopeCodes = CodeRegistry(what: "envelope")
    var resourceCodes = CodeRegistry(what: "resource")
    var classCodes = CodeRegistry(what: "mail class")
    /// The codes of the wards of each block, in ward order, for hubs' `serves_block`.
    var blockWards: [String: [String]] = [:]

    static let topLevelKeys: [String] = [
        "site", "calendar", "policy", "transfers", "wards", "programs", "envelopes", "resources", "postage",
    ]

    init(log: DiagnosticCollector) {
        self.log = log
    }

    /// Reads every section; the result is meaningful only when `log` has no errors.
    func site(from root: TOMLReader) -> Site {
        let name = root.table("site").flatMap { section -> String? in
            defer { section.rejectUnreadKeys() }
            return nonEmptyString(section, "name")
        }
        let calendar = root.optionalTable("calendar").map(calendar(from:)) ?? WorkCalendar()
        let policy = root.optionalTable("policy").map(policy(from:)) ?? Policy()
        let transfers = root.table("transfers").map(transfers(from:))
        let wards = wards(from: root)
        let programs = programs(from: root)
        let envelopes = envelopes(from: root)
        let resources = resources(from: root)
        let tariff = root.table("postage").map(tariff(from:)) ?? Tariff(classes: [])
        root.rejectUnknownKeys(except: Set(Self.topLevelKeys))
        return Site(name: name ?? "", calendar: calendar, wards: wards, programs: programs, envelopes: envelopes,
                    sharedResources: resources, transfers: transfers?.rules ?? [],
                    defaultTransfer: transfers?.fallback ?? TransferRule(from: nil, to: nil, lagDays: 1, handoffYen: 0),
                    tariff: tariff, policy: policy)
    }

    // MARK: - Shared readers

    /// A required string that must not be empty (names, blocks, sites).
    func nonEmptyString(_ reader: TOMLReader, _ key: String) -> String? {
        guard let text = reader.string(key) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            reader.error("'\(key)' must not be empty", at: key)
            return nil
        }
        return text
    }

    /// The code at `key`: checked for its characters and registered in `registry`, reporting a duplicate.
    ///
    /// A malformed or duplicate code is still registered so that references to it are not reported a second time.
    func code(_ reader: TOMLReader, _ key: String = "code", into registry: inout CodeRegistry) -> String? {
        guard let code = reader.string(key) else { return nil }
        let location = reader.location(of: key)
        var valid = true
        if !CodeRegistry.isValid(code) {
            reader.error("\(registry.what) code '\(code)' may use only the letters A–Z and a–z, digits, '_', '.' "
                + "and '-' (codes become names in the planning model)", at: key)
            valid = false
        } else if code.count > CodeRegistry.maximumLength {
            reader.error("\(registry.what) code '\(code)' has \(code.count) characters; codes have at most "
                + "\(CodeRegistry.maximumLength) (they become parts of the planning model's names, which GLPK "
                + "limits to 255)", at: key)
            valid = false
        }
        if let first = registry.first[code] {
            reader.error("duplicate \(registry.what) code '\(code)': it is already defined on line \(first.line)",
                         at: key)
            valid = false
        } else {
            registry.add(code, at: location)
        }
        return valid ? code : nil
    }

    /// A list of codes that must all be defined in `known` (a resource's envelopes, a department's programs).
    ///
    /// - Returns: the codes, or nil when the key is absent (and not required) or any element is wrong.
    func codeList(_ reader: TOMLReader, _ key: String, required: Bool, known: CodeRegistry) -> [String]? {
        guard let codes = required ? reader.strings(key) : reader.optionalStrings(key) else { return nil }
        let values = reader.value(key)?.arrayValue ?? []
        var valid = true
        var seen: Set<String> = []
        for (code, value) in zip(codes, values) {
            if known.first[code] == nil {
                reader.diagnostics.error("unknown \(known.what) '\(code)' in '\(key)'\(known.hint(for: code))",
                                         at: value.location)
                valid = false
            } else if !seen.insert(code).inserted {
                reader.diagnostics.error("'\(code)' is listed twice in '\(key)'", at: value.location)
                valid = false
            }
        }
        return valid ? codes : nil
    }

    /// A table whose keys are stage names (`{ extract = 400, insert = 180 }`), each value finite and not negative.
    ///
    /// - Parameter zeroAllowed: whether 0 is a meaningful value (a price) rather than a stage that cannot be done
    ///   (a rate).
    /// - Returns: the numbers by stage, or nil when the key is absent (and not required) or anything is wrong.
    func stageNumbers(_ reader: TOMLReader, _ key: String, required: Bool, zeroAllowed: Bool) -> [Stage: Double]? {
        guard let table = required ? reader.table(key) : reader.optionalTable(key) else { return nil }
        var numbers: [Stage: Double] = [:]
        var valid = true
        for entry in table.table.entries {
            guard let stage = Stage(rawValue: entry.key) else {
                var message = "'\(entry.key)' in '\(key)' is not a stage; the keys are stage names ("
                    + Stage.allCases.map(\.rawValue).joined(separator: ", ") + ")"
                if let near = TOMLReader.suggestion(for: entry.key, among: Stage.allCases.map(\.rawValue)) {
                    message += "; did you mean '\(near)'?"
                }
                log.error(message, at: entry.keyLocation)
                valid = false
                continue
            }
            guard let value = table.double(entry.key, .nonNegative) else {
                valid = false
                continue
            }
            if value == 0 && !zeroAllowed {
                table.error("'\(entry.key)' in '\(key)' is 0: a listed stage needs a rate above 0 "
                    + "(leave the stage out if it is not done there)", at: entry.key)
                valid = false
            }
            numbers[stage] = value
        }
        return valid ? numbers : nil
    }
}

/// The codes of one kind of thing (wards, programs, ...) defined so far, with where each was first defined.
struct CodeRegistry {
    /// What the codes name, for messages ("ward", "envelope").
    let what: String
    /// Where each code is first defined.
    private(set) var first: [String: SourceLocation] = [:]
    /// The codes in definition order.
    private(set) var order: [String] = []

    init(what: String) {
        self.what = what
    }

    mutating func add(_ code: String, at location: SourceLocation) {
        first[code] = location
        order.append(code)
    }

    func contains(_ code: String) -> Bool { first[code] != nil }

    /// "; did you mean 'x'?" for a likely typo, or the known codes when there are few, or nothing.
    func hint(for code: String) -> String {
        if let near = TOMLReader.suggestion(for: code, among: order) { return "; did you mean '\(near)'?" }
        if order.isEmpty { return " (no \(what) is defined)" }
        if order.count <= 8 { return " (known: \(order.joined(separator: ", ")))" }
        return ""
    }

    /// The most characters a code may have. The planning model's longest names join two codes, a job's name (at
    /// most ``RouteCatalogue/maximumJobNameLength`` and a suffix), a date and a number: well within GLPK's 255.
    static let maximumLength = 40

    /// Whether `code` is a valid code: one or more of `A-Z a-z 0-9 _ . -` (its length is checked apart).
    static func isValid(_ code: String) -> Bool {
        !code.isEmpty && code.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "-": true
            default: false
            }
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (ASCII and the ideographic space).
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0.isNewline }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
