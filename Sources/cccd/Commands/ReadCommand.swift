import ArgumentParser
import CCCDFace
import CCCDKit
import CCCDLDS
import CCCDVerification
import Foundation

/// `cccd read`: waits for a card, reads it, prints a summary or the JSON object of
/// docs/interfaces.md, optionally writes the dump folder and the photo.
struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a chip ID card (CCCD) or eMRTD.",
        discussion: """
            ACCESS is one of: --can 123456 (for a CCCD the last 6 digits of the 12-digit ID), \
            --mrz DOCNO,YYMMDD,YYMMDD, or --id 012345678901 --dob YYYY-MM-DD --expiry YYYY-MM-DD|none. \
            Exit status: 0 read and valid, 2 could not read, 3 invalid, 4 untrusted or incomplete, 5 expired, 64 usage. \
            --live IMAGE compares the chip photo with IMAGE (repeat --live for up to 5 frames of one capture; \
            the best-quality frame is compared, all are scored for presentation attacks); its result (or error) \
            is reported in the face block and does not change the exit status. The face work overlaps the read.
            """)

    @Option(help: "Reader name or index (see `cccd readers`); default: the first reader.")
    var reader: String?

    @Option(help: "Card access number (PACE). For a CCCD: the last 6 digits of the 12-digit ID.")
    var can: String?

    @Option(help: "MRZ key: DOCNO,YYMMDD,YYMMDD (document number, date of birth, date of expiry).")
    var mrz: String?

    @Option(help: "The 12-digit Vietnamese ID (with --dob and --expiry).")
    var id: String?

    @Option(help: "Date of birth YYYY-MM-DD (with --id).")
    var dob: String?

    @Option(help: "Date of expiry YYYY-MM-DD, or none for cards without expiry (with --id).")
    var expiry: String?

    @Option(help: "CSCA certificate, folder or master list for verification (repeatable).")
    var trust: [String] = []

    @Option(help: "Write the dump folder (EF.COM.bin, EF.SOD.bin, DGn.bin … exactly as read).")
    var out: String?

    @Option(help: "Write the chip photo (JPEG or JPEG 2000) to this file.")
    var photo: String?

    @Option(
        help:
            "A live face photo (JPEG, PNG, WebP or JPEG 2000) to compare with the chip photo; adds the face block. Repeat for up to 5 frames of one capture."
    )
    var live: [String] = []

    @Option(help: "Face decision level with --live: standard (distance 0.6) or strict (distance 0.55).")
    var level: FaceDecisionLevel = .standard

    @Option(
        help:
            "Presentation-attack (liveness) threshold with --live, \(PresentationAttackDetector.thresholdRangeText) (default \(PresentationAttackDetector.defaultThreshold))."
    )
    var padThreshold: Double?

    @Flag(help: "Print one JSON object on stdout.")
    var json = false

    @Option(help: "Active Authentication challenge chosen by the caller: 8 bytes as 16 hex digits (or base64).")
    var aaChallenge: String?

    @Option(help: "Write the cccdkit evidence bundle (docs/evidence.md) to this file (mode 0600).")
    var evidence: String?

    @Option(help: "Seconds to wait for a card.")
    var timeout: Double = 30

    @Option(help: "Language of messages: vi or en (default: from LANG / LC_ALL).")
    var lang: String?

    @Flag(help: .hidden)
    var noAccessControl = false

    @Flag(help: .hidden)
    var shortAPDUs = false

    func validate() throws {
        let given = [can != nil, mrz != nil, id != nil].filter { $0 }.count
        if given == 0 && !noAccessControl {
            throw ValidationError("give the access key: --can, --mrz or --id with --dob and --expiry")
        }
        if given > 1 { throw ValidationError("give only one of --can, --mrz, --id") }
        if id != nil && (dob == nil || expiry == nil) {
            throw ValidationError("--id needs --dob YYYY-MM-DD and --expiry YYYY-MM-DD|none")
        }
        if id == nil && (dob != nil || expiry != nil) { throw ValidationError("--dob and --expiry go with --id") }
        if let lang, Language(rawValue: lang.lowercased()) == nil { throw ValidationError("--lang is vi or en") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if live.count > FaceEngine.maximumLiveFrames {
            throw ValidationError("give 1 to \(FaceEngine.maximumLiveFrames) live images")
        }
        if let padThreshold, !PresentationAttackDetector.thresholdRange.contains(padThreshold) {
            throw ValidationError("--pad-threshold must be \(PresentationAttackDetector.thresholdRangeText)")
        }
        if let aaChallenge, ActiveAuthenticationEvidence.parseChallenge(aaChallenge) == nil {
            throw ValidationError("--aa-challenge must be 8 bytes: 16 hex digits or 12 base64 characters")
        }
    }

    var accessInput: AccessInput {
        if let can { return .can(can) }
        if let mrz { return .mrz(mrz) }
        if let id, let dob, let expiry {
            return .vietnameseID(id: id, dateOfBirth: dob, dateOfExpiry: expiry.lowercased() == "none" ? nil : expiry)
        }
        return .none
    }

    func run() async throws {
        let language = Language.resolve(lang)
        let access = accessInput
        // Malformed keys are usage errors (64), found before touching the reader.
        do {
            _ = try access.accessKey()
        } catch {
            printError("cccd read: " + ReadErrorMessage.text(for: error, access: access, language: language))
            throw ExitCodes.usage
        }

        var options = ReadOptions(cardTimeout: .milliseconds(Int64(timeout * 1000)), shortAPDUsOnly: shortAPDUs)
        options.activeAuthenticationChallenge = aaChallenge.flatMap(ActiveAuthenticationEvidence.parseChallenge)
        options.verifier = CardVerifier(
            trustStore: TrustStore.commandLine(paths: trust),
            extendedLengthSupported: !shortAPDUs)

        // With --live the face work starts now and overlaps the read (see LiveFaceCheck.Pipeline).
        let facePipeline =
            live.isEmpty
            ? nil : LiveFaceCheck.Pipeline(livePaths: live, settings: .init(level: level, padThreshold: padThreshold))
        if let facePipeline { options.fileReadObserver = { file, bytes in facePipeline.fileRead(file, bytes) } }

        let bar = ProgressBar(language: language)
        bar.update(.waitingForCard(reader: reader))
        let operation = CardReader().read(reader: reader, access: access, options: options)
        let progressTask = Task {
            for await step in operation.progress { bar.update(step) }
        }
        var result: CardReadResult
        do {
            var read = try await operation.result()
            await progressTask.value
            if read.verification == nil { read.verification = .notAvailable() }
            result = read
        } catch {
            await progressTask.value
            bar.finish()
            printError("cccd read: " + ReadErrorMessage.text(for: error, access: access, language: language))
            throw ExitCodes.couldNotRead
        }
        bar.finish()
        logFiles(result)
        // The face engine and its models are loaded only when --live is given. A face error does
        // not change the verdict or the exit status (see LiveFaceCheck).
        var faceOutcome: LiveFaceCheck.Outcome?
        if let facePipeline {
            let readDone = ContinuousClock.now
            let outcome = await facePipeline.finish(dg2: result.rawFiles[.dataGroup(.dg2)], command: "cccd read")
            let after = ContinuousClock.now - readDone
            // Timing only: how long the face result took once the card read was done (issue 16: ≤ 60 ms).
            let milliseconds = Double(after.components.seconds) * 1000 + Double(after.components.attoseconds) / 1e15
            printError(String(format: "cccd read: face result %.1f ms after the read", milliseconds))
            faceOutcome = outcome
            result.face = outcome.summary
        }

        do {
            if let out {
                try result.writeDump(to: URL(fileURLWithPath: out))
            }
            if let evidence {
                let bundle = try EvidenceBundle.make(.cccdkit, result: result, reader: reader, readAt: Date())
                try EvidenceOutput.write(bundle, to: evidence, command: "cccd read")
            }
            if let photo {
                guard let image = result.photo?.imageData, !image.isEmpty else {
                    printError(
                        language.text(
                            "cccd read: the card has no photo to write",
                            "cccd read: thẻ không có ảnh để ghi"))
                    throw ExitCodes.couldNotRead
                }
                try PrivateFile.write(Data(image), to: URL(fileURLWithPath: photo))  // 0600: personal data
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("cccd read: " + language.text("cannot write output: \(error)", "không ghi được tệp: \(error)"))
            throw ExitCodes.couldNotRead
        }

        if json {
            print(String(decoding: try WithFaceOutcome(base: result, face: faceOutcome).jsonData(), as: UTF8.self))
        } else {
            print(ReadSummary.text(result, language: language))
            if let faceOutcome { print(faceOutcome.summaryLine(language: language, labelWidth: 22)) }
        }
        throw ExitCodes.forVerification(result.verification?.overall ?? .incomplete)
    }

    /// File names, sizes and statuses only: never contents.
    private func logFiles(_ result: CardReadResult) {
        let list = result.files.sorted { $0.key.description < $1.key.description }
            .map { file, status -> String in
                if case .read(let bytes) = status { return "\(file) \(bytes) B" }
                return "\(file) \(status.name)"
            }
        printError("cccd read: access \(result.access.protocol); files: \(list.joined(separator: ", "))")
        // Counts only (exchanges, restarts, secure-messaging work-arounds): no personal data.
        printError("cccd read: \(result.statistics)")
    }
}
