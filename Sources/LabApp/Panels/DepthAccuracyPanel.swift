import LabText
import RNNLab
import TerminalUI

/// Accuracy by nesting depth, this run beside the lesson's side-by-side run (a
/// tree network against a GRU reading the prefix string), on fixed held-out
/// expressions of every depth from 1 to two past the deepest trained or
/// validated. One row per depth with a horizontal bar per run (eighth blocks,
/// `#` without Unicode) and its percentage; a dim rule, when there is room,
/// separates the depths seen in training from the deeper ones. Read from the
/// `accuracy_by_depth` probe (`DepthBucket`) of each run.
struct DepthAccuracyPanel: DashboardPanel {
    let id = PanelKind.accuracyByDepth
    let placement = PanelPlacement.row
    let measurements: Set<String> = [ProbeID.accuracyByDepth.rawValue]

    func title(_ context: PanelContext) -> String { context.text(.depthTitle) }
    func titles(_ context: PanelContext) -> [String] {
        [title(context), context.text(.depthTitleShort), context.text(.depthTitleShortest)]
    }

    /// The heading, the column heads and one row per depth, plus the rule.
    func rows(_ context: PanelContext) -> PanelRows {
        let depths = DepthBucket.buckets(context.run.probes?[.accuracyByDepth]?.grid).count
        return PanelRows(minimum: 3, preferred: depths > 0 ? depths + 3 : 2)
    }

    func draw(_ context: PanelContext, in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let mine = DepthBucket.buckets(context.run.probes?[.accuracyByDepth]?.grid)
        guard !mine.isEmpty else {
            let note: PanelKey = context.run.validationLoss.isEmpty ? .shownAtFirstEvaluation : .depthNone
            return drawPlaceholder(heading(context, width: area.width, unicode: buffer.capabilities.unicode), context.text(note),
                                   in: area, buffer: &buffer)
        }
        let theirs = context.companion.map { DepthBucket.buckets($0.probes?[.accuracyByDepth]?.grid) } ?? []
        drawHeading(heading(context, width: area.width, unicode: buffer.capabilities.unicode), in: area, buffer: &buffer)
        let body = area.inset(top: 1)
        guard body.height > 0 else { return }
        let labelWidth = max(mine.map { String($0.depth).displayWidth }.max() ?? 1, 1) + 1
        let columns = context.companion == nil ? 1 : 2
        let columnWidth = (body.width - labelWidth) / columns
        guard columnWidth > 0 else { return }
        // Column heads: each run named by the settings the comparison is about;
        // in narrow columns by their values alone ("1", "0"), not two cut names alike ("tre", "tre").
        var heads = [armName(context.run, context) ?? context.text(.depthRun)]
            + (context.companion.map { [armName($0, context) ?? context.text(.depthCompanion)] } ?? [])
        if heads.contains(where: { $0.displayWidth > columnWidth - 1 }), let values = armValues(context) { heads = values }
        for (i, head) in heads.enumerated() {
            buffer.write(head, x: body.x + labelWidth + i * columnWidth, y: body.y,
                         style: Style(foreground: i == 0 ? LabTheme.validationColor : LabTheme.trainColor, attributes: .bold),
                         maxWidth: columnWidth - 1)
        }
        let trained = context.run.settings["depth"]?.number.map { Int($0) }
        let rule = trained.map { t in mine.contains { $0.depth > t } && mine.contains { $0.depth <= t } } ?? false
            && body.height >= mine.count + 2
        var y = body.y + 1
        for bucket in mine where y < body.maxY {
            if rule, let t = trained, bucket.depth == t + 1 {
                let rules = [PanelKey.depthTrained, .depthTrainedShort, .depthTrainedShortest].map { context.text($0, ["depth": .integer(t)]) }
                buffer.write(fittingTitle(rules, width: body.width, unicode: buffer.capabilities.unicode),
                             in: Rect(x: body.x, y: y, width: body.width, height: 1), alignment: .left, style: LabTheme.dim)
                y += 1
                guard y < body.maxY else { break }
            }
            buffer.write(String(bucket.depth), x: body.x, y: y, style: LabTheme.dim, maxWidth: labelWidth)
            let other = theirs.first { $0.depth == bucket.depth }
            for (i, b) in [bucket, other].prefix(columns).enumerated() {
                guard let b, b.counted > 0 else { continue }
                drawAccuracyBar(b.accuracy, x: body.x + labelWidth + i * columnWidth, y: y, width: columnWidth - 1,
                                color: i == 0 ? LabTheme.validationColor : LabTheme.trainColor, buffer: &buffer)
            }
            y += 1
        }
    }

    /// Each run's values of the lesson's comparison settings ("1", "0"); nil without a comparison.
    private func armValues(_ context: PanelContext) -> [String]? {
        guard let keys = context.lesson.compare?.keys.sorted(), !keys.isEmpty else { return nil }
        return ([context.run] + [context.companion].compactMap { $0 }).map { run in
            keys.map { run.settings[$0]?.description ?? "?" }.joined(separator: " ")
        }
    }

    /// A run named by the lesson's comparison settings and its values: "tree 1"; nil without a comparison.
    private func armName(_ run: RunState, _ context: PanelContext) -> String? {
        guard let keys = context.lesson.compare?.keys.sorted(), !keys.isEmpty else { return nil }
        return keys.map { context.text(.compareArmSetting, ["name": .text($0), "value": .text(run.settings[$0]?.description ?? "?")]) }
            .joined(separator: " ")
    }
}

/// `value` (0…1) as a horizontal bar in eighths with its percentage after it, in `width` columns.
func drawAccuracyBar(_ value: Double, x: Int, y: Int, width: Int, color: Color, buffer: inout Buffer) {
    let percent = NumberFormat.percent(value, decimals: 0)
    let barWidth = width - percent.displayWidth - 1
    guard barWidth > 0 else {
        // No room for a bar: the percentage alone, without its sign if need be ("100"),
        // never a cut number ("10" for 100%).
        let bare = String(Int((min(max(value, 0), 1) * 100).rounded()))
        if let shown = [percent, bare].first(where: { $0.displayWidth <= width }) { buffer.write(shown, x: x, y: y, style: LabTheme.dim) }
        return
    }
    let eighths = Int((min(max(value, 0), 1) * Double(barWidth * 8)).rounded())
    let unicode = buffer.capabilities.unicodeGlyphs
    let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    var bar = String(repeating: unicode ? "█" : "#", count: eighths / 8)
    if eighths % 8 > 0 { bar.append(unicode ? partial[eighths % 8] : (eighths % 8 >= 4 ? "#" : " ")) }
    let used = buffer.write(bar, x: x, y: y, style: Style(foreground: color), maxWidth: barWidth)
    buffer.write(percent, x: x + max(used, 0) + 1, y: y, style: LabTheme.dim, maxWidth: width - used - 1)
}
