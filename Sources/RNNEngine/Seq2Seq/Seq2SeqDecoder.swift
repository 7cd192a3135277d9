/// The decoder's recurrent state: s (B, Hd) and, for the LSTM, c (B, Hd).
public struct Seq2SeqState {
    public var hidden: Variable
    public var cell: Variable?

    public init(hidden: Variable, cell: Variable? = nil) {
        self.hidden = hidden
        self.cell = cell
    }

    /// The given rows, in that order, cut off from the tape (for beam search).
    public func rows(_ indices: [Int]) -> Seq2SeqState {
        Seq2SeqState(hidden: Variable(hidden.value.gatherRows(indices)),
                     cell: cell.map { Variable($0.value.gatherRows(indices)) })
    }
}

/// Where each decoder step gets its context vector.
public enum Seq2SeqContext {
    /// One fixed vector per row for the whole output, C (B, Hk): no attention.
    case fixed(Variable)
    /// Attention over the encoder's states, recomputed at every step.
    case attention(AttentionMemory)

    /// The given batch rows, in that order, cut off from the tape (for beam search).
    public func rows(_ indices: [Int]) -> Seq2SeqContext {
        switch self {
        case .fixed(let c): return .fixed(Variable(c.value.gatherRows(indices)))
        case .attention(let m): return .attention(m.rows(indices))
        }
    }
}

/// What one decoder step produced.
public struct Seq2SeqStep {
    /// (B, V_t), before the softmax.
    public var logits: Variable
    public var state: Seq2SeqState
    /// (B, Hk): the context this step used.
    public var context: Variable
    /// (B, S): the attention weights; nil without attention.
    public var weights: Variable?
}

/// The decoder: one step at a time, so that each step can take either the
/// reference token (teacher forcing) or its own previous prediction.
///
/// One step, with y the previous output token, s the state and c the context:
///   c, α = attention(query s, encoder states)   — or the fixed C
///   s′   = cell([embedding(y), c], s)            (B, E + Hk) → (B, Hd)
///   logits = out([s′, c])                        (B, Hd + Hk) → (B, V_t)
/// The query is the previous state s, as in Bahdanau et al. (2015); the output layer
/// sees the new state and the context, a simplified form of their deep output
/// (Luong et al. 2015 also feed [s′, c] to the output).
///
/// Parameters: `embedding.weight` (V_t, E); `cell.weight_ih` (G·Hd, E + Hk),
/// `cell.weight_hh`, `cell.bias_ih`, `cell.bias_hh` (as nn.GRUCell/nn.LSTMCell);
/// `attention.…` (see `Attention`); `out.weight` (V_t, Hd + Hk), `out.bias`.
public final class Seq2SeqDecoder: Module {
    public let embedding: Embedding
    public let cell: RecurrentCell
    public let attention: Attention?
    public let out: Linear
    /// Hk, the width of the context.
    public let contextSize: Int

    /// - Parameters:
    ///   - score: the attention score; nil for the fixed-context decoder.
    public init(_ kind: CellKind, vocabularySize: Int, embeddingSize: Int, hiddenSize: Int, contextSize: Int,
                score: AttentionScore?, attentionSize: Int? = nil, rng: inout SplitMix64, dtype: DType = .float32) {
        self.contextSize = contextSize
        embedding = Embedding(vocabularySize, embeddingSize, rng: &rng, dtype: dtype)
        cell = RecurrentCell(kind, inputSize: embeddingSize + contextSize, hiddenSize: hiddenSize, rng: &rng, dtype: dtype)
        attention = score.map {
            Attention($0, querySize: hiddenSize, keySize: contextSize, attentionSize: attentionSize, rng: &rng, dtype: dtype)
        }
        out = Linear(hiddenSize + contextSize, vocabularySize, rng: &rng, dtype: dtype)
    }

    public var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("embedding", embedding) + prefixed("cell", cell)
            + (attention.map { prefixed("attention", $0) } ?? []) + prefixed("out", out)
    }

    public var hiddenSize: Int { cell.hiddenSize }
    public var vocabularySize: Int { out.outputSize }

    /// One step for a batch: previous tokens (B ids), the state, and the context source.
    public func step(_ tokens: [Int], state: Seq2SeqState, context source: Seq2SeqContext) -> Seq2SeqStep {
        let B = tokens.count
        precondition(state.hidden.shape == [B, hiddenSize], "decoder state \(state.hidden.shape), expected \([B, hiddenSize])")
        let context: Variable
        var weights: Variable? = nil
        switch source {
        case .fixed(let c):
            precondition(c.shape == [B, contextSize], "fixed context \(c.shape), expected \([B, contextSize])")
            context = c
        case .attention(let memory):
            guard let attention else { preconditionFailure("this decoder was built without attention") }
            (context, weights) = attention(query: state.hidden, memory: memory)
        }
        let x = Variable.concat([embedding(tokens, shape: [B]), context], axis: 1)
        let (h, c) = cell(x, hidden: state.hidden, cell: state.cell)
        let logits = out(Variable.concat([h, context], axis: 1))
        return Seq2SeqStep(logits: logits, state: Seq2SeqState(hidden: h, cell: c), context: context, weights: weights)
    }
}
