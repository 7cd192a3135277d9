import Foundation
import RNNEngine
import Testing
import TestTiers
@testable import RNNLab

/// The architecture chapter's tasks and models: echo looking ahead, arithmetic
/// trees (values, parses, depth splits), the tree model, and a one-way layer
/// reading backwards.
@Suite struct ArchitectureTaskTests {
    func batch(_ name: String, _ knobs: [String: Double] = [:]) throws -> SequenceBatch {
        try SyntheticTaskTests().batch(name, knobs)
    }

    @Test func echoWithNegativeKOutputsTheInputAhead() throws {
        let b = try batch("echo", ["T": 20, "k": -3])
        for r in 0..<b.batchSize {
            for s in 0..<20 {
                #expect(b.targetMask[r * 20 + s] == (s < 17))
                if s < 17 { #expect(b.targetClasses![r * 20 + s] == b.inputTokens![r * 20 + s + 3]) }
            }
        }
        #expect(throws: TaskError.self) { try TaskCatalog.make("echo", knobs: ["T": 5, "k": -5]) }
        #expect(throws: TaskError.self) { try TaskCatalog.make("echo", knobs: ["k": -201]) }
    }

    typealias E = ArithmeticTreesTask.Expression

    @Test func expressionsHaveTheirValueModMAndTheirPrefix() {
        // (3 − 4) − (5 − 1) = −5 ≡ 5 (mod 10); with + as op 1: (3 + 4) − 1 = 6.
        let e = E.apply(op: 0, .apply(op: 0, .digit(3), .digit(4)), .apply(op: 0, .digit(5), .digit(1)))
        #expect(e.value(modulus: 10) == 5)
        #expect(e.value(modulus: 7) == 2)
        #expect(e.prefix(modulus: 10) == [10, 10, 3, 4, 10, 5, 1])
        #expect(e.depth == 2)
        let f = E.apply(op: 0, .apply(op: 1, .digit(3), .digit(4)), .digit(1))
        #expect(f.value(modulus: 10) == 6)
        #expect(f.prefix(modulus: 10) == [10, 11, 3, 4, 1])
    }

    @Test func theParseOfAPrefixStringIsItsTree() throws {
        // − − 3 4 − 5 1 with one operator: branches only, the root's children are both branches.
        let p = try #require(ArithmeticTreesTask.tree(prefix: [10, 10, 3, 4, 10, 5, 1], modulus: 10, operators: 1))
        #expect(p.tree.nodes.count == 7)
        #expect(p.tree.depth == 2)
        #expect(p.levels == [0, 1, 2, 2, 1, 2, 2])
        #expect(p.tokenNodes[0] == p.tree.root)
        guard case let .branch(left, right) = p.tree.nodes[p.tree.root] else { Issue.record("root is a leaf"); return }
        #expect(left == p.tokenNodes[1] && right == p.tokenNodes[4])
        #expect(p.tree.nodes[p.tokenNodes[2]] == .leaf(token: 3))
        // With two operators each operator is a leaf beside the pair it acts on: depth doubles.
        let q = try #require(ArithmeticTreesTask.tree(prefix: [11, 3, 4], modulus: 10, operators: 2))
        #expect(q.tree.depth == 2 && q.tree.nodes.count == 5)
        guard case let .branch(op, pair) = q.tree.nodes[q.tree.root] else { Issue.record("root is a leaf"); return }
        #expect(q.tree.nodes[op] == .leaf(token: 11))
        #expect(q.tree.nodes[pair] == .branch(left: 0, right: 1))
        // Malformed: an operator short of an operand, a digit too many, an id out of range.
        #expect(ArithmeticTreesTask.tree(prefix: [10, 3], modulus: 10, operators: 1) == nil)
        #expect(ArithmeticTreesTask.tree(prefix: [10, 3, 4, 5], modulus: 10, operators: 1) == nil)
        #expect(ArithmeticTreesTask.tree(prefix: [11, 3, 4], modulus: 10, operators: 1) == nil)
    }

    @Test func trainingStaysShallowAndValidationIsExactlyTheTestDepth() throws {
        let task = try #require(try TaskCatalog.make("arith-trees", knobs: ["depth": 2, "test_depth": 4]) as? ExampleTask)
        var rng = SplitMix64(seed: 3)
        let b = task.trainingBatch(size: 200, rng: &rng)
        var depths = Set<Int>()
        for r in 0..<b.batchSize {
            let p = try #require(ArithmeticTreesTask.tree(prefix: TreeLabModel.tokens(b, row: r), modulus: 10, operators: 1))
            depths.insert(p.tree.depth)
        }
        #expect(depths == [1, 2])
        for e in task.examples.validation {
            let p = try #require(ArithmeticTreesTask.tree(prefix: e.tokens, modulus: 10, operators: 1))
            #expect(p.tree.depth == 4)
        }
        // The label is the value: recompute it by walking the parse bottom up.
        for e in task.examples.validation.prefix(50) {
            let p = try #require(ArithmeticTreesTask.tree(prefix: e.tokens, modulus: 10, operators: 1))
            #expect(evaluate(p.tree, p.tree.root) == e.label)
        }
    }

    private func evaluate(_ tree: BinaryTree, _ node: Int) -> Int {
        switch tree.nodes[node] {
        case .leaf(let d): return d
        case let .branch(l, r): return ((evaluate(tree, l) - evaluate(tree, r)) % 10 + 10) % 10
        }
    }

    @Test func theTreeKnobPicksTheModel() throws {
        var rng = SplitMix64(seed: 1)
        let withTree = try TaskCatalog.make("arith-trees", knobs: ["tree": 1])
        let withoutTree = try TaskCatalog.make("arith-trees", knobs: ["tree": 0])
        let c = try ExperimentConfiguration(task: "arith-trees", settings: ["hidden": .number(8)])
        #expect(try ModelCatalog.model(for: withTree, configuration: c, rng: &rng) is TreeLabModel)
        #expect(try ModelCatalog.model(for: withoutTree, configuration: c, rng: &rng) is SequenceModel)
        #expect(!TreeLabModel.fits(try TaskCatalog.make("parity")))
    }

    @Test func theTreeModelRecordsAnOutlineOfItsFirstExpression() throws {
        let task = try TaskCatalog.make("arith-trees", knobs: ["M": 3])
        let c = try ExperimentConfiguration(task: "arith-trees", settings: ["hidden": .number(16)])
        var rng = SplitMix64(seed: 2)
        let model = try TreeLabModel(task: task, configuration: c, rng: &rng)
        #expect(model.probes().isEmpty)
        model.recordsProbes = true
        let b = task.trainingBatch(size: 4, rng: &rng)
        _ = model.trainingLoss(b)
        let grid = try #require(model.probes()[.treeStates]?.grid)
        let tokens = TreeLabModel.tokens(b, row: 0)
        let parse = try #require(ArithmeticTreesTask.tree(prefix: tokens, modulus: 3, operators: 1))
        #expect(grid.rows == tokens.count && grid.columns == 16)
        #expect(grid.rowLabels == zip(tokens, parse.levels).map { String(repeating: " ", count: $1) + ($0 == 3 ? "-" : String($0)) })
        // A leaf's row is its embedding row: the state of the digit it reads.
        let leaf = try #require(tokens.firstIndex { $0 < 3 })
        let embedded = model.net.embedding.weight.value.doubles[(tokens[leaf] * 16)..<(tokens[leaf] * 16 + 16)]
        #expect(Array(grid.values[(leaf * 16)..<(leaf * 16 + 16)]) == Array(embedded))
    }

    /// The lesson's claim in small: trained on depth ≤ 3 (mod 3), depth-4 expressions.
    @Test(.enabled(if: TestTier.slow, "the slow tier: trains a tree net for 1500 steps"))
    func theTreeModelLearnsSubtractionModThreeAndCarriesItDeeper() throws {
        let task = try TaskCatalog.make("arith-trees", knobs: ["depth": 3, "test_depth": 4, "M": 3])
        let c = try ExperimentConfiguration(task: "arith-trees", settings: ["hidden": .number(32)])
        var rng = SplitMix64(seed: 2)
        let model = try TreeLabModel(task: task, configuration: c, rng: &rng)
        let optimizer = Adam(model.parameters, learningRate: 0.01)
        let validation = task.evaluationBatches(.validation, batchSize: 512)
        func accuracy() -> Double {
            let outputs = validation.map { model.evaluate($0, task: task, recordAttention: false).outputs }
            return task.score(outputs, on: validation).first { $0.id == .accuracy }!.value
        }
        let before = accuracy()
        for _ in 0..<1500 {
            let b = task.trainingBatch(size: 64, rng: &rng)
            optimizer.zeroGrad()
            model.trainingLoss(b).backward()
            optimizer.step()
        }
        #expect(before < 0.6)
        #expect(accuracy() > 0.9)
    }

    /// One GRU layer with `go_backwards` on a per-step task: the output at step t
    /// depends on x_t … x_T only, so changing x_0 leaves every later output alone;
    /// reading forwards, changing the last input leaves every earlier one alone.
    @Test func readingBackwardsSeesOnlyTheFuture() throws {
        let task = try TaskCatalog.make("echo", knobs: ["T": 8, "k": -2])
        var rng = SplitMix64(seed: 4)
        var b = task.trainingBatch(size: 1, rng: &rng)
        for backwards in [true, false] {
            let c = try ExperimentConfiguration(task: "echo", settings: ["cell": .choice("gru"), "hidden": .number(6),
                                                                         "go_backwards": .number(backwards ? 1 : 0)])
            var mrng = SplitMix64(seed: 9)
            let model = try SequenceModel(task: task, configuration: c, rng: &mrng)
            let base = model.outputs(b).value.scalars
            let changed = backwards ? 0 : 7
            var x = b.inputs.scalars
            for f in 0..<4 { x[changed * 4 + f] = f == (b.inputTokens![changed] + 1) % 4 ? 1 : 0 }
            let saved = b.inputs
            b.inputs = Tensor(shape: saved.shape, scalars: x)
            let moved = model.outputs(b).value.scalars
            b.inputs = saved
            for t in 0..<8 {
                let same = (0..<4).allSatisfy { base[t * 4 + $0] == moved[t * 4 + $0] }
                #expect(same == (t != changed), "backwards \(backwards), step \(t)")
            }
        }
    }
}
