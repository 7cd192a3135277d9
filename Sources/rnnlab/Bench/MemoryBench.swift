import Foundation
import RNNEngine
import RNNLab

/// `rnnlab bench --only memory` (not part of a plain `rnnlab bench`: it takes minutes).
///
/// Two kinds of row:
/// - "memory growth": the LSTM lesson's training step (`LessonStepModel`, B 32, T 100,
///   H 32) taken 10,000 times in this process. The tensor memory the model and its
///   steps allocated and still hold (`Allocator.countingLiveTensorBytes`, in KiB)
///   after step 1,000 and after step 10,000, and the difference: a step that kept
///   anything alive shows as growth here, exactly, whatever else the process does.
///   Beside it the resident set (VmRSS, MiB) at the same two points, which also
///   moves with where glibc places freed blocks.
/// - "memory peak": each lesson's headless run (`rnnlab run LESSON --steps N`, its
///   default settings, one thread) in a child process, and that child's peak
///   resident set (ru_maxrss from wait4, MiB), so every lesson is measured on its
///   own.
func memoryBenchmarks(steps: Int = 10_000, lessonSteps: Int = 300) -> [BenchRow] {
    Parallel.maxThreads = 1
    var rows: [BenchRow] = []
    func row(_ name: String, _ value: Double, _ unit: String) {
        rows.append(BenchRow(group: "memory growth", name: name, threads: 1, value: value, unit: unit))
    }
    Allocator.countingLiveTensorBytes { live in
        let model = LessonStepModel()
        var (rssFirst, liveFirst) = (0.0, 0)
        for step in 1...steps {
            model.step()
            guard step == steps / 10 || step == steps else { continue }
            row("lesson step live tensors after \(step) steps", Double(live.current) / 1024, "KiB")
            if step == steps / 10 { liveFirst = live.current }
            if step == steps {
                row("lesson step live tensor growth \(steps / 10)→\(steps)", Double(live.current - liveFirst) / 1024, "KiB")
            }
            guard let rss = Allocator.residentBytes() else { continue }
            row("lesson step RSS after \(step) steps", mebibytes(rss.current), "MiB")
            if step == steps / 10 { rssFirst = mebibytes(rss.current) }
            if step == steps { row("lesson step RSS growth \(steps / 10)→\(steps)", mebibytes(rss.current) - rssFirst, "MiB") }
        }
    }
    let library = LessonLibrary.load(LessonOptions.resolveLessons(explicit: nil))
    for lesson in library.lessons {
        let args = ["run", lesson.id, "--steps", String(lessonSteps), "--threads", "1"]
        guard let peak = childPeakResidentBytes(arguments: args) else { continue }
        rows.append(BenchRow(group: "memory peak", name: "\(lesson.id) run \(lessonSteps) steps", threads: 1,
                             value: mebibytes(peak), unit: "MiB"))
    }
    return rows
}

private func mebibytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

/// Runs this program with `arguments` (output discarded) and returns the child's
/// peak resident set in bytes, or nil if it could not be started or failed.
private func childPeakResidentBytes(arguments: [String]) -> Int? {
    #if os(Linux)
    let program = "/proc/self/exe"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([CommandLine.arguments[0]] + arguments).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid, status == 0 else { return nil }
    return usage.ru_maxrss * 1024
    #else
    return nil
    #endif
}
