#if canImport(Glibc)
import Glibc
#endif
import CSystemd
import Synchronization

/// The sockets systemd passed in (socket activation, `LISTEN_FDS`), each taken at most once.
///
/// The first call reads `LISTEN_FDS`/`LISTEN_FDNAMES` through libsystemd and unsets them, so children the
/// daemon might start do not believe the sockets are theirs; later calls hand out what is left.
public enum ListenedSockets {
    /// The passed socket named `name` (`FileDescriptorName=` in the socket unit), or the only one passed
    /// when there is exactly one (e.g. `systemd-socket-activate` without `--fdname`); nil when systemd
    /// passed nothing usable and the daemon must bind its own socket.
    public static func take(named name: String) -> Int32? {
        inherited.withLock { state in
            if state == nil { state = readPassedDescriptors() }
            guard let index = PassedDescriptor.choose(named: name, from: state!), !state![index].taken else {
                return nil
            }
            state![index].taken = true
            return state![index].fd
        }
    }

    /// nil until the environment has been read.
    private static let inherited = Mutex<[PassedDescriptor]?>(nil)

    private static func readPassedDescriptors() -> [PassedDescriptor] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(1, &names)
        guard count > 0 else { return [] }
        defer {
            if let names {
                for i in 0..<Int(count) { free(names[i]) }
                free(names)
            }
        }
        return (0..<count).map { i in
            let name = names?[Int(i)].map { String(cString: $0) } ?? ""
            return PassedDescriptor(fd: SD_LISTEN_FDS_START + i, name: name)
        }
    }
}

/// One descriptor systemd passed, with its `FileDescriptorName=` ("unknown" when the unit gave none).
struct PassedDescriptor: Equatable {
    var fd: Int32
    var name: String
    /// Already handed to the daemon: a descriptor has one owner.
    var taken = false

    /// Where `name` sits in `passed`: an exact name match, else the only descriptor systemd passed.
    static func choose(named name: String, from passed: [PassedDescriptor]) -> Int? {
        if let exact = passed.firstIndex(where: { $0.name == name }) { return exact }
        return passed.count == 1 ? 0 : nil
    }
}
