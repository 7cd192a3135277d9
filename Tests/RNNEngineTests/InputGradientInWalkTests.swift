import Testing
@testable import RNNEngine

/// ∂x computed inside the backward walk, δ_ih,t · W_ih step by step with W_ih packed
/// once, and (but for the GRU) δ kept in one copy (`SequencePass+Backward.swift`),
/// against the reference path: two copies of δ and one (B·T, G)·W_ih product after the
/// walk. Every bit of ∂x and of the other gradients is the same.
/// Covers the three cells, both directions, padding (its δ rows are zeroed before
/// the product reads them), an input width with a partial column panel (I 28), a
/// K of G over one depth block, float32 and float64, and the two-thread row parts.
@Suite(.serialized) struct InputGradientInWalkTests {
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru], [false, true])
    func float32MatchesTheProductAfterTheWalk(kind: CellKind, reverse: Bool) {
        check(kind, reverse: reverse, dtype: .float32, batch: 11, input: 28, hidden: 80, threads: 1)
    }

    /// A narrow input (I 2, ∂W_ih by `NarrowWeightGradient`) with ∂x wanted.
    @Test(arguments: [CellKind.rnnTanh, .lstm, .gru])
    func narrowInputMatchesTheReference(kind: CellKind) {
        check(kind, reverse: true, dtype: .float32, batch: 10, input: 2, hidden: 48, threads: 1)
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
        let T = 7
        let pass = SequencePass<Float>.Generic(kind: kind, batch: B, steps: T, input: I, hidden: H, reverse: reverse,
                                               dtype: dtype)
        let inWalk = pass.gradients(seed: 17, inputGradient: true, reference: false)
        let after = pass.gradients(seed: 17, inputGradient: true, reference: true)
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
    /// A pass of either dtype on random inputs, padded (row b has T − (b mod 3) real
    /// steps), run forward then backward by the fast path or the reference one.
    struct Generic {
        let kind: CellKind, batch: Int, steps: Int, input: Int, hidden: Int, reverse: Bool, dtype: DType

        /// ∂x (if `inputGradient`), then ∂h_init, ∂W_ih, ∂W_hh, ∂b_ih, ∂b_hh, as Doubles;
        /// the inputs are drawn from `seed`, so two calls with one seed see the same ones.
        func gradients(seed: UInt64, inputGradient: Bool, reference: Bool) -> [[Double]] {
            let (B, T, I, H, G) = (batch, steps, input, hidden, kind.gateCount * hidden)
            var rng = SplitMix64(seed: seed)
            let mask = (0..<(B * T)).map { $0 % T < T - ($0 / T) % 3 }
            let x = Tensor.normal([B, T, I], rng: &rng, dtype: dtype)
            let (wih, whh) = (Tensor.normal([G, I], rng: &rng, dtype: dtype), Tensor.normal([G, H], rng: &rng, dtype: dtype))
            let (bih, bhh) = (Tensor.normal([G], rng: &rng, dtype: dtype), Tensor.normal([G], rng: &rng, dtype: dtype))
            let hInit = Tensor.normal([B, H], rng: &rng, dtype: dtype)
            let cInit = kind.hasCellState ? Tensor.normal([B, H], rng: &rng, dtype: dtype) : nil
            let g = Tensor.normal([B, T, H], rng: &rng, dtype: dtype)
            func run<S: EngineScalar>(_: S.Type) -> [[Double]] {
                let pass = SequencePass<S>(cell: CellStep(kind: kind, rows: B, hidden: H), batch: B, steps: T,
                                           input: I, reverse: reverse, mask: mask, recurrentMask: nil,
                                           gradientWindow: nil, keepsActivations: true)
                let forward = pass.forward(x: x, hInit: hInit, cInit: cInit, wih: wih, whh: whh, bih: bih, bhh: bhh,
                                           probe: nil)
                let d = pass.backward(forward.saved, outputGradient: g, finalCellGradient: nil, wih: wih,
                                      whh: whh, probe: nil, inputGradient: inputGradient, reference: reference)
                let parameters = [d.dhInit.doubles, d.dwih.doubles, d.dwhh.doubles, d.dbih.doubles, d.dbhh.doubles]
                return inputGradient ? [d.dx!.doubles] + parameters : parameters
            }
            switch dtype {
            case .float32: return run(Float.self)
            case .float64: return run(Double.self)
            }
        }
    }
}
