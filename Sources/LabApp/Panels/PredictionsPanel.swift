import LabText
import RNNLab
import TerminalUI

/// Validation samples, predicted against target. A sample of one value is
/// one row; a sequence is two rows (`pred` over `target`), each predicted
/// symbol green when right and red when wrong; a seq2seq sample has its
/// source above them.
struct PredictionsPanel: DashboardPanel {
    let id = PanelKind.predictions
    let placement = PanelPlacement.footer

    func title(_ context: PanelContext) -> String { context.text(.predictionsTitle) }

    /// At least five rows; the heading and every sample's rows if there is room.
    func rows(_ context: PanelContext) -> PanelRows {
        PanelRows(minimum: 5, preferred: 1 + max(1, context.run.samples.reduce(0) { $0 + sampleRows($1) }))
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let samples = context.run.samples
        drawHeading(title(context), in: area, buffer: &buffer)
        guard !samples.isEmpty else {
            buffer.write(context.text(.shownAtFirstEvaluation), in: area.row(1), alignment: .left, style: LabTheme.dim)
            return
        }
        // The row labels line up by display width, whatever their language.
        let hasSource = samples.contains { !$0.source.isEmpty }
        let labelWidth = max(context.text(.predicted).displayWidth, context.text(.target).displayWidth,
                             hasSource ? context.text(.source).displayWidth : 0) + 1
        let (predLabel, targetLabel) = (context.text(.predicted).padded(toColumns: labelWidth),
                                        context.text(.target).padded(toColumns: labelWidth))
        let sourceLabel = context.text(.source).padded(toColumns: labelWidth)
        var y = area.y + 1
        for sample in samples where y < area.maxY {
            let (predicted, target) = (sample.predicted.map { sampleText($0, context.language) }, sample.target.map { sampleText($0, context.language) })
            // Right or wrong as the task judges it (for values, within its tolerance), never by text.
            func style(_ i: Int) -> Style {
                switch i < sample.correct.count ? sample.correct[i] : false {
                case true?: return LabTheme.goodDim
                case false?: return LabTheme.error
                case nil: return .plain
                }
            }
            if sampleRows(sample) == 1 {
                buffer.write([Span(context.text(.predicted) + " ", style: LabTheme.dim), Span(predicted.joined(), style: style(0)),
                              Span("  " + context.text(.target) + " ", style: LabTheme.dim), Span(target.joined())],
                             x: area.x, y: y, maxWidth: area.width)
                y += 1
                continue
            }
            guard y + sampleRows(sample) - 1 < area.maxY else { break }
            if !sample.source.isEmpty {
                buffer.write([Span(sourceLabel, style: LabTheme.dim), Span(sample.source.map { sampleText($0, context.language) }.joined(separator: " "), style: LabTheme.dim)],
                             x: area.x, y: y, maxWidth: area.width)
                y += 1
            }
            var spans = [Span(predLabel, style: LabTheme.dim)]
            for (i, token) in predicted.enumerated() { spans.append(Span(token + " ", style: style(i))) }
            buffer.write(spans, x: area.x, y: y, maxWidth: area.width)
            buffer.write([Span(targetLabel, style: LabTheme.dim), Span(target.joined(separator: " "))], x: area.x, y: y + 1, maxWidth: area.width)
            y += 2
        }
    }
}

/// Rows a sample takes in the predictions panel: one for a single value, two
/// (`pred` over `target`) for a sequence, three with the source of a seq2seq one.
func sampleRows(_ sample: SampleRow) -> Int {
    sample.predicted.count <= 1 && sample.target.count <= 1 && sample.source.isEmpty ? 1 : (sample.source.isEmpty ? 2 : 3)
}

/// A symbol as it is; a class name in `language`; a number to three decimals.
func sampleText(_ item: SampleItem, _ language: Language) -> String {
    switch item {
    case .symbol(let s): return s
    case .word(let w): return language.render(w)
    case .number(let v): return PanelNumbers.sample(v)
    }
}

