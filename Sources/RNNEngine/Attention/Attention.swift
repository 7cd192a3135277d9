/// How a query is scored against each key (Luong et al. 2015 §3.1; Bahdanau et al. 2015).
///
/// q is the query (B, Hq) — the decoder state — and k_s the key of source step s (B, S, Hk),
/// an encoder state. The score e_s is turned into weights by a softmax over s.
public enum AttentionScore: String, Sendable, CaseIterable, Codable {
    /// e_s = q · k_s (Luong "dot"); needs Hq = Hk.
    case dot
    /// e_s = q · k_s / √Hk (Vaswani et al. 2017); needs Hq = Hk.
    case scaledDot
    /// e_s = qᵀ W_a k_s (Luong "general", bilinear); W_a is (Hq, Hk).
    case general
    /// e_s = vᵀ tanh(W_s q + W_h k_s) (Bahdanau "concat"/additive); W_s (A, Hq), W_h (A, Hk), v (1, A).
    case additive
}

/// The encoder side of attention, prepared once per source batch and reused at
/// every decoder step: the keys, their projection W_h k_s for additive scores
/// (which does not depend on the query), and the padding mask.
public struct AttentionMemory {
    /// (B, S, Hk): the encoder states; the context is their weighted sum.
    public var keys: Variable
    /// (B, S, A): W_h k_s for additive scores, nil for the others.
    public var projectedKeys: Variable?
    /// B·S flags, batch-major (b·S + s); false marks a padded source step. nil: none.
    public var mask: [Bool]?

    public var batch: Int { keys.shape[0] }
    public var steps: Int { keys.shape[1] }

    /// The memory of the given batch rows, in that order (rows may repeat), cut off
    /// from the tape: for decoding, where beam search runs several hypotheses of one
    /// source side by side.
    public func rows(_ indices: [Int]) -> AttentionMemory {
        func pick(_ t: Tensor) -> Tensor {
            let rest = Array(t.shape.dropFirst())
            return t.reshaped([t.shape[0], -1]).gatherRows(indices).reshaped([indices.count] + rest)
        }
        let S = steps
        return AttentionMemory(keys: Variable(pick(keys.value)),
                               projectedKeys: projectedKeys.map { Variable(pick($0.value)) },
                               mask: mask.map { m in indices.flatMap { m[($0 * S)..<($0 * S + S)] } })
    }
}

/// Attention over a sequence of encoder states, as a module.
///
/// `callAsFunction(query:keys:mask:)` takes the query (B, Hq), the keys (B, S, Hk) and
/// optional B·S padding flags, and returns the context Σ_s α_s k_s (B, Hk) and the
/// weights α (B, S), which are 0 exactly at padded steps. The weights are the probe
/// a lesson draws.
///
/// Parameters, as `nn.Linear(…, bias=False)` weights in a PyTorch state dict:
///   general:  `W_a.weight` (Hq, Hk)
///   additive: `W_s.weight` (A, Hq), `W_h.weight` (A, Hk), `v.weight` (1, A)
///   dot, scaledDot: none.
/// No biases: Bahdanau's e = vᵀ tanh(W s + U h) has none.
public final class Attention: Module {
    public let score: AttentionScore
    public let querySize: Int
    public let keySize: Int
    /// general: W_a, stored as a Linear(Hk → Hq) so that W_a k_s is `W_a(k)`.
    public let bilinear: Linear?
    /// additive: W_s (query side), W_h (key side) and v.
    public let queryProjection: Linear?
    public let keyProjection: Linear?
    public let vector: Linear?

