import Foundation

extension PlanDocument {
    /// The keys every plan.json has (README, "plan.json"); `bound`, `gap`, `model` and `jobsDigest` may be absent.
    static let requiredKeys = [
        "planner", "status", "objective", "cost", "wardStaffHours", "wardStaffHoursFreed", "handoffs", "latePieces",
        "solveSeconds", "weekStart", "weekEnd", "workingDays", "jobsFile", "siteFile", "jobs", "pieces", "statusQuo",
        "lotsPerTier", "lots", "wards", "deferred", "assignments",
    ]

    /// Reads a plan.json that `mailplan plan` wrote.
    ///
    /// - Returns: the document.
    /// - Throws: `InputFileError` when the file cannot be read; `DiagnosticsError` when it is not JSON or not a plan,
    ///   each problem at its line and column.
    public static func read(path: String) throws -> PlanDocument {
        try decode(InputFileError.readBytes(atPath: path), file: path)
    }

    /// Decodes the bytes of a plan.json, checking its syntax, its keys and their types, and that it names each job
    /// stage and ward at most once.
    ///
    /// - Parameter file: the file name that diagnostics carry.
    /// - Returns: the document.
    /// - Throws: `DiagnosticsError`: the first syntax or type error, or every missing key and repeated entry.
    public static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> PlanDocument {
        let root = try LocatedJSON.parse(bytes, file: file)
        guard let members = root.members else {
            throw DiagnosticsError([Diagnostic(root.location(in: file),
                "not a plan: the file holds \(root.kindDescription), where mailplan plan writes an object")])
        }
        let present = Set(members.map(\.key))
        let missing = requiredKeys.filter { !present.contains($0) }
        if !missing.isEmpty {
            let list = missing.count > 6
                ? "\(missing.count) of its \(requiredKeys.count) keys (\(missing.prefix(4).map { "'\($0)'" }.joined(separator: ", ")), …)"
                : missing.map { "'\($0)'" }.joined(separator: ", ")
            throw DiagnosticsError([Diagnostic(root.location(in: file),
                "not a plan.json written by mailplan plan: it lacks \(list)")])
        }
        try checkNumbers(root, file: file)
        let document: PlanDocument
        do {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(bytes.dropFirst(3)) : Data(bytes)
            document = try JSONDecoder().decode(PlanDocument.self, from: body)
        } catch let error as DecodingError {
            throw DiagnosticsError([diagnostic(error, root: root, file: file)])
        } catch {
            throw DiagnosticsError([Diagnostic(root.location(in: file), "cannot read the plan: \(error)")])
        }
        try checkEntries(document, root: root, file: file)
        return document
    }

    /// Where plan.json has whole numbers (`*`: every element of an array or member of an object).
    static let wholeNumberPaths: [[String]] = [
        ["handoffs"], ["latePieces"], ["jobs"], ["pieces"], ["statusQuo", "handoffs"], ["statusQuo", "latePieces"],
        ["model", "rows"], ["model", "columns"], ["model", "binaries"], ["lots", "*", "pieces"],
        ["lots", "*", "tierMinPieces"], ["lotsPerTier", "*"], ["assignments", "*", "days", "*"],
    ]

    /// Every number too large for a Double, and every whole-number field holding a fraction: Foundation's decoder
    /// reports those without saying where.
    static func checkNumbers(_ root: LocatedJSON, file: String) throws(DiagnosticsError) {
        let collector = DiagnosticCollector()
        func visit(_ node: LocatedJSON) {
            switch node.value {
            case .object(let members): members.forEach { visit($0.value) }
            case .array(let elements): elements.forEach(visit)
            case .number(let text) where !(Double(text)?.isFinite ?? false):
                collector.error("the number \(text) is too large", at: node.location(in: file))
            default: break
            }
        }
        visit(root)
        func nodes(_ node: LocatedJSON, _ path: ArraySlice<String>) -> [(LocatedJSON, String)] {
            guard let key = path.first else { return [(node, "")] }
            let rest = path.dropFirst()
            let children: [(LocatedJSON, String)] = switch node.value {
            case .object(let members) where key == "*": members.map { ($0.value, "." + $0.key) }
            case .array(let elements) where key == "*": elements.enumerated().map { ($1, "[\($0)]") }
            case .object: node[key].map { [($0, "." + key)] } ?? []
            default: []
            }
            return children.flatMap { child, name in nodes(child, rest).map { ($0.0, name + $0.1) } }
        }
        for path in wholeNumberPaths {
            for (node, name) in nodes(root, path[...]) {
                guard case .number(let text) = node.value, let value = Double(text), value.isFinite else { continue }
                if value.rounded() != value {
                    collector.error("'\(name.dropFirst())' must be a whole number, not \(text)", at: node.location(in: file))
                } else if abs(value) >= 9.2e18 {
                    collector.error("'\(name.dropFirst())' must be a whole number below 9.2e18 in size, not \(text)",
                                    at: node.location(in: file))
                }
            }
        }
        try collector.throwIfErrors()
    }

