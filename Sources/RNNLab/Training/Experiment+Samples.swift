import LabText
import RNNEngine

extension Experiment {
    /// The first few validation examples, predicted against target, each
    /// prediction judged by the task's rule.
    func samples(count: Int = 4) -> [SampleRow] {
        guard let batch = validation.first else { return [] }
        model.isTraining = false
        defer { model.isTraining = true }
        let y = model.evaluate(batch, task: task, recordAttention: false).outputs
        return (0..<min(count, batch.batchSize)).map { b in
            switch task.kind {
            case .regression: return regressionSample(y, batch, b)
            case .classification:
                let c = task.outputSize
                let guess = argmax((0..<c).map { y[flat: b * c + $0] })
                let names: [SampleItem] = task.classNames?.map(SampleItem.word) ?? (0..<c).map { .symbol(String($0)) }
                let target = batch.targetClasses![b]
                return SampleRow(predicted: [names[guess]], target: [names[target]], correct: [guess == target])
            case .perStepClassification:
                let (c, steps) = (task.outputSize, batch.steps)
                let symbols = task.outputSymbols ?? (0..<c).map(String.init)
                var row = SampleRow(predicted: [], target: [], correct: [])
                for t in 0..<min(steps, 24) where batch.targetMask[b * steps + t] {
                    let base = (b * steps + t) * c
                    let guess = argmax((0..<c).map { y[flat: base + $0] })
                    let target = batch.targetClasses![b * steps + t]
                    row.predicted.append(.symbol(symbols[guess]))
                    row.target.append(.symbol(symbols[target]))
                    row.correct.append(guess == target)
                }
                return row
            case .seq2seq:
                let (U, V) = (y.shape[1], y.shape[2])
                let symbols = task.outputSymbols ?? (0..<V).map(String.init)
                func tokens(_ ids: [Int]) -> [Int] { ids.prefix { $0 != Vocabulary.end && $0 != Vocabulary.pad }.map { $0 } }
                let predicted = tokens((0..<U).map { u in (0..<V).first { y[b, u, $0] == 1 } ?? 0 })
                let target = tokens((0..<U).map { batch.targetClasses![b * U + $0] })
                func symbol(_ id: Int) -> SampleItem { .symbol(id < symbols.count ? symbols[id] : "?") }
                let sourceSymbols = task.inputSymbols ?? []
                let source: [SampleItem] = batch.inputTokens.map { ids in
                    (0..<batch.lengths[b]).map { t in
                        let id = ids[b * batch.steps + t]
                        return .symbol(id < sourceSymbols.count ? sourceSymbols[id] : String(id))
                    }
                } ?? []
                return SampleRow(predicted: predicted.map(symbol), target: target.map(symbol),
                                 correct: predicted.indices.map { $0 < target.count && predicted[$0] == target[$0] }, source: source)
            }
        }
    }

    /// Outputs and targets in the data's own units; right when the error is under the
    /// task's solved threshold, unjudged when the task has none.
    private func regressionSample(_ y: Tensor, _ batch: SequenceBatch, _ b: Int) -> SampleRow {
        let o = task.outputSize
        let p = (0..<o).map { Double(y[flat: b * o + $0]) * task.targetScale + task.targetShift }
        let t = (0..<o).map { Double(batch.targetValues![flat: b * o + $0]) * task.targetScale + task.targetShift }
        let threshold = task.solvedThreshold
        return SampleRow(predicted: p.map { .number($0) }, target: t.map { .number($0) },
                         correct: zip(p, t).map { pair in threshold.map { abs(pair.0 - pair.1) < $0 } })
    }

    private func argmax(_ row: [Double]) -> Int {
        row.indices.max { row[$0] < row[$1] } ?? 0
    }

    /// The attention weights (U, S) of the first validation example, labelled with
    /// the decoded symbols (rows) and the source symbols (columns).
    func attentionProbe(_ weights: Tensor) -> Probe {
        let shape = weights.shape
        guard shape.count == 2, shape[0] > 0, shape[1] > 0, let first = validation.first else { return .grid(.empty) }
        let symbols = task.outputSymbols ?? []
        let rows = (0..<shape[0]).map { u in
            let token = firstDecoded.count > u ? firstDecoded[u] : Vocabulary.end
            return token < symbols.count ? symbols[token] : String(token)
        }
        let columns = (0..<first.steps).map { t in
            task.inputSymbols.map { $0[first.inputTokens![t]] } ?? String(t)
        }
        return .grid(Grid(rows: shape[0], columns: shape[1], values: Array(weights.doubles.prefix(shape[0] * shape[1])),
                          rowLabels: rows, columnLabels: columns))
    }
}
