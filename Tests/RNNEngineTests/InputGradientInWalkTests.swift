import Testing
@testable import RNNEngine

/// ∂x computed inside the backward walk, δ_ih,t · W_ih step by step with W_ih packed
/// once (`SequencePass+Backward.swift`), against the one (B·T, G)·W_ih product after
/// the walk that it replaced: every bit of ∂x and of the other gradients is the same.
/// Covers the three cells, both directions, padding (its δ rows are zeroed before
/// the product reads them), an input width with a partial column panel (I 28), a
/// K of G over one depth block, float32 and float64, and the two-thread row parts.
@Suite(.serialized) struct InputGradientInWalkTests {
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru], [false, true])
    func float32MatchesTheProductAfterTheWalk(kind: CellKind, reverse: Bool) {
        check(kind, reverse: reverse, dtype: .float32, batch: 11, input: 28, hidden: 80, threads: 1)
    }

    @Test(arguments: [CellKind.lstm, .gru])
    func float64MatchesTheProductAfterTheWalk(kind: CellKind) {
        check(kind, reverse: true, dtype: .float64, batch: 9, input: 12, hidden: 20, threads: 1)
    }

    /// Rows 0..<16 and 16..<20 in two parts, each computing ∂x of its own rows.
    @Test(arguments: [CellKind.lstm, .gru])
    func rowPartsMatchTheProductAfterTheWalk(kind: CellKind) {
        #expect(SequencePass<Float>.rowParts(kind, batch: 20, steps: 7, hidden: 64, threads: 2) == 2,
                "the split would not run")
        check(kind, reverse: false, dtype: .float32, batch: 20, input: 40, hidden: 64, threads: 2)
    }

    private func check(_ kind: CellKind, reverse: Bool, dtype: DType, batch B: Int, input I: Int, hidden H: Int,
                       threads: Int) {
        let saved = Parallel.maxThreads
        Parallel.maxThreads = threads
        defer { Parallel.maxThreads = saved }
        let T = 7, G = kind.gateCount * H
        var rng = SplitMix64(seed: 17)
        let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) % 3 }     // row b has T − (b mod 3) real steps
        let pass = SequencePass<Float>.Generic(kind: kind, batch: B, steps: T, input: I, hidden: H, reverse: reverse,
                                               mask: mask, dtype: dtype)
        let x = Tensor.normal([B, T, I], rng: &rng, dtype: dtype)
        let (wih, whh) = (Tensor.normal([G, I], rng: &rng, dtype: dtype), Tensor.normal([G, H], rng: &rng, dtype: dtype))
        let (bih, bhh) = (Tensor.normal([G], rng: &rng, dtype: dtype), Tensor.normal([G], rng: &rng, dtype: dtype))
        let hInit = Tensor.normal([B, H], rng: &rng, dtype: dtype)
        let cInit = kind.hasCellState ? Tensor.normal([B, H], rng: &rng, dtype: dtype) : nil
        let g = Tensor.normal([B, T, H], rng: &rng, dtype: dtype)
        let inWalk = pass.gradients(x: x, hInit: hInit, cInit: cInit, wih: wih, whh: whh, bih: bih, bhh: bhh,
                                    outputGradient: g, inWalk: true)
        let after = pass.gradients(x: x, hInit: hInit, cInit: cInit, wih: wih, whh: whh, bih: bih, bhh: bhh,
                                   outputGradient: g, inWalk: false)
        #expect(inWalk.count == after.count)
        for (i, (a, b)) in zip(inWalk, after).enumerated() {
            #expect(a == b, "\(kind) \(dtype) reverse \(reverse): gradient \(i) (0 ∂x, then ∂h_init, ∂W_ih, ∂W_hh, ∂b_ih, ∂b_hh) differs")
        }
        #expect(inWalk[0].contains { $0 != 0 }, "∂x is all zeros")
        // Padded steps send nothing to x: row b's last (b mod 3) steps have ∂x = 0.
        for b in 0..<B {
            for t in (T - b % 3)..<T { #expect(inWalk[0][(b * T + t) * I..<(b * T + t + 1) * I].allSatisfy { $0 == 0 }) }
        }
    }
}

extension SequencePass<Float> {
    /// A pass of either dtype, run forward then backward with ∂x in the walk or after it.
    struct Generic {
        let kind: CellKind, batch: Int, steps: Int, input: Int, hidden: Int, reverse: Bool, mask: [Bool], dtype: DType

        func gradients(x: Tensor, hInit: Tensor, cInit: Tensor?, wih: Tensor, whh: Tensor, bih: Tensor, bhh: Tensor,
                       outputGradient: Tensor, inWalk: Bool) -> [[Double]] {
            func run<S: EngineScalar>(_: S.Type) -> [[Double]] {
                let pass = SequencePass<S>(cell: CellStep(kind: kind, rows: batch, hidden: hidden), batch: batch,
                                           steps: steps, input: input, reverse: reverse, mask: mask, recurrentMask: nil,
                                           gradientWindow: nil, keepsActivations: true)
                let forward = pass.forward(x: x, hInit: hInit, cInit: cInit, wih: wih, whh: whh, bih: bih, bhh: bhh,
                                           probe: nil)
                let d = pass.backward(forward.saved, outputGradient: outputGradient, finalCellGradient: nil, wih: wih,
                                      whh: whh, probe: nil, inputGradient: true, inputGradientInWalk: inWalk)
                return [d.dx!.doubles, d.dhInit.doubles, d.dwih.doubles, d.dwhh.doubles, d.dbih.doubles, d.dbhh.doubles]
            }
            switch dtype {
            case .float32: return run(Float.self)
            case .float64: return run(Double.self)
            }
        }
    }
}
