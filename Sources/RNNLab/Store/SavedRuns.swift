import Foundation

/// The runs the lab's `W` saved in the state folder's `runs/`, for `O` to load.
public enum SavedRuns {
    /// The checkpoints of `lesson` in `folder` (`<lesson>-step<N>.safetensors`),
    /// newest first (by modification time, then by name); empty when there is no folder.
    public static func checkpoints(of lesson: String, in folder: URL) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        let prefix = lesson + "-step"
        let found = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".safetensors") }.map { name -> (String, Date) in
            let path = folder.appendingPathComponent(name).path
            let date = (try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            return (path, date)
        }
        return found.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 > $1.0 }.map(\.0)
    }
}
