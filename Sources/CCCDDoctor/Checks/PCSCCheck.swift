import CCCDKit
import CCCDPrimitives
import CCCDTransport

/// pcscd reachable (SCardEstablishContext), then one line per reader (driver and the reader profile
/// a read starts with, docs/readers.md) and one per card on it.
enum PCSCCheck {
    struct Outcome {
        var checks: [DoctorCheck]
        /// pcscd answered and at least one reader holds a card.
        var cardReaders: [String]
    }

    static func run() -> Outcome {
        let states: [ReaderState]
        do {
            let context = try PCSCContext()
            defer { context.release() }
            states = try context.readerStates()
        } catch {
            return Outcome(checks: [.fail(
                "pcscd", "the PC/SC service cannot be reached (\(error))",
                fix: "Start pcscd (`sudo systemctl enable --now pcscd.socket`) and check that this user may use it (polkit rules for pcscd).")],
                cardReaders: [])
        }
        var checks: [DoctorCheck] = [.pass("pcscd", "the PC/SC service answers (\(states.count) reader\(states.count == 1 ? "" : "s"))")]
        if states.isEmpty {
            checks.append(.fail(
                "reader", "no smart-card reader is attached",
                fix: "Plug in the contactless reader; if it still does not show, install its driver (libccid, or the vendor's) and restart pcscd."))
        }
        let profiles = ReaderProfileTable.standard()
        for state in states {
            let profile = profiles.resolve(readerName: state.name).summary
            checks.append(.pass("reader", "\(state.name) (driver: \(ReaderDriver.describe(state.name)); profile: \(profile))"))
            if state.cardPresent {
                let atr = state.atr.map { Hex.encode($0) } ?? "?"
                if state.mute {
                    checks.append(.fail(
                        "card", "\(state.name): a card is present but does not answer (ATR \(atr))",
                        fix: "Lay the card flat on the reader's centre, away from metal; try another card to tell the reader from the card."))
                } else {
                    checks.append(.pass("card", "\(state.name): card present, ATR \(atr)\(state.inUse ? ", in use by another program" : "")"))
                }
            } else {
                checks.append(.warn(
                    "card", "\(state.name): no card", fix: "Put a CCCD on the reader to check the card path too."))
            }
        }
        return Outcome(checks: checks, cardReaders: states.filter { $0.cardPresent && !$0.mute }.map(\.name))
    }
}
