import RNNEngine

/// Times of the engine's main ops on the tape (float32, forward and backward).
func opBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    var rng = SplitMix64(seed: 1)
    let x = Tensor.normal([256, 1024], rng: &rng)
    var rows: [BenchRow] = []
    func add(_ name: String, _ body: () -> Void) {
        rows.append(BenchRow(group: "ops", name: name, threads: threads,
                             value: medianMilliseconds(body), unit: "ms"))
    }
    add("tanh 256x1024") { _ = x.map(Tanh()) }
    add("sigmoid 256x1024") { _ = x.map(Sigmoid()) }
    add("softmax rows 256x1024") { _ = x.softmaxRows() }
    add("add bias 256x1024 + 1024") { _ = x + x.slice(axis: 0, 0..<1).reshaped([1024]) }
    add("sum axis 0 256x1024") { _ = x.sum(axis: 0) }

    let linear = Linear(256, 256, rng: &rng)
    let input = Variable(.normal([64, 256], rng: &rng))
    add("linear 64x256→256 fwd+bwd") {
        linear.zeroGrad()
        linear(input).tanh().sum().backward()
    }
    let logits = Variable(.normal([512, 65], rng: &rng), requiresGrad: true)
    let targets = (0..<512).map { $0 % 65 }
    add("cross entropy 512x65 fwd+bwd") {
        logits.zeroGrad()
        crossEntropy(logits, targets: targets).backward()
    }
    let params = linear.parameters
    let adam = Adam(params)
    for p in params { p.grad = Tensor(zeros: p.shape) }
    add("adam step 65,792 params") { adam.step() }
    return rows
}