extension PredictionsPanel {
    /// Rows are the samples drawn, columns the steps of a sequence (a
    /// single-value sample has one); the cursor covers the predicted symbol and
    /// the target under it, and reads both.
    func inspection(_ context: PanelContext, in area: Rect) -> Inspection? {
        let places = predictionPlaces(context, in: area)
        guard !places.isEmpty else { return nil }
        let title = self.title(context)
        func clamped(_ r: Int, _ c: Int) -> (PredictionPlace, Int) {
            let place = places[r]
            return (place, min(c, max(0, max(place.predicted.count, place.target.count) - 1)))
        }
        return Inspection(rows: places.count, columns: places.map { max($0.predicted.count, $0.target.count, 1) }.max() ?? 1,
                          start: (0, 0),
                          cells: { r, c in
                              let (place, c) = clamped(r, c)
                              var cells: [(x: Int, y: Int)] = []
                              if c < place.predicted.count {
                                  cells += place.predicted[c].map { (x: $0, y: place.predictedY) }
                              }
                              if c < place.target.count {
                                  cells += place.target[c].map { (x: $0, y: place.targetY) }
                              }
                              return cells.filter { area.contains(x: $0.x, y: $0.y) }
                          },
                          readout: { r, c in
                              let (place, c) = clamped(r, c)
                              let sample = context.run.samples[place.sample]
                              let predicted = c < sample.predicted.count ? sampleText(sample.predicted[c], context.language) : "–"
                              let target = c < sample.target.count ? sampleText(sample.target[c], context.language) : "–"
                              if place.single {
                                  return context.language(.explore(.inspectPredictionValue), [
                                      "panel": .text(title), "sample": .integer(place.sample), "predicted": .text(predicted), "target": .text(target)])
                              }
                              return context.language(.explore(.inspectPrediction), [
                                  "panel": .text(title), "sample": .integer(place.sample), "t": .integer(c),
                                  "predicted": .text(predicted), "target": .text(target)])
                          })
    }

    /// Where ``draw(_:in:buffer:)`` puts each sample it has room for: the rows
    /// of its prediction and target, and the screen columns of each symbol.
    func predictionPlaces(_ context: PanelContext, in area: Rect) -> [PredictionPlace] {
        let samples = context.run.samples
        guard !samples.isEmpty, !area.isEmpty else { return [] }
        let hasSource = samples.contains { !$0.source.isEmpty }
        let labelWidth = max(context.text(.predicted).displayWidth, context.text(.target).displayWidth,
                             hasSource ? context.text(.source).displayWidth : 0) + 1
        /// The columns of each text laid end to end from `x`, `gap` apart.
        func columns(_ texts: [String], from x: Int, gap: Int) -> [Range<Int>] {
            var x = x
            return texts.map { text in
                defer { x += text.displayWidth + gap }
                return x..<(x + text.displayWidth)
            }
        }
        var places: [PredictionPlace] = []
        var y = area.y + 1
        for (i, sample) in samples.enumerated() where y < area.maxY {
            let (predicted, target) = (sample.predicted.map { sampleText($0, context.language) }, sample.target.map { sampleText($0, context.language) })
            if sampleRows(sample) == 1 {
                let px = area.x + context.text(.predicted).displayWidth + 1
                let joined = predicted.joined()
                let tx = px + joined.displayWidth + 2 + context.text(.target).displayWidth + 1
                places.append(PredictionPlace(sample: i, single: true, predictedY: y, targetY: y,
                                              predicted: [px..<(px + joined.displayWidth)],
                                              target: [tx..<(tx + target.joined().displayWidth)]))
                y += 1
                continue
            }
            guard y + sampleRows(sample) - 1 < area.maxY else { break }
            if !sample.source.isEmpty { y += 1 }
            places.append(PredictionPlace(sample: i, single: false, predictedY: y, targetY: y + 1,
                                          predicted: columns(predicted, from: area.x + labelWidth, gap: 1),
                                          target: columns(target, from: area.x + labelWidth, gap: 1)))
            y += 2
        }
        return places
    }
}

/// One sample as the predictions panel draws it (``PredictionsPanel/predictionPlaces(_:in:)``).
struct PredictionPlace {
    /// Its index in the run's samples.
    var sample: Int
    /// A single value on one row (`pred … target …`), not a sequence over two.
    var single: Bool
    var predictedY: Int, targetY: Int
    /// The screen columns of each predicted and each target symbol.
    var predicted: [Range<Int>], target: [Range<Int>]
}
