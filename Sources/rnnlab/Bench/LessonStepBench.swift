import RNNEngine

/// A whole training step of the LSTM lesson, the same as `lesson_rows` in
/// `Tests/scripts/bench_torch.py`: adding-problem input x (B 32, T 100, 2 features:
/// a value in [0, 1) and a marker, 1 at steps 3 and T/2 + 3), LSTM(2 → 32), a linear
/// head on the last step's output (B, 1), mean squared error against the sum of
/// the two marked values, gradient norm clipped to 1, Adam with lr 3e-3.
/// A step is zeroGrad → forward → loss → backward → clip → Adam step.
final class LessonStepModel {
    static let (B, T, H) = (32, 100, 32)
    let lstm: LSTM
    let head: Linear
    let parameters: [Variable]
    let adam: Adam
    let x: Variable      // (B, T, 2)
    let y: Tensor        // (B, 1)

    init() {
        let (B, T, H) = (Self.B, Self.T, Self.H)
        var rng = SplitMix64(seed: 1)
        lstm = LSTM(inputSize: 2, hiddenSize: H, rng: &rng)
        head = Linear(H, 1, rng: &rng)
        parameters = lstm.parameters + head.parameters
        adam = Adam(parameters, learningRate: 3e-3)
        var features = [Float](repeating: 0, count: B * T * 2)
        var targets = [Float](repeating: 0, count: B)
        for b in 0..<B {
            for t in 0..<T {
                let value = Float(rng.uniform(0, 1))
                let marked = t == 3 || t == T / 2 + 3
                features[(b * T + t) * 2] = value
                features[(b * T + t) * 2 + 1] = marked ? 1 : 0
                if marked { targets[b] += value }
            }
        }
        x = Variable(Tensor(shape: [B, T, 2], scalars: features))
        y = Tensor(shape: [B, 1], scalars: targets)
    }

    func step() {
        adam.zeroGrad()
        let last = lstm(x).output.select(axis: 1, Self.T - 1)          // (B, H)
        meanSquaredError(head(last), y).backward()
        _ = clipGradientNorm(parameters, maxNorm: 1)
        adam.step()
    }
}

func lessonStepBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    let model = LessonStepModel()
    let step = medianMilliseconds(repetitions: 15) { model.step() }
    let (B, T, H) = (LessonStepModel.B, LessonStepModel.T, LessonStepModel.H)
    return [BenchRow(group: "lesson step", name: "lstm adding B\(B) T\(T) H\(H) head+mse+adam+clip",
                     threads: threads, value: step, unit: "ms")]
}
