/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose sequence depends only on its seed, so a
/// seeded job book is byte-identical on every platform and Swift version.
///
/// The helpers below use only integer arithmetic and exactly rounded floating-point operations (`+ - * /`), never
/// the standard library's `random(in:using:)`, whose algorithm is not a stable contract, nor `exp`/`log`, whose
/// last bit differs between C libraries.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `0..<1` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound`, without modulo bias (rejection on the top of the range).
    ///
    /// A bound below 1 is a caller's programming error and traps.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound \(bound) must be positive")
        let n = UInt64(bound)
        let limit = UInt64.max - UInt64.max % n
        var x = next()
        while x >= limit { x = next() }
        return Int(x % n)
    }

    /// An index drawn with probability proportional to `weights[index]`.
    ///
    /// Weights must be non-negative with a positive sum; anything else is a caller's programming error and traps.
    public mutating func index(weightedBy weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative with a positive sum")
        var target = unit() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            if target < weight { return index }
            target -= weight
        }
        // Rounding can leave a sliver past the last weight: it belongs to the last positive one.
        return weights.lastIndex { $0 > 0 }!
    }

    /// The elements in a random order (Fisher–Yates).
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        var i = result.count - 1
        while i > 0 {
            result.swapAt(i, below(i + 1))
            i -= 1
        }
        return result
    }
}
