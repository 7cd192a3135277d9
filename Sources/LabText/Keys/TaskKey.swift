/// The lab's own words about its tasks: each task's summary (`rnnlab data`,
/// `rnnlab list`), its baselines' names, and class names that are the lab's
/// words rather than data (`even`, `female`, `speaker {number}`).
public enum TaskKey: String, CaseIterable, Sendable {
    // Summaries, one per task of the catalogue.
    case adding, copy, echo, temporalOrder, parity, counting, sine, reverse, dates
    case digits, mnist, sunspots, co2, shakespeare, authorship, names, namesGender, japaneseVowels
    case arithTrees
    /// Data sets imported with `rnnlab data import`, by kind.
    case importedRegression, importedClassification, importedText
    // Class names.
    case classEven, classOdd, classFemale, classMale, classSpeaker

    public var placeholders: Set<String> {
        switch self {
        case .classSpeaker: return ["number"]
        case .importedRegression, .importedClassification, .importedText: return ["name"]
        default: return []
        }
    }
}

/// A baseline's name: the simple predictor a trained model is compared with.
public enum BaselineKey: String, CaseIterable, Sendable {
    case majorityClass, meanOfTargets, unigramCharacters, bigramCharacters, frequentCharacterPerPosition
    case lastValue, seasonalNaive, trainingMean, logisticPixels, logisticAveragedFeatures
    case memorylessSymbols, memorylessGuess, repeatInput, unigramLetters, bigramLetters
    case meanCount, copyWithoutReversing, bagOfCharacters, zeroMean

    /// A baseline that ignores the input, so its score is what chance gives:
    /// the loss plot labels its line "chance".
    public var isChance: Bool {
        switch self {
        case .majorityClass, .meanOfTargets, .trainingMean, .zeroMean, .memorylessSymbols, .memorylessGuess, .meanCount: return true
        default: return false
        }
    }

    public var placeholders: Set<String> {
        switch self {
        case .seasonalNaive: return ["season"]
        default: return []
        }
    }
}
