import LabText
import RNNEngine

/// What a PyTorch program needs to rebuild one lab model exactly: the module
/// sizes, the read-out, and how the lab initialises the weights before training.
/// Made from a built ``SequenceModel`` (an RNN, LSTM or GRU, optional token
/// embedding, linear head); other kinds, and settings PyTorch's modules cannot
/// express faithfully, are refused with the setting to change.
struct TorchModelPlan: Equatable {
    var cell: CellKind
    /// I: the recurrent layer's input width (E with an embedding).
    var inputSize: Int
    /// H.
    var hidden: Int
    var layers: Int
    var bidirectional: Bool
    /// Dropout between stacked layers (PyTorch's `dropout=`).
    var dropout: Double
    /// O or C: the head's outputs.
    var outputSize: Int
    var kind: TaskKind
    var readout: ClassifierReadout
    var masking: Bool
    /// V, E and the padding row of a token embedding.
    var embedding: (vocabulary: Int, width: Int, padding: Int?)?
    /// The LSTM's forget-gate bias, nil for PyTorch's default initialisation.
    var forgetBias: Double?
    var recurrentInit: RecurrentInit
    /// 0 keeps W_hh's scale.
    var spectralRadius: Double
    /// The Conv1D front end before the recurrent layer, or nil.
    var front: TorchConvPlan?

    static func == (a: TorchModelPlan, b: TorchModelPlan) -> Bool {
        a.cell == b.cell && a.inputSize == b.inputSize && a.hidden == b.hidden && a.layers == b.layers
            && a.bidirectional == b.bidirectional && a.dropout == b.dropout && a.outputSize == b.outputSize
            && a.kind == b.kind && a.readout == b.readout && a.masking == b.masking
            && a.embedding?.vocabulary == b.embedding?.vocabulary && a.embedding?.width == b.embedding?.width
            && a.embedding?.padding == b.embedding?.padding && a.forgetBias == b.forgetBias
            && a.recurrentInit == b.recurrentInit && a.spectralRadius == b.spectralRadius && a.front == b.front
    }

    /// The plan of `model`, or the reason it cannot be exported.
    init(_ model: any LabModel, configuration c: ExperimentConfiguration, lesson: String) throws {
        guard let m = model as? SequenceModel else {
            throw Reason(.export(.unsupportedModel), ["lesson": .text(lesson)])
        }
        try Self.refuseUnfaithfulSettings(c, lesson: lesson)
        let r = m.recurrent
        cell = r.kind
        inputSize = r.inputSize
        hidden = r.hiddenSize
        layers = r.options.layers
        bidirectional = r.options.bidirectional
        dropout = r.dropoutBetweenLayers
        outputSize = m.head.weight.shape[0]
        kind = m.kind
        readout = m.readout
        // The front end's windows are all full length: no mask follows it (as in the lab).
        masking = m.masking && m.front == nil
        front = m.front.map(TorchConvPlan.init)
        embedding = m.embedding.map { ($0.vocabularySize, $0.dimension, $0.paddingIndex) }
        forgetBias = c.cell == .lstm && c.forgetBias != 0 ? c.forgetBias : nil
        recurrentInit = c.recurrentInit
        spectralRadius = c.spectralRadius
    }

    /// Refuses the settings whose training-time behaviour nn.RNN/LSTM/GRU cannot
    /// reproduce, naming the setting and its value.
    /// `only` limits the check to the settings a model reads (the RCNN has no
    /// `go_backwards`, truncated BPTT or forget-gate clamp).
    static func refuseUnfaithfulSettings(_ c: ExperimentConfiguration, lesson: String, only: Set<String>? = nil) throws {
        let refused: [(String, Double)] = [
            ("go_backwards", c.goBackwards ? 1 : 0), ("input_dropout", c.inputDropout),
            ("recurrent_dropout", c.recurrentDropout), ("bptt_window", Double(c.bpttWindow)),
            ("forget_gate_clamp", c.forgetGateClamp),
        ]
        if let (name, value) = refused.first(where: { $0.1 != 0 && only?.contains($0.0) ?? true }) {
            throw Reason(.export(.unsupportedSetting), ["lesson": .text(lesson), "setting": .text(name),
                                                        "value": .text(SettingValue.format(value))])
        }
    }

    /// D: 2 for a bidirectional layer.
    var directions: Int { bidirectional ? 2 : 1 }
}
