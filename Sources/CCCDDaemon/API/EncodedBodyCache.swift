import CCCDPrimitives
import Foundation

/// The last value a cheap, frequently polled route (`/v1/status`) answered, with its encoded body:
/// when the next value is equal — the readers, the trust store and the uptime second have not
/// changed — its bytes are sent again instead of running `JSONEncoder` for every request. Keyed by
/// the value itself, so there is nothing to invalidate: a reader event or a trust reload changes the
/// value, and the next request encodes it anew.
final class EncodedBodyCache<Value: Encodable & Equatable & Sendable>: Sendable {
    private let last = LockedBox<(value: Value, body: Data)?>(nil)

    func body(for value: Value) throws -> Data {
        if let cached = last.withLock({ $0?.value == value ? $0?.body : nil }) { return cached }
        let body = try JSONResponse.encoder.encode(value)
        last.withLock { $0 = (value, body) }
        return body
    }
}
