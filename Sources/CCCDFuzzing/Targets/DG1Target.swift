import CCCDLDS
import CCCDMRZ
import CCCDTestData

/// DG1 and the MRZ: what parses re-encodes (DER, through the test-data builder) and parses to the
/// same value; check digits hold.
enum DG1Target {
    static func run(_ bytes: [UInt8]) throws(FuzzInvariantViolation) -> FuzzOutcome {
        guard let group = try? DG1Parser.parse(bytes) else { return .rejected }
        try Invariant.check([90, 72, 88].contains(group.mrzText.utf8.count), .dg1, "MRZ of \(group.mrzText.utf8.count) characters")
        try Invariant.check(
            group.mrzText.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x3C }, .dg1,
            "MRZ character outside 0-9 A-Z <")
        let again: MachineReadableZoneGroup?
        do {
            again = try DG1Parser.parse(LDSBuilder.dg1(mrz: group.mrzText))
        } catch {
            throw FuzzInvariantViolation(FuzzTarget.dg1.rawValue, "re-encoded DG1 does not parse: \(error)")
        }
        try Invariant.check(again == group, .dg1, "DG1 changes when re-encoded")
        try Invariant.check((try? MRZ(group.mrzText)) == group.mrz, .dg1, "MRZ does not parse to the same value")
        try Invariant.jsonRoundTrip(group, .dg1)
        return .accepted
    }
}
