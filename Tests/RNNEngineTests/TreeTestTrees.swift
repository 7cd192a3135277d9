import RNNEngine

/// Random binary trees for the tree-net tests: leaves are merged with a random
/// neighbour until one subtree is left, then the node list is shuffled so that
/// children may come after their parents.
func randomTree(leaves: Int, vocabularySize: Int, rng: inout SplitMix64) -> BinaryTree {
    var nodes: [TreeNode] = (0..<leaves).map { _ in .leaf(token: Int(rng.next() % UInt64(vocabularySize))) }
    var frontier = Array(0..<leaves)
    while frontier.count > 1 {
        let k = Int(rng.next() % UInt64(frontier.count - 1))
        nodes.append(.branch(left: frontier[k], right: frontier[k + 1]))
        frontier.replaceSubrange(k...(k + 1), with: [nodes.count - 1])
    }
    var order = Array(nodes.indices)
    order.shuffle(using: &rng)  // old index → new index
    var shuffled = nodes
    for (old, node) in nodes.enumerated() {
        switch node {
        case .leaf: shuffled[order[old]] = node
        case let .branch(l, r): shuffled[order[old]] = .branch(left: order[l], right: order[r])
        }
    }
    return try! BinaryTree(nodes: shuffled, vocabularySize: vocabularySize)
}

/// A batch of trees of 1…maxLeaves leaves; the first one is a lone leaf.
func randomTreeBatch(count: Int, maxLeaves: Int, vocabularySize: Int, seed: UInt64) -> TreeBatch {
    var rng = SplitMix64(seed: seed)
    let trees = (0..<count).map { k in
        randomTree(leaves: k == 0 ? 1 : 1 + Int(rng.next() % UInt64(maxLeaves)), vocabularySize: vocabularySize, rng: &rng)
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
