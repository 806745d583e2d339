import CCCDKit
import CCCDTestSupport
import CCCDVerification
import CCCDVirtualCard
import Foundation

/// Issue 14 item 5: the exchange count of a full read (EF.COM, EF.SOD, DG1, DG2, DG13, DG14,
/// DG15) per card profile, without verification and with AA + CA (PACE-CAM: AA, CAM in PACE),
/// and the predicted time under "10 ms per exchange + 424 kbit/s". In-process (the counts are
/// what pcscd + vpcd see too); the reader profiles of the emulated readers come from the
/// built-in table through a real reader name.
struct ReadBudgetTable {
    struct Variant {
        var name: String
        var adjustments: DataSetChip.Adjustments
        /// The PC/SC name the in-process connection reports (selects the table's profile).
        var readerName: String?
        /// The budget with AA + CA, when the issue sets one.
        var budget: Int?
    }

    static let variants = [
        Variant(name: "extended, PACE-GM", adjustments: .none, budget: 18),
        Variant(name: "extended, PACE-CAM", adjustments: .init(paceCAM: true), budget: 16),
        Variant(name: "short-only chip", adjustments: .init(shortAPDUsOnly: true)),
        Variant(name: "lax chip", adjustments: .init(lax: true)),
        Variant(name: "ACR122U-like, table profile", adjustments: .init(reader: "acr122u"),
                readerName: "ACS ACR122U PICC Interface 00 00"),
        Variant(name: "ACR122U-like, default (ladder)", adjustments: .init(reader: "acr122u")),
        Variant(name: "255-byte reader, table profile", adjustments: .init(reader: "cmd255"),
                readerName: "ACS ACR1281 1S Dual Reader PICC 00 00"),
        Variant(name: "255-byte reader, default (ladder)", adjustments: .init(reader: "cmd255")),
    ]

    let folder: URL
    let access: AccessInput
    let trust: TrustStore

    /// Prints the table; returns false when a budget is not met.
    func run() async throws -> Bool {
        print("Exchanges per card profile (files: EF.COM, EF.SOD, DG1, DG2, DG13, DG14, DG15); predicted = 10 ms/exchange + 424 kbit/s")
        print("  " + "profile".padding(toLength: 34, withPad: " ", startingAt: 0) + "  no AA/CA  predicted    AA+CA  predicted  verdict   budget")
        var met = true
        for variant in Self.variants {
            let plain = try await count(variant, verify: false)
            let full = try await count(variant, verify: true)
            let ok = variant.budget.map { full.counts.exchanges <= $0 }
            if ok == false { met = false }
            print(String(format: "  %@  %8d  %7.3f s  %7d  %7.3f s  %@  %@",
                         variant.name.padding(toLength: 34, withPad: " ", startingAt: 0), plain.counts.exchanges,
                         Self.predicted(plain.counts), full.counts.exchanges, Self.predicted(full.counts),
                         full.verdict.padding(toLength: 8, withPad: " ", startingAt: 0),
                         variant.budget.map { "≤ \($0) \(ok == true ? "met" : "NOT met")" } ?? "-"))
        }
        return met
    }

    static func predicted(_ counts: CountingTransport.Counts) -> Double {
        Double(counts.exchanges) * 0.010 + Double(counts.bytesSent + counts.bytesReceived) * 8 / 424_000
    }

    private func count(_ variant: Variant, verify: Bool) async throws -> (counts: CountingTransport.Counts, verdict: String) {
        let card = try DataSetChip.load(folder, adjustments: variant.adjustments)
        let counter = CountingTransport(wrapping: VirtualCardTransport(card: card))
        let name = variant.readerName
        let connector = ClosureCardConnector { _ in CardConnection(transport: counter, atr: card.atr, readerName: name) }
        var options = ReadOptions(dataGroups: ReadBenchmark.groups, readerProfiles: ReaderProfileTable(entries: ReaderProfileTable.builtIn))
        options.verifier = verify ? CardVerifier(trustStore: trust) : nil
        let result = try await CardReader().read(connector: connector, access: access, options: options).result()
        return (counter.current, result.verification?.overall.rawValue ?? "-")
    }
}
