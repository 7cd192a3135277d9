import LabText
import RNNEngine

/// Measurements of the encoder–decoder lessons: beam against greedy decoding on
/// the same weights, where attention sits while a date's month is written, and
/// accuracy on reversals longer than any trained on.
extension Measurement {
    /// The beam width `beam_exact_match` decodes with.
    public static let beamWidthMeasured = 4
    /// How many symbols longer than the longest trained source `accuracy_beyond`'s sources are.
    public static let beyondExtra = 5
    /// How many sources `accuracy_beyond` decodes.
    static let beyondCount = 256

    /// `beam_exact_match`: the validation split's exact match decoded with a beam of
    /// `beamWidthMeasured`; `beam_gain`: that minus the exact match of greedy decoding,
    /// both on the current weights (whatever `beam_width` says), so the two differ
    /// only in how they decode.
    static let beamDecoding: Measurement = Measurement(
        yields: [MetricKind(MetricID("beam_exact_match"), label: .beamExactMatch, lowerIsBetter: false, range: 0...1, isFraction: true),
                 MetricKind(MetricID("beam_gain"), label: .beamGain, lowerIsBetter: false, range: -1...1, isFraction: true)],
        unavailable: { _, task, _ in task == .seq2seq ? nil : Phrase(.check(.needsSeq2Seq)) },
        compute: { e in
            guard let v = e.beamAgainstGreedy() else { return ([], nil) }
            let k = beamDecoding.yields
            return ([Metric(k[0], v.beam), Metric(k[1], v.beam - v.greedy)], nil)
        })

    /// `attention_on_month`: on the `dates` task, the attention weight that the output
    /// steps writing the month's two digits put on the characters of the source's
    /// month word, averaged over those steps and up to 32 validation examples;
    /// `month_uniform`: what an even spread over the source would put there (the
    /// month word's share of its characters), averaged the same way.
    static let attentionOnMonth: Measurement = Measurement(
        yields: [MetricKind(MetricID("attention_on_month"), label: .attentionOnMonth, lowerIsBetter: false, range: 0...1),
                 MetricKind(MetricID("month_uniform"), label: .monthUniform, lowerIsBetter: false, range: 0...1)],
        unavailable: { s, task, _ in
            guard task == .seq2seq else { return Phrase(.check(.needsSeq2Seq)) }
            return s["attention"]?.number ?? 1 == 1 ? nil : Phrase(.check(.needsAttention))
        },
        compute: { e in
            guard let v = e.attentionOnMonth(), v.steps > 0 else { return ([], nil) }
            let k = attentionOnMonth.yields
            return ([Metric(k[0], v.onMonth / Double(v.steps)), Metric(k[1], v.uniform / Double(v.steps))], nil)
        })

    /// `accuracy_beyond`: on the `reverse` task, token accuracy (decoded as the
    /// evaluation decodes) on `beyondCount` fresh sources `beyondExtra` symbols longer
    /// than the longest the model trains on; `beyond_drop`: `accuracy_long` (the
    /// longest trained lengths) minus it.
    static let accuracyBeyond: Measurement = Measurement(
        yields: [MetricKind(MetricID("accuracy_beyond"), label: .accuracyBeyond, lowerIsBetter: false, range: 0...1, isFraction: true),
                 MetricKind(MetricID("beyond_drop"), label: .beyondDrop, lowerIsBetter: true, range: -1...1, isFraction: true)],
        unavailable: { _, task, _ in task == .seq2seq ? nil : Phrase(.check(.needsSeq2Seq)) },
        compute: { e in
            guard let beyond = e.accuracyBeyondTraining() else { return ([], nil) }
            let k = accuracyBeyond.yields
            // The drop needs the longest trained lengths apart from the shortest (`LengthBucket.split`).
            guard let split = LengthBucket.split(e.accuracyByLength(), span: lengthSpan) else { return ([Metric(k[0], beyond)], nil) }
            return ([Metric(k[0], beyond), Metric(k[1], split.long - beyond)], nil)
        })
}

