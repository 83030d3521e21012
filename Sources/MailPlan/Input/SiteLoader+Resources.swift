// [[resources]]: the shared resources. Hour-based kinds (department, center, hub) give stages, rates and hours;
// vendors give prices per piece by stage and a daily piece capacity. A key that belongs to the other family is
// reported rather than ignored, since it always means the file says something the planner would not use.
extension SiteReading {
    /// The wards or programs a resource is limited to; `codes` nil means no limit.
    struct Restriction {
        let codes: Set<String>?
    }

    /// The kinds a `[[resources]]` entry may have: ward desks come from `[[wards]]`.
    static let sharedKinds: [ResourceKind] = [.department, .center, .hub, .vendor]

    /// Keys only hour-based resources have.
    static let hourKeys = ["stages", "pieces_per_hour", "hours_per_day", "yen_per_hour"]
    /// Keys only vendors have.
    static let vendorKeys = ["yen_per_piece", "pieces_per_day", "weekly_fixed_yen"]

    /// Every `[[resources]]` (none is fine: a site of ward desks only).
    func resources(from root: TOMLReader) -> [Resource] {
        let desks = Dictionary(wardCodes.order.map { ("desk-\($0)", $0) }, uniquingKeysWith: { first, _ in first })
        return root.optionalTables("resources").compactMap { table in
            defer { table.rejectUnreadKeys() }
            let code = code(table, into: &resourceCodes)
            if let code, let ward = desks[code] {
                table.error("resource code '\(code)' is the code of the desk of ward '\(ward)'; choose another",
                            at: "code")
            }
            let label = code.map { "resource '\($0)'" } ?? "this resource"
            let name = nonEmptyString(table, "name")
            let kind = kind(table)
            let place = nonEmptyString(table, "site")
            let personalData = table.bool("personal_data")
            let envelopes = codeList(table, "envelopes", required: false, known: envelopeCodes)
            let envelopesValid = !table.contains("envelopes") || envelopes != nil
            let serves = servedWards(table, kind: kind, label: label)
            let programs = takenPrograms(table, kind: kind, label: label)
            guard let kind else {
                // The keys of either family may be right for the kind the user meant: do not call them unknown.
                for key in Self.hourKeys + Self.vendorKeys + ["setup_minutes", "max_inserts"] {
                    _ = table.contains(key)
                }
                return nil
            }
            // Read before the capacity so that it is checked even when the stages or rates are wrong.
            let insertListed = kind == .vendor
                ? table.value("yen_per_piece")?.tableValue?.contains(Stage.insert.rawValue) == true
                : table.value("stages")?.arrayValue?.contains { $0.stringValue == Stage.insert.rawValue } == true
            let maxInserts = insertListed
                ? table.int("max_inserts", .nonNegative)
                : table.optionalInt("max_inserts", .nonNegative) ?? 0
            guard var resource = kind == .vendor ? vendor(table, label: label) : hourBased(table, label: label),
                  let code, let name, let place, let personalData, let maxInserts, envelopesValid, let serves,
                  let programs
            else { return nil }
            resource.id = code
            resource.name = name
            resource.kind = kind
            resource.site = place
            resource.personalData = personalData
            resource.envelopes = Set(envelopes ?? [])
            resource.maxInserts = maxInserts
            resource.servesWards = serves.codes
            resource.programs = programs.codes
            return resource
        }
    }

    /// `kind`, which must be a shared kind.
    private func kind(_ table: TOMLReader) -> ResourceKind? {
        guard let word = table.string("kind") else { return nil }
        if let kind = ResourceKind(rawValue: word), Self.sharedKinds.contains(kind) { return kind }
        if word == ResourceKind.ward.rawValue {
            table.error("kind 'ward' is not allowed in [[resources]]: each ward's desk comes from its [[wards]] "
                + "entry", at: "kind")
            return nil
        }
        let names = Self.sharedKinds.map(\.rawValue)
        var message = "'kind' must be one of \(names.map { "'\($0)'" }.joined(separator: ", ")), found '\(word)'"
        if let near = TOMLReader.suggestion(for: word, among: names) { message += "; did you mean '\(near)'?" }
        table.error(message, at: "kind")
        return nil
    }

    /// The wards a resource serves: a hub's block (`serves_block`) or list (`serves_wards`); for other kinds an
    /// optional `serves_wards`, nil meaning every ward.
    ///
    /// - Returns: nil when something is wrong, otherwise the wards (which may themselves be nil: every ward).
    private func servedWards(_ table: TOMLReader, kind: ResourceKind?, label: String) -> Restriction? {
        let hasBlock = table.contains("serves_block")
        let hasList = table.contains("serves_wards")
        var valid = true
        var wards: Set<String>?
        if hasBlock {
            if let kind, kind != .hub {
                table.error("'serves_block' applies only to hubs; list the wards this \(kind) serves in "
                    + "'serves_wards'", at: "serves_block")
                valid = false
            } else if let block = nonEmptyString(table, "serves_block") {
                if let codes = blockWards[block] {
                    wards = Set(codes)
                } else {
                    let blocks = blockWards.keys.sorted()
                    var message = "block '\(block)' has no wards"
                    if let near = TOMLReader.suggestion(for: block, among: blocks) {
                        message += "; did you mean '\(near)'?"
                    } else {
                        message += " (the blocks of [[wards]] are \(blocks.map { "'\($0)'" }.joined(separator: ", ")))"
                    }
                    table.error(message, at: "serves_block")
                    valid = false
                }
            } else {
                valid = false
            }
        }
        if hasList {
            if hasBlock {
                table.error("give 'serves_block' or 'serves_wards', not both", at: "serves_wards")
                valid = false
            } else if let codes = codeList(table, "serves_wards", required: false, known: wardCodes) {
                if codes.isEmpty {
                    table.error("\(label) cannot do anything: 'serves_wards' is empty", at: "serves_wards")
                    valid = false
                }
                wards = Set(codes)
            } else {
                valid = false
            }
        }
        if kind == .hub && !hasBlock && !hasList {
            table.error("missing key 'serves_block' in [[resources]]: a hub serves the wards of one block "
                + "(or list them in 'serves_wards')")
            valid = false
        }
        return valid ? Restriction(codes: wards) : nil
    }

