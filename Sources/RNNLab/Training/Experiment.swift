import Foundation
import RNNEngine

/// A task, a model and an optimiser, built from settings and a seed: one run of a
/// lesson. Everything random comes from the seed, so a run reproduces bit for bit.
///
/// Settings change between two steps: live ones (learning rate, optimiser,
/// clipping, dropout, batch) keep the model and the optimiser's state; the
/// others rebuild the model from the seed (`apply` says which happened).
public final class Experiment {
    public let taskName: String
    public private(set) var settings: [String: SettingValue]
    public private(set) var task: any SequenceTask
    public private(set) var step = 0
    /// Baselines on the validation split, for reference lines.
    public private(set) var baselines: [Baseline]
    /// Probes are recorded every this many steps (and at evaluations).
    public var probeEvery = 5
    let definitions: [SettingDefinition]
    var model: any ExperimentModel
    var optimizer: Optimizer
    var rng: SplitMix64
    var validation: [SequenceBatch]
    /// Metrics to measure at every evaluation besides the task's, by name (see
    /// `Measurement`); names no measurement yields are ignored.
    public var measurements: Set<String> = []
    /// The parameters at the last step whose loss and gradients were finite.
    private var lastGood: (step: Int, state: [String: Tensor])

    /// Builds the experiment. Unknown settings, values out of range and data
    /// problems throw with a message for the learner.
    public init(task taskName: String, settings requested: [String: SettingValue], dataDirectory: DataDirectory = .resolve()) throws {
        self.taskName = taskName
        definitions = LessonParser.definitions(forTask: taskName)
        var settings: [String: SettingValue] = [:]
        for d in definitions { settings[d.name] = d.defaultValue }
        for (name, value) in requested {
            guard let d = definitions.first(where: { $0.name == name }) else {
                throw Reason("unknown setting \(name) (settings: \(definitions.map(\.name).joined(separator: ", ")))")
            }
            if let reason = d.refusal(value) { throw Reason(reason) }
            settings[name] = value
        }
        self.settings = settings
        let built = try Experiment.build(taskName, settings, definitions, dataDirectory)
        (task, model, rng, validation, baselines) = built
        optimizer = Experiment.makeOptimizer(settings, model.parameters)
        lastGood = (0, model.stateDict())
        self.dataDirectory = dataDirectory
    }

    private let dataDirectory: DataDirectory

    private static func build(_ name: String, _ settings: [String: SettingValue], _ defs: [SettingDefinition],
                              _ dir: DataDirectory) throws
        -> (any SequenceTask, any ExperimentModel, SplitMix64, [SequenceBatch], [Baseline]) {
        let seed = UInt64(settings["seed"]?.number ?? 1)
        let taskKnobs = TaskCatalog.entry(named: name)?.knobs.map(\.name) ?? []
        var knobs: [String: Double] = [:]
        for k in taskKnobs { if let v = settings[k]?.number { knobs[k] = v } }
        let task: any SequenceTask
        do { task = try TaskCatalog.make(name, knobs: knobs, dataDirectory: dir) } catch {
            throw Reason("\(error)")
        }
        try MemoryEstimate(task: task, settings: settings).check()
        var rng = SplitMix64(seed: seed)
        let model: any ExperimentModel = task.kind == .seq2seq
            ? try TranslationModel(task: task, settings: settings, rng: &rng)
            : try SequenceModel(task: task, settings: settings, rng: &rng)
        let validation = task.evaluationBatches(.validation, batchSize: 256)
        return (task, model, rng, validation, task.baselines(on: .validation))
    }

    static func makeOptimizer(_ s: [String: SettingValue], _ params: [Variable]) -> Optimizer {
        let lr = s["learning_rate"]?.number ?? 0.01
        let wd = s["weight_decay"]?.number ?? 0
        let mu = s["momentum"]?.number ?? 0.9
        switch s["optimizer"]?.choice ?? "adam" {
        case "sgd": return SGD(params, learningRate: lr, weightDecay: wd)
        case "momentum": return SGD(params, learningRate: lr, momentum: mu, weightDecay: wd)
        case "nesterov": return SGD(params, learningRate: lr, momentum: mu, nesterov: true, weightDecay: wd)
        case "rmsprop": return RMSprop(params, learningRate: lr, weightDecay: wd)
        case "adagrad": return Adagrad(params, learningRate: lr, weightDecay: wd)
        default: return Adam(params, learningRate: lr, weightDecay: wd)
        }
    }

    /// The number of trainable parameters.
    public var parameterCount: Int { model.parameterCount }
    /// The number of parameters of the recurrent layer (the encoder's, for seq2seq).
    public var recurrentParameterCount: Int { model.recurrent.parameterCount }

    // MARK: Changing settings

