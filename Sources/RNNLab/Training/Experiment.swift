import LabText
import RNNEngine

/// A task, a model and an optimiser, built from a typed configuration and a seed:
/// one run of a lesson. Everything random comes from the seed, so a run
/// reproduces bit for bit.
///
/// Settings change between two steps: live ones (learning rate, optimiser,
/// clipping, dropout, batch) keep the model and the optimiser's state, each
/// applied by its own definition; the others rebuild the model from the seed
/// (`apply` says which happened).
public final class Experiment {
    public let taskName: String
    /// The settings in force, decoded.
    public private(set) var configuration: ExperimentConfiguration
    /// The settings in force, every one with its value (the form shown and sent).
    public var settings: [String: SettingValue] { configuration.values }
    public private(set) var task: any SequenceTask
    public private(set) var step = 0
    /// The training loss of the last step taken (NaN before the first).
    public private(set) var lastLoss = Double.nan
    /// Baselines on the validation split, for reference lines.
    public private(set) var baselines: [Baseline]
    /// Probes are recorded every this many steps (and at step 1 and at evaluations).
    public var probeEvery = Experiment.defaultProbeEvery
    public static let defaultProbeEvery = 5
    /// Steps at which to evaluate besides every `eval_every`: the steps the
    /// lesson's checks end on (``Lesson/checkEvaluationSteps``), so each check is
    /// judged on an evaluation of its last step, live as in `rnnlab verify`.
    /// Evaluating draws no random numbers, so it leaves the run's course unchanged.
    public var evaluationSteps: Set<Int> = []
    var model: any LabModel
    var optimizer: Optimizer
    var rng: SplitMix64
    var validation: [SequenceBatch]
    /// Metrics to measure at every evaluation besides the task's, by name (see
    /// `Measurement`); names no measurement yields are ignored.
    public var measurements: Set<String> = []
    /// The parameters at the last step whose loss and gradients were finite.
    private var lastGood: (step: Int, state: [String: Tensor])
    private let dataDirectory: DataDirectory
    /// The first validation example's greedy decoding at the last evaluation (seq2seq).
    var firstDecoded: [Int] = []
    /// The char-LM samples drawn at the current evaluation (`temperatureSamples`), kept so
    /// the `known_words_*` metrics and the text-samples probe read one draw; cleared
    /// when an evaluation starts, and read only at the step they were drawn.
    var evaluationSamples: (step: Int, temperatures: [Double], texts: [String])?

    /// Builds the experiment. Unknown settings, values out of range and data
    /// problems throw with a message for the learner.
    public convenience init(task taskName: String, settings requested: [String: SettingValue],
                            dataDirectory: DataDirectory = .resolve()) throws {
        try self.init(try ExperimentConfiguration(task: taskName, settings: requested), dataDirectory: dataDirectory)
    }

    /// Builds the experiment of a decoded configuration; data problems throw.
    public init(_ configuration: ExperimentConfiguration, dataDirectory: DataDirectory = .resolve()) throws {
        taskName = configuration.task
        self.configuration = configuration
        (task, model, rng, validation, baselines) = try Experiment.build(configuration, dataDirectory)
        optimizer = Experiment.makeOptimizer(configuration, model.parameters)
        lastGood = (0, model.stateDict())
        self.dataDirectory = dataDirectory
    }

    private static func build(_ c: ExperimentConfiguration, _ dir: DataDirectory) throws
        -> (any SequenceTask, any LabModel, SplitMix64, [SequenceBatch], [Baseline]) {
        let task: any SequenceTask
        do {
            if c.dataSet != ImportedData.lessonData {
                // Checked against the imported sets when the setting was read; gone since if this fails.
                guard let entry = ImportedData.find(c.dataSet) else {
                    throw DataError(path: ImportedData.root().appendingPathComponent(c.dataSet).path, .notFound)
                }
                task = try ImportedTasks.make(entry, lessonTask: c.task, knobs: c.taskKnobs, seed: TaskCatalog.defaultSeed)
            } else {
                task = try TaskCatalog.make(c.task, knobs: c.taskKnobs, dataDirectory: dir)
            }
        } catch {
            throw Reason(Phrase.describing(error))
        }
        try MemoryEstimate(task: task, configuration: c).check()
        var rng = SplitMix64(seed: UInt64(c.seed))
        let model = try ModelCatalog.model(for: task, configuration: c, rng: &rng)
        let validation = task.evaluationBatches(.validation, batchSize: 256)
        return (task, model, rng, validation, task.baselines(on: .validation))
    }

