/// What answering a request produced.
public enum Reply: Sendable {
    /// One response line (newline included).
    case line([UInt8])
    /// Register the connection for events of these kinds (nil: all), after writing `ack`.
    case subscribe(events: Set<String>?, ack: [UInt8])
}
