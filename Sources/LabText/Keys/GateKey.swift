/// The gates heatmap, one band per gate, and the gradient panel's radius label.
public enum GateKey: String, CaseIterable, Sendable {
    /// The panel's title when the gates are named: each band has its own scale.
    case bandsTitle
    /// A band's name, by the gate the probe names (`input`, `forget`, `cell`, …).
    case input, forget, candidate, output, reset, update, new
    /// A band's own scale, at its right: "0.02…0.99".
    case scale
    /// ρ of the recurrent matrix the radius was taken of.
    case radiusOfMatrix
    /// The label of the row under the bands that flags the marked steps.
    case markedSteps
}

extension GateKey {
    public var placeholders: Set<String> {
        switch self {
        case .scale: return ["low", "high"]
        case .radiusOfMatrix: return ["title", "matrix", "radius"]
        default: return []
        }
    }
}
