import LabText
import RNNEngine

/// The schema of an experiment: each setting once, with its summary, range,
/// default, the field of ``ExperimentConfiguration`` it fills, and how a change
/// applies. A task adds its difficulty knobs (T, delay, noise, …), which rebuild.
/// The lesson parser, the CLI and the experiment all ask here.
public enum ExperimentSettings {
    typealias C = ExperimentConfiguration

    public static let definitions: [SettingDefinition] = [
        choice("cell", "recurrent cell", CellKind.allCases.map { ($0.rawValue, $0) }, .rnnTanh, \C.cell),
        integer("hidden", "hidden units H", 1...512, 32, \C.hidden),
        integer("layers", "stacked layers", 1...4, 1, \C.layers),
        flag("bidirectional", "read both ways (0 or 1)", false, \C.bidirectional),
        flag("go_backwards", "a one-way seq2seq encoder reads the source right to left (0 or 1)", false, \C.goBackwards),
        real("spectral_radius", "initial spectral radius of W_hh (0 keeps the default init)", 0...4, 0, \C.spectralRadius),
        choice("recurrent_init", "W_hh at start: the cell's default, orthogonal, or identity (IRNN); spectral_radius then rescales it",
               RecurrentInit.allCases.map { ($0.rawValue, $0) }, .default, \C.recurrentInit),
        real("forget_bias", "LSTM forget-gate bias at start", -5...5, 0, \C.forgetBias),
        integer("seed", "random seed of the model and data", 0...1_000_000, 1, \C.seed),
        choice("optimizer", "optimiser", OptimizerKind.allCases.map { ($0.rawValue, $0) }, .adam, \C.optimizer,
               live: { $0.rebuildOptimizer() }),
        real("learning_rate", "learning rate η", 1e-6...10, 0.01, \C.learningRate,
             live: { $0.optimizer.learningRate = $0.configuration.learningRate }),
        real("momentum", "momentum μ (sgd variants)", 0...0.999, 0.9, \C.momentum,
             live: { ($0.optimizer as? SGD)?.momentum = $0.configuration.momentum }),
        real("weight_decay", "L2 weight decay λ", 0...1, 0, \C.weightDecay,
             live: { $0.optimizer.weightDecay = $0.configuration.weightDecay }),
        real("clip_norm", "clip gradients to this global norm (0: off)", 0...1000, 0, \C.clipNorm, live: readEveryStep),
        real("clip_value", "clip each gradient element to ±this (0: off)", 0...1000, 0, \C.clipValue, live: readEveryStep),
        real("dropout", "dropout between layers", 0...0.9, 0, \C.dropout, live: reachModel),
        real("input_dropout", "dropout on inputs, one mask per sequence", 0...0.9, 0, \C.inputDropout, live: reachModel),
        real("recurrent_dropout", "dropout on h_{t-1}, one mask per sequence", 0...0.9, 0, \C.recurrentDropout, live: reachModel),
        integer("batch", "sequences per step B", 1...1024, 32, \C.batch, live: readEveryStep),
        flag("attention", "seq2seq: attend over the source (1) or use one fixed context (0)", true, \C.attention),
        choice("score", "seq2seq: attention score function",
               [("dot", .dot), ("scaled_dot", .scaledDot), ("general", .general), ("additive", .additive)], AttentionScore.additive, \C.score),
        integer("embedding", "seq2seq: embedding size E", 2...256, 32, \C.embedding),
        real("teacher_forcing", "seq2seq: chance of feeding the true previous token", 0...1, 1, \C.teacherForcing, live: reachModel),
        choice("bridge", "seq2seq: the decoder's first state: the encoder's last state, or tanh(W h←_1) (Bahdanau)",
               [("last_state", .lastState), ("tanh_backward", .tanhBackward)], Seq2SeqBridge.lastState, \C.bridge),
        integer("beam_width", "seq2seq: beam width when decoding for evaluation (1: greedy)", 1...16, 1, \C.beamWidth,
                live: reachModel),
        integer("eval_every", "steps between validation runs", 1...10_000, 50, \C.evalEvery, live: readEveryStep),
        integer("bptt_window", "truncated BPTT: each step's loss reaches back at most this many steps (0: full BPTT)",
                0...1000, 0, \C.bpttWindow, live: reachModel),
        choice("dropout_masks", "input and recurrent dropout: one mask per sequence (Keras) or a new one per step",
               DropoutMaskScope.allCases.map { ($0.rawValue, $0) }, DropoutMaskScope.perSequence, \C.dropoutMasks,
               live: reachModel),
        integer("token_embedding", "token tasks: a learned embedding of size E before the recurrent layer (0: one-hot inputs)",
                0...512, 0, \C.tokenEmbedding),
    ]

    public static func definition(_ name: String) -> SettingDefinition? { definitions.first { $0.name == name } }

    /// Every setting an experiment on `task` understands: its own, then the task's knobs.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        guard let entry = TaskCatalog.entry(named: task) else { return definitions }
        return definitions + entry.knobs.map { k in
            SettingDefinition(name: k.name, summary: k.summary, kind: k.isInteger ? .integer(k.range) : .real(k.range),
                              defaultValue: .number(k.defaultValue), application: .rebuild) { c, v in
                c.taskKnobs[k.name] = v.number
            }
        }
    }

    /// "unknown setting x (settings: a, b, …)".
    static func unknown(_ name: String, _ definitions: [SettingDefinition]) -> Phrase {
        Phrase(.setting(.unknown), ["name": .text(name), "settings": .list(definitions.map(\.name))])
    }

    // MARK: How live settings reach the running experiment

    /// Read from the configuration at every step: nothing else to do.
    private static let readEveryStep: @Sendable (Experiment) -> Void = { _ in }
    /// Dropout rates, teacher forcing and the beam width live in the model.
    private static let reachModel: @Sendable (Experiment) -> Void = { $0.model.apply($0.configuration) }

    // MARK: Building definitions

    private static func application(_ live: (@Sendable (Experiment) -> Void)?) -> SettingDefinition.Application {
        live.map { .live($0) } ?? .rebuild
    }

    private static func integer(_ name: String, _ summary: String, _ range: ClosedRange<Double>, _ value: Int,
                                _ field: WritableKeyPath<C, Int> & Sendable,
                                live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary, kind: .integer(range), defaultValue: .number(Double(value)),
                          application: application(live)) { c, v in c[keyPath: field] = Int(v.number!) }
    }

    private static func real(_ name: String, _ summary: String, _ range: ClosedRange<Double>, _ value: Double,
                             _ field: WritableKeyPath<C, Double> & Sendable,
                             live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary, kind: .real(range), defaultValue: .number(value),
                          application: application(live)) { c, v in c[keyPath: field] = v.number! }
    }

    /// A yes/no setting written 0 or 1.
    private static func flag(_ name: String, _ summary: String, _ value: Bool,
                             _ field: WritableKeyPath<C, Bool> & Sendable) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary, kind: .integer(0...1), defaultValue: .number(value ? 1 : 0),
                          application: .rebuild) { c, v in c[keyPath: field] = v.number! > 0 }
    }

    private static func choice<T: Sendable>(_ name: String, _ summary: String, _ options: [(String, T)], _ value: T,
                                            _ field: WritableKeyPath<C, T> & Sendable,
                                            live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition where T: Equatable {
        let defaultName = options.first { $0.1 == value }!.0
        return SettingDefinition(name: name, summary: summary, kind: .choice(options.map(\.0)), defaultValue: .choice(defaultName),
                                 application: application(live)) { c, v in
            c[keyPath: field] = options.first { $0.0 == v.choice }!.1
        }
    }
}
