import CCCDKit
import CCCDPrimitives
import Foundation

/// A one-line progress bar on stderr, only when stderr is a terminal (quiet when piped).
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let language: Language
    /// Length of the line on screen; the lock also keeps two writes from interleaving.
    private let lastLength = LockedBox(0)

    init(language: Language, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.language = language
        self.enabled = enabled
    }

    func update(_ step: ReadProgress) {
        guard enabled else { return }
        let l = language
        let line: String
        switch step {
        case .waitingForCard: line = l.text("Waiting for a card…", "Đang chờ thẻ…")
        case .connected: line = l.text("Card found.", "Đã thấy thẻ.")
        case .authenticating: line = l.text("Opening the chip…", "Đang mở chip…")
        case .authenticated(let p): line = l.text("Access granted (\(p)).", "Đã truy cập (\(p)).")
        case .file(let p):
            let total = max(p.totalBytes ?? p.bytesRead, 1)
            let fraction = min(1, Double(p.bytesRead) / Double(total))
            let width = 24
            let filled = Int((fraction * Double(width)).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            line = "\(p.file.description.padding(toLength: 6, withPad: " ", startingAt: 0)) \(bar) \(p.bytesRead)/\(total) B"
        case .recovering: line = l.text("Card lost — put it back…", "Mất thẻ — hãy đặt lại thẻ…")
        case .finished:
            finish()
            return
        }
        write(line)
    }

    func finish() {
        guard enabled else { return }
        lastLength.withLock { lastLength in
            if lastLength > 0 { FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastLength) + "\r").utf8)) }
            lastLength = 0
        }
    }

    private func write(_ line: String) {
        lastLength.withLock { lastLength in
            let pad = max(0, lastLength - line.count)
            FileHandle.standardError.write(Data(("\r" + line + String(repeating: " ", count: pad)).utf8))
            lastLength = line.count
        }
    }
}