    /// Changes one setting. Returns how it took effect; throws with the allowed
    /// range or choices when the value is refused (nothing changes then).
    @discardableResult
    public func apply(_ name: String, _ value: SettingValue) throws -> SettingEffect {
        guard let d = definitions.first(where: { $0.name == name }) else {
            throw Reason("unknown setting \(name) (settings: \(definitions.map(\.name).joined(separator: ", ")))")
        }
        if let reason = d.refusal(value) { throw Reason(reason) }
        var next = settings
        next[name] = value
        if d.effect != .rebuild { try MemoryEstimate(task: task, settings: next).check() }
        if d.effect == .rebuild {
            let built = try Experiment.build(taskName, next, definitions, dataDirectory)
            settings = next
            (task, model, rng, validation, baselines) = built
            optimizer = Experiment.makeOptimizer(settings, model.parameters)
            step = 0
            lastGood = (0, model.stateDict())
            lastAttention = nil
            return .rebuild
        }
        settings = next
        switch name {
        case "optimizer": optimizer = Experiment.makeOptimizer(settings, model.parameters)
        case "learning_rate": optimizer.learningRate = value.number!
        case "weight_decay": optimizer.weightDecay = value.number!
        case "momentum":
            if let sgd = optimizer as? SGD { sgd.momentum = value.number! }
        case "dropout", "input_dropout", "recurrent_dropout", "teacher_forcing": model.apply(settings)
        default: break
        }
        return .live
    }

    // MARK: Training

    /// One training step on a fresh batch: forward, BPTT, clipping, update.
    /// A NaN or infinite loss or gradient skips the update and says so.
    public func trainStep() -> StepReport {
        step += 1
        let batchSize = Int(settings["batch"]?.number ?? 32)
        let batch = task.trainingBatch(size: batchSize, rng: &rng)
        let wantProbes = step % probeEvery == 0 || step % evalEvery == 0 || step == 1
        model.recurrent.probeSample = wantProbes ? 0 : nil
        model.recurrent.training = true
        optimizer.zeroGrad()
        let loss = model.trainingLoss(batch)
        loss.backward()
        let lossValue = loss.value.item
        let params = model.parameters
        let clipNorm = settings["clip_norm"]?.number ?? 0
        let clip = clipGradientNorm(params, maxNorm: clipNorm > 0 ? clipNorm : .greatestFiniteMagnitude)
        var report = StepReport(step: step, loss: lossValue, gradientNorm: clip.norm, clipped: clip.clipped,
                                divergence: nil, evaluation: nil, probes: wantProbes ? probes() : nil, samples: [])
        guard lossValue.isFinite, clip.isFinite else {
            report.divergence = "at step \(step) the \(lossValue.isFinite ? "gradient norm" : "loss") became \(lossValue.isFinite ? clip.norm : lossValue)"
            return report
        }
        let clipValue = settings["clip_value"]?.number ?? 0
        if clipValue > 0 { report.clipped = clipGradientValue(params, clipValue: clipValue) > 0 || report.clipped }
        optimizer.step()
        if !model.parameters.allSatisfy({ $0.value.isFinite }) {
            report.divergence = "at step \(step) the update made a weight NaN or infinite"
            return report
        }
        if step % evalEvery == 0 {
            let (evaluation, attention) = evaluate(recordAttention: true)
            report.evaluation = evaluation
            if let attention, let first = validation.first {
                let symbols = task.outputSymbols ?? []
                let rows = (0..<attention.shape[0]).map { u in
                    let token = firstDecoded.count > u ? firstDecoded[u] : Vocabulary.end
                    return token < symbols.count ? symbols[token] : String(token)
                }
                let columns = (0..<first.steps).map { t in
                    task.inputSymbols.map { $0[first.inputTokens![t]] } ?? String(t)
                }
                lastAttention = (attention, rows, columns)
                if report.probes != nil { (report.probes!.attention, report.probes!.attentionRows, report.probes!.attentionColumns) = (attention, rows, columns) }
            }
            report.samples = samples()
            lastGood = (step, model.stateDict())
        }
        return report
    }

    /// The first validation example's greedy decoding at the last evaluation (seq2seq).
    private var firstDecoded: [Int] = []
    /// The attention map of the last evaluation, shown with every probe until the next one.
    private var lastAttention: (weights: Tensor, rows: [String], columns: [String])?

    var evalEvery: Int { Int(settings["eval_every"]?.number ?? 50) }

    /// The loss and metrics on the fixed validation split.
    public func evaluate() -> Evaluation {
        evaluate(recordAttention: false).evaluation
    }

    func evaluate(recordAttention: Bool) -> (evaluation: Evaluation, attention: Tensor?) {
        model.recurrent.training = false
        model.recurrent.probeSample = nil
        defer { model.recurrent.training = true }
        var outputs: [Tensor] = []
        var total = 0.0, rows = 0
        var attention: Tensor?
        for (i, batch) in validation.enumerated() {
            let (loss, y) = model.evaluate(batch, task: task, recordAttention: recordAttention && i == 0)
            if recordAttention && i == 0 { attention = model.attentionProbe }
            outputs.append(y)
            total += loss * Double(batch.batchSize)
            rows += batch.batchSize
        }
        var metrics = task.score(outputs, on: validation)
        // Seq2seq is scored on greedy decodings given as one-hot rows; a cross entropy of
        // those says nothing, so only the teacher-forced loss above stands for it.
        if task.kind == .seq2seq { metrics.removeAll { $0.name == "cross-entropy" } }
        var evaluation = Evaluation(step: step, loss: total / Double(max(rows, 1)), metrics: metrics)
        if !measurements.isEmpty { (evaluation.measurements, evaluation.gradientComparison) = measure() }
        if task.kind == .seq2seq, let first = outputs.first {
            // The greedy decoding of the first example: the rows of its attention map.
            let (U, V) = (first.shape[1], first.shape[2])
            firstDecoded = (0..<U).map { u in (0..<V).first { first[0, u, $0] == 1 } ?? 0 }
            if let end = firstDecoded.firstIndex(of: Vocabulary.end) { firstDecoded = Array(firstDecoded[...end]) }
        }
        return (evaluation, attention)
    }

