import LabText
import RNNLab
import TerminalUI

/// A char LM's samples at three temperatures (`Measurement.sampleTemperatures`),
/// drawn at each evaluation from the current weights with the run's seed, so the
/// live panel shows the very text `rnnlab run` and the `known_words_*` metrics
/// see. Each sample gets a label (τ and, once measured, its share of words found
/// in the training text) and an equal share of the rows, wrapped by character;
/// a newline is shown as a dim ↵. Read from the `text_samples` probe.
struct TextSamplesPanel: DashboardPanel {
    let id = PanelKind.textSamples
    let placement = PanelPlacement.footer
    var measurements: Set<String> {
        Set([ProbeID.textSamples.rawValue] + Measurement.sampleTemperatures.map { "known_words_\($0.suffix)" })
    }

    func title(_ context: PanelContext) -> String { context.text(.textSamplesTitle) }

    /// The heading and two rows per sample, at least one each.
    func rows(_ context: PanelContext) -> PanelRows {
        let shown = TemperatureSample.samples(context.run.probes?[.textSamples]?.grid).count
        return PanelRows(minimum: 4, preferred: 1 + 2 * max(Measurement.sampleTemperatures.count, shown))
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let samples = TemperatureSample.samples(context.run.probes?[.textSamples]?.grid)
        guard !samples.isEmpty else {
            // Before the first evaluation there is nothing yet; after it, no samples means no char LM.
            let note: PanelKey = context.run.validationLoss.isEmpty ? .shownAtFirstEvaluation : .textSamplesNone
            return drawPlaceholder(title(context), context.text(note), in: area, buffer: &buffer)
        }
        drawHeading(title(context), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard body.height > 0 else { return }
        let labels = samples.map { label($0, context) }
        var labelWidth = (labels.map(\.long.displayWidth).max() ?? 0) + 1
        let useLong = body.width - labelWidth >= 24
        if !useLong { labelWidth = (labels.map(\.short.displayWidth).max() ?? 0) + 1 }
        let textWidth = body.width - labelWidth
        let share = max(1, body.height / samples.count)
        for (i, sample) in samples.enumerated() {
            let top = body.y + i * share
            guard top < body.maxY else { break }
            buffer.write(useLong ? labels[i].long : labels[i].short, x: body.x, y: top, style: LabTheme.dim, maxWidth: body.width)
            guard textWidth > 0 else { continue }
            let lines = wrapCharacters(sample.text, width: textWidth, unicode: buffer.capabilities.unicodeGlyphs)
            for (j, line) in lines.prefix(min(share, body.maxY - top)).enumerated() {
                buffer.write(line, x: body.x + labelWidth, y: top + j, maxWidth: textWidth)
            }
        }
    }

    /// "τ 0.5" and, with its metric, "τ 0.5 · 93% words"; the `temperature`
    /// knob's own sample "τ 0.75 knob".
    private func label(_ sample: TemperatureSample, _ context: PanelContext) -> (short: String, long: String) {
        guard Measurement.sampleTemperatures.contains(where: { abs($0.value - sample.temperature) < 1e-9 }) else {
            let own = context.text(.textSamplesLabelOwn, ["temperature": .text(PanelNumbers.setting(sample.temperature))])
            return (own, own)
        }
        let t: TextArgument = .fixed(sample.temperature, decimals: 1)
        let short = context.text(.textSamplesLabel, ["temperature": t])
        guard let suffix = Measurement.sampleTemperatures.first(where: { $0.value == sample.temperature })?.suffix,
              let words = context.run.measurements.first(where: { $0.id.rawValue == "known_words_\(suffix)" }) else { return (short, short) }
        return (short, context.text(.textSamplesLabelWords, ["temperature": t, "words": .percent(words.value, decimals: 0)]))
    }
}

/// `text` cut into lines of `width` characters, each newline shown as a dim-able
/// ↵ (`/` without Unicode) so a sample's line breaks stay visible in one block.
func wrapCharacters(_ text: String, width: Int, unicode: Bool) -> [[Span]] {
    guard width > 0 else { return [] }
    var lines: [[Span]] = [], line: [Span] = [], used = 0
    for ch in text {
        let span = ch == "\n" ? Span(unicode ? "↵" : "/", style: LabTheme.dim) : Span(String(ch))
        let w = span.text.displayWidth
        guard w > 0 else { continue }
        if used + w > width {
            lines.append(line)
            (line, used) = ([], 0)
        }
        line.append(span)
        used += w
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
