/// Softmax cross entropy over class indices, as PyTorch's `CrossEntropyLoss()`:
/// the mean over counted rows of −log softmax(logits)[target].
///
/// - Parameters:
///   - logits: (N, C), or (B, T, C) for a sequence, which is read as (B·T, C).
///   - targets: one class index per row, in 0..<C.
///   - mask: optional, one flag per row; rows with `false` (padding) neither add to
///     the loss nor count in the mean, and receive no gradient.
/// The gradient of a counted row is (softmax(logits) − onehot(target)) / count.
public func crossEntropy(_ logits: Variable, targets: [Int], mask: [Bool]? = nil) -> Variable {
    let classes = logits.shape.last ?? 0
    let rows = classes > 0 ? logits.value.count / classes : 0
    precondition(targets.count == rows, "\(targets.count) targets for \(rows) rows of logits \(logits.shape)")
    precondition(mask == nil || mask!.count == rows, "mask has \(mask!.count) flags for \(rows) rows")
    let logp = logits.value.reshaped([rows, classes]).logSoftmaxRows()
    var total = 0.0
    var counted = 0
    for r in 0..<rows where mask?[r] ?? true {
        let t = targets[r]
        precondition(t >= 0 && t < classes, "target class \(t) out of range 0..<\(classes)")
        total -= logp[flat: r * classes + t]
        counted += 1
    }
    let n = Double(max(counted, 1))
    let shape = logits.shape
    return Variable(.scalar(total / n, dtype: logits.dtype), parents: [logits]) { g in
        var d = logp.map(Exp())  // softmax
        let scale = g.item / n
        for r in 0..<rows {
            if mask?[r] ?? true {
                d[flat: r * classes + targets[r]] -= 1
            } else {
                for c in 0..<classes { d[flat: r * classes + c] = 0 }
            }
        }
        logits.accumulate(d.scaled(by: scale).reshaped(shape))
    }
}
