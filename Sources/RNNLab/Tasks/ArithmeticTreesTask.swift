import LabText
import RNNEngine

/// Arithmetic trees: nested expressions over the digits 0…M−1 with the
/// operators − (and +), whose value mod M is the class to predict.
///
/// Every example is written in prefix (Polish) notation, `- - 3 4 - 5 1`,
/// which needs no brackets: a sequence model reads it as tokens (B, T, M + ops)
/// one-hot, and a tree model rebuilds the parse tree from it (`tree(prefix:)`),
/// so both see the same expressions. Training trees have depth 1…`depth`;
/// validation and test trees have depth exactly `test_depth`, so the metric is
/// generalisation to deeper nesting than any seen in training.
///
/// Token ids: 0…M−1 the digits, M the operator −, M+1 the operator + (with
/// `ops` 2). Outputs (B, M) logits.
enum ArithmeticTreesTask {
    static let knobs = [
        Knob("depth", .treeTrainingDepth, range: 1...6, default: 3),
        Knob("test_depth", .treeTestDepth, range: 1...8, default: 5),
        Knob("M", .treeModulus, range: 2...10, default: 10),
        Knob("ops", .treeOperators, range: 1...2, default: 1),
        Knob("tree", .treeModel, range: 0...1, default: 1),
    ]

    /// An expression: a digit, or an operator (0 is −, 1 is +) over two subexpressions.
    indirect enum Expression: Equatable, Sendable {
        case digit(Int)
        case apply(op: Int, Expression, Expression)

        /// The value mod `modulus`.
        func value(modulus: Int) -> Int {
            switch self {
            case .digit(let d): return d % modulus
            case let .apply(op, l, r):
                let (a, b) = (l.value(modulus: modulus), r.value(modulus: modulus))
                return op == 0 ? ((a - b) % modulus + modulus) % modulus : (a + b) % modulus
            }
        }

        /// Prefix tokens: digit d is d, operator o is M + o.
        func prefix(modulus: Int) -> [Int] {
            switch self {
            case .digit(let d): return [d]
            case let .apply(op, l, r): return [modulus + op] + l.prefix(modulus: modulus) + r.prefix(modulus: modulus)
            }
        }

        var depth: Int {
            switch self {
            case .digit: return 0
            case let .apply(_, l, r): return 1 + max(l.depth, r.depth)
            }
        }
    }

    /// A random expression of depth exactly `depth`: one child has depth − 1,
    /// the other (left or right at random) any depth below.
    static func expression(depth: Int, modulus: Int, operators: Int, _ rng: inout SplitMix64) -> Expression {
        guard depth > 0 else { return .digit(Synthetic.int(modulus, &rng)) }
        let op = Synthetic.int(operators, &rng)
        let deep = expression(depth: depth - 1, modulus: modulus, operators: operators, &rng)
        let other = expression(depth: Synthetic.int(depth, &rng), modulus: modulus, operators: operators, &rng)
        return Synthetic.int(2, &rng) == 0 ? .apply(op: op, deep, other) : .apply(op: op, other, deep)
    }

    static func example(_ e: Expression, modulus: Int) -> SequenceExample {
        let tokens = e.prefix(modulus: modulus)
        return SequenceExample(steps: tokens.count, tokens: tokens, label: e.value(modulus: modulus))
    }

    /// The parse tree of a prefix expression, for the tree model: a digit is a
    /// leaf reading its id; with one operator, `− a b` is the branch (a, b); with
    /// two, `o a b` is the branch (leaf o, branch (a, b)), so the operator's
    /// embedding enters the composition. Nil for a malformed prefix.
    static func tree(prefix tokens: [Int], modulus: Int, operators: Int) -> ExpressionParse? {
        var nodes: [TreeNode] = []
        var tokenNodes = [Int](repeating: -1, count: tokens.count)
        var levels = [Int](repeating: 0, count: tokens.count)
        // Operators waiting for their operands: the token's position and its left operand's node.
        var stack: [(position: Int, left: Int?)] = []
        var root: Int? = nil
        for (position, t) in tokens.enumerated() {
            guard root == nil, t >= 0 && t < modulus + operators else { return nil }
            levels[position] = stack.count
            if t >= modulus {
                stack.append((position, nil))
                continue
            }
            nodes.append(.leaf(token: t))
            tokenNodes[position] = nodes.count - 1
            var done = nodes.count - 1
            // Attach the finished subtree; close every operator that now has both operands.
            while true {
                guard var top = stack.popLast() else {
                    root = done
                    break
                }
                guard let left = top.left else {
                    top.left = done
                    stack.append(top)
                    break
                }
                nodes.append(.branch(left: left, right: done))
                if operators > 1 {
                    nodes.append(.leaf(token: tokens[top.position]))
                    nodes.append(.branch(left: nodes.count - 1, right: nodes.count - 2))
                }
                done = nodes.count - 1
                tokenNodes[top.position] = done
            }
        }
        guard root != nil, let tree = try? BinaryTree(nodes: nodes, vocabularySize: modulus + operators) else { return nil }
        return ExpressionParse(tree: tree, tokenNodes: tokenNodes, levels: levels)
    }

