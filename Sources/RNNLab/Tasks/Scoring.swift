import Foundation
import RNNEngine

/// The metrics of each task kind, accumulated over batches so a split scores
/// the same however it is cut.
///
/// A non-finite output (NaN or ±∞) anywhere in the split makes every metric of
/// the split NaN: an undefined answer is neither right nor wrong by some margin,
/// and `CheckCondition` never accepts NaN, so no claim, "above" or "below", is
/// met by a model whose output is undefined (reliability review D3).
enum Scoring {
    static func score(_ outputs: [Tensor], on batches: [SequenceBatch], info: TaskInfo) -> [Metric] {
        precondition(outputs.count == batches.count, "\(outputs.count) outputs for \(batches.count) batches")
        switch info.kind {
        case .regression: return regression(outputs, batches, info)
        default: return classes(outputs, batches, info)
        }
    }

    /// The metrics `score` yields for a task, in order.
    static func kinds(_ info: TaskInfo) -> [MetricKind] {
        switch info.kind {
        case .regression:
            return [.mse, .rmse, .mae] + (info.solvedThreshold != nil ? [.solved] : [])
        default:
            // Seq2seq is scored on greedy decodings given as one-hot rows: a cross
            // entropy of those says nothing, so it is not reported.
            return [.accuracy] + (info.kind == .seq2seq ? [] : [.crossEntropy]) + (info.reportsBits ? [.bitsPerChar] : [])
                + (info.kind == .seq2seq || info.reportsExactMatch ? [.exactMatch] : [])
        }
    }

    /// The values in the order of `kinds`, all NaN when an output was not finite.
    private static func metrics(_ info: TaskInfo, _ values: [MetricID: Double], finite: Bool) -> [Metric] {
        kinds(info).map { Metric($0, finite ? values[$0.id]! : .nan) }
    }

    /// MSE, RMSE and MAE in the original units, plus the solved fraction when the task has a threshold.
    private static func regression(_ outputs: [Tensor], _ batches: [SequenceBatch], _ info: TaskInfo) -> [Metric] {
        var squared = 0.0, absolute = 0.0, values = 0, rows = 0, solved = 0
        var finite = true
        for (out, batch) in zip(outputs, batches) {
            let o = info.outputSize
            precondition(out.shape == [batch.batchSize, o], "regression outputs \(out.shape), expected [\(batch.batchSize), \(o)]")
            let p = out.scalars, y = batch.targetValues!.scalars
            for r in 0..<batch.batchSize where batch.targetMask[r] {
                var worst = 0.0
                for k in 0..<o {
                    if !p[r * o + k].isFinite { finite = false }
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
        return metrics(info, [.mse: squared / n, .rmse: (squared / n).squareRoot(), .mae: absolute / n,
                              .solved: Double(solved) / Double(max(rows, 1))], finite: finite)
    }

    /// Accuracy and cross-entropy over counted rows; bits per symbol and exact match when asked.
    private static func classes(_ outputs: [Tensor], _ batches: [SequenceBatch], _ info: TaskInfo) -> [Metric] {
        var loss = 0.0, correct = 0, counted = 0, sequences = 0, exact = 0
        var finite = true
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
                    if !row.allSatisfy(\.isFinite) { finite = false }
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
        return metrics(info, [.accuracy: Double(correct) / n, .crossEntropy: loss / n, .bitsPerChar: loss / n / log(2.0),
                              .exactMatch: Double(exact) / Double(max(sequences, 1))], finite: finite)
    }
}

extension SequenceTask {
    /// The metrics `score` yields for this task, in order (asked of the scorer
    /// itself, so the list cannot drift from what a run reports).
    public var metricKinds: [MetricKind] { score([], on: []).map(\.kind) }
}
