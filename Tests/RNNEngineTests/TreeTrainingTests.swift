import Testing
import RNNEngine

/// The tree net learns a sentiment-like rule from the root: a tree is
/// "negative" (class 1) when some leaf reads the token 0 ("not"), else
/// "positive". Trained on one set of trees, scored on another.
@Suite struct TreeTrainingTests {
    static func labelled(count: Int, seed: UInt64) -> (TreeBatch, [Int]) {
        let batch = randomTreeBatch(count: count, maxLeaves: 6, vocabularySize: 5, seed: seed)
        let labels = batch.trees.map { tree in tree.nodes.contains(.leaf(token: 0)) ? 1 : 0 }
        return (batch, labels)
    }

    static func accuracy(_ net: TreeNet, _ batch: TreeBatch, _ labels: [Int]) -> Double {
        let logits = net.rootLogits(batch, states: net.states(batch)).value
        let hits = labels.indices.filter { b in (logits[b, 1] > logits[b, 0] ? 1 : 0) == labels[b] }.count
        return Double(hits) / Double(labels.count)
    }

    @Test func learnsWhetherATreeHoldsANegation() {
        var rng = SplitMix64(seed: 2)
        let net = TreeNet(vocabularySize: 5, hiddenSize: 8, classes: 2, rng: &rng)
        let (train, trainLabels) = Self.labelled(count: 96, seed: 40)
        let (test, testLabels) = Self.labelled(count: 96, seed: 41)
        // Both classes are present, so a constant answer cannot pass.
        let share = Double(testLabels.reduce(0, +)) / Double(testLabels.count)
        #expect(share > 0.2 && share < 0.8)
        let before = Self.accuracy(net, test, testLabels)
        let adam = Adam(net.parameters, learningRate: 0.03)
        for _ in 0..<150 {
            adam.zeroGrad()
            crossEntropy(net.rootLogits(train, states: net.states(train)), targets: trainLabels).backward()
            adam.step()
        }
        let after = Self.accuracy(net, test, testLabels)
        #expect(after >= 0.9, "held-out accuracy \(after) (before training \(before))")
        #expect(after >= before + 0.2, "held-out accuracy \(after), before training \(before)")
    }
}
