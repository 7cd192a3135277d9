import LabText
import RNNEngine

/// Settings that do nothing while others have certain values: `go_backwards`
/// with `bidirectional` 1 (the second direction reads right to left anyway),
/// `forget_bias` on a cell without a forget gate. The lab still accepts them
/// (they act again once the other setting changes) but says why they are idle.
public enum SettingRelevance {
    /// Why `name` has no effect on an experiment with `settings`, or nil when it acts.
    /// `settings` holds every setting's value (a missing one counts as its default).
    public static func idleReason(_ name: String, in settings: [String: SettingValue]) -> Phrase? {
        func value(_ n: String) -> SettingValue? { settings[n] ?? ExperimentSettings.definition(n)?.defaultValue }
        switch name {
        case "go_backwards":
            guard value("bidirectional") == .number(1) else { return nil }
            return Phrase(.setting(.idleWhenBidirectional), ["name": .text(name)])
        case "forget_bias":
            guard case .choice(let cell)? = value("cell"), cell != CellKind.lstm.rawValue else { return nil }
            return Phrase(.setting(.idleWithoutForgetGate), ["name": .text(name), "cell": .text(cell)])
        default:
            return nil
        }
    }
}
