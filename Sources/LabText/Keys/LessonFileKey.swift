/// Problems in a lesson file: `rnnlab lint`, the home screen, `rnnlab list`.
/// Each is shown after its place (`atLine`).
public enum LessonFileKey: String, CaseIterable, Sendable {
    /// A problem with its place.
    case atLine
    /// A problem in lesson text that has no file name.
    case atLineOfLesson
    case cannotOpen
    case cannotRead
    case isFolder
    case isFIFO
    case isCharacterDevice
    case isBlockDevice
    case isSocket
    case notRegularFile
    case fileTooLarge
    case fileGrewTooLarge
    case notUTF8
    case lineTooLong
    case cannotListFolder
    case idUsedTwice
    case ambiguousNumber
    case ambiguousPrefix
    case noLesson
    case nulCharacter
    case escapeCharacter
    case tabCharacter
    case carriageReturn
    case controlCharacter
    case otherCharacter
    case tabIndentation
    case unexpectedIndentation
    case expectedKeyValue
    case duplicateKey
    case emptyListItem
    case textAfterValue
    case nestedTooDeep
    case unclosedList
    case expectedListSeparator
    case expectedInlineKeyValue
    case unclosedMap
    case expectedMapSeparator
    case unclosedQuote
    /// The part of the file a key is in: the front matter.
    case frontMatter
    /// The part of the file a key is in: one knob.
    case knob
    /// The part of the file a key is in: one check.
    case check
    /// The part of the file a key is in: the question, or the misconception box.
    case question
    case misconception
    /// The part of the file a key is in: one entry of `references:`.
    case reference
    case notMapping
    case unknownKey
    case missingKey
    case emptyValue
    case valueHasCharacter
    case notSingleValue
    case notANumber
    case notAList
    case noFrontMatter
    case frontMatterNotClosed
    case proseHasCharacter
    case noProse
    case badLessonId
    case badCheckId
    case compareEmpty
    case compareSame
    case unknownPanel
    case compareNotShown
    case comparePanelWithoutRun
    case experimentNotMapping
    case experimentNoTask
    case unknownTask
    case unknownSetting
    case settingsNotMapping
    case knobNotASetting
    case badRange
    case knobIsChoice
    case rangeOutside
    case knobIsNumber
    case notAChoice
    case badScale
    case badLive
    case knobIsLive
    case knobRebuilds
    case valueOutsideKnob
    case checkIdUsedTwice
    case badSeed
    case badSeeds
    case seedsAndSeed
    case badSteps
    case checkNoExpect
    case badWhen
    case untilWithEnd
    case noLessonFiles

    public var placeholders: Set<String> {
        switch self {
        case .atLine: return ["file", "line", "problem"]
        case .atLineOfLesson: return ["line", "problem"]
        case .cannotOpen, .cannotRead, .cannotListFolder, .valueOutsideKnob: return ["reason"]
        case .isFolder, .isFIFO, .isCharacterDevice, .isBlockDevice, .isSocket, .notRegularFile, .notUTF8, .tabIndentation, .unexpectedIndentation, .emptyListItem, .unclosedList, .expectedListSeparator, .expectedInlineKeyValue, .unclosedMap, .expectedMapSeparator, .frontMatter, .knob, .check, .question, .misconception, .reference, .noFrontMatter, .frontMatterNotClosed, .noProse, .compareEmpty, .compareNotShown, .comparePanelWithoutRun, .experimentNotMapping, .experimentNoTask, .badRange, .badScale, .badSeeds, .seedsAndSeed, .checkNoExpect, .badWhen, .untilWithEnd, .noLessonFiles: return []
        case .fileTooLarge: return ["bytes", "limit"]
        case .fileGrewTooLarge: return ["limit"]
        case .lineTooLong: return ["characters", "limit"]
        case .idUsedTwice: return ["id", "other"]
        case .ambiguousNumber: return ["files", "number"]
        case .ambiguousPrefix, .noLesson: return ["lessons", "name"]
        case .nulCharacter, .escapeCharacter, .tabCharacter, .carriageReturn, .controlCharacter: return ["code"]
        case .otherCharacter: return ["character", "code"]
        case .expectedKeyValue: return ["found"]
        case .duplicateKey, .emptyValue, .notSingleValue, .notAList, .settingsNotMapping: return ["key"]
        case .textAfterValue: return ["text"]
        case .nestedTooDeep: return ["levels"]
        case .unclosedQuote: return ["quote"]
        case .notMapping: return ["context"]
        case .unknownKey: return ["context", "key", "keys"]
        case .missingKey: return ["context", "key"]
        case .valueHasCharacter: return ["character", "key"]
        case .notANumber: return ["key", "value"]
        case .proseHasCharacter: return ["character"]
        case .badLessonId, .badCheckId: return ["character", "id"]
        case .compareSame, .knobIsLive, .knobRebuilds: return ["name", "value"]
        case .unknownPanel: return ["name", "panels"]
        case .unknownTask: return ["name", "tasks"]
        case .unknownSetting, .knobNotASetting: return ["name", "settings"]
        case .knobIsChoice, .knobIsNumber: return ["name"]
        case .rangeOutside: return ["name", "range"]
        case .notAChoice: return ["choices", "name", "value"]
        case .badLive: return ["value"]
        case .checkIdUsedTwice: return ["first", "id"]
        case .badSeed, .badSteps: return ["range"]
        }
    }
}
