import RNNEngine

/// Forward, and forward + backward, of the recurrent layers at the sizes the
/// issue names (`--compare` puts PyTorch's time beside them, measured by
/// `Tests/scripts/bench_torch.py` in the same session). "rnn fwd" runs without a
/// tape (`withNoGrad`), as the script's forward runs under `torch.no_grad()`; then, at
/// the first size, the forward pass that keeps its activations for a backward pass
/// ("taped") and forward + backward with truncated BPTT at windows τ of 5 and 20 steps.
func recurrentBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    var rows: [BenchRow] = []
    for kind in recurrentBenchKinds {
        for (n, s) in recurrentBenchSizes.enumerated() {
            var rng = SplitMix64(seed: 1)
            let layer = RecurrentLayer(kind, inputSize: s.I, hiddenSize: s.H, rng: &rng)
            let x = Variable(.normal([s.B, s.T, s.I], rng: &rng), requiresGrad: true)
            let name = "\(kind.rawValue) B\(s.B) T\(s.T) I\(s.I) H\(s.H)"
            let forward = medianMilliseconds { _ = withNoGrad { layer(x).output } }
            let both = medianMilliseconds {
                layer.zeroGrad(); x.zeroGrad()
                layer(x).output.sum().backward()
            }
            rows.append(BenchRow(group: "rnn fwd", name: name, threads: threads, value: forward, unit: "ms"))
            rows.append(BenchRow(group: "rnn f+b", name: name, threads: threads, value: both, unit: "ms"))
            guard n == 0 else { continue }
            let taped = medianMilliseconds { _ = layer(x).output }
            rows.append(BenchRow(group: "rnn fwd", name: name + " taped", threads: threads, value: taped, unit: "ms"))
            for window in [5, 20] {
                layer.gradientWindow = window
                let truncated = medianMilliseconds {
                    layer.zeroGrad(); x.zeroGrad()
                    layer(x).output.sum().backward()
                }
                rows.append(BenchRow(group: "rnn f+b", name: name + " τ\(window)", threads: threads, value: truncated,
                                     unit: "ms"))
            }
            layer.gradientWindow = nil
        }
    }
    return rows
}

/// The cells and the sizes (B, T, I, H) of `recurrentBenchmarks`, as in `bench_torch.py`.
let recurrentBenchKinds = [CellKind.rnnTanh, .lstm, .gru]
let recurrentBenchSizes: [(B: Int, T: Int, I: Int, H: Int)] = [(32, 50, 32, 64), (64, 100, 64, 128), (128, 28, 28, 128),
                                                                 (1, 100, 8, 32)]
