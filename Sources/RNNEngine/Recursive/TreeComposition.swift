/// The recursive network's pass over a batch of trees, as one tape node:
///
///     h_leaf = E[token]                         (E is (V, H): leaves live in the hidden space)
///     h_node = tanh(W [h_left; h_right] + b)    (W is (H, 2H), b is (H))
///
/// Forward walks the levels bottom up; each level is one matrix product
/// (n_ℓ, 2H)·(2H, H) over all its nodes, from every tree at once. Backward is
/// backpropagation through structure: the levels top down, each one product
/// for ∂W, one for the children's gradients, which are added into their rows
/// before their own (lower) level is reached.
///
/// - Returns: the state table (N, H), row per node as laid out by `batch`.
public func treeComposition(_ batch: TreeBatch, embedding: Variable, weight: Variable, bias: Variable) -> Variable {
    let (V, H) = (embedding.shape[0], embedding.shape[1])
    precondition(weight.shape == [H, 2 * H], "composition weight \(weight.shape), expected [\(H), \(2 * H)]")
    precondition(bias.shape == [H], "composition bias \(bias.shape), expected [\(H)]")
    precondition(batch.vocabularySize <= V, "trees over \(batch.vocabularySize) tokens, embedding has \(V) rows")
    let dtype = embedding.dtype

    // Forward: leaves, then one product per level.
    var states = Tensor(zeros: [batch.nodeCount, H], dtype: dtype)
    states.scatterAddRows(batch.leafRows, embedding.value.gatherRows(batch.leafTokens))
    var children: [Tensor] = []  // per level, [h_left; h_right] (n_ℓ, 2H): backward's ∂W needs it
    var outputs: [Tensor] = []   // per level, h (n_ℓ, H): backward's tanh′ = 1 − h² needs it
    for level in batch.levels {
        let x = Tensor.concat([states.gatherRows(level.leftRows), states.gatherRows(level.rightRows)], axis: 1)
        let h = (Tensor.matmul(x, weight.value, transposeB: true) + bias.value).map(Tanh())
        states.scatterAddRows(level.rows, h)
        children.append(x)
        outputs.append(h)
    }

    return Variable(states, parents: [embedding, weight, bias]) { g in
        // ∂L/∂h per row; a parent's level adds into its children's rows first.
        var dStates = g
        var dWeight = Tensor(zeros: [H, 2 * H], dtype: dtype)
        var dBias = Tensor(zeros: [H], dtype: dtype)
        for (l, level) in batch.levels.enumerated().reversed() {
            let h = outputs[l]
            let dz = h.mapBackward(Tanh(), output: h, gradient: dStates.gatherRows(level.rows))  // (n_ℓ, H)
            dWeight.addMatmul(dz, children[l], transposeA: true)                                // += dzᵀ x
            dBias += dz.reduced(toShape: [H])
            let dx = Tensor.matmul(dz, weight.value).split(axis: 1, sizes: [H, H])              // dz W
            dStates.scatterAddRows(level.leftRows, dx[0])
            dStates.scatterAddRows(level.rightRows, dx[1])
        }
        if embedding.requiresGrad {
            var dEmbedding = Tensor(zeros: [V, H], dtype: dtype)
            dEmbedding.scatterAddRows(batch.leafTokens, dStates.gatherRows(batch.leafRows))
            embedding.accumulate(dEmbedding)
        }
        if weight.requiresGrad { weight.accumulate(dWeight) }
        if bias.requiresGrad { bias.accumulate(dBias) }
    }
}
