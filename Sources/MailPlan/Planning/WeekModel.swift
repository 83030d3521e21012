import GLPK

/// The whole MILP of a week exactly as ``OptimalPlanner`` states it, for other solvers.
///
/// It is the model of every job at once over the planner's route catalogue. With at most
/// ``OptimalPlanner/Options/wholeModelBinaries`` binaries it has whole pieces: the planner's neighbourhoods are
/// sub-MIPs of it as it stands, and branch and cut on it finishes the search. Otherwise it has continuous pieces:
/// the planner solves its neighbourhoods and rounds the pieces cumulatively afterwards. Its
/// objective is the controllable cost in yen, the figure the planner's `objective`, `bound` and `gap` refer to.
/// Rows and columns carry readable names: `x_JOB_RESOURCE.RESOURCE.RESOURCE` for a route,
/// `q_JOB_STAGE_RESOURCE_DATE` for pieces, `y_GROUP_RESOURCE_DATE` for a setup, `cap_RESOURCE_DATE` for capacity,
/// `lot_CLASS_SITE_DATE` for a postal lot and so on.
public struct WeekModel: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// Free MPS.
        case mps
        /// CPLEX LP.
        case lp
    }

    let model: LinearModel
    /// True when the pieces are integer variables: every plan the planner finds is a solution of this model.
    public let integerPieces: Bool

    public init(_ catalogue: RouteCatalogue, options: OptimalPlanner.Options = .init()) {
        let whole = OptimalPlanner.wholeModel(catalogue, wholeModelBinaries: options.wholeModelBinaries)
        model = whole.planning.model
        integerPieces = whole.integerPieces
    }

    public var rows: Int { model.constraintCount }
    public var columns: Int { model.variableCount }
    /// Binary and integer columns.
    public var integers: Int { model.integerVariableCount }
    public var nonzeros: Int { model.nonzeroCount }

    /// Why a model could not be written, in words that finish "cannot write PATH: ".
    public struct WriteFailure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Writes the model atomically: a reader never sees half a file, and a failed write leaves any old file as it was.
    public func write(to path: String, format: Format) throws(WriteFailure) {
        do {
            try model.write(to: path, format: format == .mps ? .freeMPS : .cplexLP)
        } catch .writeFailed(_, let reason) {
            throw WriteFailure(reason: reason)
        } catch {
            throw WriteFailure(reason: "\(error)")
        }
    }
}
