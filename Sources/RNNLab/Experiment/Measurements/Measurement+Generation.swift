import LabText
import RNNEngine

extension Measurement {
    /// The temperatures the sample measurement draws at, with their metric suffixes.
    public static let sampleTemperatures: [(suffix: String, value: Double)] = [("05", 0.5), ("10", 1.0), ("15", 1.5)]
    /// Characters drawn per sample.
    static let sampleLength = 400

    /// Why a char-LM measurement does not apply, or nil.
    static func needsLanguageModel(_ s: [String: SettingValue], _ task: TaskKind) -> Phrase? {
        task == .perStepClassification && s["bidirectional"]?.number ?? 0 == 0 ? nil : Phrase(.check(.needsLanguageModel))
    }

    /// `known_words_05`, `known_words_10`, `known_words_15`: the share of words in a
    /// sample of `sampleLength` characters at temperature 0.5, 1 and 1.5 that occur in
    /// the training text (`TextWords`), primed with the start of the first validation
    /// window and drawn with the run's seed, so one seed and one set of weights give
    /// one sample.
    static let knownWords: Measurement = Measurement(
        yields: sampleTemperatures.map {
            MetricKind(MetricID("known_words_\($0.suffix)"), label: Phrase(.label(.dictionaryWords), ["temperature": .fixed($0.value, decimals: 1)]),
                       lowerIsBetter: false, range: 0...1, isFraction: true)
        },
        unavailable: { s, task, _ in needsLanguageModel(s, task) },
        compute: { e in
            guard let samples = e.temperatureSamples(), let info = (e.task as? ExampleTask)?.info,
                  !info.trainingWords.isEmpty else { return ([], nil) }
            return (zip(knownWords.yields, samples).map { kind, text in
                Metric(kind, TextWords.knownFraction(TextWords.words(text), in: info.trainingWords))
            }, nil)
        })

    /// `line_unit_correlation`: the largest |Pearson r|, over the last layer's hidden
    /// units, between h_t and the number of characters since the last newline (steps
    /// before a window's first newline left out), on up to 32 validation windows.
    static let lineUnit: Measurement = Measurement(
        yields: [MetricKind(MetricID("line_unit_correlation"), label: .lineUnitCorrelation, lowerIsBetter: false, range: 0...1)],
        unavailable: { s, task, _ in needsLanguageModel(s, task) },
        compute: { e in
            guard let r = e.lineUnitCorrelation() else { return ([], nil) }
            return ([Metric(lineUnit.yields[0], r.correlation)], nil)
        })
}

extension Experiment {
    /// The temperatures samples are drawn at: the three of `Measurement.sampleTemperatures`,
    /// then the `temperature` setting's when it is none of them.
    var sampleTemperatureList: [Double] {
        let fixed = Measurement.sampleTemperatures.map(\.value)
        let own = configuration.temperature
        return fixed.contains(where: { abs($0 - own) < 1e-9 }) ? fixed : fixed + [own]
    }

    /// One sample per temperature of `sampleTemperatureList`, as text, or nil
    /// when the model is not a char LM over a vocabulary.
    func temperatureSamples() -> [String]? {
        let temperatures = sampleTemperatureList
        if let cached = evaluationSamples, cached.step == step, cached.temperatures == temperatures { return cached.texts }
        guard let model = model as? SequenceModel, let info = (task as? ExampleTask)?.info,
              let vocabulary = info.outputVocabulary, info.tokenInputs,
              let prime = (task as? ExampleTask)?.examples.validation.first?.tokens.prefix(32), !prime.isEmpty else { return nil }
        let texts = temperatures.map { t in
            let ids = model.sample(prime: Array(prime), length: Measurement.sampleLength, temperature: .scaled(t),
                                   seed: UInt64(configuration.seed), vocabularySize: vocabulary.count)
            return ids.map { $0 < Vocabulary.reserved.count ? " " : vocabulary.symbol($0) }.joined()
        }
        evaluationSamples = (step, temperatures, texts)
        return texts
    }

    /// The unit whose state tracks the position in the line best, with its |r| and its r.
    func lineUnitCorrelation() -> (unit: Int, correlation: Double, signed: Double)? {
        guard let model = model as? SequenceModel, let info = (task as? ExampleTask)?.info,
              let vocabulary = info.inputVocabulary, let batch = validation.first, let tokens = batch.inputTokens else { return nil }
        let newline = vocabulary.id("\n")
        let rows = min(batch.batchSize, 32), steps = batch.steps
        let states = model.hiddenStates(batch)
        let h = states.shape[2], values = states.doubles
        var positions: [Double] = [], rowsOfStates: [[Double]] = Array(repeating: [], count: h)
        for b in 0..<rows {
            var since: Int? = nil
            for t in 0..<steps {
                let token = tokens[b * steps + t]
                since = token == newline ? 0 : since.map { $0 + 1 }
                guard let p = since else { continue }
                positions.append(Double(p))
                for u in 0..<h { rowsOfStates[u].append(values[(b * steps + t) * h + u]) }
            }
        }
        guard positions.count > 2 else { return nil }
        let best = (0..<h).map { ($0, Statistics.pearson(rowsOfStates[$0], positions)) }.max { abs($0.1) < abs($1.1) }
        return best.map { (unit: $0.0, correlation: abs($0.1), signed: $0.1) }
    }
}

/// Small statistics the measurements share.
enum Statistics {
    /// Pearson's r of two equally long series; 0 when either is constant.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }
}
