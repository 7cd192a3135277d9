import Foundation
import Testing
import RNNEngine

/// The tree net against PyTorch, which computes the same trees node by node:
/// every node's state, the root and node logits, the loss and the gradient of
/// every parameter.
///
/// Fixtures: `Tests/scripts/make_tree_fixtures.py --seed N --out
/// Tests/RNNEngineTests/Fixtures/tree/seedN`, for N = 0 and 1. The trees, labels
/// and weights are all read from the fixture, so a folder written with any seed
/// must pass: set `RNNLAB_TREE_FIXTURES=/some/dir` to run against it instead.
/// Error per tensor: max |ours − theirs| / max(max |theirs|, 1e-12); bounds 1e-10
/// in float64 and 1e-4 in float32.
@Suite struct TreeParityTests {
    struct JSONNode: Decodable, Sendable {
        var token: Int?
        var left: Int?
        var right: Int?
    }

    struct Case: Decodable, Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var vocabulary_size: Int
        var hidden_size: Int
        var classes: Int
        var trees: [[JSONNode]]
        var root_labels: [Int]
        var node_labels: [Int]
        var folder = ""
        var description: String { folder + "/" + name }

        enum CodingKeys: String, CodingKey {
            case name, file, vocabulary_size, hidden_size, classes, trees, root_labels, node_labels
        }
    }

    struct Index: Decodable { var seed: Int; var cases: [Case] }

    static let folders: [URL] = {
        if let dir = ProcessInfo.processInfo.environment["RNNLAB_TREE_FIXTURES"], !dir.isEmpty {
            return [URL(fileURLWithPath: dir, isDirectory: true)]
        }
        return [fixture("tree/seed0"), fixture("tree/seed1")]
    }()

    static let cases: [Case] = folders.flatMap { folder in
        let index = try! JSONDecoder().decode(Index.self, from: Data(contentsOf: folder.appendingPathComponent("cases.json")))
        return index.cases.map { var c = $0; c.folder = folder.path; return c }
    }

    static func trees(_ c: Case) throws -> [BinaryTree] {
        try c.trees.map { nodes in
            try BinaryTree(nodes: nodes.map { n in
                if let t = n.token { return .leaf(token: t) }
                return .branch(left: n.left!, right: n.right!)
            }, vocabularySize: c.vocabulary_size)
        }
    }

    /// Runs one case and returns the error of every compared tensor by name.
    /// `tamper` may change the net after its weights are loaded.
    static func errors(_ c: Case, dtype: DType, tamper: (TreeNet) -> Void = { _ in })
        throws -> [(name: String, error: Double)] {
        let t = try SafetensorsFile.readStateDict(from: URL(fileURLWithPath: c.folder).appendingPathComponent(c.file))
        func get(_ name: String) throws -> Tensor { try #require(t[name], "fixture has no \(name)") }
        var rng = SplitMix64(seed: 0)
        let net = TreeNet(vocabularySize: c.vocabulary_size, hiddenSize: c.hidden_size, classes: c.classes,
                          rng: &rng, dtype: dtype)
        try net.loadStateDict(Dictionary(uniqueKeysWithValues: net.namedParameters.map { ($0.name, try get($0.name)) }))
        tamper(net)
        let batch = TreeBatch(try trees(c))
        let states = net.states(batch)
        let rootLogits = net.rootLogits(batch, states: states)
        let nodeLogits = net.nodeLogits(states: states)
        let loss = crossEntropy(rootLogits, targets: c.root_labels) + crossEntropy(nodeLogits, targets: c.node_labels)
            + (states * Variable(try get("loss_w").converted(to: dtype))).sum()
        loss.backward()
        var result: [(String, Double)] = [
            ("states", parityError(states.value, try get("states"))),
            ("root_logits", parityError(rootLogits.value, try get("root_logits"))),
            ("node_logits", parityError(nodeLogits.value, try get("node_logits"))),
            ("loss", parityError(loss.value, try get("loss"))),
        ]
        for (name, p) in net.namedParameters {
            result.append(("grad." + name, parityError(p.grad, try get("grad." + name))))
        }
        return result
    }

    static func describe(_ errors: [(name: String, error: Double)]) -> String {
        errors.map { "\($0.name) \($0.error)" }.joined(separator: ", ")
    }

    @Test func bothSeedsAreCommitted() {
        #expect(Self.cases.count >= 4 || ProcessInfo.processInfo.environment["RNNLAB_TREE_FIXTURES"] != nil)
    }

    @Test(arguments: cases)
    func float64MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float64)
        #expect(errors.count == 9)
        #expect(errors.allSatisfy { $0.error <= 1e-10 }, "\(c): \(Self.describe(errors))")
    }

    @Test(arguments: cases)
    func float32MatchesPyTorch(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float32)
        #expect(errors.allSatisfy { $0.error <= 1e-4 }, "\(c): \(Self.describe(errors))")
    }

    /// Not vacuous: nudging one composition weight by 1e-4 breaks the float64 match.
    @Test(arguments: cases)
    func aPerturbedWeightFails(_ c: Case) throws {
        let errors = try Self.errors(c, dtype: .float64) { net in net.weight.value[flat: 0] += 1e-4 }
        #expect(errors.contains { $0.error > 1e-8 }, "\(c): \(Self.describe(errors))")
    }
}
