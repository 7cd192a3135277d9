/// How a bidirectional layer combines its two directions (Keras `merge_mode`).
public enum MergeMode: String, Sendable, CaseIterable, Codable {
    /// [forward, backward] along the features: 2H (PyTorch's only mode).
    case concat
    case sum
    case product
    case average
}

/// How the weights start.
public enum RecurrentInitialization: Sendable, Equatable {
    /// PyTorch: every weight and bias uniform in ±1/√H.
    case pytorch
    /// Keras: Glorot-uniform W_ih, orthogonal W_hh, zero biases.
    case keras
}

/// The options of a recurrent layer, with PyTorch's and Keras' names in the docs.
public struct RecurrentOptions: Sendable, Equatable {
    /// Stacked layers (`num_layers`).
    public var layers = 1
    /// Run a second direction over the reversed sequence (`bidirectional`).
    public var bidirectional = false
    public var merge = MergeMode.concat
    /// Keras `go_backwards`: read the sequence from the end. The returned sequence
    /// is in reading order, so its first step belongs to the last input.
    public var goBackwards = false
    /// Keras `return_sequences`: `output` holds every step (B, T, D·H); when false, only
    /// the last step read (B, D·H).
    public var returnSequences = true
    /// PyTorch `dropout`: on the outputs of every layer but the last, while training.
    public var dropoutBetweenLayers = 0.0
    /// Keras `dropout`: on each layer's inputs, one mask per sequence for all steps.
    public var inputDropout = 0.0
    /// Keras `recurrent_dropout`: on h_{t−1} where it enters W_hh, one mask per sequence.
    public var recurrentDropout = 0.0
    /// One input and recurrent dropout mask per sequence (Keras) or a new one per step.
    public var dropoutMasks = DropoutMaskScope.perSequence
    /// Truncated BPTT inside the layer: the loss at step t sends its gradient back
    /// through at most τ steps, to steps s with t − τ < s ≤ t (see
    /// `SequencePass+Truncated.swift`); the state still flows forward through all.
    /// nil, or τ ≥ T, is full BPTT.
    public var gradientWindow: Int? = nil
    /// Keras `unit_forget_bias`: the LSTM's forget-gate bias starts at 1 (in b_ih; b_hh's is 0).
    public var forgetBias: Double? = nil
    /// The LSTM's forget gate held at this value in (0, 1) instead of σ(·) (a negative
    /// control: no gradient reaches its weights); nil for the real gate.
    public var forgetGateClamp: Double? = nil
    public var initialization = RecurrentInitialization.pytorch

    public init(layers: Int = 1, bidirectional: Bool = false, merge: MergeMode = .concat,
                goBackwards: Bool = false, returnSequences: Bool = true, dropoutBetweenLayers: Double = 0,
                inputDropout: Double = 0, recurrentDropout: Double = 0, forgetBias: Double? = nil,
                initialization: RecurrentInitialization = .pytorch,
                dropoutMasks: DropoutMaskScope = .perSequence, gradientWindow: Int? = nil) {
        precondition(gradientWindow.map { $0 >= 1 } ?? true, "a BPTT window must be at least one step, got \(gradientWindow!)")
        self.layers = layers
        self.bidirectional = bidirectional
        self.merge = merge
        self.goBackwards = goBackwards
        self.returnSequences = returnSequences
        self.dropoutBetweenLayers = dropoutBetweenLayers
        self.inputDropout = inputDropout
        self.recurrentDropout = recurrentDropout
        self.forgetBias = forgetBias
        self.initialization = initialization
        self.dropoutMasks = dropoutMasks
        self.gradientWindow = gradientWindow
    }

    public var directions: Int { bidirectional ? 2 : 1 }
}

/// What a recurrent layer returns.
public struct RecurrentOutput {
    /// (B, T, D·H) with `returnSequences`, else (B, D·H); D·H becomes H when the
    /// directions are merged by sum, product or average.
    public var output: Variable
    /// (L·D, B, H): the final hidden state of every layer and direction, in
    /// PyTorch's order (layer 0 forward, layer 0 reverse, layer 1 forward, …).
    public var finalHidden: Variable
    /// (L·D, B, H): the LSTM's final cell states; nil for other cells.
    public var finalCell: Variable?
}