    /// - Parameters:
    ///   - attentionSize: A, the width of the additive score's hidden layer (ignored otherwise).
    public init(_ score: AttentionScore, querySize: Int, keySize: Int, attentionSize: Int? = nil,
                rng: inout SplitMix64, dtype: DType = .float32) {
        precondition(score == .general || score == .additive || querySize == keySize,
                     "\(score) attention needs equal query and key sizes, got \(querySize) and \(keySize)")
        self.score = score
        self.querySize = querySize
        self.keySize = keySize
        let A = attentionSize ?? querySize
        bilinear = score == .general ? Linear(keySize, querySize, bias: false, rng: &rng, dtype: dtype) : nil
        let additive = score == .additive
        queryProjection = additive ? Linear(querySize, A, bias: false, rng: &rng, dtype: dtype) : nil
        keyProjection = additive ? Linear(keySize, A, bias: false, rng: &rng, dtype: dtype) : nil
        vector = additive ? Linear(A, 1, bias: false, rng: &rng, dtype: dtype) : nil
    }

    public var namedParameters: [(name: String, parameter: Variable)] {
        var p: [(name: String, parameter: Variable)] = []
        if let bilinear { p += prefixed("W_a", bilinear) }
        if let queryProjection, let keyProjection, let vector {
            p += prefixed("W_s", queryProjection) + prefixed("W_h", keyProjection) + prefixed("v", vector)
        }
        return p
    }

    /// Prepares keys (B, S, Hk) and B·S mask flags for repeated queries.
    public func memory(keys: Variable, mask: [Bool]? = nil) -> AttentionMemory {
        precondition(keys.rank == 3 && keys.shape[2] == keySize, "attention keys \(keys.shape), expected (B, S, \(keySize))")
        precondition(mask == nil || mask!.count == keys.shape[0] * keys.shape[1],
                     "mask has \(mask!.count) flags for B·S = \(keys.shape[0] * keys.shape[1])")
        return AttentionMemory(keys: keys, projectedKeys: keyProjection.map { $0(keys) }, mask: mask)
    }

    /// (context (B, Hk), weights (B, S)) for query (B, Hq), keys (B, S, Hk), mask B·S flags.
    public func callAsFunction(query: Variable, keys: Variable, mask: [Bool]? = nil)
        -> (context: Variable, weights: Variable) {
        self(query: query, memory: memory(keys: keys, mask: mask))
    }

    /// (context (B, Hk), weights (B, S)) for query (B, Hq) against a prepared memory.
    public func callAsFunction(query: Variable, memory: AttentionMemory) -> (context: Variable, weights: Variable) {
        let weights = scores(query: query, memory: memory).maskedSoftmax(mask: memory.mask)
        let (B, S) = (memory.batch, memory.steps)
        // Σ_s α_s k_s: (B, 1, S) · (B, S, Hk) → (B, 1, Hk).
        let context = weights.reshaped([B, 1, S]).bmm(memory.keys).reshaped([B, keySize])
        return (context, weights)
    }

    /// The unnormalised scores e (B, S).
    public func scores(query q: Variable, memory: AttentionMemory) -> Variable {
        let (B, S) = (memory.batch, memory.steps)
        precondition(q.shape == [B, querySize], "attention query \(q.shape), expected \([B, querySize])")
        /// k_s · u for a per-row vector u (B, Hk): (B, S, Hk) · (B, Hk, 1) → (B, S).
        func dotWithKeys(_ u: Variable) -> Variable {
            memory.keys.bmm(u.reshaped([B, keySize, 1])).reshaped([B, S])
        }
        switch score {
        case .dot:
            return dotWithKeys(q)
        case .scaledDot:
            return dotWithKeys(q) * (1 / Double(keySize).squareRoot())
        case .general:
            // qᵀ W_a k_s = (qᵀ W_a) · k_s: one (B, Hq)·(Hq, Hk) product, then dots.
            return dotWithKeys(q.matmul(bilinear!.weight))
        case .additive:
            // vᵀ tanh(W_h k_s + W_s q), fused into one node (see `additiveScores`).
            return additiveScores(projectedKeys: memory.projectedKeys!, projectedQuery: queryProjection!(q),
                                  vector: vector!.weight)
        }
    }
}
