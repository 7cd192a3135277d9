import Foundation
import RNNEngine

extension SafetensorsFile {
    /// Writes the file with ``SafeFile``: atomically, through a symlink, keeping
    /// an existing file's mode, refusing anything that is not a regular file.
    /// A tensor that cannot be encoded leaves whatever was at `url` untouched.
    public func save(to url: URL) throws {
        try SafeFile.write(to: url) { writer in
            try encode { try writer.write($0) }
        }
    }

    /// Saves a state dict (see ``save(to:)``).
    public static func save(stateDict: [String: Tensor], metadata: [String: String] = [:], to url: URL) throws {
        try SafetensorsFile(stateDict: stateDict, metadata: metadata).save(to: url)
    }
}
