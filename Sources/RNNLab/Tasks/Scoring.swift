import Foundation
import RNNEngine

/// The metrics of each task kind, accumulated over batches so a split scores
/// the same however it is cut.
enum Scoring {
    static func score(_ outputs: [Tensor], on batches: [SequenceBatch], info: TaskInfo) -> [Metric] {
        precondition(outputs.count == batches.count, "\(outputs.count) outputs for \(batches.count) batches")
        switch info.kind {
        case .regression: return regression(outputs, batches, info)
        default: return classes(outputs, batches, info)
        }
    }

    /// MSE, RMSE and MAE in the original units, plus the solved fraction when the task has a threshold.
    private static func regression(_ outputs: [Tensor], _ batches: [SequenceBatch], _ info: TaskInfo) -> [Metric] {
        var squared = 0.0, absolute = 0.0, values = 0, rows = 0, solved = 0
        for (out, batch) in zip(outputs, batches) {
            let o = info.outputSize
            precondition(out.shape == [batch.batchSize, o], "regression outputs \(out.shape), expected [\(batch.batchSize), \(o)]")
            let p = out.scalars, y = batch.targetValues!.scalars
            for r in 0..<batch.batchSize where batch.targetMask[r] {
                var worst = 0.0
                for k in 0..<o {
                    let e = (Double(p[r * o + k]) - Double(y[r * o + k])) * info.targetScale
                    squared += e * e
                    absolute += abs(e)
                    worst = max(worst, abs(e))
                    values += 1
                }
                rows += 1
                if let t = info.solvedThreshold, worst < t { solved += 1 }
            }
        }
        let n = Double(max(values, 1))
        var metrics = [Metric("MSE", squared / n, lowerIsBetter: true),
                       Metric("RMSE", (squared / n).squareRoot(), lowerIsBetter: true),
                       Metric("MAE", absolute / n, lowerIsBetter: true)]
        if info.solvedThreshold != nil {
            metrics.append(Metric("solved", Double(solved) / Double(max(rows, 1)), lowerIsBetter: false))
        }
        return metrics
    }

    /// Accuracy and cross-entropy over counted rows; bits per symbol and exact match when asked.
    private static func classes(_ outputs: [Tensor], _ batches: [SequenceBatch], _ info: TaskInfo) -> [Metric] {
        var loss = 0.0, correct = 0, counted = 0, sequences = 0, exact = 0
        let c = info.outputSize
        for (out, batch) in zip(outputs, batches) {
            let targets = batch.targetClasses!
            precondition(out.count == targets.count * c && out.shape.last == c,
                         "logits \(out.shape) do not match \(targets.count) targets of \(c) classes")
            let logits = out.scalars
            let perRow = targets.count / max(batch.batchSize, 1)
            for b in 0..<batch.batchSize {
                var allRight = true, any = false
                for s in 0..<perRow {
                    let r = b * perRow + s
                    guard batch.targetMask[r] else { continue }
                    let row = logits[(r * c)..<(r * c + c)]
                    var best = row.startIndex
                    var top = -Double.infinity
                    for i in row.indices where Double(row[i]) > top { top = Double(row[i]); best = i }
                    var sum = 0.0
                    for v in row { sum += exp(Double(v) - top) }
                    loss += top + log(sum) - Double(row[row.startIndex + targets[r]])
                    let right = best - row.startIndex == targets[r]
                    if right { correct += 1 } else { allRight = false }
                    counted += 1
                    any = true
                }
                if any { sequences += 1; if allRight { exact += 1 } }
            }
        }
        let n = Double(max(counted, 1))
        var metrics = [Metric("accuracy", Double(correct) / n, lowerIsBetter: false),
                       Metric("cross-entropy", loss / n, lowerIsBetter: true)]
        if info.reportsBits { metrics.append(Metric("bits/char", loss / n / log(2.0), lowerIsBetter: true)) }
        if info.kind == .seq2seq || info.reportsExactMatch {
            metrics.append(Metric("exact match", Double(exact) / Double(max(sequences, 1)), lowerIsBetter: false))
        }
        return metrics
    }
}