    private func probes() -> ProbeSnapshot? {
        let rnn = model.recurrent
        guard let first = rnn.probes.first else { return nil }
        let last = rnn.probes[(rnn.options.layers - 1) * rnn.options.directions]
        var snapshot = ProbeSnapshot(gradientNorms: first.gradientNorms, hidden: last.hidden, gates: last.gates, cell: last.cell,
                             gateNames: rnn.kind.gateNames, parameterGradientNorms: model.namedParameters.map {
                                 ($0.name, $0.parameter.grad?.norm() ?? 0)
                             }, spectralRadii: rnn.spectralRadii())
        if let (weights, rows, columns) = lastAttention {
            (snapshot.attention, snapshot.attentionRows, snapshot.attentionColumns) = (weights, rows, columns)
        }
        return snapshot
    }

    /// The first few validation examples: prediction against target.
    private func samples(count: Int = 4) -> [String] {
        guard let batch = validation.first else { return [] }
        model.recurrent.training = false
        defer { model.recurrent.training = true }
        let y = model.evaluate(batch, task: task, recordAttention: false).outputs
        var lines: [String] = []
        for b in 0..<min(count, batch.batchSize) {
            switch task.kind {
            case .regression:
                let o = task.outputSize
                let p = (0..<o).map { y[flat: b * o + $0] * task.targetScale + task.targetShift }
                let t = (0..<o).map { batch.targetValues![flat: b * o + $0] * task.targetScale + task.targetShift }
                lines.append("predicted \(p.map { SettingValue.format(($0 * 1000).rounded() / 1000) }.joined(separator: " "))  target \(t.map { SettingValue.format(($0 * 1000).rounded() / 1000) }.joined(separator: " "))")
            case .classification:
                let c = task.outputSize
                let row = (0..<c).map { y[flat: b * c + $0] }
                let guess = row.indices.max { row[$0] < row[$1] } ?? 0
                let names = task.classNames ?? (0..<c).map(String.init)
                lines.append("predicted \(names[guess])  target \(names[batch.targetClasses![b]])")
            case .perStepClassification:
                let (c, steps) = (task.outputSize, batch.steps)
                let symbols = task.outputSymbols ?? (0..<c).map(String.init)
                var predicted = "", target = ""
                for t in 0..<min(steps, 24) where batch.targetMask[b * steps + t] {
                    let base = (b * steps + t) * c
                    let guess = (0..<c).max { y[flat: base + $0] < y[flat: base + $1] } ?? 0
                    predicted += symbols[guess] + " "
                    target += symbols[batch.targetClasses![b * steps + t]] + " "
                }
                lines.append("predicted \(predicted) target \(target)")
            case .seq2seq:
                let (U, V) = (y.shape[1], y.shape[2])
                let symbols = task.outputSymbols ?? (0..<V).map(String.init)
                func text(_ ids: [Int]) -> String {
                    ids.prefix { $0 != Vocabulary.end && $0 != Vocabulary.pad }.map { $0 < symbols.count ? symbols[$0] : "?" }.joined(separator: " ")
                }
                let predicted = (0..<U).map { u in (0..<V).first { y[b, u, $0] == 1 } ?? 0 }
                let target = (0..<U).map { batch.targetClasses![b * U + $0] }
                lines.append("predicted \(text(predicted))  target \(text(target))")
            }
        }
        return lines
    }

    // MARK: Recovering from divergence

    /// Puts back the parameters of the last good evaluation and starts the optimiser afresh.
    public func rollBack() -> Int {
        try? model.loadStateDict(lastGood.state)
        optimizer = Experiment.makeOptimizer(settings, model.parameters)
        step = lastGood.step
        return step
    }

    /// Rolls back and divides the learning rate by 10.
    public func lowerLearningRateAndRollBack() -> Double {
        let lr = max(1e-6, (settings["learning_rate"]?.number ?? 0.01) / 10)
        settings["learning_rate"] = .number(lr)
        _ = rollBack()
        return lr
    }

    /// The model's parameters by name, for a checkpoint.
    public func stateDict() -> [String: Tensor] { model.stateDict() }
}

extension Experiment {
    /// Every setting an experiment on `task` understands: its own and the task's knobs.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        LessonParser.definitions(forTask: task)
    }
}
