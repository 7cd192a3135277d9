/// Several trees laid out for the level-batched pass.
///
/// Every node of every tree gets one row of the state table (N, H), N the total
/// number of nodes: tree k's node i is row `offsets[k] + i`, in the order the
/// nodes were given. Nodes of equal height form a level; level 0 is every leaf,
/// level ℓ every branch of height ℓ, whose children all sit in lower levels. So
/// a batch of trees runs as one embedding gather plus one matrix product per
/// level — `depth` products, however many nodes there are.
public struct TreeBatch: Sendable {
    /// One level of branches: the rows they fill and their children's rows.
    public struct Level: Sendable, Equatable {
        public var rows: [Int]
        public var leftRows: [Int]
        public var rightRows: [Int]
    }

    public let trees: [BinaryTree]
    /// The row of each tree's node 0.
    public let offsets: [Int]
    /// N: the number of rows of the state table.
    public let nodeCount: Int
    /// The row of each tree's root, in tree order (B rows).
    public let rootRows: [Int]
    /// Rows of the leaves and the tokens they read.
    public let leafRows: [Int]
    public let leafTokens: [Int]
    /// Levels 1…depth, bottom up.
    public let levels: [Level]

    public init(_ trees: [BinaryTree]) {
        precondition(!trees.isEmpty, "a tree batch needs at least one tree")
        self.trees = trees
        var offsets: [Int] = [], roots: [Int] = []
        var leafRows: [Int] = [], leafTokens: [Int] = []
        let depth = trees.map(\.depth).max()!
        var levels = [Level](repeating: Level(rows: [], leftRows: [], rightRows: []), count: depth)
        var offset = 0
        for tree in trees {
            offsets.append(offset)
            roots.append(offset + tree.root)
            for (i, node) in tree.nodes.enumerated() {
                switch node {
                case .leaf(let token):
                    leafRows.append(offset + i)
                    leafTokens.append(token)
                case let .branch(left, right):
                    let l = tree.heights[i] - 1
                    levels[l].rows.append(offset + i)
                    levels[l].leftRows.append(offset + left)
                    levels[l].rightRows.append(offset + right)
                }
            }
            offset += tree.nodes.count
        }
        self.offsets = offsets
        nodeCount = offset
        rootRows = roots
        self.leafRows = leafRows
        self.leafTokens = leafTokens
        self.levels = levels
    }

    /// The number of composition levels (matrix products) of a pass.
    public var depth: Int { levels.count }
    /// The largest token id any tree may hold, plus one.
    public var vocabularySize: Int { trees.map(\.vocabularySize).max()! }
}
