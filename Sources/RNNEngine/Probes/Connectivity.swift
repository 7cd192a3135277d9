/// The connectivity map of a sequence model, as in Madsen's "Visualizing
/// memorization in RNNs" (Distill, 2019): how strongly the output at step t
/// depends on the input at step s, ‖∂y_t/∂x_s‖ for every (t, s).
///
/// The norm is the Frobenius norm of the (O × I) Jacobian block ∂y_t/∂x_s, and
/// the map is averaged over the sequences of the batch. It is computed with the
/// tape in one backward pass: each sequence is repeated T_out·O times, copy
/// (t, o) seeded with ∂L/∂y = e_o at step t, so that copy's input gradient is
/// row o of ∂y_t/∂x_s for every s at once. This needs a model whose rows do not
/// interact (no batch statistics), which holds for the recurrent layers, the
/// linear and embedding layers and per-row losses; dropout must be off.
public enum Connectivity {
    /// The map (T_out, T_in), row t holding ‖∂y_t/∂x_s‖ for s = 0…T_in−1.
    /// - Parameters:
    ///   - x: inputs (B, T_in, I); their dtype is the computation's.
    ///   - model: maps (N, T_in, I) to (N, T_out, O), each row on its own.
    ///   - rowLimit: the largest number of repeated rows run in one pass (memory).
    public static func map(_ x: Tensor, rowLimit: Int = 4096, model: (Variable) -> Variable) -> Tensor {
        precondition(x.rank == 3, "connectivity: input \(x.shape), expected (B, T, I)")
        let (B, Tin, I) = (x.shape[0], x.shape[1], x.shape[2])
        var total = [Double](repeating: 0, count: 0)
        var outSteps = 0
        for b in 0..<B {
            let row = x.slice(axis: 0, b..<(b + 1))
            // The output's shape, from one plain pass.
            let probe = model(Variable(row)).value
            precondition(probe.rank == 3 && probe.shape[0] == 1, "connectivity: the model returned \(probe.shape), expected (N, T, O)")
            let (Tout, O) = (probe.shape[1], probe.shape[2])
            if total.isEmpty { (total, outSteps) = ([Double](repeating: 0, count: Tout * Tin), Tout) }
            precondition(Tout == outSteps, "connectivity: output lengths differ between rows")
            // Squared norms, (T_out, T_in), summed over the seeds (t, o).
            var squares = [Double](repeating: 0, count: Tout * Tin)
            let seeds = (0..<(Tout * O)).map { ($0 / O, $0 % O) }
            var start = 0
            let chunk = max(1, rowLimit)
            while start < seeds.count {
                let part = Array(seeds[start..<min(seeds.count, start + chunk)])
                let n = part.count
                let copies = row.reshaped([1, Tin * I]).gatherRows([Int](repeating: 0, count: n)).reshaped([n, Tin, I])
                let repeated = Variable(copies, requiresGrad: true)
                var seed = Tensor(zeros: [n, Tout, O], dtype: x.dtype)
                for (r, (t, o)) in part.enumerated() { seed[r, t, o] = 1 }
                (model(repeated) * Variable(seed)).sum().backward()
                let g = repeated.grad?.doubles ?? [Double](repeating: 0, count: n * Tin * I)
                for (r, (t, _)) in part.enumerated() {
                    for s in 0..<Tin {
                        var sum = 0.0
                        for i in 0..<I { let v = g[(r * Tin + s) * I + i]; sum += v * v }
                        squares[t * Tin + s] += sum
                    }
                }
                start += n
            }
            for k in squares.indices { total[k] += squares[k].squareRoot() }
        }
        return Tensor(shape: [outSteps, Tin], doubles: total.map { $0 / Double(max(B, 1)) })
    }
}