/// Sums, over the output steps that write a date's month, of the attention weight
/// on the source's month word and of the share an even spread would give it.
struct MonthWeights: Equatable {
    var onMonth = 0.0, uniform = 0.0, steps = 0

    init() {}

    /// - Parameters:
    ///   - weights: (U, S) attention of one example, rows the output steps run.
    ///   - month: the source positions of the month word; `length`: the source's real length.
    init(_ weights: Tensor, month: Range<Int>, length: Int) {
        for u in DateWords.monthOutputSteps where u < weights.shape[0] {
            onMonth += month.reduce(0.0) { $0 + weights[u, $1] }
            uniform += Double(month.count) / Double(length)
            steps += 1
        }
    }

    mutating func add(_ o: MonthWeights) {
        (onMonth, uniform, steps) = (onMonth + o.onMonth, uniform + o.uniform, steps + o.steps)
    }
}

extension Experiment {
    /// Exact match of the validation split decoded greedily and with a beam of
    /// `Measurement.beamWidthMeasured`, on the same weights.
    fileprivate func beamAgainstGreedy() -> (greedy: Double, beam: Double)? {
        guard let model = model as? TranslationModel else { return nil }
        func exactMatch(width: Int) -> Double? {
            let kept = model.beamWidth
            model.beamWidth = width
            defer { model.beamWidth = kept }
            let outputs = validation.map { model.evaluate($0, task: task, recordAttention: false).outputs }
            return withNoGrad { task.score(outputs, on: validation) }.first { $0.id == .exactMatch }?.value
        }
        guard let greedy = exactMatch(width: 1), let beam = exactMatch(width: Measurement.beamWidthMeasured) else { return nil }
        return (greedy, beam)
    }

    /// The month weights of up to 32 validation examples of the `dates` task, each
    /// decoded greedily from `<bos>` as the evaluation decodes.
    fileprivate func attentionOnMonth() -> MonthWeights? {
        guard taskName == "dates", let model = model as? TranslationModel, model.seq2seq.configuration.useAttention,
              let batch = validation.first, let vocabulary = task.inputVocabulary else { return nil }
        let S = batch.steps
        let seq2seq = model.seq2seq
        seq2seq.probeSample = 0
        defer { seq2seq.probeSample = nil }
        var total = MonthWeights()
        for b in 0..<min(32, batch.batchSize) {
            let L = batch.lengths[b]
            let tokens = Array(batch.inputTokens![(b * S)..<(b * S + S)])
            let symbols = tokens.prefix(L).map(vocabulary.symbol)
            guard symbols.allSatisfy({ $0.unicodeScalars.count == 1 }),
                  let month = DateWords.monthSpan(in: symbols.joined()) else { continue }
            _ = seq2seq.greedyDecode(sourceTokens: tokens, sourceShape: (1, S), sourceMask: Array(batch.mask[(b * S)..<(b * S + S)]),
                                     maxLength: batch.outputSteps, bos: Vocabulary.begin, eos: Vocabulary.end)
            guard let weights = seq2seq.attentionProbe else { continue }
            total.add(MonthWeights(weights, month: month, length: L))
        }
        return total
    }

    /// Token accuracy on fresh reversals `Measurement.beyondExtra` symbols longer than
    /// the task's `length`, drawn from a fixed seed (the same sources at every evaluation).
    fileprivate func accuracyBeyondTraining() -> Double? {
        guard taskName == "reverse", let t = task as? ExampleTask,
              let length = configuration.taskKnobs["length"], let alphabet = configuration.taskKnobs["K"] else { return nil }
        var rng = SplitMix64(seed: 0xBE70_0D25)
        let examples = (0..<Measurement.beyondCount).map { _ in
            ReversalTask.example(length: Int(length) + Measurement.beyondExtra, alphabet: Int(alphabet), &rng)
        }
        let batch = t.build(examples)
        let outputs = model.evaluate(batch, task: task, recordAttention: false).outputs
        return withNoGrad { task.score([outputs], on: [batch]) }.first { $0.id == .accuracy }?.value
    }
}
