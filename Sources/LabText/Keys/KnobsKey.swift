/// The knob panel.
public enum KnobsKey: String, CaseIterable, Sendable {
    case panel
    /// The title when the list is longer than the panel: "Knobs 2/5" (the selected one of all).
    case panelPosition
    /// A knob that does nothing to the lesson's run but acts on its compare run.
    case onlyCompare
    case none
    /// "range 0.0001…1 log · live"
    case rangeLive
    /// "range 1…128 · rebuilds"
    case rangeRebuilds
    /// A linear numeric range: "1…128".
    case range
    /// A logarithmic numeric range: "0.0001…1 log".
    case rangeLog
    /// The prompt of the value being typed: "hidden = ".
    case prompt

    public var placeholders: Set<String> {
        switch self {
        case .panel, .none: return []
        case .rangeLive, .rangeRebuilds: return ["range"]
        case .range, .rangeLog: return ["low", "high"]
        case .prompt: return ["knob"]
        case .panelPosition: return ["index", "count"]
        case .onlyCompare: return ["knob"]
        }
    }
}
