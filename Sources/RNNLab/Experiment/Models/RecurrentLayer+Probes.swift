import RNNEngine

extension RecurrentLayer {
    /// What ``probeValues(parameters:)`` can give (the cell only for the LSTM).
    static let offeredProbes: Set<ProbeID> = [.gradientNorms, .hidden, .hiddenBackward, .gates, .cell, .parameterGradientNorms, .spectralRadii]

    /// The probes of the last step that recorded them, as plain values: ‖∂L/∂h_t‖
    /// by t (first layer, forward), hidden states, gates and cell states of the last
    /// layer's forward direction (units × time), the backward direction's hidden states
    /// when the layer is bidirectional, ρ(W_hh), and ‖∂L/∂θ‖ of `parameters`.
    func probeValues(parameters: [(name: String, parameter: Variable)]) -> [ProbeID: Probe] {
        guard let first = probes.first else { return [:] }
        let last = probes[(options.layers - 1) * options.directions]
        func grid(_ t: Tensor) -> Grid {
            t.shape.count == 2 && t.count > 0 ? Grid.unitsByTime(timeSteps: t.shape[0], units: t.shape[1], t.doubles) : .empty
        }
        var gates = grid(last.gates)
        gates.rowGroups = kind.gateNames
        var values: [ProbeID: Probe] = [
            .gradientNorms: .series(first.gradientNorms),
            .hidden: .grid(grid(last.hidden)),
            .gates: .grid(gates),
            .parameterGradientNorms: .table(parameters.map { TableRow(name: $0.name, value: $0.parameter.grad?.norm() ?? 0) }),
            .spectralRadii: .series(spectralRadii()),
        ]
        if last.cell.count > 0 { values[.cell] = .grid(grid(last.cell)) }
        if options.directions == 2, probes.count > (options.layers - 1) * 2 + 1 {
            values[.hiddenBackward] = .grid(grid(probes[(options.layers - 1) * 2 + 1].hidden))
        }
        return values
    }
}
