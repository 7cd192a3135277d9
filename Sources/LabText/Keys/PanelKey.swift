/// The dashboard's panels: titles, legends, table headings and what a panel
/// says while it has nothing to show.
public enum PanelKey: String, CaseIterable, Sendable {
    /// A panel title with the step its probes were taken at: "hidden h_t: units × t (step 120)".
    case titleAtStep
    /// A probe panel before the trainer's first probes.
    case waitingForProbes
    /// A heatmap panel whose cell has no such state (a simple RNN's cell state).
    case nothingForCell
    /// A panel whose numbers come with the first evaluation.
    case shownAtFirstEvaluation
    case lossTitle
    case trainLoss
    case validationLoss
    case gradientNormsTitle
    /// The gradient-norm curve's legend with the spectral radius of W_hh beside it.
    case gradientNormsLegend
    /// The tree panel: its title, what it says without a tree model, the last row when nodes are left out.
    case treeStatesTitle, treeStatesTitleShort, treeStatesTitleShortest, treeStatesNone, treeStatesMore
    case hiddenTitle
    case cellTitle
    case gatesTitle
    /// The gates panel before the trainer has named the gates.
    case gatesTitleUnnamed
    /// Between gate names in the gates title: "i | f | g | o".
    case gateSeparator
    case parameterGradientsTitle
    case gradientHistoryTitle
    /// The gradient history title with the clipping in force first.
    case gradientHistoryClippedTitle
    case clipNorm
    case clipValue
    case normSeries
    case thresholdSeries
    case clippedSeries
    case metricTitle
    case metricTitleNone
    /// A check's threshold as a reference line: "> 0.9".
    case threshold
    case baseline
    case attentionTitle
    /// The row over the attention heatmap when its symbols do not fit.
    case attentionSourceSteps
    case attentionOff
    case attentionPending
    case predictionsTitle
    /// The row label of a prediction.
    case predicted
    /// The row label of the target.
    case target
    case rtrlTitle
    case rtrlPending
    case rtrlParameter
    case rtrlBPTTNorm
    case rtrlRTRLNorm
    case rtrlDifference
    case rtrlAll
    case rtrlTimes
    case rtrlCounts
    /// The cost blocks' units in the corner of a narrow RTRL panel: "MACs", "ms".
    case rtrlCountsShort, rtrlTimesShort
    /// A column of the timing table: the hidden size "H=16".
    case rtrlSize
    case rtrlRowRTRL
    case rtrlRowBPTT
    /// The fitted growth of the time per step: "~H^3".
    case rtrlGrowth
    case rtrlGrowthUnknown
    case compareTitle
    case compareTitleNone
    case compareNone
    case compareParameters
    case compareStep
    /// The heading of the column of the step a run first met the check's threshold.
    case compareFirstMet
    case compareFailed
    case compareDiverged
    /// The accuracy-by-length panel's heading.
    case accuracyByLengthTitle
    /// The row label of a seq2seq prediction's source.
    case source
    /// The loss plot's reference line when the baseline ignores the input: "chance".
    case chanceLine
    /// One differing setting in a compare arm's name: "cell gru".
    case compareArmSetting
    /// The forecast panel: heading, legend names, the errors over the windows drawn, and why it is empty.
    case forecastTitle, forecastTruth, forecastModel, forecastPersistence, forecastErrors, forecastErrorsShort, forecastErrorsAlone, forecastNone
    /// The train/validation gap panel: heading, legend, the latest gap of the run and of its compare run.
    case gapTitle, gapTrain, gapValidation, gapNow, gapArm
    /// The confusion panel: heading, the corner over the class labels, the list
    /// shown when the grid does not fit, one pair of it, and why it is empty.
    case confusionTitle, confusionCorner, confusionMostConfused, confusionPair, confusionNone
    /// The multi-seed dot plot: heading, what it says before a verification, the
    /// spread line, the reference line's name and the mean marker's.
    case seedDotsTitle, seedDotsTitleNone, seedDotsNone, seedDotsSpread, seedDotsMean
    /// The text-samples panel (a char LM's samples): its title, a sample's label with
    /// and without the share of real words, what it says without a language model.
    case textSamplesTitle, textSamplesLabel, textSamplesLabelWords, textSamplesLabelOwn, textSamplesNone
    /// The activation strip: its title (the unit and its r), what it says without a language model.
    case activationStripTitle, activationStripNone
    /// The row-reading panel (an image read one row per step): its title, the
    /// guess column's heading, a guess, what it says without an image task.
    case rowReadingTitle, rowReadingGuess, rowReadingGuessShort, rowReadingTarget, rowReadingNone
    /// The bidirectional panel: its title, each direction's heading, what it says with one direction.
    case directionsTitle, directionForward, directionBackward, directionsNone
    /// Accuracy by tree depth: its title, the two runs' column heads without a comparison, the training-depth rule, what it says without depths.
    case depthTitle, depthRun, depthCompanion, depthTrained, depthNone

