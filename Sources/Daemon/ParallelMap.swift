import Dispatch

/// Maps over a collection on every core, keeping order: the pure pipeline stages have no shared state.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if items.count < 2 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            // Deallocating alone would leak every value still held in the slots.
            results.deinitialize()
            results.deallocate()
        }
        let slots = SendableBuffer(pointer: results)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.pointer[i] = transform(items[i])
        }
        return results.map { $0! }
    }
}

/// Each iteration writes only its own slot, so sharing the buffer across threads is safe.
private struct SendableBuffer<U>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<U?>
}
