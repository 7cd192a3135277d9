import RNNLab
import TerminalUI

/// Validation samples, predicted against target. A sample of one value is
/// one row; a sequence is two rows (`pred` over `target`), each predicted
/// symbol green when right and red when wrong.
struct PredictionsPanel: DashboardPanel {
    let id = PanelKind.predictions
    let placement = PanelPlacement.footer

    func title(_ context: PanelContext) -> String { "predictions on validation sequences" }

    /// At least five rows; the heading and every sample's rows if there is room.
    func rows(_ context: PanelContext) -> PanelRows {
        PanelRows(minimum: 5, preferred: 1 + max(1, context.run.samples.reduce(0) { $0 + sampleRows($1) }))
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        let samples = context.run.samples
        drawHeading(title(context), in: area, buffer: &buffer)
        guard !samples.isEmpty else {
            buffer.write("shown at the first evaluation", in: area.row(1), alignment: .left, style: LabTheme.dim)
            return
        }
        var y = area.y + 1
        for sample in samples where y < area.maxY {
            guard let (predicted, target) = splitSample(sample) else {
                buffer.write(sample, in: Rect(x: area.x, y: y, width: area.width, height: 1), alignment: .left)
                y += 1
                continue
            }
            if predicted.count <= 1 && target.count <= 1 {
                let right = predicted == target
                buffer.write([Span("pred ", style: LabTheme.dim), Span(predicted.joined(), style: right ? LabTheme.goodDim : LabTheme.error),
                              Span("  target ", style: LabTheme.dim), Span(target.joined())],
                             x: area.x, y: y, maxWidth: area.width)
                y += 1
                continue
            }
            guard y + 1 < area.maxY else { break }
            var spans = [Span("pred   ", style: LabTheme.dim)]
            for (i, token) in predicted.enumerated() {
                let right = i < target.count && target[i] == token
                spans.append(Span(token + " ", style: right ? LabTheme.goodDim : LabTheme.error))
            }
            buffer.write(spans, x: area.x, y: y, maxWidth: area.width)
            buffer.write([Span("target ", style: LabTheme.dim), Span(target.joined(separator: " "))], x: area.x, y: y + 1, maxWidth: area.width)
            y += 2
        }
    }
}

/// Rows a sample takes in the predictions panel.
func sampleRows(_ sample: String) -> Int {
    guard let (p, t) = splitSample(sample) else { return 1 }
    return p.count <= 1 && t.count <= 1 ? 1 : 2
}

/// The predicted and target tokens of a "predicted … target …" line.
func splitSample(_ line: String) -> (predicted: [String], target: [String])? {
    guard line.hasPrefix("predicted "), let r = line.range(of: " target ") else { return nil }
    let predicted = line[line.index(line.startIndex, offsetBy: 10)..<r.lowerBound]
    let target = line[r.upperBound...]
    return (predicted.split(separator: " ").map(String.init), target.split(separator: " ").map(String.init))
}
