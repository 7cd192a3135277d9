/// How the decoder's first state is made from the encoder's final states.
public enum Seq2SeqBridge: String, Sendable, CaseIterable, Codable {
    /// s₀ = the encoder's last state: [h→_S, h←_1] (B, D·H) for a bidirectional
    /// encoder, h_S for a one-way one; for the LSTM, c₀ is made the same way from
    /// the final cell states. No parameters.
    case lastState
    /// s₀ = tanh(W h←_1 + b), h←_1 being the backward direction's final state
    /// (Bahdanau et al. 2015, appendix A.2.2); the forward one's for a one-way
    /// encoder. W is `bridge.weight` (D·H, H), b `bridge.bias`. The LSTM's c₀ is zero.
    case tanhBackward
}

/// The sizes and choices of a `Seq2Seq` model.
///
/// Letters: V_s, V_t source and target vocabularies, E embedding width, H encoder
/// hidden size per direction, D directions (1 or 2). The decoder's hidden size and
/// the context width are both D·H, so the encoder's states, the fixed context and
/// the attention context all have the same width, and dot attention works.
public struct Seq2SeqConfiguration: Sendable, Equatable {
    public var sourceVocabularySize: Int
    public var targetVocabularySize: Int
    /// E, for both the source and the target embedding.
    public var embeddingSize: Int
    /// H, the encoder's hidden size per direction.
    public var hiddenSize: Int
    /// `.gru` or `.lstm` (a simple RNN works too), for the encoder and the decoder.
    public var cell: CellKind
    public var bidirectional: Bool
    /// A one-way encoder that reads the source right to left (Keras `go_backwards`;
    /// Sutskever et al. 2014 fed the source reversed). Its states stay in source
    /// order: state s has read x_s and everything after it. Ignored when bidirectional.
    public var readsBackwards: Bool
    public var bridge: Seq2SeqBridge
    /// false: the baseline of Cho et al. (2014)/Sutskever et al. (2014) — one fixed
    /// context C, the encoder's final state(s) (B, D·H), fed at every step.
    public var useAttention: Bool
    public var score: AttentionScore
    /// A, the additive score's hidden width; D·H when nil.
    public var attentionSize: Int?

    public init(sourceVocabularySize: Int, targetVocabularySize: Int, embeddingSize: Int = 32,
                hiddenSize: Int = 64, cell: CellKind = .gru, bidirectional: Bool = false, readsBackwards: Bool = false,
                bridge: Seq2SeqBridge = .lastState, useAttention: Bool = true,
                score: AttentionScore = .additive, attentionSize: Int? = nil) {
        self.sourceVocabularySize = sourceVocabularySize
        self.targetVocabularySize = targetVocabularySize
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        self.cell = cell
        self.bidirectional = bidirectional
        self.readsBackwards = readsBackwards && !bidirectional
        self.bridge = bridge
        self.useAttention = useAttention
        self.score = score
        self.attentionSize = attentionSize
    }

    /// D, the encoder's directions.
    public var directions: Int { bidirectional ? 2 : 1 }
    /// D·H: the width of the encoder's states, of the context and of the decoder's state.
    public var contextSize: Int { directions * hiddenSize }
}
