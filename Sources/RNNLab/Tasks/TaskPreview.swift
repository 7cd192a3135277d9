import LabText

/// Plain-text pictures of a task's samples for `rnnlab data show`: decoded
/// text for token data, a block heatmap for images and multi-feature series,
/// a small bar plot for a single series. No terminal needed.
public enum TaskPreview {
    /// Lines describing row `row` of `batch`, their words in `language`.
    public static func render(_ task: any SequenceTask, batch: SequenceBatch, row: Int, width: Int = 72,
                              language: Language = .english) -> [String] {
        var lines: [String] = []
        let t = batch.steps, length = batch.lengths[row], i = batch.inputSize
        if let tokens = batch.inputTokens {
            let ids = Array(tokens[(row * t)..<(row * t + length)])
            lines.append(language(.run(.previewInput), ["tokens": .text(spell(ids, task.inputSymbols))]))
        } else {
            let x = batch.inputs.scalars
            let features = Array(x[(row * t * i)..<(row * t * i + length * i)])
            switch task.preview {
            case .image:
                lines += heatmap(features, rows: length, columns: i, cellWidth: 2)
            default:
                if i == 1 {
                    lines += plot(features.map(Double.init), height: 6, width: width)
                } else {
                    // Features as rows, time as columns.
                    var transposed = [Float](repeating: 0, count: features.count)
                    for s in 0..<length { for f in 0..<i { transposed[f * length + s] = features[s * i + f] } }
                    lines += heatmap(transposed, rows: i, columns: length, cellWidth: 1)
                }
            }
            lines.append(language(.run(.previewSteps), ["steps": .integer(length), "features": .integer(i)]))
        }
        lines.append(language(.run(.previewTarget), ["target": .phrase(target(task, batch, row))]))
        return lines
    }

    static func target(_ task: any SequenceTask, _ batch: SequenceBatch, _ row: Int) -> Phrase {
        switch batch.kind {
        case .regression:
            let o = task.outputSize
            let y = batch.targetValues!.scalars[(row * o)..<((row + 1) * o)]
            return Phrase.list(y.map { .verbatim(Metric.format(Double($0) * task.targetScale + task.targetShift, digits: 3)) })
        case .classification:
            let c = batch.targetClasses![row]
            return task.classNames.map { $0[c] } ?? Phrase(.run(.previewClass), ["number": .integer(c)])
        case .perStepClassification, .seq2seq:
            let u = batch.targetClasses!.count / batch.batchSize
            var ids: [Int?] = []
            for s in 0..<u {
                let r = row * u + s
                if batch.kind == .seq2seq && !batch.targetMask[r] { break }
                if batch.kind == .perStepClassification && s >= batch.lengths[row] { break }
                ids.append(batch.targetMask[r] ? batch.targetClasses![r] : nil)
            }
            let tokens = spellOptional(ids, task.outputSymbols)
            return ids.contains(nil) ? Phrase(.run(.previewNotScored), ["tokens": .text(tokens)]) : .verbatim(tokens)
        }
    }

    /// Token ids as text: single-character symbols run together, others in brackets.
    static func spell(_ ids: [Int], _ symbols: [String]?) -> String { spellOptional(ids.map { $0 }, symbols) }

    static func spellOptional(_ ids: [Int?], _ symbols: [String]?) -> String {
        var out = ""
        for id in ids {
            guard let id else { out += "_"; continue }
            let s = symbols.map { id < $0.count ? $0[id] : "?" } ?? String(id)
            switch s {
            case "\n": out += "⏎"
            case "<pad>", "<unk>", "<bos>", "<eos>": out += "⟨" + s.dropFirst().dropLast() + "⟩"
            default: out += s.count == 1 ? s : "[\(s)]"
            }
        }
        return out
    }

    /// A heatmap with five shades, scaled from the smallest to the largest
    /// finite value; a NaN or infinite value is drawn as "?".
    public static func heatmap(_ values: [Float], rows: Int, columns: Int, cellWidth: Int) -> [String] {
        let shades: [Character] = [" ", "░", "▒", "▓", "█"]
        let finite = values.lazy.filter(\.isFinite).map(Double.init)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        return (0..<rows).map { r in
            var line = "│"
            for c in 0..<columns {
                let v = values[r * columns + c]
                let shade = v.isFinite ? shades[level(Double(v), lo: lo, hi: hi, steps: 4)] : "?"
                line += String(repeating: shade, count: cellWidth)
            }
            return line + "│"
        }
    }

    /// Where `value` falls between `lo` and `hi`, as a whole number in 0...steps.
    /// Computed in Double and clamped before the conversion, so no value (huge,
    /// or a span that overflows) reaches `Int(_:)` out of range or non-finite.
    static func level(_ value: Double, lo: Double, hi: Double, steps: Int) -> Int {
        let span = hi / 2 - lo / 2  // halves: finite for any two finite Doubles
        guard value.isFinite, span > 0 else { return 0 }
        let x = ((value / 2 - lo / 2) / span * Double(steps)).rounded()
        guard x.isFinite else { return 0 }
        return Int(min(max(x, 0), Double(steps)))
    }

    /// A bar plot in eighth blocks, `height` rows tall, with its range labelled.
    /// Longer series are averaged down to `width` columns. Non-finite values are
    /// left out of the averages (a column of nothing but them is drawn empty).
    public static func plot(_ values: [Double], height: Int, width: Int) -> [String] {
        guard !values.isEmpty, height > 0, width > 0 else { return [] }
        let columns = min(values.count, width)
        let binned: [Double?] = (0..<columns).map { c in
            let a = c * values.count / columns, b = max((c + 1) * values.count / columns, a + 1)
            let finite = values[a..<b].filter(\.isFinite)
            guard !finite.isEmpty else { return nil }
            // The mean of the bin, scaled down first so a sum of huge values cannot overflow.
            return finite.reduce(0) { $0 + $1 / Double(finite.count) }
        }
        let drawn = binned.compactMap { $0 }
        let lo = drawn.min() ?? 0, hi = drawn.max() ?? 0
        let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let levels = binned.map { $0.map { level($0, lo: lo, hi: hi, steps: height * 8 - 1) + 1 } ?? 0 }
        var lines: [String] = []
        for r in 0..<height {
            let floor = (height - 1 - r) * 8
            let bars = String(levels.map { blocks[min(max($0 - floor, 0), 8)] })
            let label = r == 0 ? Metric.format(hi, digits: 2) : r == height - 1 ? Metric.format(lo, digits: 2) : ""
            lines.append(bars + " " + label)
        }
        return lines
    }
}