    static func makeOptimizer(_ c: ExperimentConfiguration, _ params: [Variable]) -> Optimizer {
        let (lr, wd, mu) = (c.learningRate, c.weightDecay, c.momentum)
        switch c.optimizer {
        case .sgd: return SGD(params, learningRate: lr, weightDecay: wd)
        case .momentum: return SGD(params, learningRate: lr, momentum: mu, weightDecay: wd)
        case .nesterov: return SGD(params, learningRate: lr, momentum: mu, nesterov: true, weightDecay: wd)
        case .rmsprop: return RMSprop(params, learningRate: lr, weightDecay: wd)
        case .adagrad: return Adagrad(params, learningRate: lr, weightDecay: wd)
        case .adam: return Adam(params, learningRate: lr, weightDecay: wd)
        }
    }

    /// A fresh optimiser for the current parameters and configuration (its state is lost).
    func rebuildOptimizer() { optimizer = Experiment.makeOptimizer(configuration, model.parameters) }

    /// The number of trainable parameters.
    public var parameterCount: Int { model.parameterCount }
    /// The number of parameters of the recurrent part (the encoder's, for seq2seq).
    public var recurrentParameterCount: Int { model.recurrentParameterCount }

    // MARK: Changing settings

    /// Changes one setting. Returns how it took effect; throws with the allowed
    /// range or choices when the value is refused (nothing changes then).
    @discardableResult
    public func apply(_ name: String, _ value: SettingValue) throws -> SettingEffect {
        let next = try configuration.setting(name, to: value)
        let definition = ExperimentSettings.definitions(forTask: taskName).first { $0.name == name }!
        switch definition.application {
        case .rebuild:
            let built = try Experiment.build(next, dataDirectory)
            configuration = next
            (task, model, rng, validation, baselines) = built
            rebuildOptimizer()
            step = 0
            lastGood = (0, model.stateDict())
            return .rebuild
        case .live(let reach):
            try MemoryEstimate(task: task, configuration: next).check()  // a larger batch is live
            configuration = next
            reach(self)
            return .live
        }
    }

    // MARK: Training

    /// Steps between two evaluations (the `eval_every` setting).
    public var evalEvery: Int { configuration.evalEvery }

    /// One training step on a fresh batch: forward, BPTT, clipping, update.
    /// A NaN or infinite loss or gradient skips the update and says so.
    public func trainStep() -> StepReport {
        step += 1
        let batch = task.trainingBatch(size: configuration.batch, rng: &rng)
        let evaluates = step % evalEvery == 0 || evaluationSteps.contains(step)
        let wantProbes = step % probeEvery == 0 || evaluates || step == 1
        model.recordsProbes = wantProbes
        model.isTraining = true
        optimizer.zeroGrad()
        let loss = model.trainingLoss(batch)
        loss.backward()
        let lossValue = loss.value.item
        lastLoss = lossValue
        let params = model.parameters
        let clipNorm = configuration.clipNorm
        let clip = clipGradientNorm(params, maxNorm: clipNorm > 0 ? clipNorm : .greatestFiniteMagnitude)
        var report = StepReport(step: step, loss: lossValue, gradientNorm: clip.norm, clipped: clip.clipped,
                                probes: wantProbes ? probeSet(batch) : nil)
        guard lossValue.isFinite, clip.isFinite else {
            report.divergence = lossValue.isFinite ? .gradient(clip.norm) : .loss(lossValue)
            return report
        }
        if configuration.clipValue > 0 {
            report.clipped = clipGradientValue(params, clipValue: configuration.clipValue) > 0 || report.clipped
        }
        optimizer.step()
        if !model.parameters.allSatisfy({ $0.value.isFinite }) {
            report.divergence = .weights
            return report
        }
        if evaluates {
            let (evaluation, attention) = evaluate(recordAttention: true)
            report.evaluation = evaluation
            if let attention { report.probes?[.attention] = attention }
            report.samples = samples()
            lastGood = (step, model.stateDict())
        }
        return report
    }

    /// The model's probes of this step, or nil when it recorded none; with a
    /// marker input, the marked steps of the probed row (row 0 of `batch`).
    private func probeSet(_ batch: SequenceBatch) -> ProbeSet? {
        var values = model.probes()
        if !values.isEmpty, let f = task.markerFeature, batch.inputs.shape.count == 3, f < batch.inputs.shape[2] {
            values[.markedSteps] = .series((0..<batch.steps).map { batch.inputs[0, $0, f] > 0.5 ? 1 : 0 })
        }
        return values.isEmpty ? nil : ProbeSet(step: step, values: values)
    }

    /// The loss and metrics on the fixed validation split.
    public func evaluate() -> Evaluation {
        evaluate(recordAttention: false).evaluation
    }

