import ArgumentParser
import CCCDFace
import Foundation

/// The decision levels and the PAD threshold, measured on what ../shared holds: every same- and
/// different-identity pair of ../shared/faces (identities.tsv) at each level's distance, and the PAD
/// score of every live photo and attack sample found (../shared/models/pad-samples, ../shared/faces, the
/// face test photos, and any extra folder given). Prints Markdown (scripts/face-calibration.sh).
struct FaceLevelsCalibration: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "face-levels", abstract: "FMR/FNMR of the decision levels and PAD scores of the available photos.")

    @Option(help: "The shared material folder (default ../shared beside the repository, or CCCD_SHARED_DIR).")
    var shared: String?

    @Option(help: "An extra folder of live photos (label live) to score for PAD.")
    var live: [String] = []

    @Option(help: "An extra folder of attack photos (label attack) to score for PAD.")
    var attack: [String] = []

    func run() async throws {
        let root = shared ?? ProcessInfo.processInfo.environment["CCCD_SHARED_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "../shared"
        let engine = FaceEngine()
        try engine.loadModels()
        print("# Face decision levels and PAD scores\n")
        try levels(engine, root: root)
        pad(engine, root: root)
    }

    private func levels(_ engine: FaceEngine, root: String) throws {
        guard let table = try? String(contentsOfFile: root + "/faces/identities.tsv", encoding: .utf8) else {
            print("(\(root)/faces not found: no level calibration)\n")
            return
        }
        var templates: [(identity: String, template: FaceTemplate)] = []
        var skipped: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { continue }
            do {
                templates.append((fields[1], try engine.template(for: FaceImage(contentsOf: URL(fileURLWithPath: root + "/faces/" + fields[0])))))
            } catch {
                skipped.append("\(fields[0]) (\(error))")
            }
        }
        var same: [Double] = [], different: [Double] = []
        for i in templates.indices {
            for j in templates.indices where j > i {
                let d = try templates[i].template.distance(to: templates[j].template)
                if templates[i].identity == templates[j].identity { same.append(d) } else { different.append(d) }
            }
        }
        print("## Levels on ../shared/faces\n")
        print("\(templates.count) photos with a usable face, \(same.count) same-identity and \(different.count) different-identity pairs (all pairs).")
        if !skipped.isEmpty { print("Skipped: \(skipped.joined(separator: "; ")).") }
        print("\n| level | distance ≤ | similarity ≥ | FMR | FNMR |\n|---|---|---|---|---|")
        for level in FaceDecisionLevel.allCases {
            let t = level.distanceThreshold
            let fm = different.filter { $0 <= t }.count, fnm = same.filter { $0 > t }.count
            print(String(format: "| %@ | %.2f | %.3f | %.2f %% (%d/%d) | %.2f %% (%d/%d) |", level.rawValue, t, level.threshold,
                         100 * Double(fm) / Double(max(1, different.count)), fm, different.count,
                         100 * Double(fnm) / Double(max(1, same.count)), fnm, same.count))
        }
        let sorted = different.sorted()
        print(String(format: "\nSmallest different-identity distances: %@; largest same-identity: %@.\n",
                     sorted.prefix(5).map { String(format: "%.3f", $0) }.joined(separator: ", "),
                     same.sorted().suffix(5).map { String(format: "%.3f", $0) }.joined(separator: ", ")))
    }

    private func pad(_ engine: FaceEngine, root: String) {
        let detector = PresentationAttackDetector()
        var sources: [(label: String, folder: String)] = [("attack", root + "/models/pad-samples"), ("live", root + "/faces")]
        let testData = ProcessInfo.processInfo.environment["CCCD_FACE_TESTDATA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? NSHomeDirectory() + "/.cache/cccdkit/face-testdata"
        sources += [("live", testData + "/originals"), ("live", testData + "/live")]
        sources += live.map { ("live", $0) } + attack.map { ("attack", $0) }
        print("## PAD scores (threshold \(PresentationAttackDetector.defaultThreshold), models in \(detector.modelsDirectory.path))\n")
        if let reason = detector.loadModels() {
            print("not-available: \(reason)\n")
            return
        }
        print("| photo | label | status | score | V2 | V1SE | ms |\n|---|---|---|---|---|---|---|")
        let files = FileManager.default
        for (label, folder) in sources {
            guard let names = files.enumerator(atPath: folder)?.allObjects.compactMap({ $0 as? String }) else { continue }
            for name in names.sorted() where [".jpg", ".jpeg", ".png"].contains(where: name.lowercased().hasSuffix) {
                // The upstream samples: F = fake (attack), T = true (live).
                let truth = name.hasPrefix("image_T") ? "live" : label
                guard let image = try? FaceImage(contentsOf: URL(fileURLWithPath: folder + "/" + name)) else { continue }
                let start = ContinuousClock.now
                let result = engine.liveness(of: [image], pad: detector)
                let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
                let models = result.signals.modelScores ?? [:]
                func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }
                print("| \(URL(fileURLWithPath: folder).lastPathComponent)/\(name) | \(truth) | \(result.status.rawValue) | \(f(result.score)) | \(f(models["MiniFASNetV2"])) | \(f(models["MiniFASNetV1SE"])) | \(ms) |")
            }
        }
        print("\nLive photos whose status is insufficient-quality (grey-level crops, several faces, small faces) get no verdict.")
    }
}
