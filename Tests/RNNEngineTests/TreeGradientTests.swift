import Testing
import RNNEngine

/// The tree net's gradients against central differences in float64: every
/// parameter (embedding, composition, readout), through every node.
@Suite struct TreeGradientTests {
    @Test func treeCompositionStates() {
        var rng = SplitMix64(seed: 11)
        let net = TreeNet(vocabularySize: 6, hiddenSize: 3, classes: 2, rng: &rng, dtype: .float64)
        let batch = randomTreeBatch(count: 4, maxLeaves: 5, vocabularySize: 6, seed: 12)
        let r = gradientCheck([net.embedding.weight, net.weight, net.bias]) { weightedSum(net.states(batch)) }
        #expect(r.passed, "\(r)")
        #expect(r.checked == 6 * 3 + 3 * 6 + 3)
    }

    @Test func rootAndNodeClassificationLoss() {
        var rng = SplitMix64(seed: 21)
        let net = TreeNet(vocabularySize: 5, hiddenSize: 4, classes: 3, rng: &rng, dtype: .float64)
        let batch = randomTreeBatch(count: 3, maxLeaves: 6, vocabularySize: 5, seed: 22)
        let rootTargets = (0..<3).map { $0 % 3 }
        let nodeTargets = (0..<batch.nodeCount).map { ($0 * 7) % 3 }
        let r = gradientCheck(net.parameters) {
            let h = net.states(batch)
            return crossEntropy(net.rootLogits(batch, states: h), targets: rootTargets)
                + crossEntropy(net.nodeLogits(states: h), targets: nodeTargets)
        }
        #expect(r.passed, "\(r)")
        #expect(r.checked == net.parameterCount)
    }

    /// Only tokens some leaf reads receive an embedding gradient (the others get
    /// exactly zero); the gradient check above covers the values.
    @Test func embeddingGradientReachesOnlyTheTokensRead() throws {
        var rng = SplitMix64(seed: 31)
        let net = TreeNet(vocabularySize: 5, hiddenSize: 3, classes: 2, rng: &rng, dtype: .float64)
        // ((2 2) 4): token 2 twice, token 4 once; 0, 1 and 3 never.
        let tree = try BinaryTree(nodes: [.leaf(token: 2), .leaf(token: 2), .branch(left: 0, right: 1),
                                          .leaf(token: 4), .branch(left: 2, right: 3)], vocabularySize: 5)
        weightedSum(net.states(TreeBatch([tree]))).backward()
        let g = try #require(net.embedding.weight.grad)
        for token in 0..<5 {
            let row = (0..<3).map { g[token, $0] }
            if [2, 4].contains(token) {
                #expect(row.contains { $0 != 0 }, "token \(token) is read but got no gradient")
            } else {
                #expect(row.allSatisfy { $0 == 0 }, "token \(token) is not read but got \(row)")
            }
        }
    }
}
