/// A recurrent language model over V tokens (characters): embedding (V, E) →
/// recurrent layer (E → H) → linear head (H → V), the logits of the next token
/// at every step. The recurrent layer is the engine's `RecurrentLayer` as is;
/// its initial state comes in and its final state goes out, which is all that
/// sampling and stateful training need.
///
/// State-dict names: `embedding.weight`, the recurrent layer's own
/// (`recurrent.weight_ih_l0`, …), `head.weight`, `head.bias`.
public final class CharLanguageModel: Module {
    public let embedding: Embedding
    public let recurrent: RecurrentLayer
    public let head: Linear

    public init(vocabularySize: Int, embeddingSize: Int, hiddenSize: Int, kind: CellKind = .lstm,
                layers: Int = 1, rng: inout SplitMix64, dtype: DType = .float32) {
        embedding = Embedding(vocabularySize, embeddingSize, rng: &rng, dtype: dtype)
        recurrent = RecurrentLayer(kind, inputSize: embeddingSize, hiddenSize: hiddenSize,
                                   options: .init(layers: layers), rng: &rng, dtype: dtype)
        head = Linear(hiddenSize, vocabularySize, rng: &rng, dtype: dtype)
    }

    public var vocabularySize: Int { embedding.vocabularySize }

    public var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("embedding", embedding) + prefixed("recurrent", recurrent) + prefixed("head", head)
    }

    /// Token ids (B·T, batch-major) → logits (B, T, V) and the final state.
    /// - Parameter state: where the layer starts; zeros when nil. Its tensors are
    ///   constants here: no gradient flows back into whatever produced them.
    public func callAsFunction(_ ids: [Int], batch: Int, steps: Int, state: CarriedState? = nil)
        -> (logits: Variable, final: RecurrentOutput) {
        precondition(ids.count == batch * steps, "\(ids.count) ids for batch \(batch) × steps \(steps)")
        let x = embedding(ids, shape: [batch, steps])
        let out = recurrent(x, initialHidden: state.map { Variable($0.hidden) },
                            initialCell: state?.cell.map { Variable($0) })
        return (head(out.output), out)
    }
}

/// A recurrent layer's state as plain values, cut from the tape that made it:
/// hidden (L·D, B, H) and, for the LSTM, cell (L·D, B, H).
public struct CarriedState: Sendable, Equatable {
    public var hidden: Tensor
    public var cell: Tensor?

    public init(hidden: Tensor, cell: Tensor? = nil) {
        self.hidden = hidden
        self.cell = cell
    }

    /// The final state of a pass, detached: the values only, no gradient path.
    public init(detaching output: RecurrentOutput) {
        hidden = output.finalHidden.value
        cell = output.finalCell?.value
    }
}