    /// The programs a resource takes: required for a department (it takes the programs it owns), optional for
    /// the others, nil meaning every program.
    private func takenPrograms(_ table: TOMLReader, kind: ResourceKind?,
                               label: String) -> Restriction? {
        guard table.contains("programs") || kind == .department else { return Restriction(codes: nil) }
        guard let codes = codeList(table, "programs", required: true, known: programCodes) else { return nil }
        if codes.isEmpty {
            table.error("\(label) cannot do anything: 'programs' is empty", at: "programs")
            return nil
        }
        return Restriction(codes: Set(codes))
    }

    /// The capacity and costs of a department, center or hub; the identity is filled in by the caller.
    private func hourBased(_ table: TOMLReader, label: String) -> Resource? {
        for key in Self.vendorKeys where table.contains(key) {
            table.error("'\(key)' applies only to vendors (kind = \"vendor\")", at: key)
        }
        let stages = stageList(table, label: label)
        let rates = stageNumbers(table, "pieces_per_hour", required: true, zeroAllowed: false)
        var ratesMatch = true
        if let stages, let rates, let written = table.value("pieces_per_hour")?.tableValue {
            for stage in Stage.allCases where stages.contains(stage) && rates[stage] == nil {
                table.error("'pieces_per_hour' has no rate for '\(stage)', which 'stages' lists",
                            at: "pieces_per_hour")
                ratesMatch = false
            }
            for entry in written.entries {
                guard let stage = Stage(rawValue: entry.key), !stages.contains(stage) else { continue }
                log.error("'pieces_per_hour' gives a rate for '\(stage)', which 'stages' does not list; add the "
                    + "stage to 'stages' or remove the rate", at: entry.keyLocation)
                ratesMatch = false
            }
        }
        let hours = table.double("hours_per_day", .nonNegative)
        if hours == 0 {
            table.error("\(label) cannot do anything: 'hours_per_day' is 0", at: "hours_per_day")
        }
        let yenPerHour = table.double("yen_per_hour", .nonNegative)
        let setup = table.double("setup_minutes", .nonNegative)
        guard let stages, !stages.isEmpty, let rates, ratesMatch, let hours, hours > 0, let yenPerHour, let setup
        else { return nil }
        return Resource(id: "", name: "", kind: .center, site: "", rates: rates, hoursPerDay: hours, maxInserts: 0,
                        personalData: false, yenPerHour: yenPerHour, setupMinutes: setup)
    }

    /// `stages`: stage names, without repeats, at least one.
    private func stageList(_ table: TOMLReader, label: String) -> Set<Stage>? {
        guard let names = table.strings("stages") else { return nil }
        let values = table.value("stages")?.arrayValue ?? []
        let known = Stage.allCases.map(\.rawValue)
        var stages: Set<Stage> = []
        var valid = true
        for (name, value) in zip(names, values) {
            guard let stage = Stage(rawValue: name) else {
                var message = "unknown stage '\(name)' in 'stages' (the stages are \(known.joined(separator: ", ")))"
                if let near = TOMLReader.suggestion(for: name, among: known) { message += "; did you mean '\(near)'?" }
                log.error(message, at: value.location)
                valid = false
                continue
            }
            if !stages.insert(stage).inserted {
                log.error("'\(name)' is listed twice in 'stages'", at: value.location)
                valid = false
            }
        }
        if names.isEmpty {
            table.error("\(label) cannot do anything: 'stages' is empty", at: "stages")
            valid = false
        }
        return valid ? stages : nil
    }

    /// The prices and capacity of a vendor; the identity is filled in by the caller.
    private func vendor(_ table: TOMLReader, label: String) -> Resource? {
        for key in Self.hourKeys where table.contains(key) {
            table.error("'\(key)' does not apply to a vendor: its stages and prices are 'yen_per_piece' and its "
                + "capacity is 'pieces_per_day'", at: key)
        }
        let prices = stageNumbers(table, "yen_per_piece", required: true, zeroAllowed: true)
        if let prices, prices.isEmpty {
            table.error("\(label) cannot do anything: 'yen_per_piece' lists no stage", at: "yen_per_piece")
        }
        let perDay = table.double("pieces_per_day", .nonNegative)
        if perDay == 0 {
            table.error("\(label) cannot do anything: 'pieces_per_day' is 0", at: "pieces_per_day")
        }
        let setup = table.optionalDouble("setup_minutes", .nonNegative) ?? 0
        let weekly = table.optionalDouble("weekly_fixed_yen", .nonNegative) ?? 0
        guard let prices, !prices.isEmpty, let perDay, perDay > 0 else { return nil }
        return Resource(id: "", name: "", kind: .vendor, site: "", rates: [:], hoursPerDay: 0, piecesPerDay: perDay,
                        maxInserts: 0, personalData: false, yenPerHour: 0, yenPerPiece: prices,
                        setupMinutes: setup, weeklyFixedYen: weekly)
    }
}
