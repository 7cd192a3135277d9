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
