import CCCDTellerPage
import Foundation
import Testing

@Suite struct TellerPageTests {
    @Test func servesThePageWithItsContentTypes() throws {
        #expect(TellerPage.isAvailable)
        #expect(Set(["index.html", "app.css"] + Self.modules).isSubset(of: TellerPage.assetNames))
        let index = try #require(TellerPage.asset(for: TellerPage.indexName))
        #expect(index.contentType == "text/html; charset=utf-8")
        for module in Self.modules {
            #expect(try #require(TellerPage.asset(for: module)).contentType == "text/javascript; charset=utf-8", "\(module)")
        }
        #expect(try #require(TellerPage.asset(for: "app.css")).contentType == "text/css; charset=utf-8")
        // UTF-8 with the Vietnamese labels intact.
        let html = try #require(String(validating: index.bytes, as: UTF8.self))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("Đọc thẻ Căn cước"))
    }

    @Test(arguments: [
        "", ".", "..", "../Package.swift", "..%2fPackage.swift", "%2e%2e", "/etc/passwd", "Assets/index.html",
        "index.html/", "./index.html", ".hidden", "index.html\u{0}", "ui/app.js", "app.js?x=1", "C:\\app.js",
        "ındex.html", "INDEX.HTML", "missing.js", String(repeating: "a", count: 65) + ".js",
    ])
    func refusesNamesOutsideItsFolder(_ name: String) {
        #expect(TellerPage.asset(for: name) == nil)
    }

    /// Everything `index.html` links to is a served asset, loaded from the daemon itself.
    @Test func indexReferencesOnlyItsOwnAssets() throws {
        let html = String(decoding: try #require(TellerPage.asset(for: "index.html")).bytes, as: UTF8.self)
        let references = Self.matches(of: #"(?:src|href)="([^"]+)""#, in: html)
        #expect(references.contains("/ui/app.js") && references.contains("/ui/app.css"))
        for reference in references where reference != "data:," {
            #expect(reference.hasPrefix("/ui/"), "\(reference)")
            #expect(TellerPage.asset(for: String(reference.dropFirst(4))) != nil, "\(reference)")
        }
        // The entry is an ES module; every module it reaches is imported by a relative name of this folder.
        #expect(html.contains(#"<script type="module" src="/ui/app.js"></script>"#))
        var reached: Set<String> = []
        var pending = ["app.js"]
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            let script = String(decoding: try #require(TellerPage.asset(for: name), "\(name)").bytes, as: UTF8.self)
            for specifier in Self.matches(of: #"^import\b[^;]*?from\s+"([^"]+)";"#, in: script, multiline: true) {
                #expect(specifier.hasPrefix("./") && specifier.hasSuffix(".js"), "\(name): \(specifier)")
                pending.append(String(specifier.dropFirst(2)))
            }
        }
        #expect(reached == Set(Self.modules), "modules reached from app.js: \(reached.sorted())")
    }

    /// The daemon sends `default-src 'self'` without 'unsafe-inline': no inline script or style, no
    /// event-handler attributes, and no third-party address (no CDN) in any asset.
    @Test func compatibleWithAStrictContentSecurityPolicy() throws {
        let html = String(decoding: try #require(TellerPage.asset(for: "index.html")).bytes, as: UTF8.self)
        #expect(Self.matches(of: #"<script(?![^>]*\bsrc=)[^>]*>"#, in: html).isEmpty)
        #expect(Self.matches(of: #"<style\b"#, in: html).isEmpty)
        #expect(Self.matches(of: #"\sstyle="#, in: html).isEmpty)
        #expect(Self.matches(of: #"\son[a-z]+="#, in: html).isEmpty)
        for name in TellerPage.assetNames {
            let text = String(decoding: try #require(TellerPage.asset(for: name)).bytes, as: UTF8.self)
            #expect(Self.matches(of: #"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}"#, in: text).isEmpty, "\(name)")
            #expect(!text.contains("eval("), "\(name)")
        }
    }

    /// The page never persists what it shows: storage only holds the token (session) and the language.
    @Test func scriptStoresNoPersonalData() throws {
        var writes: [String] = []
        for module in Self.modules {
            let script = String(decoding: try #require(TellerPage.asset(for: module)).bytes, as: UTF8.self)
            writes += Self.matches(of: #"(?:sessionStorage|localStorage)\.setItem\(([A-Z_]+)"#, in: script)
            #expect(!script.contains("console."), "\(module)")
            #expect(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML"), "\(module)")
        }
        #expect(Set(writes) == ["TOKEN_KEY", "LANG_KEY"])
    }

    /// Every label of the page has both languages in the script's table (a missing key would leave
    /// the label in Vietnamese when the teller switches to English).
    @Test func everyLabelIsTranslated() throws {
        let html = String(decoding: try #require(TellerPage.asset(for: "index.html")).bytes, as: UTF8.self)
        let script = String(decoding: try #require(TellerPage.asset(for: "i18n.js")).bytes, as: UTF8.self)
        let keys = Set(Self.matches(of: #"data-i18n="([^"]+)""#, in: html))
        #expect(keys.count > 30)
        for key in keys {
            #expect(script.contains("\"\(key)\": ["), "\(key) has no entry in i18n.js")
        }
    }

    /// The page's ES modules (app.js is the entry; Tests/TellerPageJS tests sse.js, i18n.js and fragment.js).
    static let modules = [
        "app.js", "api.js", "autoread.js", "camera.js", "events.js", "face.js", "fragment.js", "i18n.js", "reading.js",
        "result-view.js", "sse.js", "view.js",
    ]

    static func matches(of pattern: String, in text: String, multiline: Bool = false) -> [String] {
        let options: NSRegularExpression.Options = multiline ? [.caseInsensitive, .anchorsMatchLines] : [.caseInsensitive]
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return ["bad pattern"] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let r = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(r, in: text).map { String(text[$0]) }
        }
    }
}
