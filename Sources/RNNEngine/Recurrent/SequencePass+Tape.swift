/// The four weights of one layer and direction, named as in PyTorch's state dict.
public struct RecurrentWeights {
    public let weightIH: Variable   // (G·H, I)
    public let weightHH: Variable   // (G·H, H)
    public let biasIH: Variable     // (G·H)
    public let biasHH: Variable     // (G·H)

    var all: [Variable] { [weightIH, weightHH, biasIH, biasHH] }
}

/// A tape node that hands its gradient to another node's backward step instead
/// of to a parent: how a fused op with two results (the LSTM's outputs and its
/// final cell state) receives the gradient of the second one.
final class GradientBox {
    var gradient: Tensor?
}

extension Variable {
    /// A second result of the fused op `core`. Its gradient is stored in `box` for
    /// core's backward; core is given a zero gradient so that its step runs even
    /// when only this result reaches the loss.
    static func sideResult(_ value: Tensor, of core: Variable, box: GradientBox) -> Variable {
        Variable(value, parents: [core]) { g in
            if box.gradient == nil { box.gradient = g } else { box.gradient! += g }
            if core.grad == nil { core.accumulate(Tensor(zeros: core.shape, dtype: core.dtype)) }
        }
    }
}

/// Runs one layer in one direction over a whole sequence as a single tape node.
///
/// - x: (B, T, I); h0, c0: the initial states (B, H); mask: (B·T) batch-major or nil;
///   recurrentMask: (B, H) or (T, B, H) or nil; gradientWindow: τ of truncated BPTT or nil;
///   forgetClamp: the LSTM's forget gate held at this value, or nil.
/// - Returns the outputs (B, T, H) in input time order and, for the LSTM, the final
///   cell state (B, H). The final hidden state is the output at the last step read.
func recurrentSequence(
    kind: CellKind, x: Variable, h0 hInit: Variable, c0 cInit: Variable?, weights w: RecurrentWeights,
    reverse: Bool, mask: [Bool]?, recurrentMask: Tensor?, gradientWindow: Int? = nil, probe: RecurrentProbe?,
    forgetClamp: Double? = nil
) -> (output: Variable, finalCell: Variable?) {
    let (B, Tn, I) = (x.shape[0], x.shape[1], x.shape[2])
    let H = w.weightHH.shape[1]
    precondition(w.weightIH.shape == [kind.gateCount * H, I],
                 "input has \(I) features; weight_ih is \(w.weightIH.shape)")
    precondition(hInit.shape == [B, H], "initial state \(hInit.shape), expected \([B, H])")
    precondition(mask == nil || mask!.count == B * Tn, "mask has \(mask!.count) flags for B·T = \(B * Tn)")
    precondition(gradientWindow.map { $0 >= 1 } ?? true, "a BPTT window must be at least one step, got \(gradientWindow!)")
    let parents = [x, hInit] + (cInit.map { [$0] } ?? []) + w.all
    let keepsActivations = Variable.isRecordingTape && parents.contains { $0.requiresGrad }
    switch x.dtype {
    case .float32:
        let pass = SequencePass<Float>(cell: CellStep(kind: kind, rows: B, hidden: H, forgetClamp: forgetClamp.map { Float($0) }), batch: B, steps: Tn, input: I,
                                       reverse: reverse, mask: mask, recurrentMask: recurrentMask,
                                       gradientWindow: gradientWindow, keepsActivations: keepsActivations)
        return record(pass, x, hInit, cInit, w, parents, probe)
    case .float64:
        let pass = SequencePass<Double>(cell: CellStep(kind: kind, rows: B, hidden: H, forgetClamp: forgetClamp), batch: B, steps: Tn, input: I,
                                        reverse: reverse, mask: mask, recurrentMask: recurrentMask,
                                        gradientWindow: gradientWindow, keepsActivations: keepsActivations)
        return record(pass, x, hInit, cInit, w, parents, probe)
    }
}

/// Runs the pass forward and puts it on the tape: one node for the outputs, whose
/// backward step is the pass's BPTT, and a side result for the final cell state.
private func record<T: EngineScalar>(
    _ pass: SequencePass<T>, _ x: Variable, _ hInit: Variable, _ cInit: Variable?, _ w: RecurrentWeights,
    _ parents: [Variable], _ probe: RecurrentProbe?
) -> (output: Variable, finalCell: Variable?) {
    let (wih, whh) = (w.weightIH.value, w.weightHH.value)
    let result = pass.forward(x: x.value, hInit: hInit.value, cInit: cInit?.value, wih: wih, whh: whh,
                              bih: w.biasIH.value, bhh: w.biasHH.value, probe: probe)
    let box = GradientBox()
    let core = Variable(result.output, parents: parents) { g in
        let d = pass.backward(result.saved, outputGradient: g, finalCellGradient: box.gradient,
                              wih: wih, whh: whh, probe: probe, inputGradient: x.requiresGrad)
        box.gradient = nil
        if let dx = d.dx { x.accumulate(dx) }
        if hInit.requiresGrad { hInit.accumulate(d.dhInit) }
        if let cInit, cInit.requiresGrad, let dcInit = d.dcInit { cInit.accumulate(dcInit) }
        for (p, g) in zip(w.all, [d.dwih, d.dwhh, d.dbih, d.dbhh]) where p.requiresGrad { p.accumulate(g) }
    }
    let finalCell = result.finalCell.map { Variable.sideResult($0, of: core, box: box) }
    return (core, finalCell)
}
