import GLPK

/// The example of the GLPK manual (§1.3.1): maximise 10x1 + 6x2 + 4x3 subject to
///   p: x1 + x2 + x3 ≤ 100, q: 10x1 + 4x2 + 5x3 ≤ 600, r: 2x1 + 2x2 + 6x3 ≤ 300, x ≥ 0.
/// Optimum z = 2200/3 at x = (100/3, 200/3, 0); duals p = 10/3, q = 2/3, r = 0; reduced cost of x3 = −8/3.
enum ManualExample {
    static func model() -> (model: LinearModel, x: [LinearModel.Variable], rows: [LinearModel.Constraint]) {
        var model = LinearModel(name: "sample", sense: .maximize)
        let x1 = model.addVariable("x1", objective: 10)
        let x2 = model.addVariable("x2", objective: 6)
        let x3 = model.addVariable("x3", objective: 4)
        let p = model.addConstraint("p", [(x1, 1), (x2, 1), (x3, 1)], .atMost(100))
        let q = model.addConstraint("q", [(x1, 10), (x2, 4), (x3, 5)], .atMost(600))
        let r = model.addConstraint("r", [(x1, 2), (x2, 2), (x3, 6)], .atMost(300))
        return (model, [x1, x2, x3], [p, q, r])
    }
}

/// A 0-1 knapsack: maximise Σ value·x subject to Σ weight·x ≤ capacity.
struct Knapsack {
    var values: [Double]
    var weights: [Double]
    var capacity: Double

    static func random(using generator: inout SeededGenerator) -> Knapsack {
        let n = Int.random(in: 1...12, using: &generator)
        let weights = (0..<n).map { _ in Double(Int.random(in: 1...30, using: &generator)) }
        let values = (0..<n).map { _ in Double(Int.random(in: 1...40, using: &generator)) }
        let capacity = Double(Int.random(in: 0...Int(weights.reduce(0, +)), using: &generator))
        return Knapsack(values: values, weights: weights, capacity: capacity)
    }

    var model: (LinearModel, [LinearModel.Variable]) {
        var model = LinearModel(name: "knapsack", sense: .maximize)
        let x = values.indices.map { model.addVariable("x\($0)", kind: .binary, objective: values[$0]) }
        model.addConstraint("capacity", zip(x, weights).map { ($0, $1) }, .atMost(capacity))
        return (model, x)
    }

    /// The optimum by enumerating all 2^n subsets.
    var bruteForceOptimum: Double {
        var best = 0.0
        for subset in 0..<(1 << values.count) {
            var weight = 0.0, value = 0.0
            for i in values.indices where subset & (1 << i) != 0 {
                weight += weights[i]
                value += values[i]
            }
            if weight <= capacity { best = max(best, value) }
        }
        return best
    }
}

/// An assignment problem: n workers to n tasks, minimising cost.
struct Assignment {
    var cost: [[Double]]

    static func random(using generator: inout SeededGenerator) -> Assignment {
        let n = Int.random(in: 1...6, using: &generator)
        return Assignment(cost: (0..<n).map { _ in (0..<n).map { _ in Double(Int.random(in: 0...99, using: &generator)) } })
    }

    var model: (LinearModel, [[LinearModel.Variable]]) {
        var model = LinearModel(name: "assignment")
        let n = cost.count
        let x = (0..<n).map { i in (0..<n).map { j in model.addVariable("x_\(i)_\(j)", kind: .binary, objective: cost[i][j]) } }
        for i in 0..<n { model.addConstraint("worker_\(i)", x[i].map { ($0, 1.0) }, .exactly(1)) }
        for j in 0..<n { model.addConstraint("task_\(j)", (0..<n).map { (x[$0][j], 1.0) }, .exactly(1)) }
        return (model, x)
    }

    /// The optimum by enumerating all n! permutations.
    var bruteForceOptimum: Double {
        var best = Double.infinity
        func extend(_ worker: Int, _ used: Set<Int>, _ total: Double) {
            if worker == cost.count { best = min(best, total); return }
            for task in cost.indices where !used.contains(task) {
                extend(worker + 1, used.union([task]), total + cost[worker][task])
            }
        }
        extend(0, [], 0)
        return best
    }
}

/// A market split instance (Cornuéjols and Dawande): hard for branch and bound, yet any point is feasible.
/// minimise Σ (s⁺ + s⁻) subject to Σ a_ij x_j + s⁺_i − s⁻_i = ⌊Σ a_ij / 2⌋, x binary.
func marketSplit(rows: Int, columns: Int, seed: UInt64) -> LinearModel {
    var generator = SeededGenerator(seed: seed)
    var model = LinearModel(name: "market_split")
    let x = (0..<columns).map { model.addVariable("x\($0)", kind: .binary) }
    for i in 0..<rows {
        let a = (0..<columns).map { _ in Double(Int.random(in: 0...99, using: &generator)) }
        let plus = model.addVariable("over\(i)", objective: 1)
        let minus = model.addVariable("under\(i)", objective: 1)
        model.addConstraint("split\(i)", zip(x, a).map { ($0, $1) } + [(plus, 1), (minus, -1)],
                            .exactly((a.reduce(0, +) / 2).rounded(.down)))
    }
    return model
}
