/// A recursive neural network (Socher et al. 2011) with a classifier on top:
/// leaves read an embedding, branches compose their children with
/// h = tanh(W [h_left; h_right] + b), and logits = W_o h + b_o classify the
/// root (a sentence) or every node (every phrase).
///
/// The embedding dimension equals the hidden size H, so a leaf's vector is its
/// state and a branch reads leaves and branches alike. Parameters, in state-dict
/// order: `embedding.weight` (V, H), `composition.weight` (H, 2H) and
/// `composition.bias` (H) laid out as `nn.Linear(2H, H)`, `readout.weight` (C, H)
/// and `readout.bias` (C).
public final class TreeNet: Module {
    public let embedding: Embedding
    public let weight: Variable
    public let bias: Variable
    public let readout: Linear

    /// Embedding N(0, 1) as `nn.Embedding`; composition and readout uniform in
    /// ±1/√fan-in as `nn.Linear`.
    public init(vocabularySize: Int, hiddenSize: Int, classes: Int, rng: inout SplitMix64, dtype: DType = .float32) {
        precondition(vocabularySize > 0 && hiddenSize > 0 && classes > 0,
                     "tree net needs positive sizes, got V \(vocabularySize), H \(hiddenSize), C \(classes)")
        embedding = Embedding(vocabularySize, hiddenSize, rng: &rng, dtype: dtype)
        let composition = Linear(2 * hiddenSize, hiddenSize, rng: &rng, dtype: dtype)
        weight = composition.weight
        bias = composition.bias!
        readout = Linear(hiddenSize, classes, rng: &rng, dtype: dtype)
    }

    public var hiddenSize: Int { embedding.dimension }
    public var vocabularySize: Int { embedding.vocabularySize }
    public var classes: Int { readout.outputSize }

    public var namedParameters: [(name: String, parameter: Variable)] {
        prefixed("embedding", embedding)
            + [("composition.weight", weight), ("composition.bias", bias)]
            + prefixed("readout", readout)
    }

    /// Every node's state: (N, H), rows as laid out by `batch`.
    public func states(_ batch: TreeBatch) -> Variable {
        treeComposition(batch, embedding: embedding.weight, weight: weight, bias: bias)
    }

    /// The logits of each tree's root: (B, C).
    public func rootLogits(_ batch: TreeBatch, states: Variable) -> Variable {
        readout(states.gather(batch.rootRows, shape: [batch.rootRows.count]))
    }

    /// The logits of every node: (N, C).
    public func nodeLogits(states: Variable) -> Variable {
        readout(states)
    }
}
