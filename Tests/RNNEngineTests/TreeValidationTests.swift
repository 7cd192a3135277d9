import Testing
import RNNEngine

/// A tree description that is not a binary tree is refused with the reason.
@Suite struct TreeValidationTests {
    func refusal(_ nodes: [TreeNode], vocabularySize: Int = 4) -> TreeError? {
        do {
            _ = try BinaryTree(nodes: nodes, vocabularySize: vocabularySize)
            return nil
        } catch {
            return error
        }
    }

    @Test func aWellFormedTreeIsAccepted() throws {
        // Listed out of order: the root (index 3) comes between its children.
        let tree = try BinaryTree(nodes: [.leaf(token: 0), .branch(left: 0, right: 2), .leaf(token: 3),
                                          .branch(left: 1, right: 4), .leaf(token: 1)], vocabularySize: 4)
        #expect(tree.root == 3)
        #expect(tree.heights == [0, 1, 0, 2, 0])
        #expect(tree.depth == 2)
    }

    @Test func refusals() {
        #expect(refusal([]) == .empty)
        #expect(refusal([.leaf(token: 0), .branch(left: 0, right: 1)]) == .selfReference(node: 1))
        #expect(refusal([.leaf(token: 0), .branch(left: 0, right: 5)]) == .missingChild(node: 1, child: 5, nodeCount: 2))
        #expect(refusal([.leaf(token: 0), .branch(left: 0, right: -1)]) == .missingChild(node: 1, child: -1, nodeCount: 2))
        #expect(refusal([.leaf(token: 4)]) == .tokenOutOfRange(node: 0, token: 4, vocabularySize: 4))
        #expect(refusal([.leaf(token: -1)]) == .tokenOutOfRange(node: 0, token: -1, vocabularySize: 4))
        #expect(refusal([.leaf(token: 0), .branch(left: 0, right: 0)]) == .sharedChild(child: 0))
        #expect(refusal([.leaf(token: 0), .leaf(token: 1), .branch(left: 0, right: 1), .branch(left: 2, right: 1)])
                == .sharedChild(child: 1))
        // 0 → 1 → 0, with leaves 2 and 3 hanging off: every node has one parent.
        #expect(refusal([.branch(left: 1, right: 2), .branch(left: 0, right: 3), .leaf(token: 0), .leaf(token: 1)])
                == .cycle(node: 0))
        #expect(refusal([.leaf(token: 0), .leaf(token: 1)]) == .severalRoots(roots: [0, 1]))
    }

    @Test func messagesNameTheNodes() {
        #expect(TreeError.cycle(node: 3).description.contains("3"))
        #expect(TreeError.missingChild(node: 1, child: 9, nodeCount: 2).description.contains("0..<2"))
        #expect(TreeError.tokenOutOfRange(node: 0, token: 7, vocabularySize: 5).description.contains("0..<5"))
    }

    /// A deep chain (a left-branching tree of 20 000 leaves) validates without
    /// recursion; its depth is one less than its leaf count.
    @Test func aDeepChainValidates() throws {
        let n = 20_000
        var nodes: [TreeNode] = (0..<n).map { .leaf(token: $0 % 4) }
        var top = 0
        for k in 1..<n {
            nodes.append(.branch(left: top, right: k))
            top = nodes.count - 1
        }
        let tree = try BinaryTree(nodes: nodes, vocabularySize: 4)
        #expect(tree.depth == n - 1 && tree.root == top)
    }
}
