import QueryProtocol
import ReportModel

/// libFuzzer entry: any bytes as a request line. Parsing must return a request or an error, never
/// crash; whatever parses must print and parse back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    switch Request.parse(bytes) {
    case .success(let request):
        _ = try? request.string("q")
        _ = try? request.int("limit", default: 20, range: 1...1000)
        _ = try? request.stringList("events")
        _ = try? request.date("since")
        let printed = request.fields.serialized()
        guard let again = try? JSONValue.parse(printed), again == request.fields else {
            fatalError("printed request does not parse back the same: \(printed)")
        }
        _ = Response.success(id: request.id, result: request.fields)
    case .failure(let failure):
        _ = Response.failure(id: failure.id, error: failure.error)
    }
    if let value = try? JSONValue.parse(bytes: bytes), let report = Report(json: value) {
        _ = report.json.serialized()
    }
    return 0
}
