/// One node of a binary tree: a leaf reads a token, a branch combines two children.
public enum TreeNode: Sendable, Equatable, Hashable {
    case leaf(token: Int)
    /// Children by their index in the tree's node list.
    case branch(left: Int, right: Int)
}

/// A validated binary tree over a vocabulary of V tokens: every branch has two
/// existing children, no node is its own descendant or shared by two parents,
/// exactly one node (the root) has no parent, and every token is in 0..<V.
///
/// Nodes may be listed in any order (a child may come after its parent).
public struct BinaryTree: Sendable, Equatable {
    public let nodes: [TreeNode]
    /// The index of the node with no parent.
    public let root: Int
    /// V: the tokens are in 0..<V.
    public let vocabularySize: Int
    /// Per node: 0 for a leaf, 1 + the larger of the children's for a branch.
    public let heights: [Int]

    public init(nodes: [TreeNode], vocabularySize: Int) throws(TreeError) {
        guard !nodes.isEmpty else { throw .empty }
        let n = nodes.count
        var parentCount = [Int](repeating: 0, count: n)
        for (i, node) in nodes.enumerated() {
            switch node {
            case .leaf(let token):
                guard token >= 0 && token < vocabularySize else {
                    throw .tokenOutOfRange(node: i, token: token, vocabularySize: vocabularySize)
                }
            case let .branch(left, right):
                for child in [left, right] {
                    guard child != i else { throw .selfReference(node: i) }
                    guard child >= 0 && child < n else { throw .missingChild(node: i, child: child, nodeCount: n) }
                    parentCount[child] += 1
                    guard parentCount[child] == 1 else { throw .sharedChild(child: child) }
                }
            }
        }
        let heights = try Self.heights(nodes)
        let roots = parentCount.indices.filter { parentCount[$0] == 0 }
        // With at most one parent per node and no cycle, at least one root exists.
        guard roots.count == 1 else { throw .severalRoots(roots: roots) }
        self.nodes = nodes
        self.root = roots[0]
        self.vocabularySize = vocabularySize
        self.heights = heights
    }

    /// Heights by an iterative depth-first walk (no recursion, so a deep tree
    /// cannot overflow the stack); meeting a node still on the walk is a cycle.
    private static func heights(_ nodes: [TreeNode]) throws(TreeError) -> [Int] {
        enum Mark { case unvisited, onPath, done }
        var mark = [Mark](repeating: .unvisited, count: nodes.count)
        var height = [Int](repeating: 0, count: nodes.count)
        for start in nodes.indices where mark[start] == .unvisited {
            var stack = [start]
            mark[start] = .onPath
            while let i = stack.last {
                guard case let .branch(left, right) = nodes[i] else {
                    mark[i] = .done
                    stack.removeLast()
                    continue
                }
                var pending = false
                for child in [left, right] where mark[child] != .done {
                    guard mark[child] == .unvisited else { throw .cycle(node: child) }
                    mark[child] = .onPath
                    stack.append(child)
                    pending = true
                    break
                }
                if !pending {
                    height[i] = 1 + max(height[left], height[right])
                    mark[i] = .done
                    stack.removeLast()
                }
            }
        }
        return height
    }

    /// The height of the root: the number of composition levels.
    public var depth: Int { heights[root] }
}
