import CCCDCrypto
import CCCDPrimitives
import CCCDTransport

extension SecureMessagingState {
    /// Unwraps a protected response (§9.8.4, Figure 6): increments the SSC, checks the structure
    /// `[DO'87'|DO'85'] [DO'99'] DO'8E'`, verifies the MAC over SSC ‖ DOs before looking at any
    /// content, then decrypts. The status word is DO'99''s when present (authenticated), else the
    /// trailer's (``UnprotectedResponse/statusAuthenticated`` false).
    public mutating func unprotectResponse(_ response: ResponseAPDU) throws(SecureMessagingError) -> UnprotectedResponse {
        try failingClosed(otherwise: { .malformedDataObject("\($0)") }) { try $0.unprotectUnchecked(response) }
    }

    /// ``unprotectResponse(_:)`` for callers that only need the plain response.
    public mutating func unprotect(_ response: ResponseAPDU) throws(SecureMessagingError) -> ResponseAPDU {
        try unprotectResponse(response).response
    }

    private mutating func unprotectUnchecked(_ response: ResponseAPDU) throws -> UnprotectedResponse {
        let cipher = keys.cipher
        ssc.increment()
        guard !response.data.isEmpty else { throw SecureMessagingError.unprotectedResponse(response.status) }

        let objects: [BERTLV]
        do {
            objects = try BERTLV.parseAll(response.data)
        } catch {
            throw SecureMessagingError.malformedDataObject("truncated or invalid length (\(error))")
        }

        // Structure: optional 85/87, then optional 99, then 8E last; nothing else, nothing twice.
        var cryptogram: BERTLV?
        var status: BERTLV?
        var mac: BERTLV?
        for object in objects {
            if mac != nil { throw SecureMessagingError.unexpectedDataObject(object.tag) }
            switch object.tag {
            case 0x85, 0x87:
                guard cryptogram == nil else { throw SecureMessagingError.duplicateDataObject(UInt8(object.tag)) }
                guard status == nil else { throw SecureMessagingError.unexpectedDataObject(object.tag) }
                cryptogram = object
            case 0x99:
                guard status == nil else { throw SecureMessagingError.duplicateDataObject(0x99) }
                status = object
            case 0x8E:
                mac = object
            default:
                throw SecureMessagingError.unexpectedDataObject(object.tag)
            }
        }
        guard let mac else { throw SecureMessagingError.missingDataObject(0x8E) }
        guard mac.value.count == 8 else { throw SecureMessagingError.malformedDataObject("DO'8E' must hold 8 bytes") }
        // DO'8E' is the one object outside the MAC, so only its one encoding ('8E 08' ‖ CC) is
        // accepted: otherwise its header could be rewritten (e.g. '8E 81 08') without detection.
        // Found by the secure-messaging fuzz target.
        guard mac.encoded.count == 10 else {
            throw SecureMessagingError.malformedDataObject("DO'8E' must be encoded as 8E 08 and the checksum")
        }

        // MAC first: nothing of the response is interpreted before it verifies.
        var authenticated: [UInt8] = ssc.bytes
        if let cryptogram { authenticated += cryptogram.encoded }
        if let status { authenticated += status.encoded }
        let expected = try cipher.mac(
            key: keys.macKey, paddedData: ISO9797Padding.pad(authenticated, blockSize: cipher.blockSize))
        guard constantTimeEquals(expected, mac.value) else { throw SecureMessagingError.macMismatch }

        if let status, status.value.count != 2 {
            throw SecureMessagingError.malformedDataObject("DO'99' must hold 2 bytes")
        }
        var plain: [UInt8] = []
        if let cryptogram {
            var encrypted = cryptogram.value
            if cryptogram.tag == 0x87 {
                guard encrypted.first == 0x01 else { throw SecureMessagingError.invalidPaddingIndicator }
                encrypted.removeFirst()
            }
            guard !encrypted.isEmpty, encrypted.count % cipher.blockSize == 0 else {
                throw SecureMessagingError.malformedDataObject("cryptogram is not a whole number of blocks")
            }
            let decrypted = try cipher.decrypt(key: keys.encryptionKey, iv: iv(for: ssc), data: encrypted)
            do {
                plain = try ISO9797Padding.unpad(decrypted, blockSize: cipher.blockSize)
            } catch {
                throw SecureMessagingError.invalidPadding
            }
        }
        guard let status else {
            // §9.8.4: DO'99' is optional. The MAC covered what is there; the trailer is not covered.
            return UnprotectedResponse(response: ResponseAPDU(data: plain, status: response.status), statusAuthenticated: false)
        }
        return UnprotectedResponse(
            response: ResponseAPDU(data: plain, status: StatusWord(status.value[0], status.value[1])),
            statusAuthenticated: true)
    }
}
