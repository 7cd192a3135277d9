extension BinaryTree {
    /// A random binary tree over `leaves` random tokens: two neighbouring
    /// subtrees, picked at random, are merged until one is left (so every
    /// bracketing of the leaf sequence can come out). With `shuffled`, the node
    /// list is put in a random order, so a child may follow its parent.
    public static func random(leaves: Int, vocabularySize: Int, shuffled: Bool = false,
                              rng: inout SplitMix64) -> BinaryTree {
        precondition(leaves > 0 && vocabularySize > 0, "a random tree needs leaves and tokens, got \(leaves), \(vocabularySize)")
        var nodes: [TreeNode] = (0..<leaves).map { _ in .leaf(token: Int(rng.next() % UInt64(vocabularySize))) }
        var frontier = Array(0..<leaves)
        while frontier.count > 1 {
            let k = Int(rng.next() % UInt64(frontier.count - 1))
            nodes.append(.branch(left: frontier[k], right: frontier[k + 1]))
            frontier.replaceSubrange(k...(k + 1), with: [nodes.count - 1])
        }
        if shuffled {
            var position = Array(nodes.indices)  // old index → new index
            position.shuffle(using: &rng)
            var moved = nodes
            for (old, node) in nodes.enumerated() {
                switch node {
                case .leaf: moved[position[old]] = node
                case let .branch(l, r): moved[position[old]] = .branch(left: position[l], right: position[r])
                }
            }
            nodes = moved
        }
        return try! BinaryTree(nodes: nodes, vocabularySize: vocabularySize)
    }
}