    /// The evaluation and, when asked and the model attends, the attention probe of
    /// the first validation example.
    func evaluate(recordAttention: Bool) -> (evaluation: Evaluation, attention: Probe?) {
        evaluationSamples = nil
        model.isTraining = false
        model.recordsProbes = false
        defer { model.isTraining = true }
        var outputs: [Tensor] = []
        var total = 0.0, rows = 0
        var attention: Tensor?
        // No tape for the validation pass and its scores; the measurements below
        // choose for themselves (the RTRL comparison and connectivity map need one).
        withNoGrad {
            for (i, batch) in validation.enumerated() {
                let (loss, y) = model.evaluate(batch, task: task, recordAttention: recordAttention && i == 0)
                if recordAttention && i == 0 { attention = model.attentionProbe }
                outputs.append(y)
                total += loss * Double(batch.batchSize)
                rows += batch.batchSize
            }
        }
        var metrics = withNoGrad { task.score(outputs, on: validation) }
        // Seq2seq is scored on greedy decodings given as one-hot rows; a cross entropy of
        // those says nothing, so only the teacher-forced loss above stands for it.
        if task.kind == .seq2seq { metrics.removeAll { $0.id == .crossEntropy } }
        var evaluation = Evaluation(step: step, loss: total / Double(max(rows, 1)), metrics: metrics)
        if !measurements.isEmpty { (evaluation.measurements, evaluation.gradientComparison) = measure() }
        if !measurements.isEmpty { evaluation.probes = measureProbes() }
        if task.kind == .seq2seq, let first = outputs.first {
            // The greedy decoding of the first example: the rows of its attention map.
            let (U, V) = (first.shape[1], first.shape[2])
            firstDecoded = (0..<U).map { u in (0..<V).first { first[0, u, $0] == 1 } ?? 0 }
            if let end = firstDecoded.firstIndex(of: Vocabulary.end) { firstDecoded = Array(firstDecoded[...end]) }
        }
        return (evaluation, attention.map(attentionProbe))
    }

    // MARK: Recovering from divergence

    /// Puts back the parameters of the last good evaluation and starts the optimiser afresh.
    public func rollBack() -> Int {
        try? model.loadStateDict(lastGood.state)
        rebuildOptimizer()
        step = lastGood.step
        return step
    }

    /// The lowest rate `lowerLearningRateAndRollBack` goes to when no lesson names one.
    public static let learningRateFloor = 1e-6

    /// Rolls back and divides the learning rate by 10, but not below `floor`
    /// (a lesson's knob range starts higher than the experiment's); returns the new rate.
    public func lowerLearningRateAndRollBack(floor: Double = Experiment.learningRateFloor) -> Double {
        let lr = learningRateAfterLowering(from: configuration.learningRate, floor: floor)
        // A tenth of an allowed rate, floored at the range's bottom, is allowed.
        configuration = try! configuration.setting("learning_rate", to: .number(lr))
        _ = rollBack()
        return lr
    }

    /// A tenth of `rate`, held at `floor` (and never below the experiment's own floor)
    /// and never raised: a rate already under `floor` stays where it is.
    func learningRateAfterLowering(from rate: Double, floor: Double) -> Double {
        min(rate, max(Experiment.learningRateFloor, floor, rate / 10))
    }

    /// The step and parameters a divergence would roll back to (a resumable checkpoint keeps them).
    var lastGoodPoint: (step: Int, state: [String: Tensor]) { lastGood }

    /// Puts back where a run stood besides its parameters and optimiser (see
    /// `Experiment+Resume`): its step, last loss, data generator and roll-back point.
    func restorePosition(step: Int, lastLoss: Double, rng: SplitMix64, lastGood: (step: Int, state: [String: Tensor])) {
        self.step = step
        self.lastLoss = lastLoss
        self.rng = rng
        self.lastGood = lastGood
    }

    /// The model's parameters by name, for a checkpoint.
    public func stateDict() -> [String: Tensor] { model.stateDict() }

    /// Replaces the parameters with those of `stateDict` (PyTorch's names and
    /// shapes, every one present and nothing else: `strict=True`), starts the
    /// optimiser afresh and makes them the state a divergence rolls back to.
    /// Throws ``StateDictError`` naming the first mismatch; nothing changes then.
    public func loadParameters(_ stateDict: [String: Tensor]) throws {
        try model.loadStateDict(stateDict)
        rebuildOptimizer()
        lastGood = (step, model.stateDict())
    }
}

extension Experiment {
    /// Every setting an experiment on `task` understands: its own and the task's knobs.
    public static func definitions(forTask task: String) -> [SettingDefinition] {
        ExperimentSettings.definitions(forTask: task)
    }
}
