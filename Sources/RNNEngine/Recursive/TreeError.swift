/// Why a list of nodes is not a binary tree the recursive network can read.
///
/// The cases carry the numbers (node indices, token ids); `description` is a
/// developer's message. A screen that shows one to a learner maps the case to
/// its own catalogue sentence, as for `StateDictError`.
public enum TreeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The list holds no node.
    case empty
    /// Branch `node` names itself as a child.
    case selfReference(node: Int)
    /// Branch `node` names a child index that is not in the list.
    case missingChild(node: Int, child: Int, nodeCount: Int)
    /// Leaf `node` holds a token id outside 0..<vocabularySize.
    case tokenOutOfRange(node: Int, token: Int, vocabularySize: Int)
    /// Node `child` is the child of more than one branch (or twice of one).
    case sharedChild(child: Int)
    /// Following children from `node` comes back to `node`.
    case cycle(node: Int)
    /// More than one node has no parent: the list is a forest, not one tree.
    case severalRoots(roots: [Int])

    public var description: String {
        switch self {
        case .empty:
            return "a tree needs at least one node"
        case .selfReference(let node):
            return "node \(node) names itself as a child"
        case let .missingChild(node, child, count):
            return "node \(node) names child \(child), but the tree has nodes 0..<\(count)"
        case let .tokenOutOfRange(node, token, v):
            return "leaf \(node) holds token \(token), outside the vocabulary 0..<\(v)"
        case .sharedChild(let child):
            return "node \(child) is a child of more than one branch"
        case .cycle(let node):
            return "node \(node) is its own descendant (a cycle)"
        case .severalRoots(let roots):
            return "nodes \(roots) have no parent; a tree has exactly one root"
        }
    }
}