    static func make(_ k: KnobValues, seed: UInt64) -> ExampleTask {
        let depth = k.int("depth"), testDepth = k.int("test_depth"), m = k.int("M"), ops = k.int("ops")
        let readsTrees = k.int("tree") == 1
        let symbols = (0..<m).map(String.init) + ["-", "+"].prefix(ops)
        var info = TaskInfo(name: "arith-trees", summary: Phrase(.task(.arithTrees)),
                            kind: .classification, inputSize: m + ops, outputSize: m,
                            tokenInputs: true, classNames: (0..<m).map { .verbatim(String($0)) },
                            inputSymbols: symbols, preview: .text)
        if readsTrees { info.parseTree = { tree(prefix: $0, modulus: m, operators: ops) } }
        let key: @Sendable (SequenceExample) -> [Int] = { $0.tokens }
        // Depth 1 up to two past the deeper of training and validation (at most 8): where
        // the training depths end and how accuracy falls beyond them.
        info.measuredDepths = 1...min(8, max(depth, testDepth) + 2)
        info.examplesAtDepth = { d, count in
            var rng = SplitMix64(seed: seed ^ 0xA717_0000_0000_0D00 ^ UInt64(d))
            return (0..<count).map { _ in
                Synthetic.draw(.validation, rng: &rng, key: key) { rng in
                    example(expression(depth: d, modulus: m, operators: ops, &rng), modulus: m)
                }
            }
        }
        let train: ExampleTask.Generator = { rng in
            Synthetic.draw(.train, rng: &rng, key: key) { rng in
                example(expression(depth: 1 + Synthetic.int(depth, &rng), modulus: m, operators: ops, &rng), modulus: m)
            }
        }
        func fixed(_ split: Split, _ count: Int, _ salt: UInt64, depth: ClosedRange<Int>) -> [SequenceExample] {
            var rng = SplitMix64(seed: seed ^ salt)
            return (0..<count).map { _ in
                Synthetic.draw(split, rng: &rng, key: key) { rng in
                    let d = depth.lowerBound + Synthetic.int(depth.count, &rng)
                    return example(expression(depth: d, modulus: m, operators: ops, &rng), modulus: m)
                }
            }
        }
        let examples = Splits(train: fixed(.train, Synthetic.trainingSampleCount, 0xA717_0000_0000_0003, depth: 1...depth),
                              validation: fixed(.validation, Synthetic.validationCount, 0xA717_0000_0000_0001, depth: testDepth...testDepth),
                              test: fixed(.test, Synthetic.testCount, 0xA717_0000_0000_0002, depth: testDepth...testDepth))
        return ExampleTask(info: info, examples: examples, generator: train) { task, split in
            // Without reading the expression, the best guess is the most common value in training.
            var counts = [Int](repeating: 0, count: m)
            for e in task.examples.train { counts[e.label] += 1 }
            let prior = Predict.logPrior(counts)
            return [task.baseline(Phrase(.baseline(.majorityClass)), on: split) { batch in
                Predict.logits(batch, classes: m) { _, _ in prior }
            }]
        }
    }
}

/// A prefix expression's parse tree, with the node that holds each token's subexpression.
struct ExpressionParse: Sendable, Equatable {
    let tree: BinaryTree
    /// Per prefix token: the tree node whose state is that subexpression's (an operator's outermost branch).
    let tokenNodes: [Int]
    /// Per prefix token: how deep it sits, 0 for the root's.
    let levels: [Int]
}
