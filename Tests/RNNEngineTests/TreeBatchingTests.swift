import Testing
import RNNEngine

/// The level-batched pass against the one-node-at-a-time reference, in Double:
/// same states, same gradients; and the batch really runs by level.
@Suite struct TreeBatchingTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func levelBatchingEqualsNodeByNode(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let net = TreeNet(vocabularySize: 9, hiddenSize: 5, classes: 3, rng: &rng, dtype: .float64)
        let batch = randomTreeBatch(count: 6, maxLeaves: 8, vocabularySize: 9, seed: seed + 100)
        let params = [net.embedding.weight, net.weight, net.bias]

        let batched = net.states(batch)
        weightedSum(batched).backward()
        let batchedGrads = try params.map { try #require($0.grad) }
        net.zeroGrad()

        let reference = treeCompositionNodeByNode(batch, embedding: net.embedding.weight, weight: net.weight, bias: net.bias)
        weightedSum(reference).backward()
        let referenceGrads = try params.map { try #require($0.grad) }

        #expect(batched.shape == [batch.nodeCount, 5])
        #expect(maxRelativeDifference(batched.value.doubles, reference.value.doubles) <= 1e-13)
        for (name, (a, b)) in zip(["embedding", "weight", "bias"], zip(batchedGrads, referenceGrads)) {
            #expect(maxRelativeDifference(a.doubles, b.doubles) <= 1e-12, "\(name)")
        }
    }

    /// A batch of trees takes one level per unit of height, not one per node.
    @Test func levelsFollowHeightNotNodeCount() throws {
        let batch = randomTreeBatch(count: 8, maxLeaves: 10, vocabularySize: 4, seed: 7)
        let branches = batch.trees.reduce(0) { $0 + $1.nodes.count } - batch.leafRows.count
        #expect(batch.depth == batch.trees.map(\.depth).max())
        #expect(batch.levels.reduce(0) { $0 + $1.rows.count } == branches)
        #expect(batch.depth < branches)
        // A binary tree of L leaves has L − 1 branches.
        for tree in batch.trees {
            let leaves = tree.nodes.filter { if case .leaf = $0 { return true } else { return false } }.count
            #expect(tree.nodes.count == 2 * leaves - 1)
        }
        // Every child sits in a lower level than its parent.
        var levelOfRow = [Int](repeating: 0, count: batch.nodeCount)
        for (l, level) in batch.levels.enumerated() { for r in level.rows { levelOfRow[r] = l + 1 } }
        for (l, level) in batch.levels.enumerated() {
            for c in level.leftRows + level.rightRows { #expect(levelOfRow[c] < l + 1) }
        }
    }

    /// A lone leaf is a tree: its state is its embedding row, its root is itself.
    @Test func aLoneLeafIsItsEmbedding() throws {
        var rng = SplitMix64(seed: 4)
        let net = TreeNet(vocabularySize: 3, hiddenSize: 2, classes: 2, rng: &rng, dtype: .float64)
        let batch = TreeBatch([try BinaryTree(nodes: [.leaf(token: 2)], vocabularySize: 3)])
        #expect(batch.depth == 0 && batch.rootRows == [0])
        #expect(net.states(batch).value.doubles == net.embedding.weight.value.gatherRows([2]).doubles)
    }

    /// Float32 training values agree with the float64 pass to float32 precision.
    @Test func float32AgreesWithFloat64() {
        var rng = SplitMix64(seed: 5)
        let net = TreeNet(vocabularySize: 6, hiddenSize: 8, classes: 2, rng: &rng, dtype: .float64)
        let batch = randomTreeBatch(count: 5, maxLeaves: 7, vocabularySize: 6, seed: 6)
        let wide = net.states(batch).value.doubles
        net.convert(to: .float32)
        let narrow = net.states(batch).value.doubles
        #expect(maxRelativeDifference(narrow, wide) <= 1e-5)
    }
}
