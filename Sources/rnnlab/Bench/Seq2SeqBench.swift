import RNNEngine

/// An encoder–decoder training step at the sizes — B 64, source and target
/// length 20, embedding 32, hidden 64, vocabulary 40 — with additive attention, and
/// variants beside it (no attention, LSTM, bidirectional encoder), plus the forward
/// pass alone and greedy decoding. A step is zeroGrad + loss (teacher forcing) +
/// backward + Adam. `Tests/scripts/bench_torch.py` times the same step in PyTorch
/// (an equivalent nn.Module with nn.GRU/LSTM, nn.GRUCell/LSTMCell and the same
/// attention) for `--compare`.
func seq2seqBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    let (B, S, U, E, H, V) = (64, 20, 20, 32, 64, 40)
    var data = SplitMix64(seed: 7)
    let source = (0..<(B * S)).map { _ in 3 + Int(data.next() % UInt64(V - 3)) }
    let target = (0..<(B * (U - 1))).map { _ in 3 + Int(data.next() % UInt64(V - 3)) }
    // Rows: <bos>=0 + target → target + <eos>=1.
    var input: [Int] = [], output: [Int] = []
    for b in 0..<B {
        let row = Array(target[(b * (U - 1))..<((b + 1) * (U - 1))])
        input += [0] + row
        output += row + [1]
    }
    let variants: [(name: String, cell: CellKind, bidirectional: Bool, attention: Bool)] = [
        ("gru additive", .gru, false, true),
        ("gru fixed context", .gru, false, false),
        ("lstm additive", .lstm, false, true),
        ("gru bi additive", .gru, true, true),
    ]
    let sizes = "B\(B) S\(S) U\(U) E\(E) H\(H) V\(V)"
    var rows: [BenchRow] = []
    for (n, v) in variants.enumerated() {
        var rng = SplitMix64(seed: 1)
        let config = Seq2SeqConfiguration(sourceVocabularySize: V, targetVocabularySize: V, embeddingSize: E,
                                          hiddenSize: H, cell: v.cell, bidirectional: v.bidirectional,
                                          useAttention: v.attention, score: .additive)
        let model = Seq2Seq(config, rng: &rng)
        let adam = Adam(model.parameters, learningRate: 1e-3)
        let loss = {
            model.loss(sourceTokens: source, sourceShape: (B, S), targetInputTokens: input, targetOutputTokens: output)
        }
        let step = medianMilliseconds {
            adam.zeroGrad()
            loss().backward()
            adam.step()
        }
        rows.append(BenchRow(group: "seq2seq step", name: "\(v.name) \(sizes)", threads: threads, value: step,
                             unit: "ms"))
        if n == 0 {
            let forward = medianMilliseconds { _ = loss() }
            rows.append(BenchRow(group: "seq2seq fwd", name: "\(v.name) \(sizes)", threads: threads,
                                 value: forward, unit: "ms"))
            let greedy = medianMilliseconds {
                _ = model.greedyDecode(sourceTokens: source, sourceShape: (B, S), maxLength: U, bos: 0, eos: -1)
            }
            rows.append(BenchRow(group: "seq2seq greedy", name: "\(v.name) \(sizes)", threads: threads,
                                 value: greedy, unit: "ms"))
        }
    }
    return rows
}
