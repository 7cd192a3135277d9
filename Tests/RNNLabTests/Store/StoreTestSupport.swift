import Foundation

/// A fresh temporary folder for one test; removed by the caller.
func storeTestFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names in a folder, sorted.
func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// The permission bits of a file.
func mode(of url: URL) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
}