    /// Shorter headings and legend names, for panels too narrow for the full
    /// ones (each panel falls back to them only then).
    case accuracyByLengthTitleShort
    case attentionTitleShort
    case rtrlTitleShort
    case forecastTitleShort
    case forecastModelShort
    case metricTitleShort
    case compareTitleShort
    case gradientHistoryTitleShort
    case gradientNormsTitleShort
    /// "‖∂L/∂h_t‖ ρ 0.53": the legend of the gradient norms with the matrix unnamed.
    case gradientNormsRadiusShort
    case hiddenTitleShort
    case cellTitleShort
    case gatesTitleShort
    case directionsTitleShort
    case confusionTitleShort
    case confusionMostConfusedShort
    case activationStripTitleShort
    /// Accuracy by tree depth: its heading and the training-depth rule, shorter
    /// ("▲ trained (≤ 3)"), then shortest ("by depth", "▲ trained").
    case depthTitleShort, depthTrainedShort, depthTitleShortest, depthTrainedShortest
    /// The loss-gap panel's lines and legend entry, shorter: the run's gap without
    /// "validation ÷ train", the side-by-side run's without its settings, "train".
    case gapNowShort, gapArmShort, gapTrainShort
    /// Metric names abbreviated for a narrow table's column header (the compare panel): "acc", "bpc".
    case accuracyAbbreviated, bitsPerCharAbbreviated, exactMatchAbbreviated, crossEntropyAbbreviated

    public var placeholders: Set<String> {
        switch self {
        case .titleAtStep: return ["title", "step"]
        case .gradientNormsLegend, .gradientNormsRadiusShort: return ["title", "radius"]
        case .gatesTitle: return ["gates"]
        case .gradientHistoryClippedTitle: return ["clipping"]
        case .clipNorm, .clipValue: return ["value"]
        case .metricTitle, .metricTitleShort: return ["metric", "value"]
        case .threshold: return ["op", "value"]
        case .attentionSourceSteps, .treeStatesMore: return ["count"]
        case .rtrlAll: return ["value"]
        case .rtrlSize: return ["size"]
        case .rtrlGrowth: return ["exponent"]
        case .compareTitle, .compareTitleShort: return ["run", "other"]
        case .compareFirstMet: return ["condition"]
        case .compareFailed: return ["reason"]
        case .compareArmSetting: return ["name", "value"]
        case .forecastTitle, .forecastTitleShort: return ["horizon"]
        case .forecastErrors, .forecastErrorsShort: return ["forecast", "persistence"]
        case .forecastErrorsAlone: return ["forecast"]
        case .gapNow, .gapNowShort: return ["step", "difference", "ratio"]
        case .gapArm: return ["run", "difference", "ratio"]
        case .gapArmShort: return ["difference", "ratio"]
        case .confusionPair: return ["truth", "predicted", "count"]
        case .seedDotsTitle: return ["metric", "check", "runs"]
        case .seedDotsSpread: return ["within", "between"]
        case .textSamplesLabel, .textSamplesLabelOwn: return ["temperature"]
        case .textSamplesLabelWords: return ["temperature", "words"]
        case .activationStripTitle, .activationStripTitleShort: return ["unit", "r"]
        case .rowReadingGuess: return ["row", "guess", "probability"]
        case .rowReadingGuessShort: return ["guess", "probability"]
        case .rowReadingTarget: return ["target"]
        case .depthTrained, .depthTrainedShort: return ["depth"]
        default: return []
        }
    }
}
