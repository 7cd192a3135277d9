/// Exploring a run: pinning it as a reference (`c`), the inspect cursor (`i`),
/// and the question asked before leaving a lesson that would lose work.
public enum ExploreKey: String, CaseIterable, Sendable {
    /// The status message after `c` pins the run, and after `c` unpins it.
    case pinned
    case unpinned
    /// `c` before the run has taken a step.
    case pinNothing
    /// The pinned run's legend entry on the loss and metric plots: "pinned lr 0.003".
    case pinnedSeries
    /// One setting in the pinned run's label: "lr 0.003".
    case pinnedSetting
    /// The pinned run's label when no setting differs from the live run's.
    case pinnedSame
    /// The inspect cursor's readouts on the message line.
    case inspectCell
    case inspectGateCell
    case inspectPlot
    case inspectSeriesValue
    /// The x of a plot under the cursor: a training step, or a time step of the sequence.
    case inspectStep
    case inspectTime
    /// The attention map under the cursor: an output step and a source step,
    /// with their symbols when the map has them.
    case inspectAttention
    case inspectAttentionPlain
    /// A sample of the predictions table: a step of a sequence, or a single value.
    case inspectPrediction
    case inspectPredictionValue
    /// A cell of a table by its row and column (the RTRL panel's norms), and
    /// one of the RTRL panel's cost cells: a method at a hidden size.
    case inspectTableCell
    case inspectCost
    /// `i` with no panel that a cursor can read.
    case inspectNothing
    /// The question before leaving a lesson: the box's title, why, and the keys.
    case leaveTitle
    case leaveVerification
    case leaveLongRun
    case leaveChoices

    public var placeholders: Set<String> {
        switch self {
        case .pinned: return ["step"]
        case .unpinned, .pinNothing, .pinnedSame, .inspectNothing, .leaveTitle, .leaveChoices: return []
        case .pinnedSeries: return ["label"]
        case .pinnedSetting: return ["name", "value"]
        case .inspectCell: return ["panel", "unit", "t", "value"]
        case .inspectGateCell: return ["panel", "gate", "unit", "t", "value"]
        case .inspectPlot: return ["panel", "x", "values"]
        case .inspectSeriesValue: return ["series", "value"]
        case .inspectStep: return ["step"]
        case .inspectTime: return ["t"]
        case .inspectAttention: return ["panel", "row", "output", "column", "source", "value"]
        case .inspectAttentionPlain: return ["panel", "row", "column", "value"]
        case .inspectPrediction: return ["panel", "sample", "t", "predicted", "target"]
        case .inspectPredictionValue: return ["panel", "sample", "predicted", "target"]
        case .inspectTableCell: return ["panel", "row", "column", "value"]
        case .inspectCost: return ["panel", "method", "size", "value", "measure"]
        case .leaveVerification: return ["check", "steps", "budget"]
        case .leaveLongRun: return ["steps"]
        }
    }
}