    /// A decoding error at the position of the value (or, for a missing key, the object) it is about.
    static func diagnostic(_ error: DecodingError, root: LocatedJSON, file: String) -> Diagnostic {
        func name(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue, key.stringValue == "\(index)" || key.stringValue.hasPrefix("Index ") {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "the top level" : "'\(text)'"
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Int.Type: "a whole number"
            case is Double.Type: "a number"
            case is Bool.Type: "true or false"
            case is [Any].Type: "an array"
            default: "an object"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let node = root.node(at: context.codingPath)
            return Diagnostic(node.location(in: file), "\(name(context.codingPath)) lacks the key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            let node = root.node(at: context.codingPath)
            return Diagnostic(node.location(in: file),
                              "\(name(context.codingPath)) must be \(expected(type)), not \(node.kindDescription)")
        case .valueNotFound(let type, let context):
            let node = root.node(at: context.codingPath)
            return Diagnostic(node.location(in: file), "\(name(context.codingPath)) must be \(expected(type)), not null")
        case .dataCorrupted(let context):
            let node = root.node(at: context.codingPath)
            return Diagnostic(node.location(in: file), "\(name(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return Diagnostic(root.location(in: file), "cannot read the plan: \(error)")
        }
    }

    /// Every stage name that is not a stage, job stage assigned twice, ward listed twice and tier that is not a
    /// number of pieces: a plan.json from mailplan has none, and a comparison needs each to be unique.
    static func checkEntries(_ document: PlanDocument, root: LocatedJSON, file: String) throws(DiagnosticsError) {
        let collector = DiagnosticCollector()
        func at(_ path: [any CodingKey]) -> SourceLocation { root.node(at: path).location(in: file) }
        var stages: [String: Int] = [:]
        for (index, entry) in document.assignments.enumerated() {
            let path: [any CodingKey] = [PathKey("assignments"), PathKey(index)]
            if Stage(rawValue: entry.stage) == nil {
                collector.error("'\(entry.stage)' is not a stage (extract, insert or dispatch)",
                                at: at(path + [PathKey("stage")]))
            }
            let key = "\(entry.job)\u{1F}\(entry.stage)"
            if let first = stages[key] {
                collector.error("job \(entry.job), stage \(entry.stage) is assigned twice (first in assignments[\(first)])",
                                at: at(path))
            } else {
                stages[key] = index
            }
        }
        var wards: [String: Int] = [:]
        for (index, entry) in document.wards.enumerated() {
            if let first = wards[entry.ward] {
                collector.error("ward \(entry.ward) is listed twice (first in wards[\(first)])",
                                at: at([PathKey("wards"), PathKey(index)]))
            } else {
                wards[entry.ward] = index
            }
        }
        var deferred: Set<String> = []
        for (index, job) in document.deferred.enumerated() where !deferred.insert(job).inserted {
            collector.error("job \(job) is deferred twice", at: at([PathKey("deferred"), PathKey(index)]))
        }
        for tier in document.lotsPerTier.keys.sorted() where Int(tier).map({ $0 < 0 }) ?? true {
            collector.error("'\(tier)' is not a tier (the minimum pieces of a lot, 0 below the tiers)",
                            at: at([PathKey("lotsPerTier"), PathKey(tier)]))
        }
        try collector.throwIfErrors()
    }
}

/// A coding key made by hand, to find a value in a ``LocatedJSON`` tree.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init(_ index: Int) {
        stringValue = "\(index)"
        intValue = index
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        self.init(intValue)
    }
}
