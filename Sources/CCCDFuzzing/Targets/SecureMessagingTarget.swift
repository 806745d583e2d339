import CCCDCrypto
import CCCDPrimitives
import CCCDProtocols
import CCCDTransport

/// The reader's secure-messaging unprotect step on an established 3DES (BAC) session with the keys
/// of the ICAO 9303-11 Appendix D worked example.
///
/// The first input byte chooses the mode. Bit 7 clear: the rest is a response APDU from the card,
/// unprotected with the SSC advanced by bits 0–2 (seeds: the worked example's responses). Bit 7
/// set: the rest is a plain response (status word, data) that a chip-side wrapper protects; the
/// reader must get exactly it back, and must refuse it when bit 6 asks for one bit flipped.
enum SecureMessagingTarget {
    static let encryptionKey = [UInt8](hex: "979EC13B1CBFE9DCD01AB0FED307EAE5")
    static let macKey = [UInt8](hex: "F1CB1F1FB5ADF208806B89DC579DC1F8")
    /// The worked example's SSC after key derivation plus the SELECT command's increment, so the
    /// unprotect increment lands on the SSC of the example's first response (…C228).
    static let baseSSC = [UInt8](hex: "887022120C06C227")

    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let mode = bytes.first else { return .rejected }
        var ssc = SendSequenceCounter(baseSSC)
        for _ in 0..<Int(mode & 0x07) { ssc.increment() }
        let keys = SecureMessagingKeys(cipher: .tripleDES, encryptionKey: encryptionKey, macKey: macKey)
        var state = SecureMessagingState(keys: keys, ssc: ssc)
        let rest = Array(bytes.dropFirst())

        if mode & 0x80 == 0 {
            guard let response = try? ResponseAPDU(bytes: rest) else { return .rejected }
            let plain: ResponseAPDU
            do {
                plain = try state.unprotect(response)
            } catch {
                try Invariant.check(!state.isActive, .secureMessaging, "session still active after \(error)")
                return .rejected
            }
            // Only a response the chip side could have produced verifies: re-protecting the result
            // gives the input again (a MAC cannot be forged by mutation).
            let responseSSC = ssc.incremented()
            let candidates = wrappings(plain, ssc: responseSSC)
            try Invariant.check(candidates.contains(response.data), .secureMessaging,
                                "unprotect accepted bytes that are not a protection of its result")
            return .accepted
        }

        guard rest.count >= 3 else { return .rejected }
        let flags = rest[0]
        let expected = ResponseAPDU(data: Array(rest.dropFirst(3).prefix(1024)), status: StatusWord(rest[1], rest[2]))
        let responseSSC = ssc.incremented()
        guard var wrapped = try? wrap(expected, ssc: responseSSC, odd: flags & 0x01 != 0, cryptogramWhenEmpty: false)
        else { throw FuzzInvariantViolation(FuzzTarget.secureMessaging.rawValue, "chip-side wrapping failed") }
        if flags & 0x40 != 0 {
            let bit = Int(flags & 0x3F) &* 31 &+ Int(rest[1]) &* 7 &+ Int(rest[2])
            let position = (bit / 8) % wrapped.count
            wrapped[position] ^= 1 << (bit % 8)
            let result = try? state.unprotect(ResponseAPDU(data: wrapped, status: .success))
            try Invariant.check(result == nil, .secureMessaging, "a response with a flipped bit at \(position) verified")
            try Invariant.check(!state.isActive, .secureMessaging, "session still active after a failed unprotect")
            return .rejected
        }
        let result: ResponseAPDU
        do {
            result = try state.unprotect(ResponseAPDU(data: wrapped, status: .success))
        } catch {
            throw FuzzInvariantViolation(FuzzTarget.secureMessaging.rawValue, "a correctly protected response failed: \(error)")
        }
        try Invariant.check(result == expected, .secureMessaging, "unprotect does not return the protected response")
        try Invariant.check(state.ssc == responseSSC, .secureMessaging, "SSC not advanced by one")
        return .accepted
    }

    /// The encodings the chip side could produce for `plain` (DO'87' or DO'85', with or without a
    /// cryptogram for empty data, with or without the optional DO'99').
    static func wrappings(_ plain: ResponseAPDU, ssc: SendSequenceCounter) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for odd in [false, true] {
            for empty in [false, true] where empty == false || plain.data.isEmpty {
                for status in [true, false] {
                    if let bytes = try? wrap(plain, ssc: ssc, odd: odd, cryptogramWhenEmpty: empty, statusObject: status) {
                        out.append(bytes)
                    }
                }
            }
        }
        return out
    }

    /// Chip-side protection of a response (ICAO 9303-11 §9.8.4, 3DES): DO'87'/'85', DO'99'
    /// (optional), DO'8E'.
    static func wrap(_ plain: ResponseAPDU, ssc: SendSequenceCounter, odd: Bool, cryptogramWhenEmpty: Bool,
                     statusObject: Bool = true) throws -> [UInt8]
    {
        var objects: [UInt8] = []
        if !plain.data.isEmpty || cryptogramWhenEmpty {
            let encrypted = try TripleDES.encryptCBC(key: encryptionKey, data: ISO9797Padding.pad(plain.data, blockSize: 8))
            objects += odd ? dataObject(0x85, encrypted) : dataObject(0x87, [0x01] + encrypted)
        }
        if statusObject { objects += dataObject(0x99, plain.status.bytes) }
        let mac = try RetailMAC.authenticate(key: macKey, paddedData: ISO9797Padding.pad(ssc.bytes + objects, blockSize: 8))
        return objects + dataObject(0x8E, mac)
    }

    /// One ISO 7816-4 data object with a one-byte tag (lengths up to 65 535, short form below 128).
    static func dataObject(_ tag: UInt8, _ value: [UInt8]) -> [UInt8] {
        let length: [UInt8]
        switch value.count {
        case ..<0x80: length = [UInt8(value.count)]
        case ..<0x100: length = [0x81, UInt8(value.count)]
        default: length = [0x82, UInt8(value.count >> 8), UInt8(value.count & 0xFF)]
        }
        return [tag] + length + value
    }
}
