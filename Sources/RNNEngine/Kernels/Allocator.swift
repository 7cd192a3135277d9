import Foundation

/// How the process's allocator treats tensor buffers.
public enum Allocator {
    /// A training step frees and allocates the same few buffer sizes again and
    /// again. glibc serves blocks over 128 KiB with mmap and unmaps them on free,
    /// so every step paid page faults to get fresh zeroed pages: a fifth of a
    /// T = 100 step. Raising the mmap threshold to 32 MiB (glibc's cap) and not
    /// trimming the heap lets the next step reuse the memory. Call once, early.
    public static func keepFreedMemory() {
        #if os(Linux)
        // <malloc.h> is not part of Swift's Glibc module; these are its values.
        let (trimThreshold, mmapThreshold): (Int32, Int32) = (-1, -3)
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }

    /// The process's resident set now (`VmRSS`) and at its peak so far (`VmHWM`),
    /// in bytes, read from /proc/self/status; nil where there is no such file.
    public static func residentBytes() -> (current: Int, peak: Int)? {
        #if os(Linux)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var current: Int?, peak: Int?
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let kib = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { current = kib * 1024 }
            if fields[0] == "VmHWM:" { peak = kib * 1024 }
        }
        guard let current, let peak else { return nil }
        return (current, peak)
        #else
        return nil
        #endif
    }
}

#if os(Linux)
/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func mallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
