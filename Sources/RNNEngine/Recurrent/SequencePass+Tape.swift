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
/// - x: (B, T, I); h0, c0: (B, H); mask: (B·T) batch-major or nil.
/// - Returns the outputs (B, T, H) in input time order and, for the LSTM, the final
///   cell state (B, H). The final hidden state is the output at the last step read.
func recurrentSequence(
    kind: CellKind, x: Variable, h0: Variable, c0: Variable?, weights w: RecurrentWeights,
    reverse: Bool, mask: [Bool]?, recurrentMask: Tensor?, probe: RecurrentProbe?
) -> (output: Variable, finalCell: Variable?) {
    switch x.dtype {
    case .float32: return recurrentSequence(Float.self, kind, x, h0, c0, w, reverse, mask, recurrentMask, probe)
    case .float64: return recurrentSequence(Double.self, kind, x, h0, c0, w, reverse, mask, recurrentMask, probe)
    }
}

private func recurrentSequence<T: EngineScalar>(
    _: T.Type, _ kind: CellKind, _ x: Variable, _ h0: Variable, _ c0: Variable?, _ w: RecurrentWeights,
    _ reverse: Bool, _ mask: [Bool]?, _ recurrentMask: Tensor?, _ probe: RecurrentProbe?
) -> (output: Variable, finalCell: Variable?) {
    let (B, Tn, I) = (x.shape[0], x.shape[1], x.shape[2])
    let H = w.weightHH.shape[1]
    precondition(w.weightIH.shape == [kind.gateCount * H, I],
                 "input has \(I) features; weight_ih is \(w.weightIH.shape)")
    precondition(h0.shape == [B, H], "initial state \(h0.shape), expected \([B, H])")
    precondition(mask == nil || mask!.count == B * Tn, "mask has \(mask!.count) flags for B·T = \(B * Tn)")
    let pass = SequencePass<T>(step: CellStep(kind: kind, rows: B, hidden: H), batch: B, steps: Tn, input: I,
                               reverse: reverse, mask: mask, recurrentMask: recurrentMask)
    let (wih, whh) = (w.weightIH.value, w.weightHH.value)
    let result = pass.forward(x: x.value, h0: h0.value, c0: c0?.value, wih: wih, whh: whh,
                              bih: w.biasIH.value, bhh: w.biasHH.value, probe: probe)
    let box = GradientBox()
    let parents = [x, h0] + (c0.map { [$0] } ?? []) + w.all
    let core = Variable(result.output, parents: parents) { g in
        let d = pass.backward(result.saved, outputGradient: g, finalCellGradient: box.gradient,
                              wih: wih, whh: whh, probe: probe, inputGradient: x.requiresGrad)
        box.gradient = nil
        if let dx = d.dx { x.accumulate(dx) }
        if h0.requiresGrad { h0.accumulate(d.dh0) }
        if let c0, c0.requiresGrad, let dc0 = d.dc0 { c0.accumulate(dc0) }
        for (p, g) in zip(w.all, [d.dwih, d.dwhh, d.dbih, d.dbhh]) where p.requiresGrad { p.accumulate(g) }
    }
    let finalCell = result.finalCell.map { Variable.sideResult($0, of: core, box: box) }
    return (core, finalCell)
}
