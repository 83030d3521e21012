import CGLPK

/// The single owner of a GLPK problem object loaded from a validated ``LinearModel``.
///
/// Every `glp_*` call that touches the problem goes through this type, and every index it passes is
/// in range by construction (the model was validated and the rows and columns were added here).
final class Problem {
    let pointer: OpaquePointer
    let columns: Int
    /// The model's row behind each GLPK row (GLPK row `k + 1` is model row `modelRows[k]`): every row in order,
    /// unless the problem was loaded with only some of them (row generation).
    private(set) var modelRows: [Int]
    var rows: Int { modelRows.count }
    /// The number of rows of the model, loaded or not.
    private let modelRowCount: Int

    /// Loads `model`, which must have passed ``LinearModel/validate()``.
    /// - Parameters:
    ///   - relaxed: load integer and binary variables as continuous ones.
    ///   - only: load just these rows of the model (valid indices), in this order; nil loads all.
    init(_ model: LinearModel, relaxed: Bool, only: [Int]? = nil) {
        pointer = glp_create_prob()
        modelRows = only ?? Array(0..<model.constraintCount)
        modelRowCount = model.constraintCount
        columns = model.variableCount
        if !model.name.isEmpty { glp_set_prob_name(pointer, model.name) }
        glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_name(pointer, "obj")
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        // glp_add_rows and glp_add_cols abort when asked for zero.
        if rows > 0 { glp_add_rows(pointer, Int32(rows)) }
        if columns > 0 { glp_add_cols(pointer, Int32(columns)) }

        for j in 0..<columns {
            let column = Int32(j + 1)
            if !model.variableNames[j].isEmpty { glp_set_col_name(pointer, column, model.variableNames[j]) }
            let kind = relaxed ? .continuous : model.variableKinds[j]
            // Integer kinds are set before bounds: GLP_BV would reset the bounds to 0 and 1 anyway.
            switch kind {
            case .continuous: glp_set_col_kind(pointer, column, GLP_CV)
            case .integer: glp_set_col_kind(pointer, column, GLP_IV)
            case .binary: glp_set_col_kind(pointer, column, GLP_BV)
            }
            let (type, lower, upper) = Self.boundType(model.lowerBounds[j], model.upperBounds[j])
            glp_set_col_bnds(pointer, column, type, lower, upper)
            glp_set_obj_coef(pointer, column, model.objectiveCoefficients[j])
        }
        for (k, i) in modelRows.enumerated() { setRow(Int32(k + 1), of: model, i) }

        // The whole matrix in one call, in GLPK's 1-based triplet form (element 0 unused).
        let count = modelRows.reduce(0) { $0 + model.rowStarts[$1 + 1] - model.rowStarts[$1] }
        var ia = [Int32](repeating: 0, count: count + 1)
        var ja = [Int32](repeating: 0, count: count + 1)
        var ar = [Double](repeating: 0, count: count + 1)
        var k = 1
        for (row, i) in modelRows.enumerated() {
            for t in model.rowStarts[i]..<model.rowStarts[i + 1] {
                ia[k] = Int32(row + 1)
                ja[k] = Int32(model.termVariables[t] + 1)
                ar[k] = model.termCoefficients[t]
                k += 1
            }
        }
        if count > 0 { glp_load_matrix(pointer, Int32(count), &ia, &ja, &ar) }
    }

    /// Appends rows of the model that were not loaded (valid indices). GLPK makes each new row basic, so a basis
    /// the problem had stays a basis, and the dual simplex goes on from it.
    func addRows(of model: LinearModel, _ indices: [Int]) {
        guard !indices.isEmpty else { return }  // glp_add_rows aborts when asked for zero
        let first = glp_add_rows(pointer, Int32(indices.count))
        for (k, i) in indices.enumerated() {
            let row = first + Int32(k)
            setRow(row, of: model, i)
            let span = model.rowStarts[i]..<model.rowStarts[i + 1]
            var ind = [Int32](repeating: 0, count: span.count + 1)
            var val = [Double](repeating: 0, count: span.count + 1)
            for (n, t) in span.enumerated() {
                ind[n + 1] = Int32(model.termVariables[t] + 1)
                val[n + 1] = model.termCoefficients[t]
            }
            glp_set_mat_row(pointer, row, Int32(span.count), &ind, &val)
        }
        modelRows += indices
    }

    /// Scales the problem, builds an advanced starting basis (as `glpsol` does) and runs the simplex method; when that
    /// basis is singular, which happens on degenerate models, again from the standard basis, which always factorises.
    /// Returns `glp_simplex`'s code.
    func simplexFromScratch(_ smcp: inout glp_smcp) -> Int32 {
        glp_scale_prob(pointer, GLP_SF_AUTO)
        glp_adv_basis(pointer, 0)
        let code = glp_simplex(pointer, &smcp)
        guard code == GLP_ESING || code == GLP_ECOND || code == GLP_EBADB else { return code }
        glp_std_basis(pointer)
        return glp_simplex(pointer, &smcp)
    }

    /// Names and bounds GLPK row `row` as model row `i`.
    private func setRow(_ row: Int32, of model: LinearModel, _ i: Int) {
        if !model.constraintNames[i].isEmpty { glp_set_row_name(pointer, row, model.constraintNames[i]) }
        let (type, lower, upper) = Self.boundType(model.rowLower[i], model.rowUpper[i])
        glp_set_row_bnds(pointer, row, type, lower, upper)
    }

    deinit {
        glp_delete_prob(pointer)
    }

    /// GLPK's bound type for a validated pair of bounds. Equal finite bounds become `GLP_FX`, because
    /// `GLP_DB` with equal bounds is rejected by GLPK.
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    // MARK: - Reading results back (indices 1...n and 1...m, which exist by construction)

    func lpObjective() -> Double { glp_get_obj_val(pointer) }
    func lpValues() -> [Double] { (0..<columns).map { glp_get_col_prim(pointer, Int32($0 + 1)) } }
    /// The row duals by model row, 0 for the model's rows that are not loaded.
    func lpRowDuals() -> [Double] {
        var duals = [Double](repeating: 0, count: modelRowCount)
        for (k, i) in modelRows.enumerated() { duals[i] = glp_get_row_dual(pointer, Int32(k + 1)) }
        return duals
    }
    /// Simplex iterations so far, over every call on this problem.
    func iterations() -> Int { Int(glp_get_it_cnt(pointer)) }
    func lpReducedCosts() -> [Double] { (0..<columns).map { glp_get_col_dual(pointer, Int32($0 + 1)) } }
    func mipObjective() -> Double { glp_mip_obj_val(pointer) }
    func mipValues() -> [Double] { (0..<columns).map { glp_mip_col_val(pointer, Int32($0 + 1)) } }
}

// A GLPK problem belongs to the thread that created it (GLPK keeps its environment in thread-local
// storage and aborts when a problem is deleted from another thread), so it must never cross threads.
@available(*, unavailable)
extension Problem: Sendable {}
