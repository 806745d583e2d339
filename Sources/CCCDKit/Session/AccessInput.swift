import CCCDMRZ
import CCCDProtocols

/// What the user knows to open the chip, in the forms a counter clerk types.
public enum AccessInput: Sendable, Hashable, CustomStringConvertible {
    /// The card access number (PACE). On a CCCD: the last 6 digits of the 12-digit ID.
    case can(String)
    /// `DOCNO,YYMMDD,YYMMDD`: document number, birth date, expiry (BAC or PACE-MRZ).
    case mrz(String)
    /// The Vietnamese convenience: 12-digit ID, birth date `YYYY-MM-DD`, expiry `YYYY-MM-DD` or
    /// `nil` for a card without expiry ("Không thời hạn").
    case vietnameseID(id: String, dateOfBirth: String, dateOfExpiry: String?)
    /// No access control: for test cards whose files are readable in clear. Real documents refuse it.
    case none

    /// The key for BAC / PACE; `nil` for ``none``.
    public func accessKey() throws(CardReadError) -> AccessKey? {
        do {
            switch self {
            case .can(let can):
                guard !can.isEmpty, can.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
                    throw CardReadError.invalidAccessInput("the CAN is the 6 digits printed on the card")
                }
                return .can(can)
            case .mrz(let text):
                return .mrz(try MRZKeyInput(try MRZKey(parsing: text)))
            case .vietnameseID(let id, let dob, let expiry):
                return .mrz(try MRZKeyInput(MRZKey(vietnameseID: id, dateOfBirthISO: dob, dateOfExpiryISO: expiry)))
            case .none:
                return nil
            }
        } catch let error as CardReadError {
            throw error
        } catch {
            throw .invalidAccessInput(ErrorReason("\(error)", underlying: error))
        }
    }

    /// Redacted: the kind of input only.
    public var description: String {
        switch self {
        case .can: "AccessInput.can(redacted)"
        case .mrz: "AccessInput.mrz(redacted)"
        case .vietnameseID: "AccessInput.vietnameseID(redacted)"
        case .none: "AccessInput.none"
        }
    }
}
