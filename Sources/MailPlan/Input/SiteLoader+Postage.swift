// [postage]: the mail classes in the order a piece is matched against them, each with its bulk-discount tiers.
extension SiteReading {
    /// Discounts are percentages from 0 up to, but not including, 100 (a free lot is not a discount).
    static let discountPercents = 0.0..<100.0

    /// `[postage]` with its `[[postage.classes]]`.
    func tariff(from section: TOMLReader) -> Tariff {
        defer { section.rejectUnreadKeys() }
        let classes = (section.tables("classes") ?? []).compactMap(mailClass(from:))
        return Tariff(classes: classes)
    }

    private func mailClass(from table: TOMLReader) -> MailClass? {
        defer { table.rejectUnreadKeys() }
        let code = code(table, into: &classCodes)
        let name = nonEmptyString(table, "name")
        let envelopes = codeList(table, "envelopes", required: true, known: envelopeCodes)
        if let envelopes, envelopes.isEmpty {
            table.error("'envelopes' is empty: the class would take no piece", at: "envelopes")
        }
        let maxWeight = table.double("max_weight_g", .positive)
        let price = table.double("price_yen", .nonNegative)
        let tiers = tiers(table)
        guard let code, let name, let envelopes, !envelopes.isEmpty, let maxWeight, let price, let tiers
        else { return nil }
        return MailClass(id: code, name: name, envelopes: Set(envelopes), maxWeightGrams: maxWeight,
                         priceYen: price, tiers: tiers)
    }

    /// `tiers` (optional: no tiers, no discount): in strictly increasing order of `min_pieces`.
    private func tiers(_ table: TOMLReader) -> [DiscountTier]? {
        guard table.contains("tiers") else { return [] }
        guard let tables = table.tables("tiers") else { return nil }
        let percent = TOMLReader.Check<Double>("must be at least 0 and below 100") {
            Self.discountPercents.contains($0)
        }
        var tiers: [DiscountTier] = []
        var valid = true
        var previous: (minPieces: Int, line: Int)?
        for tier in tables {
            defer { tier.rejectUnreadKeys() }
            let minPieces = tier.int("min_pieces", .positive)
            let discount = tier.double("discount_percent", percent)
            guard let minPieces, let discount else {
                valid = false
                continue
            }
            let line = tier.location(of: "min_pieces").line
            if let previous, minPieces == previous.minPieces {
                tier.error("tiers overlap: a tier for min_pieces = \(minPieces) is already on line \(previous.line)",
                           at: "min_pieces")
                valid = false
            } else if let previous, minPieces < previous.minPieces {
                tier.error("tiers must be in increasing order of min_pieces: \(minPieces) comes after "
                    + "\(previous.minPieces) (line \(previous.line))", at: "min_pieces")
                valid = false
            }
            previous = (minPieces, line)
            tiers.append(DiscountTier(minPieces: minPieces, discount: discount / 100))
        }
        return valid ? tiers : nil
    }
}
