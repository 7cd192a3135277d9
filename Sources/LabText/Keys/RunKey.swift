/// Building and running an experiment: tasks, models, memory, divergence.
public enum RunKey: String, CaseIterable, Sendable {
    case unknownTask
    case noKnobs
    case unknownKnob
    case knobOutOfRange
    case knobNotWhole
    case echoLag
    case noModel
    case needsEncoderDecoder
    case rcnnNeedsClassification
    case notSeq2Seq
    case convNeedsSeries
    case convTooShort
    case lossDiverged
    case gradientDiverged
    case weightsDiverged
    case memoryOverLimit
    case badMemorySize
    /// A size in memory.
    case bytes
    case kibibytes
    case mebibytes
    case gibibytes
    case tebibytes
    /// A metric with its value: "mse 0.0123".
    case metric
    /// A share with its value in percent: "accuracy 95.0%".
    case metricPercent
    /// A baseline's scores on a split.
    case baseline
    /// A sample of `rnnlab data show`: its input tokens.
    case previewInput
    case previewSteps
    case previewTarget
    /// A class without a name.
    case previewClass
    case previewNotScored
    /// A task's shape, in `rnnlab data`.
    case shapeRegression
    case shapeClassification
    case shapePerStep
    case shapeSeq2Seq

    public var placeholders: Set<String> {
        switch self {
        case .unknownTask: return ["name", "tasks"]
        case .noKnobs: return ["name", "task"]
        case .unknownKnob: return ["knobs", "name", "task"]
        case .knobOutOfRange: return ["name", "range", "task", "value"]
        case .knobNotWhole: return ["name", "task", "value"]
        case .echoLag: return ["lag", "length"]
        case .noModel: return ["kind", "task"]
        case .needsEncoderDecoder, .notSeq2Seq, .rcnnNeedsClassification, .convNeedsSeries: return ["task"]
        case .convTooShort: return ["kernel", "least", "pool", "steps"]
        case .lossDiverged, .gradientDiverged: return ["step", "value"]
        case .weightsDiverged: return ["step"]
        case .memoryOverLimit: return ["limit", "need", "variable"]
        case .badMemorySize: return ["text"]
        case .bytes, .kibibytes, .mebibytes, .gibibytes, .tebibytes: return ["size"]
        case .metric, .metricPercent: return ["label", "value"]
        case .baseline: return ["metrics", "name", "split"]
        case .previewInput, .previewNotScored: return ["tokens"]
        case .previewSteps: return ["features", "steps"]
        case .previewTarget: return ["target"]
        case .previewClass: return ["number"]
        case .shapeRegression, .shapeClassification, .shapePerStep, .shapeSeq2Seq: return ["inputs", "outputs", "steps"]
        }
    }
}
