import RNNEngine

/// Forward + backward of the convolution-family ops (float32) at a text
/// classifier's sizes: B 32, T 100, C_in 64, C_out 128 (conv), H 64, E 64 (RCNN),
/// V 10,000 (embedding).
func convBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    var rng = SplitMix64(seed: 1)
    var rows: [BenchRow] = []
    let (b, t, c, o) = (32, 100, 64, 128)
    func add(_ name: String, _ body: () -> Void) {
        rows.append(BenchRow(group: "conv f+b", name: name + " B\(b) T\(t)", threads: threads,
                             value: medianMilliseconds(body), unit: "ms"))
    }
    let x = Variable(.normal([b, t, c], rng: &rng), requiresGrad: true)
    for (k, d, p) in [(3, 1, Conv1dPadding.same), (5, 2, .causal), (3, 1, .valid)] {
        let conv = try! Conv1d(c, o, kernelSize: k, dilation: d, padding: p, rng: &rng)
        add("conv1d \(p.rawValue) K\(k) d\(d) \(c)→\(o)") {
            conv.zeroGrad(); x.zeroGrad()
            conv(x).sum().backward()
        }
    }
    add("maxpool1d P2 C\(c)") { x.zeroGrad(); x.maxPool1d(size: 2).sum().backward() }
    add("avgpool1d P2 C\(c)") { x.zeroGrad(); x.avgPool1d(size: 2).sum().backward() }
    let mask = (0..<(b * t)).map { $0 % t < t - $0 / t }
    add("global max masked C\(c)") { x.zeroGrad(); x.globalMaxOverTime(mask: mask).sum().backward() }
    add("global mean masked C\(c)") { x.zeroGrad(); x.globalMeanOverTime(mask: mask).sum().backward() }
    let dense = Linear(c, o, rng: &rng)
    add("dense per position \(c)→\(o)") { dense.zeroGrad(); x.zeroGrad(); dense(x).sum().backward() }
    let emb = Embedding(10_000, c, paddingIndex: 0, rng: &rng)
    let ids = (0..<(b * t)).map { ($0 * 7919) % 10_000 }
    add("embedding V10000 E\(c)") { emb.zeroGrad(); emb(ids, shape: [b, t]).sum().backward() }
    let h = 64
    let fw = Variable(.normal([b, t, h], rng: &rng), requiresGrad: true)
    let bw = Variable(.normal([b, t, h], rng: &rng), requiresGrad: true)
    let (il, ir) = (Variable(.zeros([h])), Variable(.zeros([h])))
    add("rcnn context H\(h) E\(c)") {
        fw.zeroGrad(); bw.zeroGrad(); x.zeroGrad()
        Variable.rcnnContext(forward: fw, embedded: x, backward: bw, initialLeft: il, initialRight: ir,
                             mask: mask).sum().backward()
    }
    return rows
}
