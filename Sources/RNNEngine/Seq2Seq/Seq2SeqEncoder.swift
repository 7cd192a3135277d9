/// The encoder: an embedding, then a one-way or bidirectional recurrent layer
/// whose two directions' states are concatenated.
///
/// Parameters: `embedding.weight` (V_s, E) and the recurrent layer's under `rnn.`
/// (`rnn.weight_ih_l0`, `rnn.weight_hh_l0_reverse`, …, as in PyTorch's nn.GRU/nn.LSTM).
public final class Seq2SeqEncoder: Module {
    public let embedding: Embedding
    public let rnn: RecurrentLayer

    public init(_ kind: CellKind, vocabularySize: Int, embeddingSize: Int, hiddenSize: Int,
                bidirectional: Bool, readsBackwards: Bool = false, rng: inout SplitMix64, dtype: DType = .float32) {
        embedding = Embedding(vocabularySize, embeddingSize, rng: &rng, dtype: dtype)
        rnn = RecurrentLayer(kind, inputSize: embeddingSize, hiddenSize: hiddenSize,
                             options: .init(bidirectional: bidirectional, goBackwards: readsBackwards && !bidirectional),
                             rng: &rng, dtype: dtype)
    }

    public var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("embedding", embedding) + prefixed("rnn", rnn)
    }

    /// D·H, the width of the states.
    public var outputSize: Int { rnn.options.directions * rnn.hiddenSize }

    /// Encodes a batch of source sequences.
    /// - Parameters:
    ///   - tokens: B·S ids, batch-major (row b, step s at b·S + s).
    ///   - mask: B·S flags, false for padding (at the end of a row); nil for none. A
    ///     padded step keeps the state, so each direction's final state is that of
    ///     the row's real steps.
    /// - Returns: the states (B, S, D·H), the final hidden states (D, B, H) (forward,
    ///   then backward) and, for the LSTM, the final cell states (D, B, H).
    public func callAsFunction(_ tokens: [Int], batch: Int, steps: Int, mask: [Bool]? = nil)
        -> (states: Variable, finalHidden: Variable, finalCell: Variable?) {
        precondition(tokens.count == batch * steps, "\(tokens.count) source tokens for B·S = \(batch)·\(steps)")
        let out = rnn(embedding(tokens, shape: [batch, steps]), mask: mask)
        // go_backwards returns its states in reading order; attention wants them in source order.
        let states = rnn.options.goBackwards ? out.output.reversed(axis: 1) : out.output
        return (states, out.finalHidden, out.finalCell)
    }
}
