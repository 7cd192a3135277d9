/// What a task's difficulty knob does. Keyed by meaning, not by the knob's
/// name: `T` is a sequence length for one task and a number of bits for
/// another. None takes a placeholder.
public enum KnobSummaryKey: String, CaseIterable, Sendable {
    case sequenceLength, longestSequence, alphabetSize, alphabetLetters, wordOrders
    case charactersPerWindow, symbolsToRemember, blankDelay, echoSteps
    case windowLength, sineComponents, noiseDeviation, horizon, numberOfBits, probabilityOfOne
    case treeTrainingDepth, treeTestDepth, treeModulus, treeOperators, treeModel
}
