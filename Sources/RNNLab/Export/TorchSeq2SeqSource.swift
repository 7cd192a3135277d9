import LabText
import RNNEngine

/// What `train.py` needs to rebuild a ``TranslationModel``: the encoder–decoder's
/// sizes, bridge and attention score. Refuses what the export cannot reproduce
/// (a one-way encoder reading backwards, beam decoding at evaluation).
struct TorchSeq2SeqPlan {
    var configuration: Seq2SeqConfiguration
    var teacherForcing: Double

    init(_ model: TranslationModel, configuration c: ExperimentConfiguration, lesson: String) throws {
        let refused: [(String, Double)] = [
            ("go_backwards", c.goBackwards ? 1 : 0), ("bptt_window", Double(c.bpttWindow)),
            ("beam_width", c.beamWidth > 1 ? Double(c.beamWidth) : 0),
        ]
        if let (name, value) = refused.first(where: { $0.1 != 0 }) {
            throw Reason(.export(.unsupportedSetting), ["lesson": .text(lesson), "setting": .text(name),
                                                        "value": .text(SettingValue.format(value))])
        }
        configuration = model.seq2seq.configuration
        teacherForcing = c.teacherForcing
    }
}

/// The model part of `train.py` for an encoder–decoder: embedding and
/// bidirectional or one-way recurrent encoder, the bridge, and a decoder cell fed
/// [embedding of the previous token, context], the context fixed or attended,
/// with the output layer reading [new state, context]. Validation decodes
/// greedily, as the lab does, and scores token accuracy over the target and `<eos>`.
struct TorchSeq2SeqSource {
    var plan: TorchSeq2SeqPlan

