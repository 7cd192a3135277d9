import RNNEngine

/// A batch of trees of 1…maxLeaves leaves; the first one is a lone leaf.
func randomTreeBatch(count: Int, maxLeaves: Int, vocabularySize: Int, seed: UInt64) -> TreeBatch {
    var rng = SplitMix64(seed: seed)
    let trees = (0..<count).map { k in
        BinaryTree.random(leaves: k == 0 ? 1 : 1 + Int(rng.next() % UInt64(maxLeaves)), vocabularySize: vocabularySize,
                          shuffled: true, rng: &rng)
    }
    return TreeBatch(trees)
}

/// The readable twin of `treeComposition`: every node on its own, recursively
/// from the root, with ordinary tape ops (one gather, concat, matmul and tanh per
/// node). Returns the state table (N, H) in the batch's row order.
func treeStatesNodeByNode(_ batch: TreeBatch, embedding: Variable, weight: Variable, bias: Variable) -> Variable {
    var rows: [Variable] = []
    for tree in batch.trees {
        var memo: [Int: Variable] = [:]
        func state(_ i: Int) -> Variable {
            if let h = memo[i] { return h }
            let h: Variable
            switch tree.nodes[i] {
            case .leaf(let token):
                h = embedding.gather([token], shape: [1])
            case let .branch(l, r):
                let x = Variable.concat([state(l), state(r)], axis: 1)  // (1, 2H)
                h = (x.matmul(weight, transposeOther: true) + bias).tanh()
            }
            memo[i] = h
            return h
        }
        rows += tree.nodes.indices.map(state)
    }
    return Variable.concat(rows, axis: 0)
}
