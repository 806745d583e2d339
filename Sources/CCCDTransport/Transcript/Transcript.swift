import CCCDPrimitives
import Foundation

/// A recorded card session: the ATR and every command/response exchange in order.
///
/// File format (`*.jsonl`, documented in TestVectors/transcripts/FORMAT.md): JSON Lines, UTF-8.
/// Line 1 is the header `{"format":"cccd-transcript","version":1,"atr":"HEX","reader":"…",
/// "created":"ISO-8601","note":"…"}`; every following line is one exchange
/// `{"i":N,"t":MS,"c":"HEX","r":"HEX"}` with the 0-based index, the milliseconds since the session
/// started, the command APDU and the response APDU (data + SW), or `"e":"…"` instead of `"r"` when
/// the transport failed.
package struct Transcript: Sendable, Equatable {
    package struct Header: Codable, Sendable, Equatable {
        package var format: String = Transcript.formatName
        package var version: Int = Transcript.formatVersion
        package var atr: String?
        package var reader: String?
        package var created: String?
        package var note: String?

        package init(atr: [UInt8]? = nil, reader: String? = nil, created: Date? = Date(), note: String? = nil) {
            self.atr = atr.map { Hex.encode($0) }
            self.reader = reader
            self.created = created.map { ISO8601DateFormatter().string(from: $0) }
            self.note = note
        }
    }

    package struct Exchange: Codable, Sendable, Equatable {
        /// 0-based position in the session.
        package var i: Int
        /// Milliseconds since the session started.
        package var t: Double
        /// Command APDU, hex.
        package var c: String
        /// Response APDU (data + SW1 SW2), hex; nil when the transport failed.
        package var r: String?
        /// The transport error, when there was one.
        package var e: String?
        /// A note from the layers above, e.g. that secure messaging took the status word from the
        /// unprotected trailer (no DO'99').
        package var n: String?

        package init(index: Int, milliseconds: Double, command: [UInt8], response: [UInt8]?, error: String? = nil) {
            i = index
            t = (milliseconds * 1000).rounded() / 1000
            c = Hex.encode(command)
            r = response.map { Hex.encode($0) }
            e = error
        }
    }

    package static let formatName = "cccd-transcript"
    package static let formatVersion = 1

    package var header: Header
    package var exchanges: [Exchange]

    package init(header: Header, exchanges: [Exchange] = []) {
        self.header = header
        self.exchanges = exchanges
    }

    /// One JSON object per line, header first.
    package func jsonLines() -> String {
        let encoder = JSONCoding.encoder()
        var lines: [String] = []
        lines.append(String(decoding: try! encoder.encode(header), as: UTF8.self))
        for exchange in exchanges {
            lines.append(String(decoding: try! encoder.encode(exchange), as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a transcript file; rejects unknown formats and malformed lines with their line number.
    package init(jsonLines text: String) throws(TranscriptError) {
        let decoder = JSONDecoder()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).enumerated().makeIterator()
        guard let (_, first) = lines.next() else { throw .empty }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: Data(first.utf8))
        } catch {
            throw .malformedLine(1, "header: \(error)")
        }
        guard header.format == Self.formatName else { throw .unsupportedFormat(header.format) }
        guard header.version == Self.formatVersion else { throw .unsupportedVersion(header.version) }
        var exchanges: [Exchange] = []
        while let (n, line) = lines.next() {
            let exchange: Exchange
            do {
                exchange = try decoder.decode(Exchange.self, from: Data(line.utf8))
            } catch {
                throw .malformedLine(n + 1, "\(error)")
            }
            guard Hex.decode(exchange.c) != nil, exchange.r.map({ Hex.decode($0) != nil }) ?? true else {
                throw .malformedLine(n + 1, "invalid hex")
            }
            guard exchange.r != nil || exchange.e != nil else { throw .malformedLine(n + 1, "neither r nor e") }
            exchanges.append(exchange)
        }
        self.init(header: header, exchanges: exchanges)
    }

    package init(contentsOf url: URL) throws(TranscriptError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(url.path)
        }
        try self.init(jsonLines: text)
    }
}

package enum TranscriptError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unreadable(String)
    case unsupportedFormat(String)
    case unsupportedVersion(Int)
    case malformedLine(Int, String)

    package var description: String {
        switch self {
        case .empty: return "transcript is empty"
        case .unreadable(let path): return "cannot read transcript \(path)"
        case .unsupportedFormat(let f): return "not a cccd transcript (format \"\(f)\")"
        case .unsupportedVersion(let v): return "unsupported transcript version \(v)"
        case .malformedLine(let n, let why): return "transcript line \(n): \(why)"
        }
    }
}