    var text: String {
        let c = plan.configuration
        let (cellModule, cellStep) = switch c.cell {
        case .lstm: ("nn.LSTM", "nn.LSTMCell")
        case .gru: ("nn.GRU", "nn.GRUCell")
        case .rnnTanh, .rnnReLU: ("nn.RNN", "nn.RNNCell")
        }
        let nonlinearity = c.cell == .rnnReLU ? "\"relu\"" : c.cell == .rnnTanh ? "\"tanh\"" : "None"
        let score = c.useAttention ? "\"\(c.score.rawValue)\"" : "None"
        let (general, additive, scaled) = (AttentionScore.general.rawValue, AttentionScore.additive.rawValue, AttentionScore.scaledDot.rawValue)
        return """
        # The model (lab settings: cell \(c.cell.rawValue), hidden \(c.hiddenSize), attention \(c.useAttention ? c.score.rawValue : "none")).
        ENCODER = \(cellModule)
        DECODER_CELL = \(cellStep)
        NONLINEARITY = \(nonlinearity)      # the simple RNN only
        SOURCE_VOCABULARY = \(c.sourceVocabularySize)   # V_s
        TARGET_VOCABULARY = \(c.targetVocabularySize)   # V_t
        EMBEDDING = \(c.embeddingSize)           # E, source and target
        HIDDEN = \(c.hiddenSize)              # H per encoder direction
        DIRECTIONS = \(c.directions)
        CONTEXT = DIRECTIONS * HIDDEN   # D·H: the encoder's states, the context and the decoder's state
        BRIDGE = "\(c.bridge.rawValue)"     # last_state: s0 = [h_fwd, h_bwd]; tanh_backward: s0 = tanh(W h_bwd + b)
        SCORE = \(score)       # None: one fixed context; else \(AttentionScore.allCases.map(\.rawValue).joined(separator: " | "))
        ATTENTION_SIZE = \(c.attentionSize ?? c.contextSize)
        BOS, EOS = \(Vocabulary.begin), \(Vocabulary.end)


        class Attention(nn.Module):
            \"\"\"Scores a query (B, CONTEXT) against keys (B, S, CONTEXT); masked softmax; weighted sum.\"\"\"

            def __init__(self):
                super().__init__()
                if SCORE == "\(general)":
                    self.W_a = nn.Linear(CONTEXT, CONTEXT, bias=False)
                if SCORE == "\(additive)":
                    self.W_s = nn.Linear(CONTEXT, ATTENTION_SIZE, bias=False)
                    self.W_h = nn.Linear(CONTEXT, ATTENTION_SIZE, bias=False)
                    self.v = nn.Linear(ATTENTION_SIZE, 1, bias=False)

            def forward(self, query, keys, real):
                if SCORE == "\(additive)":
                    scores = self.v(torch.tanh(self.W_h(keys) + self.W_s(query)[:, None, :])).squeeze(2)
                else:
                    q = query @ self.W_a.weight if SCORE == "\(general)" else query
                    scores = torch.bmm(keys, q[:, :, None]).squeeze(2)
                    if SCORE == "\(scaled)":
                        scores = scores / CONTEXT ** 0.5
                weights = torch.softmax(scores.masked_fill(~real, float("-inf")), dim=1)
                return torch.bmm(weights[:, None, :], keys).squeeze(1), weights


        class Encoder(nn.Module):
            def __init__(self):
                super().__init__()
                self.embedding = nn.Embedding(SOURCE_VOCABULARY, EMBEDDING)
                extra = {"nonlinearity": NONLINEARITY} if ENCODER is nn.RNN else {}
                self.rnn = ENCODER(EMBEDDING, HIDDEN, batch_first=True, bidirectional=DIRECTIONS == 2, **extra)


        class Decoder(nn.Module):
            def __init__(self):
                super().__init__()
                self.embedding = nn.Embedding(TARGET_VOCABULARY, EMBEDDING)
                extra = {"nonlinearity": NONLINEARITY} if DECODER_CELL is nn.RNNCell else {}
                self.cell = DECODER_CELL(EMBEDDING + CONTEXT, CONTEXT, **extra)
                if SCORE:
                    self.attention = Attention()
                self.out = nn.Linear(2 * CONTEXT, TARGET_VOCABULARY)


        class LabModel(nn.Module):
            \"\"\"Encoder → bridge → decoder, named as the lab names them (encoder.rnn.weight_ih_l0, decoder.cell.weight_ih, …).\"\"\"

            def __init__(self):
                super().__init__()
                self.encoder = Encoder()
                if BRIDGE == "tanh_backward":
                    self.bridge = nn.Linear(HIDDEN, CONTEXT)
                self.decoder = Decoder()

            def encode(self, batch):
                \"\"\"The keys (B, S, CONTEXT), which source steps are real, and the decoder's first state.\"\"\"
                tokens, lengths = batch["tokens"], batch["lengths"]
                x = self.encoder.embedding(tokens)
                packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                states, final = self.encoder.rnn(packed)
                states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True, total_length=tokens.shape[1])
                h, c = final if isinstance(final, tuple) else (final, None)
                joined = lambda f: torch.cat([f[d] for d in range(DIRECTIONS)], dim=1)
                if BRIDGE == "tanh_backward":
                    s0 = torch.tanh(self.bridge(h[DIRECTIONS - 1]))
                    c0 = torch.zeros_like(s0) if c is not None else None
                else:
                    s0, c0 = joined(h), (joined(c) if c is not None else None)
                real = torch.arange(tokens.shape[1])[None, :] < lengths[:, None]
                return states, real, joined(h), (s0, c0)

            def step(self, previous, state, keys, real, fixed):
                \"\"\"One decoder step from the previous tokens (B,): logits (B, V_t) and the new state.\"\"\"
                s, c = state
                if SCORE:
                    context, _ = self.decoder.attention(s, keys, real)   # the query is the previous state
                else:
                    context = fixed
                x = torch.cat([self.decoder.embedding(previous), context], dim=1)
                if c is None:
                    s = self.decoder.cell(x, s)
                else:
                    s, c = self.decoder.cell(x, (s, c))
                return self.decoder.out(torch.cat([s, context], dim=1)), (s, c)

            def forward(self, batch, teacher_forcing=1.0):
                \"\"\"Logits (B, U, V_t); each step feeds the reference token with probability teacher_forcing.\"\"\"
                keys, real, fixed, state = self.encode(batch)
                inputs = batch["decoder_tokens"]
                previous, logits = inputs[:, 0], []
                for t in range(inputs.shape[1]):
                    if t > 0:
                        own = logits[-1].argmax(dim=1)
                        coin = torch.rand(inputs.shape[0]) < teacher_forcing
                        previous = inputs[:, t] if teacher_forcing >= 1 else torch.where(coin, inputs[:, t], own)
                    out, state = self.step(previous, state, keys, real, fixed)
                    logits.append(out)
                return torch.stack(logits, dim=1)

            @torch.no_grad()
            def greedy(self, batch):
                \"\"\"Greedy decodings as (B, U) ids: the tokens, then <eos>, then padding (0), as the lab scores them.\"\"\"
                keys, real, fixed, state = self.encode(batch)
                B, U = batch["targets"].shape
                previous = torch.full((B,), BOS, dtype=torch.long)
                decoded = torch.zeros(B, U, dtype=torch.long)
                done = torch.zeros(B, dtype=torch.bool)
                for t in range(U):
                    out, state = self.step(previous, state, keys, real, fixed)
                    previous = out.argmax(dim=1)
                    decoded[:, t] = torch.where(done, torch.zeros_like(previous), previous)
                    done = done | (previous == EOS)
                return decoded


        def initialise_like_the_lab(model):
            \"\"\"PyTorch's default initialisation; the lab's encoder–decoder changes nothing in it.\"\"\"


        def loss_and_outputs(model, batch, training=False):
            \"\"\"The mean cross-entropy over counted target tokens (teacher forcing at TEACHER_FORCING while training).\"\"\"
            logits = model(batch, TEACHER_FORCING if training else 1.0)
            mask = batch["target_mask"].reshape(-1)
            flat = logits.reshape(-1, TARGET_VOCABULARY)
            return F.cross_entropy(flat[mask], batch["targets"].reshape(-1)[mask]), logits


        @torch.no_grad()
        def evaluate(model, batches):
            \"\"\"The teacher-forced validation loss and the greedy decodings' token accuracy, as the lab measures them.\"\"\"
            model.eval()
            total = rows = correct = counted = 0.0
            for batch in batches:
                loss, _ = loss_and_outputs(model, batch)
                size = batch["lengths"].shape[0]
                total += loss.item() * size
                rows += size
                keep = batch["target_mask"]
                correct += (model.greedy(batch)[keep] == batch["targets"][keep]).sum().item()
                counted += keep.sum().item()
            model.train()
            return {"validation_loss": total / max(rows, 1), "accuracy": correct / max(counted, 1)}


        """
    }
}
