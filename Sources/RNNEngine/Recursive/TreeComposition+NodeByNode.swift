/// The readable twin of `treeComposition`: every node on its own, recursively
/// from each root, with ordinary tape ops — one gather, one concat, one (1, 2H)
/// product and one tanh per node, so backward through structure is whatever the
/// tape does. Same numbers as the level-batched pass (the tests hold them to
/// 1e-13 in Double), one matrix product per node instead of one per level: what
/// a lesson runs to show what batching by level buys.
///
/// - Returns: the state table (N, H) in the batch's row order.
public func treeCompositionNodeByNode(_ batch: TreeBatch, embedding: Variable, weight: Variable,
                                      bias: Variable) -> Variable {
    var rows: [Variable] = []
    rows.reserveCapacity(batch.nodeCount)
    for tree in batch.trees {
        var state = [Variable?](repeating: nil, count: tree.nodes.count)
        // Children before parents: the nodes in order of height.
        for i in tree.nodes.indices.sorted(by: { tree.heights[$0] < tree.heights[$1] }) {
            switch tree.nodes[i] {
            case .leaf(let token):
                state[i] = embedding.gather([token], shape: [1])                      // (1, H)
            case let .branch(l, r):
                let x = Variable.concat([state[l]!, state[r]!], axis: 1)              // (1, 2H)
                state[i] = (x.matmul(weight, transposeOther: true) + bias).tanh()     // (1, H)
            }
        }
        rows += state.map { $0! }
    }
    return Variable.concat(rows, axis: 0)
}
