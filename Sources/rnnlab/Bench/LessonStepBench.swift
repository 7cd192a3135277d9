import RNNEngine

/// A whole training step of the LSTM lesson, the same as `lesson_rows` in
/// `Tests/scripts/bench_torch.py`: adding-problem input x (B 32, T 100, 2 features:
/// a value in [0, 1) and a marker, 1 at steps 3 and T/2 + 3), LSTM(2 → 32), a linear
/// head on the last step's output (B, 1), mean squared error against the sum of
/// the two marked values, gradient norm clipped to 1, Adam with lr 3e-3.
/// A step is zeroGrad → forward → loss → backward → clip → Adam step.
func lessonStepBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    let (B, T, H) = (32, 100, 32)
    var rng = SplitMix64(seed: 1)
    let lstm = LSTM(inputSize: 2, hiddenSize: H, rng: &rng)
    let head = Linear(H, 1, rng: &rng)
    let parameters = lstm.parameters + head.parameters
    let adam = Adam(parameters, learningRate: 3e-3)
    var features = [Float](repeating: 0, count: B * T * 2)   // (B, T, 2)
    var targets = [Float](repeating: 0, count: B)             // (B, 1)
    for b in 0..<B {
        for t in 0..<T {
            let value = Float(rng.uniform(0, 1))
            let marked = t == 3 || t == T / 2 + 3
            features[(b * T + t) * 2] = value
            features[(b * T + t) * 2 + 1] = marked ? 1 : 0
            if marked { targets[b] += value }
        }
    }
    let x = Variable(Tensor(shape: [B, T, 2], scalars: features))
    let y = Tensor(shape: [B, 1], scalars: targets)
    let step = medianMilliseconds {
        adam.zeroGrad()
        let last = lstm(x).output.select(axis: 1, T - 1)          // (B, H)
        meanSquaredError(head(last), y).backward()
        _ = clipGradientNorm(parameters, maxNorm: 1)
        adam.step()
    }
    return [BenchRow(group: "lesson step", name: "lstm adding B\(B) T\(T) H\(H) head+mse+adam+clip",
                     threads: threads, value: step, unit: "ms")]
}
