/// The model part of `train.py` for a ``SequenceModel``: an optional embedding,
/// `nn.RNN`/`nn.LSTM`/`nn.GRU` and a linear head, named as the lab names them.
struct TorchRecurrentSource {
    var plan: TorchModelPlan

    var text: String {
        let p = plan
        let cellModule = switch p.cell {
        case .lstm: "nn.LSTM"
        case .gru: "nn.GRU"
        case .rnnTanh, .rnnReLU: "nn.RNN"
        }
        let nonlinearity = switch p.cell {
        case .rnnTanh: "\"tanh\""
        case .rnnReLU: "\"relu\""
        default: "None"
        }
        let kind = switch p.kind {
        case .regression: "regression"
        case .classification: "classification"
        case .perStepClassification: "per_step"
        case .seq2seq: "seq2seq"
        }
        let front = p.front.map(\.text) ?? ""
        let embedding = p.embedding.map { "(\($0.vocabulary), \($0.width), \($0.padding.map(String.init) ?? "None"))" } ?? "None"
        return """
        \(front)# The model (lab settings: cell \(p.cell.rawValue), hidden \(p.hidden), layers \(p.layers)).
        CELL = \(cellModule)
        NONLINEARITY = \(nonlinearity)      # nn.RNN only
        INPUT_SIZE = \(p.inputSize)           # I (E with an embedding)
        HIDDEN = \(p.hidden)                # H
        LAYERS = \(p.layers)
        BIDIRECTIONAL = \(p.bidirectional ? "True" : "False")
        DIRECTIONS = \(p.directions)
        DROPOUT = \(pythonLiteral(p.dropout))           # between stacked layers
        OUTPUT_SIZE = \(p.outputSize)           # O outputs or C classes
        TASK_KIND = "\(kind)"  # regression | classification | per_step
        READOUT = "\(p.readout.rawValue)"           # classification: last real state or max over time
        MASKING = \(p.masking ? "True" : "False")            # padded steps skipped (packed sequences)
        EMBEDDING = \(embedding)      # (V, E, padding row) or None for the inputs as given
        FORGET_BIAS = \(p.forgetBias.map(pythonLiteral) ?? "None")        # LSTM: b_f at the start (the lab sets b_ih's slice, zeroes b_hh's)
        RECURRENT_INIT = "\(p.recurrentInit.rawValue)"  # default | orthogonal | identity, per H×H gate block
        SPECTRAL_RADIUS = \(pythonLiteral(p.spectralRadius))   # 0: keep W_hh's scale
        FRONT_END = \(p.front == nil ? "False" : "True")          # the Conv1D front end above reads the inputs first

        class LabModel(nn.Module):
            \"\"\"Embedding or Conv1D front end (optional) → recurrent layer → linear head, named as the lab names them.\"\"\"

            def __init__(self):
                super().__init__()
                if FRONT_END:
                    self.front = ConvFrontEnd(CONV_INPUTS)
                if EMBEDDING:
                    vocabulary, width, padding = EMBEDDING
                    self.embedding = nn.Embedding(vocabulary, width, padding_idx=padding)
                extra = {"nonlinearity": NONLINEARITY} if CELL is nn.RNN else {}
                self.rnn = CELL(INPUT_SIZE, HIDDEN, num_layers=LAYERS, batch_first=True,
                                bidirectional=BIDIRECTIONAL, dropout=DROPOUT, **extra)
                self.head = nn.Linear(DIRECTIONS * HIDDEN, OUTPUT_SIZE)

            def forward(self, batch):
                \"\"\"Outputs (B, O) or (B, C), or (B, T, C) for a per-step task.\"\"\"
                x = self.embedding(batch["tokens"]) if EMBEDDING else batch["inputs"]   # (B, T, I)
                if FRONT_END:
                    x = self.front(x)                                                   # (B, T', F): full-length windows, no mask
                lengths = batch["lengths"]                                              # (B,)
                if MASKING:
                    packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                    out, h = self.rnn(packed)
                    out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])
                else:
                    out, h = self.rnn(x)
                if isinstance(h, tuple):   # the LSTM's (h, c)
                    h = h[0]
                if TASK_KIND == "per_step":
                    return self.head(out)
                if READOUT == "max":
                    real = torch.arange(x.shape[1])[None, :] < lengths[:, None]
                    if not MASKING:
                        real = torch.ones_like(real)
                    return self.head(out.masked_fill(~real[..., None], float("-inf")).amax(dim=1))
                # The last layer's final states (at each row's last real step), forward then backward.
                return self.head(torch.cat([h[h.shape[0] - DIRECTIONS + d] for d in range(DIRECTIONS)], dim=1))


        def initialise_like_the_lab(model):
            \"\"\"PyTorch's default initialisation, then the lab's changes to it.\"\"\"
            with torch.no_grad():
                for name, p in model.rnn.named_parameters():
                    if name.startswith("weight_hh"):
                        for block in p.split(HIDDEN, dim=0):
                            if RECURRENT_INIT == "orthogonal":
                                nn.init.orthogonal_(block)
                            elif RECURRENT_INIT == "identity":
                                block.copy_(torch.eye(HIDDEN))
                            if SPECTRAL_RADIUS > 0:
                                block.mul_(SPECTRAL_RADIUS / torch.linalg.eigvals(block).abs().max())
                    if FORGET_BIAS is not None and name.startswith("bias_"):
                        p[HIDDEN:2 * HIDDEN] = FORGET_BIAS if name.startswith("bias_ih") else 0.0


        \(Self.lossAndEvaluation)
        """
    }

    /// `loss_and_outputs` and `evaluate` for a model whose forward gives (B, O)
    /// regression outputs, or (B, C) / (B, T, C) logits: the RCNN and the tree
    /// net share them with the recurrent models.
    static let lossAndEvaluation = """
        def loss_and_outputs(model, batch, training=False):
            \"\"\"The lab's loss: MSE on the (standardised) targets, or cross-entropy over counted targets.\"\"\"
            y = model(batch)
            if TASK_KIND == "regression":
                return F.mse_loss(y, batch["targets"]), y
            logits = y.reshape(-1, OUTPUT_SIZE)
            mask = batch["target_mask"].reshape(-1)
            return F.cross_entropy(logits[mask], batch["targets"].reshape(-1)[mask]), y


        @torch.no_grad()
        def evaluate(model, batches):
            \"\"\"Validation loss and metrics, accumulated over batches as the lab does.\"\"\"
            model.eval()
            total = rows = 0.0
            squared = counted = correct = 0.0
            scale = LAB["target_scale"]
            for batch in batches:
                loss, y = loss_and_outputs(model, batch)
                size = batch["lengths"].shape[0]
                total += loss.item() * size
                rows += size
                if TASK_KIND == "regression":
                    keep = batch["target_mask"]
                    error = (y[keep].double() - batch["targets"][keep].double()) * scale
                    squared += (error ** 2).sum().item()
                    counted += error.numel()
                else:
                    keep = batch["target_mask"].reshape(-1)
                    guess = y.reshape(-1, OUTPUT_SIZE).argmax(dim=1)
                    correct += (guess[keep] == batch["targets"].reshape(-1)[keep]).sum().item()
                    counted += keep.sum().item()
            model.train()
            metrics = {"validation_loss": total / max(rows, 1)}
            if TASK_KIND == "regression":
                metrics["mse"] = squared / max(counted, 1)
            else:
                metrics["accuracy"] = correct / max(counted, 1)
            return metrics


        """
}
