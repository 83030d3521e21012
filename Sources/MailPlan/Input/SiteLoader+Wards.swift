// [[wards]], [[programs]] and [[envelopes]]: the things job books name by code.
extension SiteReading {
    /// Every `[[wards]]`; each ward's desk must be able to do something, and names must be unique because job
    /// books may use them in place of codes.
    func wards(from root: TOMLReader) -> [Ward] {
        guard let tables = root.tables("wards") else { return [] }
        if tables.isEmpty {
            root.error("'wards' is empty: the site needs at least one [[wards]]", at: "wards")
        }
        var nameLine: [String: Int] = [:]
        var wards: [Ward] = []
        for table in tables {
            defer { table.rejectUnreadKeys() }
            let code = code(table, into: &wardCodes)
            let name = nonEmptyString(table, "name")
            if let name {
                if let line = nameLine[name] {
                    table.error("ward name '\(name)' is already used on line \(line); job books may name a ward "
                        + "by its name, so names must be unique", at: "name")
                } else {
                    nameLine[name] = table.location(of: "name").line
                }
            }
            let block = nonEmptyString(table, "block")
            if let code, let block { blockWards[block, default: []].append(code) }
            let population = table.int("population", .nonNegative)
            let households = table.int("households", .nonNegative)
            let staffYen = table.double("staff_yen_per_hour", .nonNegative)
            let hours = table.double("mail_hours_per_day", .nonNegative)
            let setup = table.double("setup_minutes", .nonNegative)
            let rates = stageNumbers(table, "hand_pieces_per_hour", required: true, zeroAllowed: false)
            let desk = code.map { "the desk of ward '\($0)'" } ?? "this ward's desk"
            if hours == 0 {
                table.error("\(desk) cannot do anything: 'mail_hours_per_day' is 0", at: "mail_hours_per_day")
            }
            if let rates, rates.isEmpty {
                table.error("\(desk) cannot do anything: 'hand_pieces_per_hour' lists no stage",
                            at: "hand_pieces_per_hour")
            }
            if let code, let name, let block, let population, let households, let staffYen, let hours, let setup,
               let rates {
                wards.append(Ward(id: code, name: name, block: block, population: population, households: households,
                                  staffYenPerHour: staffYen, hoursPerDay: hours, handRates: rates,
                                  setupMinutes: setup))
            }
        }
        return wards
    }

    /// Every `[[programs]]`.
    func programs(from root: TOMLReader) -> [Program] {
        (root.tables("programs") ?? []).compactMap { table in
            defer { table.rejectUnreadKeys() }
            let code = code(table, into: &programCodes)
            let name = nonEmptyString(table, "name")
            guard let code, let name else { return nil }
            return Program(id: code, name: name)
        }
    }

    /// Every `[[envelopes]]`.
    func envelopes(from root: TOMLReader) -> [Envelope] {
        (root.tables("envelopes") ?? []).compactMap { table in
            defer { table.rejectUnreadKeys() }
            let code = code(table, into: &envelopeCodes)
            let name = nonEmptyString(table, "name")
            guard let code, let name else { return nil }
            return Envelope(id: code, name: name)
        }
    }
}
