extension LinearModel {
    /// Absolute tolerance, scaled by the size of the bound, within which a starting solution must satisfy
    /// bounds and constraints.
    static let startTolerance = 1e-6

    /// Checks a starting solution and returns it with integer variables snapped to exact integers, which
    /// `glp_ios_heur_sol` requires. GLPK does not check a heuristic solution's feasibility and would report
    /// an infeasible one as optimal, so it is checked here.
    /// - Throws: ``GLPKError/invalidStart(_:)`` naming the first variable or constraint it violates.
    func checkedStart(_ values: [Double]) throws(GLPKError) -> [Double] {
        guard values.count == variableCount else {
            throw .invalidStart("it has \(values.count) values for \(variableCount) variables")
        }
        func describe(_ j: Int) -> String { variableNames[j].isEmpty ? "#\(j + 1)" : "'\(variableNames[j])'" }
        var snapped = values
        for j in 0..<variableCount {
            let value = values[j]
            let slack = Self.startTolerance * max(1, abs(value))
            if value < lowerBounds[j] - slack || value > upperBounds[j] + slack {
                throw .invalidStart("variable \(describe(j)) = \(value) is outside [\(lowerBounds[j]), \(upperBounds[j])]")
            }
            if variableKinds[j] != .continuous {
                let rounded = value.rounded()
                guard abs(rounded - value) <= Self.startTolerance else {
                    throw .invalidStart("integer variable \(describe(j)) = \(value) is fractional")
                }
                snapped[j] = rounded
            } else {
                snapped[j] = min(max(value, lowerBounds[j]), upperBounds[j])
            }
        }
        let activity = activities(of: snapped)
        for i in 0..<constraintCount {
            let slack = Self.startTolerance * max(1, abs(activity[i]))
            if activity[i] < rowLower[i] - slack || activity[i] > rowUpper[i] + slack {
                let name = constraintNames[i].isEmpty ? "#\(i + 1)" : "'\(constraintNames[i])'"
                throw .invalidStart("constraint \(name) has activity \(activity[i]), outside \(ConstraintBounds(lower: rowLower[i], upper: rowUpper[i]))")
            }
        }
        return snapped
    }

    /// Rounds the values of integer variables to exact integers (GLPK returns them within its tolerance).
    func snappedToIntegers(_ values: [Double]) -> [Double] {
        var result = values
        for j in 0..<min(values.count, variableCount) where variableKinds[j] != .continuous {
            result[j] = values[j].rounded()
        }
        return result
    }
}
