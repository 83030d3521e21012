extension LinearModel {
    /// A bound on the optimum of this model (a lower bound when minimising, an upper bound when maximising) from
    /// any row multipliers π, by weak duality: the Lagrangian dual function
    ///
    ///     L(π) = constant + Σ_i min_{l_i ≤ s_i ≤ u_i} π_i s_i + Σ_j min_{l_j ≤ x_j ≤ u_j} (c_j − Σ_i π_i a_ij) x_j
    ///
    /// (max for a maximisation). Every π gives a valid bound on the LP relaxation, and so on the model itself; the
    /// LP's optimal duals give its optimum. A simplex stopped early gives the duals of its last basis, which makes a
    /// bound of a stopped LP. Where a multiplier would meet an infinite row bound it counts as 0.
    ///
    /// The result is moved outward by 1e-9 of the sum of the magnitudes of its terms, so that rounding cannot make
    /// it claim more than is proven.
    /// - Returns: nil when `rowMultipliers` does not have one value per row, or when a column's reduced cost meets
    ///   an infinite column bound (these multipliers prove no finite bound).
    public func lagrangianBound(rowMultipliers: [Double]) -> Double? {
        guard rowMultipliers.count == constraintCount else { return nil }
        let minimising = sense == .minimize
        // The part of a linear term a·v over [lower, upper] the bound takes: its least value when minimising.
        func extreme(_ a: Double, _ lower: Double, _ upper: Double) -> Double {
            if a == 0 { return 0 }
            return (a > 0) == minimising ? a * lower : a * upper
        }
        var multipliers = rowMultipliers
        var total = objectiveConstant
        var magnitude = abs(objectiveConstant)
        for i in 0..<constraintCount {
            let term = extreme(multipliers[i], rowLower[i], rowUpper[i])
            guard term.isFinite else {
                multipliers[i] = 0
                continue
            }
            total += term
            magnitude += abs(term)
        }
        var reduced = objectiveCoefficients
        for i in 0..<constraintCount where multipliers[i] != 0 {
            for t in rowStarts[i]..<rowStarts[i + 1] {
                reduced[termVariables[t]] -= multipliers[i] * termCoefficients[t]
            }
        }
        for j in 0..<variableCount {
            let term = extreme(reduced[j], lowerBounds[j], upperBounds[j])
            guard term.isFinite else { return nil }
            total += term
            magnitude += abs(term)
        }
        let margin = 1e-9 * magnitude
        return minimising ? total - margin : total + margin
    }
}
