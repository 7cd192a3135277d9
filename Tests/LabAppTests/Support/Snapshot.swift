import Testing
import SnapshotSupport
import TerminalUI

/// Compares `buffer` with `__Snapshots__/<name>.txt` of this test target
/// (see `SnapshotSupport.assertSnapshot`; re-record with `RNNLAB_RECORD_SNAPSHOTS=1`).
func assertSnapshot(_ buffer: Buffer, named name: String, styles: Bool = false,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    SnapshotSupport.assertSnapshot(buffer, named: name, styles: styles,
                                   in: snapshotDirectory(besideSupportFile: #filePath), sourceLocation: sourceLocation)
}
