/// A step of a mailing, in processing order: extraction, then insertion and sealing, then dispatch.
public enum Stage: String, CaseIterable, Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Pull out the pieces that must not be mailed or must go another way (抜取).
    case extract
    /// Fold, insert and seal (封入封緘).
    case insert
    /// Count, bundle and hand to the post office (発送).
    case dispatch

    /// The position in processing order.
    public var order: Int {
        switch self {
        case .extract: 0
        case .insert: 1
        case .dispatch: 2
        }
    }

    public static func < (a: Stage, b: Stage) -> Bool { a.order < b.order }

    public var description: String { rawValue }
}

/// The kinds of place a stage can be done, as the city's policy names them.
public enum ResourceKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The ward office's own desk (the status quo).
    case ward
    /// Batch processing by the owning department (所管部局型).
    case department
    /// A central processing centre with inserting machines (事務センター化).
    case center
    /// A hub serving a block of neighbouring wards (ブロック化).
    case hub
    /// An outside vendor (外部委託).
    case vendor

    public var description: String { rawValue }
}
