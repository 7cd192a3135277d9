import LabText
import RNNEngine

/// The schema of an experiment: each setting once, with its summary (from the
/// catalogue, by name), range,
/// default, the field of ``ExperimentConfiguration`` it fills, and how a change
/// applies. A task adds its difficulty knobs (T, delay, noise, …), which rebuild.
/// The lesson parser, the CLI and the experiment all ask here.
public enum ExperimentSettings {
    typealias C = ExperimentConfiguration

    public static let definitions: [SettingDefinition] = [
        choice("cell", CellKind.allCases.map { ($0.rawValue, $0) }, .rnnTanh, \C.cell),
        integer("hidden", 1...512, 32, \C.hidden),
        integer("layers", 1...4, 1, \C.layers),
        flag("bidirectional", false, \C.bidirectional),
        flag("go_backwards", false, \C.goBackwards),
        real("spectral_radius", 0...4, 0, \C.spectralRadius),
        choice("recurrent_init", RecurrentInit.allCases.map { ($0.rawValue, $0) }, .default, \C.recurrentInit),
        real("forget_bias", -5...5, 0, \C.forgetBias),
        integer("seed", 0...1_000_000, 1, \C.seed),
        choice("optimizer", OptimizerKind.allCases.map { ($0.rawValue, $0) }, .adam, \C.optimizer,
               live: { $0.rebuildOptimizer() }),
        real("learning_rate", 1e-6...10, 0.01, \C.learningRate,
             live: { $0.optimizer.learningRate = $0.configuration.learningRate }),
        real("momentum", 0...0.999, 0.9, \C.momentum,
             live: { ($0.optimizer as? SGD)?.momentum = $0.configuration.momentum }),
        real("weight_decay", 0...1, 0, \C.weightDecay,
             live: { $0.optimizer.weightDecay = $0.configuration.weightDecay }),
        real("clip_norm", 0...1000, 0, \C.clipNorm, live: readEveryStep),
        real("clip_value", 0...1000, 0, \C.clipValue, live: readEveryStep),
        real("temperature", 0.05...5, 1, \C.temperature, live: readEveryStep),
        real("dropout", 0...0.9, 0, \C.dropout, live: reachModel),
        real("input_dropout", 0...0.9, 0, \C.inputDropout, live: reachModel),
        real("recurrent_dropout", 0...0.9, 0, \C.recurrentDropout, live: reachModel),
        integer("batch", 1...1024, 32, \C.batch, live: readEveryStep),
        flag("attention", true, \C.attention),
        choice("score", [("dot", .dot), ("scaled_dot", .scaledDot), ("general", .general), ("additive", .additive)], AttentionScore.additive, \C.score),
        integer("embedding", 2...256, 32, \C.embedding),
        real("teacher_forcing", 0...1, 1, \C.teacherForcing, live: reachModel),
        choice("bridge", [("last_state", .lastState), ("tanh_backward", .tanhBackward)], Seq2SeqBridge.lastState, \C.bridge),
        integer("beam_width", 1...16, 1, \C.beamWidth,
                live: reachModel),
        integer("eval_every", 1...10_000, 50, \C.evalEvery, live: readEveryStep),
        integer("bptt_window", 0...1000, 0, \C.bpttWindow, live: reachModel),
        choice("dropout_masks", DropoutMaskScope.allCases.map { ($0.rawValue, $0) }, DropoutMaskScope.perSequence, \C.dropoutMasks,
               live: reachModel),
        integer("token_embedding", 0...512, 0, \C.tokenEmbedding),
        flag("rtrl_drop_indirect", false, \C.rtrlDropIndirect),
        real("forget_gate_clamp", 0...0.99, 0, \C.forgetGateClamp),
        choice("architecture", ClassifierArchitecture.allCases.map { ($0.rawValue, $0) }, ClassifierArchitecture.rnn, \C.architecture),
        choice("readout", ClassifierReadout.allCases.map { ($0.rawValue, $0) }, ClassifierReadout.last, \C.readout),
        flag("mask", true, \C.masking),
        integer("conv_filters", 0...128, 0, \C.convFilters),
        integer("conv_kernel", 1...25, 5, \C.convKernel),
        integer("pool", 1...16, 3, \C.pool),
    ]

    public static func definition(_ name: String) -> SettingDefinition? { definitions.first { $0.name == name } }

    /// Every setting an experiment on `task` understands: its own, then the task's knobs.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        guard let entry = TaskCatalog.entry(named: task) else { return definitions }
        var all = definitions + entry.knobs.map { k in
            SettingDefinition(name: k.name, summary: Phrase(.knobSummary(k.summary)), kind: k.isInteger ? .integer(k.range) : .real(k.range),
                              defaultValue: .number(k.defaultValue), application: .rebuild) { c, v in
                c.taskKnobs[k.name] = v.number
            }
        }
        // `data`: the lesson's own data, or a set of the kind its task takes, imported into the state folder.
        if let kind = ImportedData.kind(acceptedBy: task) {
            let names = ImportedData.list().filter { $0.kind == kind }.map(\.name)
            all.append(SettingDefinition(name: "data", summary: summary("data"), kind: .choice([ImportedData.lessonData] + names),
                                         defaultValue: .choice(ImportedData.lessonData), application: .rebuild) { c, v in
                c.dataSet = v.choice ?? ImportedData.lessonData
            })
        }
        return all
    }

    /// What the setting `name` does, from the catalogue (`SettingSummaryKey` is
    /// keyed by setting name); a setting without a text there shows its name,
    /// and `SettingSummaryTests` fails for it.
    static func summary(_ name: String) -> Phrase {
        SettingSummaryKey(rawValue: name).map { Phrase(.settingSummary($0)) } ?? .verbatim(name)
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

    private static func integer(_ name: String, _ range: ClosedRange<Double>, _ value: Int,
                                _ field: WritableKeyPath<C, Int> & Sendable,
                                live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary(name), kind: .integer(range), defaultValue: .number(Double(value)),
                          application: application(live)) { c, v in c[keyPath: field] = Int(v.number!) }
    }

    private static func real(_ name: String, _ range: ClosedRange<Double>, _ value: Double,
                             _ field: WritableKeyPath<C, Double> & Sendable,
                             live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary(name), kind: .real(range), defaultValue: .number(value),
                          application: application(live)) { c, v in c[keyPath: field] = v.number! }
    }

    /// A yes/no setting written 0 or 1.
    private static func flag(_ name: String, _ value: Bool,
                             _ field: WritableKeyPath<C, Bool> & Sendable) -> SettingDefinition {
        SettingDefinition(name: name, summary: summary(name), kind: .integer(0...1), defaultValue: .number(value ? 1 : 0),
                          application: .rebuild) { c, v in c[keyPath: field] = v.number! > 0 }
    }

    private static func choice<T: Sendable>(_ name: String, _ options: [(String, T)], _ value: T,
                                            _ field: WritableKeyPath<C, T> & Sendable,
                                            live: (@Sendable (Experiment) -> Void)? = nil) -> SettingDefinition where T: Equatable {
        let defaultName = options.first { $0.1 == value }!.0
        return SettingDefinition(name: name, summary: summary(name), kind: .choice(options.map(\.0)), defaultValue: .choice(defaultName),
                                 application: application(live)) { c, v in
            c[keyPath: field] = options.first { $0.0 == v.choice }!.1
        }
    }
}
