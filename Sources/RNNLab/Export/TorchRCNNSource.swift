import LabText
import RNNEngine

/// The lab's RCNN (``RCNNModel``, Lai et al. 2015) as `train.py` rebuilds it: an
/// optional embedding (V, E), a one-layer bidirectional `nn.RNN`/`nn.LSTM`/`nn.GRU`
/// over it (packed, so each row's backward pass starts at its last real step),
/// the learned edge contexts `initial_left` and `initial_right` (H), the
/// per-position `position` Linear(2H + E → C) with tanh, a max over the real steps,
/// and the `head` Linear(C → K). Names as the lab's state dict.
struct TorchRCNNPlan: Equatable {
    var cell: CellKind
    /// E: the embedding width, or the inputs' width without an embedding.
    var inputSize: Int
    /// H, which is also C, the per-position features.
    var hidden: Int
    /// K classes.
    var classes: Int
    /// V and the padding row of the token embedding, nil for the inputs as given.
    var vocabulary: Int?
    var padding: Int?
    /// The LSTM's forget-gate bias at the start, nil for PyTorch's default.
    var forgetBias: Double?

    /// The plan of `model`; refuses input and recurrent dropout, which nn.LSTM cannot express.
    init(_ model: RCNNModel, configuration c: ExperimentConfiguration, lesson: String) throws {
        try TorchModelPlan.refuseUnfaithfulSettings(c, lesson: lesson, only: ["input_dropout", "recurrent_dropout"])
        cell = model.recurrent.kind
        inputSize = model.recurrent.inputSize
        hidden = model.recurrent.hiddenSize
        classes = model.head.weight.shape[0]
        vocabulary = model.embedding?.vocabularySize
        padding = model.embedding?.paddingIndex
        forgetBias = model.recurrent.options.forgetBias
    }

    /// The model's part of `train.py`.
    var text: String {
        let module = switch cell {
        case .lstm: "nn.LSTM"
        case .gru: "nn.GRU"
        case .rnnTanh, .rnnReLU: "nn.RNN"
        }
        let nonlinearity = cell == .rnnReLU ? "\"relu\"" : cell == .rnnTanh ? "\"tanh\"" : "None"
        let embedding = vocabulary.map { "(\($0), \(inputSize), \(padding.map(String.init) ?? "None"))" } ?? "None"
        return """
        # The model: the RCNN of Lai et al. (2015) (lab settings: architecture rcnn, cell \(cell.rawValue), hidden \(hidden)).
        CELL = \(module)
        NONLINEARITY = \(nonlinearity)      # nn.RNN only
        INPUT_SIZE = \(inputSize)           # E
        HIDDEN = \(hidden)                # H per direction, and C features per position
        OUTPUT_SIZE = \(classes)           # K classes
        TASK_KIND = "classification"
        EMBEDDING = \(embedding)      # (V, E, padding row) or None for the inputs as given
        FORGET_BIAS = \(forgetBias.map(pythonLiteral) ?? "None")        # LSTM: b_f at the start (the lab sets b_ih's slice, zeroes b_hh's)

        class LabModel(nn.Module):
            \"\"\"Each position t read as [c_l(t); e(t); c_r(t)], tanh(W·) at every position, max over time, linear head.\"\"\"

            def __init__(self):
                super().__init__()
                if EMBEDDING:
                    vocabulary, width, padding = EMBEDDING
                    self.embedding = nn.Embedding(vocabulary, width, padding_idx=padding)
                extra = {"nonlinearity": NONLINEARITY} if CELL is nn.RNN else {}
                self.rnn = CELL(INPUT_SIZE, HIDDEN, batch_first=True, bidirectional=True, **extra)
                self.initial_left = nn.Parameter(torch.zeros(HIDDEN))    # the paper's c_l(w_1)
                self.initial_right = nn.Parameter(torch.zeros(HIDDEN))   # the paper's c_r(w_n)
                self.position = nn.Linear(2 * HIDDEN + INPUT_SIZE, HIDDEN)
                self.head = nn.Linear(HIDDEN, OUTPUT_SIZE)

            def forward(self, batch):
                \"\"\"Logits (B, K).\"\"\"
                e = self.embedding(batch["tokens"]) if EMBEDDING else batch["inputs"]   # (B, T, E)
                lengths = batch["lengths"]                                              # (B,)
                B, T = e.shape[0], e.shape[1]
                packed = nn.utils.rnn.pack_padded_sequence(e, lengths, batch_first=True, enforce_sorted=False)
                out, _ = self.rnn(packed)
                out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=T)   # (B, T, 2H)
                forward, backward = out[..., :HIDDEN], out[..., HIDDEN:]
                # c_l(t): the forward state after step t − 1 (initial_left at t = 0).
                left = torch.cat([self.initial_left.expand(B, 1, HIDDEN), forward[:, :-1]], dim=1)
                # c_r(t): the backward state at t + 1 while that step is real, else initial_right.
                steps = torch.arange(T)[None, :]
                following = torch.cat([backward[:, 1:], torch.zeros(B, 1, HIDDEN)], dim=1)
                has_next = (steps + 1 < lengths[:, None])[..., None]
                right = torch.where(has_next, following, self.initial_right.expand(B, T, HIDDEN))
                y = torch.tanh(self.position(torch.cat([left, e, right], dim=2)))      # (B, T, C)
                real = (steps < lengths[:, None])[..., None]
                return self.head(y.masked_fill(~real, float("-inf")).amax(dim=1))       # max over the real steps


        def initialise_like_the_lab(model):
            \"\"\"PyTorch's default initialisation, zero edge contexts, and the lab's forget bias.\"\"\"
            with torch.no_grad():
                for name, p in model.rnn.named_parameters():
                    if FORGET_BIAS is not None and name.startswith("bias_"):
                        p[HIDDEN:2 * HIDDEN] = FORGET_BIAS if name.startswith("bias_ih") else 0.0


        \(TorchRecurrentSource.lossAndEvaluation)
        """
    }
}
