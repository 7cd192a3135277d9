import Foundation
import Testing
import TerminalUI

/// Whether snapshots are being (re)recorded: `RNNLAB_RECORD_SNAPSHOTS=1`.
let isRecordingSnapshots = ProcessInfo.processInfo.environment["RNNLAB_RECORD_SNAPSHOTS"] == "1"

/// The folder holding the expected frames, next to this test target's sources.
func snapshotDirectory(_ filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // LabAppTests
        .appendingPathComponent("__Snapshots__")
}

/// Compares `buffer`'s text picture (and, with `styles`, its style layer) with
/// `__Snapshots__/<name>.txt`. With `RNNLAB_RECORD_SNAPSHOTS=1` the file is
/// (re)written and the test records an issue saying so; a missing file fails.
func assertSnapshot(
    _ buffer: Buffer, named name: String, styles: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = buffer.snapshotText(includeStyles: styles)
    let url = snapshotDirectory().appendingPathComponent(name + ".txt")
    if isRecordingSnapshots {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(name).txt; run again without RNNLAB_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
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
