import Foundation
@testable import RNNLab
import Testing

/// The events a live trainer has sent so far, and a wait for the one a test needs.
final class TrainerEventLog {
    let session: TrainerSession
    var events: [TrainerEvent] = []

    init(_ session: TrainerSession) { self.session = session }

    /// Polls until an event passes `test`, or records an issue naming `what` after 60 s.
    func waitFor(_ what: String, _ test: (TrainerEvent) -> Bool) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            events += session.poll()
            if events.contains(where: test) { return }
            Thread.sleep(forTimeInterval: 0.01)
        }
        Issue.record("no \(what) within 60 s")
    }
}
