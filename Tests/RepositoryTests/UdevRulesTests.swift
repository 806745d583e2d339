import Foundation
import Testing

/// Lints udev/*.rules: syntax of every rule line, id format, and the readers counters use.
@Suite struct UdevRules {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Pair: Equatable {
        var key: String
        var op: String
        var value: String
    }

    /// Splits `KEY{attr}=="value", KEY="value"` into pairs; nil when the line is not valid syntax.
    static func parse(_ line: String) -> [Pair]? {
        let pattern = #"^\s*([A-Z_]+(?:\{[A-Za-z0-9_]+\})?)\s*(==|!=|\+=|-=|:=|=)\s*"([^"]*)"\s*(,|$)"#
        let regex = try! NSRegularExpression(pattern: pattern)
        var rest = line
        var pairs: [Pair] = []
        while !rest.trimmingCharacters(in: .whitespaces).isEmpty {
            let range = NSRange(rest.startIndex..., in: rest)
            guard let m = regex.firstMatch(in: rest, range: range) else { return nil }
            func group(_ i: Int) -> String { String(rest[Range(m.range(at: i), in: rest)!]) }
            pairs.append(Pair(key: group(1), op: group(2), value: group(3)))
            rest = String(rest[Range(m.range, in: rest)!.upperBound...])
        }
        return pairs
    }

    static let knownKeys: Set<String> = ["ACTION", "SUBSYSTEM", "ENV", "ATTRS", "ATTR", "MODE", "GROUP", "GOTO",
                                         "LABEL", "TAG", "RUN", "OWNER"]

    func ruleLines() throws -> [(file: String, line: String)] {
        let dir = Self.repo.appendingPathComponent("udev")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".rules") }
        #expect(!files.isEmpty)
        return try files.flatMap { name in
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
                .map { (name, $0) }
        }
    }

    @Test func everyRuleParsesAndUsesKnownKeysAndOperators() throws {
        var labels: Set<String> = []
        var gotos: Set<String> = []
        for (file, line) in try ruleLines() {
            let pairs = try #require(Self.parse(line), "\(file): not a valid rule: \(line)")
            for p in pairs {
                let base = String(p.key.prefix { $0 != "{" })
                #expect(Self.knownKeys.contains(base), "\(file): unknown key \(p.key)")
                if base == "GOTO" { gotos.insert(p.value) }
                if base == "LABEL" { labels.insert(p.value) }
                if base == "MODE" { #expect(p.value.range(of: #"^0[0-7]{3}$"#, options: .regularExpression) != nil) }
                if base == "GROUP" { #expect(p.value == "cccd-readers") }
                if ["MODE", "GROUP", "GOTO", "LABEL"].contains(base) { #expect(p.op == "=") }
            }
            // A rule that grants access must match on something.
            if pairs.contains(where: { $0.key == "MODE" }) {
                #expect(pairs.contains { $0.op == "==" || $0.op == "!=" }, "\(file): unconditional MODE")
            }
        }
        #expect(gotos.isSubset(of: labels), "GOTO without LABEL")
    }

    @Test func vendorAndProductIDsAreFourHexDigits() throws {
        var ids: [(String, String)] = []
        for (_, line) in try ruleLines() {
            let pairs = Self.parse(line) ?? []
            let vendor = pairs.first { $0.key == "ATTRS{idVendor}" }?.value
            let product = pairs.first { $0.key == "ATTRS{idProduct}" }?.value
            for v in [vendor, product].compactMap({ $0 }) {
                #expect(v.range(of: #"^[0-9a-f]{4}$"#, options: .regularExpression) != nil, "bad id \(v)")
            }
            #expect((vendor == nil) == (product == nil), "vendor without product: \(line)")
            if let vendor, let product { ids.append((vendor, product)) }
        }
        let set = Set(ids.map { "\($0.0):\($0.1)" })
        #expect(set.count == ids.count, "duplicate reader rule")
        // The counter readers named in the foundation issue.
        for required in ["072f:2200", "072f:223b", "072f:2224", "076b:5340", "076b:5022", "076b:5422", "076b:5427",
                         "04e6:5790", "04e6:5724", "096e:060d", "096e:0624"] {
            #expect(set.contains(required), "missing \(required)")
        }
    }

    /// Every rule that grants access gives it to the readers' group only: owner and group read/write,
    /// nobody else. That group is not the one that reads the daemon's token and journal (cccdkit),
    /// both come from systemd/cccdkit.sysusers.conf, and the unit runs in cccdkit without joining it.
    @Test func accessIsGrantedToTheReadersGroupOnly() throws {
        var granting = 0
        for (file, line) in try ruleLines() {
            let pairs = Self.parse(line) ?? []
            let mode = pairs.first { $0.key == "MODE" }?.value
            let group = pairs.first { $0.key == "GROUP" }?.value
            #expect((mode == nil) == (group == nil), "\(file): MODE without GROUP or the reverse: \(line)")
            guard let mode else { continue }
            granting += 1
            #expect(mode == "0660", "\(file): \(line)")
            #expect(group == "cccd-readers", "\(file): \(line)")
            #expect(!pairs.contains { $0.key == "OWNER" }, "\(file): \(line)")
        }
        #expect(granting >= 12)
        let sysusers = try String(
            contentsOf: Self.repo.appendingPathComponent("systemd/cccdkit.sysusers.conf"), encoding: .utf8)
        let entries = sysusers.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(entries.contains { $0.prefix(2) == ["g", "cccdkit"] })
        #expect(entries.contains { $0.prefix(2) == ["g", "cccd-readers"] })
        // No `m` line puts the daemon's user into the readers' group.
        #expect(!entries.contains { $0.first == "m" && $0.contains("cccd-readers") })
        let unit = try String(contentsOf: Self.repo.appendingPathComponent("systemd/cccdd.service"), encoding: .utf8)
        let lines = unit.split(separator: "\n")
        #expect(lines.contains("Group=cccdkit"))
        #expect(!lines.contains { $0.hasPrefix("SupplementaryGroups=") && $0.contains("cccd-readers") })
    }

    @Test func genericCCIDClassMatch() throws {
        #expect(try ruleLines().contains { $0.line.contains("ENV{ID_USB_INTERFACES}==\"*:0b????:*\"") })
    }

    @Test func linterRejectsBrokenSyntax() {
        #expect(Self.parse(#"ATTRS{idVendor}=="072f", MODE="0660""#) != nil)
        #expect(Self.parse(#"ATTRS{idVendor}=="072f" MODE="0660""#) == nil)
        #expect(Self.parse(#"ATTRS{idVendor}==072f"#) == nil)
        #expect(Self.parse(#"ATTRS{idVendor}=="072f", MODE="0660"#) == nil)
    }
}
