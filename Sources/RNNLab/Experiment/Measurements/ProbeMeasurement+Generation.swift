import LabText
import RNNEngine

extension ProbeID {
    /// A char LM's samples at the temperatures of `Measurement.sampleTemperatures`,
    /// the very draws the `known_words_*` metrics count (`TemperatureSample`).
    public static let textSamples = ProbeID(rawValue: "text_samples")
    /// The hidden unit that best tracks the position in the line, over the start of
    /// the validation text (`ActivationStrip`).
    public static let lineUnitStrip = ProbeID(rawValue: "line_unit_strip")
}

/// One sample of a char LM: the temperature it was drawn at and its text (data,
/// not prose: the model's own characters, newlines included).
public struct TemperatureSample: Sendable, Equatable {
    public var temperature: Double
    public var text: String

    public init(temperature: Double, text: String) {
        (self.temperature, self.text) = (temperature, text)
    }

    /// The probe form: one row per sample, its one value the temperature, its label the text.
    public static func grid(_ samples: [TemperatureSample]) -> Grid {
        Grid(rows: samples.count, columns: 1, values: samples.map(\.temperature), rowLabels: samples.map(\.text))
    }

    /// The samples of a probe grid; empty for anything else.
    public static func samples(_ grid: Grid?) -> [TemperatureSample] {
        guard let grid, grid.columns == 1, grid.values.count == grid.rows, grid.rowLabels.count == grid.rows else { return [] }
        return (0..<grid.rows).map { TemperatureSample(temperature: grid.values[$0], text: grid.rowLabels[$0]) }
    }
}

/// One hidden unit's state h_t under each character of a stretch of text: the unit
/// of a char LM whose state correlates best with the number of characters since
/// the last newline (`line_unit_correlation`), read over the start of the validation text.
public struct ActivationStrip: Sendable, Equatable {
    /// The unit's index in the last layer (0..<H).
    public var unit: Int
    /// Its Pearson r with the position in the line, sign kept (|r| is `line_unit_correlation`).
    public var correlation: Double
    /// The characters read, one per step.
    public var characters: [String]
    /// h_t of the unit after reading character t.
    public var values: [Double]

    public init(unit: Int, correlation: Double, characters: [String], values: [Double]) {
        (self.unit, self.correlation, self.characters, self.values) = (unit, correlation, characters, values)
    }

    /// The probe form: one row of n values labelled with the characters; the row label
    /// holds the unit and r as numbers ("17 -0.52"), for `strip(_:)` to read back.
    public var grid: Grid {
        Grid(rows: 1, columns: values.count, values: values, rowLabels: ["\(unit) \(correlation)"], columnLabels: characters)
    }

    /// The strip of a probe grid, or nil for anything else.
    public static func strip(_ grid: Grid?) -> ActivationStrip? {
        guard let grid, grid.rows == 1, grid.values.count == grid.columns, grid.columnLabels.count == grid.columns,
              let label = grid.rowLabels.first else { return nil }
        let parts = label.split(separator: " ")
        guard parts.count == 2, let unit = Int(parts[0]), let r = Double(parts[1]) else { return nil }
        return ActivationStrip(unit: unit, correlation: r, characters: grid.columnLabels, values: grid.values)
    }
}

extension ProbeMeasurement {
    /// Characters of validation text the activation strip reads.
    static let stripLength = 256

    static let textSamples = ProbeMeasurement(
        id: .textSamples,
        unavailable: { $0 == .perStepClassification ? nil : Phrase(.check(.needsLanguageModel)) },
        compute: { e in
            guard Measurement.needsLanguageModel(e.settings, e.task.kind) == nil, let texts = e.temperatureSamples() else { return nil }
            return .grid(TemperatureSample.grid(zip(e.sampleTemperatureList, texts).map {
                TemperatureSample(temperature: $0, text: $1)
            }))
        })

    static let lineUnitStrip = ProbeMeasurement(
        id: .lineUnitStrip,
        unavailable: { $0 == .perStepClassification ? nil : Phrase(.check(.needsLanguageModel)) },
        compute: { e in
            guard Measurement.needsLanguageModel(e.settings, e.task.kind) == nil else { return nil }
            return e.activationStrip().map { .grid($0.grid) }
        })
}

extension Experiment {
    /// The best line unit (`lineUnitCorrelation`) over the first `stripLength`
    /// characters of the validation text, read as one sequence from a zero state.
    func activationStrip() -> ActivationStrip? {
        guard let model = model as? SequenceModel, let task = task as? ExampleTask, let vocabulary = task.info.inputVocabulary,
              let best = lineUnitCorrelation() else { return nil }
        var ids: [Int] = []
        for example in task.examples.validation where ids.count < ProbeMeasurement.stripLength { ids += example.tokens }
        ids = Array(ids.prefix(ProbeMeasurement.stripLength))
        guard !ids.isEmpty else { return nil }
        let states = model.hiddenStates(tokens: ids, vocabularySize: vocabulary.count)
        let width = states.shape[2], all = states.doubles
        let unit = best.unit
        return ActivationStrip(unit: unit, correlation: best.signed, characters: ids.map { vocabulary.symbol($0) },
                               values: (0..<ids.count).map { all[$0 * width + unit] })
    }
}
