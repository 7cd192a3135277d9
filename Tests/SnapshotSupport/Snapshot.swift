import Foundation
import Testing
import TerminalUI

/// Whether snapshots are being (re)recorded: `RNNLAB_RECORD_SNAPSHOTS=1`.
public let isRecordingSnapshots = ProcessInfo.processInfo.environment["RNNLAB_RECORD_SNAPSHOTS"] == "1"

/// The `__Snapshots__` folder of the test target whose `Support/` file passes its `#filePath`.
public func snapshotDirectory(besideSupportFile filePath: String) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // the test target
        .appendingPathComponent("__Snapshots__")
}

/// Compares `buffer`'s text picture (and, with `styles`, its style layer) with
/// `<directory>/<name>.txt`.
///
/// With `RNNLAB_RECORD_SNAPSHOTS=1` the file is (re)written and the test
/// records an issue saying so, so a recording run never passes silently. A
/// missing file fails the test when not recording.
public func assertSnapshot(_ buffer: Buffer, named name: String, styles: Bool, in directory: URL,
                           sourceLocation: SourceLocation) {
    let url = directory.appendingPathComponent(name + ".txt")
    let actual = buffer.snapshotText(includeStyles: styles)
    if isRecordingSnapshots {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(url.lastPathComponent); run again without RNNLAB_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("Missing snapshot \(url.path); record it with RNNLAB_RECORD_SNAPSHOTS=1\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("Snapshot \(name) differs.\n--- expected\n\(expected)--- actual\n\(actual)", sourceLocation: sourceLocation)
    }
}
