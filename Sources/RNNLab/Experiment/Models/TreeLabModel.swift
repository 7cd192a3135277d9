import LabText
import RNNEngine

/// A recursive (tree) network over the parse trees of a task's expressions
/// (`TaskInfo.parseTree`): leaves read an embedding (V, H), every branch is
/// h = tanh(W [h_left; h_right] + b) with W (H, 2H), and the root's state is
/// classified, (B, C) logits. The engine's ``TreeNet`` does the work; this
/// wraps it as a lab model. Each row's tree is rebuilt from its input tokens,
/// so a sequence model and this one read the very same examples.
final class TreeLabModel: LabModel {
    let net: TreeNet
    private let parse: @Sendable ([Int]) -> ExpressionParse?
    private let symbols: [String]
    var isTraining = true
    var recordsProbes = false
    private var recorded: [ProbeID: Probe] = [:]

    static func fits(_ task: any SequenceTask) -> Bool {
        task.kind == .classification && (task as? ExampleTask)?.info.parseTree != nil
    }

    init(task: any SequenceTask, configuration c: ExperimentConfiguration, rng: inout SplitMix64) throws {
        guard Self.fits(task), let parse = (task as? ExampleTask)?.info.parseTree else {
            throw Reason(.run(.noModel), ["task": .text(task.name), "kind": .text("\(task.kind)")])
        }
        self.parse = parse
        symbols = task.inputSymbols ?? []
        net = TreeNet(vocabularySize: task.inputSize, hiddenSize: c.hidden, classes: task.outputSize, rng: &rng)
    }

    var namedParameters: [(name: String, parameter: Variable)] { net.namedParameters }

    /// The composition's W and b: the part applied again at every level.
    var recurrentParameterCount: Int { net.weight.value.count + net.bias.value.count }

    func apply(_ configuration: ExperimentConfiguration) {}

    /// The prefix tokens of row b of `batch`.
    static func tokens(_ batch: SequenceBatch, row b: Int) -> [Int] {
        Array(batch.inputTokens![(b * batch.steps)..<(b * batch.steps + batch.lengths[b])])
    }

    /// The parses of every row; a row that does not parse is a bug in the task.
    private func parses(_ batch: SequenceBatch) -> [ExpressionParse] {
        (0..<batch.batchSize).map { b in
            guard let p = parse(Self.tokens(batch, row: b)) else {
                preconditionFailure("row \(b) of the batch is not a well-formed expression")
            }
            return p
        }
    }

    /// Root logits (B, C) and the node states (N, H) they came from.
    private func forward(_ batch: SequenceBatch) -> (logits: Variable, states: Variable, parses: [ExpressionParse], trees: TreeBatch) {
        let ps = parses(batch)
        let trees = TreeBatch(ps.map(\.tree))
        let states = net.states(trees)
        return (net.rootLogits(trees, states: states), states, ps, trees)
    }

    func trainingLoss(_ batch: SequenceBatch) -> Variable {
        let (logits, states, ps, trees) = forward(batch)
        if recordsProbes { recorded = Self.probeValues(states.value, parse: ps[0], offset: trees.offsets[0],
                                                       tokens: Self.tokens(batch, row: 0), symbols: symbols) }
        return crossEntropy(logits, targets: batch.targetClasses!, mask: batch.targetMask)
    }

    func evaluate(_ batch: SequenceBatch, task: any SequenceTask, recordAttention: Bool) -> (loss: Double, outputs: Tensor) {
        withNoGrad {
            let logits = forward(batch).logits
            return (crossEntropy(logits, targets: batch.targetClasses!, mask: batch.targetMask).value.item, logits.value)
        }
    }

    static var offeredProbes: Set<ProbeID> { [.treeStates] }

    func probes() -> [ProbeID: Probe] { recorded }

    var attentionProbe: Tensor? { nil }

    /// The node states of one expression as a grid: one row per prefix token (its
    /// subexpression's node), H columns, each row labelled by the token indented by
    /// its depth, so the rows read as an outline of the tree.
    static func probeValues(_ states: Tensor, parse: ExpressionParse, offset: Int, tokens: [Int], symbols: [String]) -> [ProbeID: Probe] {
        let h = states.shape[1]
        let all = states.doubles
        var values: [Double] = []
        var labels: [String] = []
        for (i, node) in parse.tokenNodes.enumerated() {
            let row = offset + node
            values += all[(row * h)..<(row * h + h)]
            let symbol = tokens[i] < symbols.count ? symbols[tokens[i]] : String(tokens[i])
            labels.append(String(repeating: " ", count: parse.levels[i]) + symbol)
        }
        return [.treeStates: .grid(Grid(rows: tokens.count, columns: h, values: values, rowLabels: labels))]
    }
}

extension ProbeID {
    /// The node states of a tree model's first training expression: a grid, one row
    /// per prefix token (labelled by the token, indented by its depth) × H units.
    public static let treeStates = ProbeID(rawValue: "tree_states")
}
