import RNNEngine

/// The recursive (tree) network at a named size — B 64 random binary trees of
/// 2…32 leaves (2 282 nodes, 12 levels), hidden 64, vocabulary
/// 100, 5 classes: the level-batched forward pass with the root readout, the
/// same states one node at a time (`treeCompositionNodeByNode`), and a
/// training step (zeroGrad + forward + root cross entropy + backward through
/// structure + Adam). Also character-LM sampling: 200 tokens, greedy, from an
/// LSTM with H 128 over V 64 (each token one step of the layer).
func treeBenchmarks(threads: Int) -> [BenchRow] {
    Parallel.maxThreads = threads
    let (B, maxLeaves, H, V, C) = (64, 32, 64, 100, 5)
    var data = SplitMix64(seed: 5)
    let trees = (0..<B).map { _ in BinaryTree.random(leaves: 2 + Int(data.next() % UInt64(maxLeaves - 1)), vocabularySize: V, rng: &data) }
    let batch = TreeBatch(trees)
    let labels = (0..<B).map { _ in Int(data.next() % UInt64(C)) }
    var rng = SplitMix64(seed: 1)
    let net = TreeNet(vocabularySize: V, hiddenSize: H, classes: C, rng: &rng)
    let adam = Adam(net.parameters, learningRate: 1e-3)
    let sizes = "B\(B) N\(batch.nodeCount) depth\(batch.depth) H\(H) V\(V)"
    let forward = medianMilliseconds { _ = net.rootLogits(batch, states: net.states(batch)) }
    let nodeByNode = medianMilliseconds(repetitions: 3) {
        _ = treeCompositionNodeByNode(batch, embedding: net.embedding.weight, weight: net.weight, bias: net.bias)
    }
    let step = medianMilliseconds {
        adam.zeroGrad()
        crossEntropy(net.rootLogits(batch, states: net.states(batch)), targets: labels).backward()
        adam.step()
    }
    var lmRng = SplitMix64(seed: 2)
    let lm = CharLanguageModel(vocabularySize: 64, embeddingSize: 32, hiddenSize: 128, kind: .lstm, rng: &lmRng)
    let sample = medianMilliseconds(repetitions: 3) {
        _ = try? lm.sample(prime: [1, 2, 3], length: 200, temperature: .greedy, seed: 0)
    }
    return [
        BenchRow(group: "tree fwd", name: sizes, threads: threads, value: forward, unit: "ms"),
        BenchRow(group: "tree fwd node-by-node", name: sizes, threads: threads, value: nodeByNode, unit: "ms"),
        BenchRow(group: "tree step", name: sizes, threads: threads, value: step, unit: "ms"),
        BenchRow(group: "charlm sample", name: "200 tokens greedy lstm H128 V64", threads: threads,
                 value: sample, unit: "ms"),
    ]
}
