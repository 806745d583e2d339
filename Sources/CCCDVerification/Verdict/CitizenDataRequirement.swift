import CCCDLDS

/// A Vietnamese ID card (CCCD: DG1 document code `I…`, issuing state VNM, a 12-digit personal
/// number) carries the citizen data in DG13 (cccd-facts.md). Without a readable, parseable DG13
/// such a read is not a complete CCCD read: at best `incomplete`, never `valid`, even when what
/// was read verifies. Other documents (passports, foreign ID cards) are not affected.
public enum CitizenDataRequirement {
    /// The reason to add when `files` are a CCCD's without a usable DG13; nil otherwise (not a
    /// CCCD, DG1 unreadable — passive authentication already reports that — or DG13 parses).
    public static func check(files: [LDSFile: [UInt8]]) -> VerificationReason? {
        guard let dg1 = files[.dataGroup(.dg1)], let mrz = try? DG1Parser.parse(dg1), isVietnameseIDCard(mrz) else {
            return nil
        }
        guard let dg13 = files[.dataGroup(.dg13)] else {
            return VerificationReason(
                .citizenDataMissing, .incomplete, "a Vietnamese ID card without DG13 (citizen data) read", dataGroup: 13)
        }
        do {
            _ = try DG13Parser.parse(dg13)
            return nil
        } catch {
            return VerificationReason(
                .citizenDataMissing, .incomplete, "a Vietnamese ID card whose DG13 (citizen data) does not parse",
                dataGroup: 13)
        }
    }

    /// `passive` with the requirement applied: its reason added and the status recomputed (a
    /// `valid` result becomes `incomplete`; `invalid` and `untrusted` stay).
    public static func apply(to passive: PassiveAuthenticationResult, files: [LDSFile: [UInt8]])
        -> PassiveAuthenticationResult
    {
        guard let reason = check(files: files) else { return passive }
        var result = passive
        result.reasons.append(reason)
        result.status = PassiveStatus(reasons: result.reasons)
        return result
    }

    /// DG1 of a CCCD: an ID card (`I…`) issued by VNM with the 12-digit personal number.
    static func isVietnameseIDCard(_ dg1: MachineReadableZoneGroup) -> Bool {
        dg1.mrz.documentCode.hasPrefix("I") && dg1.mrz.issuingState == "VNM" && dg1.vietnamesePersonalNumber != nil
    }
}
