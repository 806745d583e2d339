import Foundation
import Testing

/// docs/monitoring: the Prometheus alert rules and the Grafana dashboard parse, are complete, and
/// name only metrics cccdd exports (a renamed metric must not silence an alert). With promtool on
/// PATH the rules are checked by it too.
@Suite struct MonitoringFiles {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rulesPath = repo.appendingPathComponent("docs/monitoring/cccdd-alerts.rules.json")
    static let dashboardPath = repo.appendingPathComponent("docs/monitoring/cccdd-grafana-dashboard.json")

    /// The metric labels in Sources/CCCDDaemon (`Counter/Gauge/Timer(label: "cccdd_…")`); a Timer is
    /// exported as a histogram (`_bucket`, `_sum`, `_count`).
    static func exportedMetrics() throws -> Set<String> {
        var names: Set<String> = []
        let root = repo.appendingPathComponent("Sources/CCCDDaemon")
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let pattern = try NSRegularExpression(pattern: #"(Counter|Gauge|Timer)\(label: "(cccdd_[a-z_]+)""#)
        for case let url as URL in walker where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let kind = String(text[Range(match.range(at: 1), in: text)!])
                let name = String(text[Range(match.range(at: 2), in: text)!])
                names.insert(name)
                if kind == "Timer" { names.formUnion(["_bucket", "_sum", "_count"].map { name + $0 }) }
            }
        }
        return names
    }

    static func metricNames(in expression: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\bcccdd_[a-z_]+\b"#)
        return Set(
            regex.matches(in: expression, range: NSRange(expression.startIndex..., in: expression))
                .map { String(expression[Range($0.range, in: expression)!]) })
    }

    @Test func alertRulesParseAndNameExistingMetrics() throws {
        let exported = try Self.exportedMetrics()
        #expect(
            exported.isSuperset(of: [
                "cccdd_reads_total", "cccdd_read_duration_seconds_bucket", "cccdd_trust_crl_next_update_seconds",
            ]))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.rulesPath)) as? [String: Any]
        let groups = try #require(object?["groups"] as? [[String: Any]])
        var alerts: [String] = []
        var named: Set<String> = []
        for group in groups {
            #expect(group["name"] is String)
            for rule in try #require(group["rules"] as? [[String: Any]]) {
                let alert = try #require(rule["alert"] as? String)
                let expr = try #require(rule["expr"] as? String)
                alerts.append(alert)
                #expect(["warning", "critical"].contains((rule["labels"] as? [String: String])?["severity"]), "\(alert)")
                #expect((rule["annotations"] as? [String: String])?["summary"]?.isEmpty == false, "\(alert)")
                let metrics = Self.metricNames(in: expr)
                #expect(!metrics.isEmpty || expr.contains("up{"), "\(alert) names no cccdd metric")
                for metric in metrics { #expect(exported.contains(metric), "\(alert): \(metric) is not exported by cccdd") }
                named.formUnion(metrics)
            }
        }
        #expect(Set(alerts).count == alerts.count, "duplicate alert names")
        // The series the fleet watches: reads and verdicts, durations, reader errors, trust freshness.
        #expect(
            named.isSuperset(of: [
                "cccdd_reads_total", "cccdd_read_duration_seconds_bucket", "cccdd_readers",
                "cccdd_trust_crl_next_update_seconds", "cccdd_trust_anchors", "cccdd_audit_failures_total",
            ]))
    }

    @Test func dashboardParsesAndNamesExistingMetrics() throws {
        let exported = try Self.exportedMetrics()
        let dashboard = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.dashboardPath)) as? [String: Any])
        #expect(dashboard["uid"] as? String == "cccdd-fleet")
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let ids = panels.compactMap { $0["id"] as? Int }
        #expect(ids.count == panels.count && Set(ids).count == ids.count)
        for panel in panels {
            let targets = try #require(panel["targets"] as? [[String: Any]], "\(panel["title"] ?? "?")")
            #expect(!targets.isEmpty)
            for target in targets {
                let expr = try #require(target["expr"] as? String)
                let metrics = Self.metricNames(in: expr)
                #expect(!metrics.isEmpty)
                for metric in metrics { #expect(exported.contains(metric), "\(metric) is not exported by cccdd") }
            }
        }
    }

    @Test func promtoolAcceptsTheRulesWhenInstalled() throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/promtool" }
        guard let promtool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("promtool not on PATH: the rules are checked by the tests above only")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "rules", Self.rulesPath.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
