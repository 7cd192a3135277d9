/// Binary cross entropy on logits, as PyTorch's `BCEWithLogitsLoss()`: the mean of
///   max(x, 0) − x·y + log(1 + e^−|x|)
/// which equals −[y log σ(x) + (1 − y) log(1 − σ(x))] without overflowing for
/// large |x|. Its gradient is (σ(x) − y) / N.
public func binaryCrossEntropyWithLogits(_ logits: Variable, _ targets: Tensor) -> Variable {
    precondition(logits.shape == targets.shape, "BCE of \(logits.shape) against \(targets.shape)")
    let x = logits.value.doubles
    let y = targets.doubles
    var total = 0.0
    for i in x.indices {
        total += max(x[i], 0) - x[i] * y[i] + Foundation.log1p(Foundation.exp(-abs(x[i])))
    }
    let n = Double(max(x.count, 1))
    let dtype = logits.dtype
    let shape = logits.shape
    return Variable(.scalar(total / n, dtype: dtype), parents: [logits]) { g in
        let p = logits.value.map(Sigmoid()).doubles
        let scale = g.item / n
        logits.accumulate(Tensor(shape: shape, doubles: zip(p, y).map { ($0 - $1) * scale }, dtype: dtype))
    }
}

import Foundation
