/// The state folder (progress, knob values) and the safe file writer: notices and refusals.
public enum StoreKey: String, CaseIterable, Sendable {
    /// What sits where a file was expected.
    case aDirectory
    case aFIFO
    case aCharacterDevice
    case aBlockDevice
    case aSocket
    case aSymbolicLink
    case aRegularFile
    case linkTo
    case cannotWriteNoFolder
    case cannotWriteNotFolder
    case cannotWriteNotWritable
    case notRegularFile
    case symlinkLoop
    case cannotReadPathNotFolder
    case cannotReadNotRegular
    case cannotReadTooLarge
    case cannotReadGrew
    case stayedLocked
    case folderIsFile
    case cannotCreateFolder
    case invalidKept
    case invalidMoved
    case entriesDropped
    case entriesDroppedCopied
    case tooManyBackups
    /// A system call that failed: `reason` is the system's own words.
    case couldNotCreate
    case couldNotCreateTemporary
    case couldNotSetPermissions
    case couldNotSync
    case couldNotClose
    case couldNotWrite
    case couldNotRead
    case couldNotOpen
    case couldNotInspect
    case couldNotReadLink
    case couldNotOpenLock
    case couldNotLock
    case couldNotSetAside
    case couldNotRename

    public var placeholders: Set<String> {
        switch self {
        case .aDirectory, .aFIFO, .aCharacterDevice, .aBlockDevice, .aSocket, .aSymbolicLink, .aRegularFile: return []
        case .linkTo: return ["link", "target"]
        case .cannotWriteNoFolder, .cannotWriteNotFolder, .cannotWriteNotWritable: return ["file", "folder"]
        case .notRegularFile, .cannotReadNotRegular: return ["file", "kind"]
        case .symlinkLoop, .cannotReadGrew: return ["file", "limit"]
        case .cannotReadPathNotFolder: return ["file"]
        case .cannotReadTooLarge: return ["bytes", "file", "limit"]
        case .stayedLocked: return ["folder", "time"]
        case .folderIsFile: return ["folder"]
        case .cannotCreateFolder: return ["folder", "reason"]
        case .invalidKept, .tooManyBackups: return ["folder", "name"]
        case .invalidMoved: return ["aside", "folder", "name"]
        case .entriesDropped: return ["count", "entries", "name"]
        case .entriesDroppedCopied: return ["aside", "count", "entries", "name"]
        case .couldNotCreate, .couldNotCreateTemporary, .couldNotSetPermissions, .couldNotSync, .couldNotClose, .couldNotWrite, .couldNotRead, .couldNotOpen, .couldNotInspect, .couldNotReadLink, .couldNotOpenLock, .couldNotLock, .couldNotSetAside: return ["code", "path", "reason"]
        case .couldNotRename: return ["code", "from", "path", "reason"]
        }
    }
}
