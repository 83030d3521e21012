/// A postal class: which envelopes and weights it takes, its base price, and its bulk-discount tiers.
public struct MailClass: Hashable, Sendable, Identifiable {
    /// A code such as `teikei`.
    public var id: String
    /// A readable name such as 定形郵便物.
    public var name: String
    /// Envelope formats that go in this class.
    public var envelopes: Set<String>
    /// The heaviest piece, in grams, that goes in this class.
    public var maxWeightGrams: Double
    /// Postage of one piece, yen.
    public var priceYen: Double
    /// Bulk-discount tiers by lot size, in increasing order of `minPieces`.
    public var tiers: [DiscountTier]

    public init(id: String, name: String, envelopes: Set<String>, maxWeightGrams: Double, priceYen: Double,
                tiers: [DiscountTier]) {
        self.id = id
        self.name = name
        self.envelopes = envelopes
        self.maxWeightGrams = maxWeightGrams
        self.priceYen = priceYen
        self.tiers = tiers
    }

    /// The tier a lot of `pieces` earns, or nil below the first tier.
    public func tier(forLot pieces: Double) -> DiscountTier? {
        tiers.last { pieces >= Double($0.minPieces) }
    }
}

/// A discount for a postal lot of at least `minPieces` pieces; the whole lot earns the rate
/// (区分郵便物 discounts are all-units, not incremental).
public struct DiscountTier: Hashable, Sendable {
    /// The smallest lot that earns this tier.
    public var minPieces: Int
    /// The discount as a fraction of postage (0.03 for 3 %).
    public var discount: Double

    public init(minPieces: Int, discount: Double) {
        self.minPieces = minPieces
        self.discount = discount
    }
}

/// The postal tariff: the classes in order; a piece goes in the first class that takes its envelope and weight.
public struct Tariff: Hashable, Sendable {
    public var classes: [MailClass]

    public init(classes: [MailClass]) {
        self.classes = classes
    }

    /// The class of a piece, or nil when no class takes it.
    public func mailClass(envelope: String, weightGrams: Double) -> MailClass? {
        classes.first { $0.envelopes.contains(envelope) && weightGrams <= $0.maxWeightGrams }
    }
}
