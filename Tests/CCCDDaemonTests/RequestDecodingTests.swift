import CCCDDaemon
import CCCDDaemonAPI
import CCCDLDS
import Foundation
import Testing

@Suite struct RequestDecodingTests {
    func decode(_ text: String) throws(APIError) -> ReadRequest { try ReadRequest.decode(from: Data(text.utf8)) }

    @Test func accessForms() throws {
        #expect(try decode(#"{"access": {"can": "012345"}}"#).access == .can("012345"))
        #expect(try decode(#"{"access": {"mrz": "C01234567,900815,300815"}}"#).access == .mrz("C01234567,900815,300815"))
        let id = try decode(#"{"access": {"id": "079190012345", "dob": "1990-08-15", "expiry": "none"}}"#)
        #expect(id.access == .vietnameseID(id: "079190012345", dateOfBirth: "1990-08-15", dateOfExpiry: nil))
    }

    @Test func optionsAndSession() throws {
        let request = try decode("""
            {"access": {"can": "012345"}, "options": {"dataGroups": [1, 2, 13, 2], "photo": false,
             "activeAuthentication": false, "timeoutSeconds": 3}, "sessionId": "teller-7.a_b"}
            """)
        #expect(request.options.dataGroups == [1, 2, 13])
        #expect(request.options.photo == false && request.options.timeoutSeconds == 3)
        #expect(request.sessionId == "teller-7.a_b")
        #expect(request.dataGroups == [.dg1, .dg2, .dg13])
        let noAA = try decode(#"{"access": {"can": "012345"}, "options": {"activeAuthentication": false}}"#)
        #expect(noAA.dataGroups == [.dg1, .dg2, .dg13, .dg14])
        #expect(try decode(#"{"access": {"can": "012345"}}"#).dataGroups == nil)
    }

    @Test(arguments: [
        "", "null", "[]", "{", #"{"access": "012345"}"#, #"{"access": {}}"#, #"{"access": {"can": 12345}}"#,
        #"{"access": {"can": "12a456"}}"#, #"{"access": {"can": "012345", "mrz": "x"}}"#,
        #"{"access": {"id": "079190012345", "dob": "1990-08-15"}}"#,
        #"{"access": {"id": "079190012345", "dob": "15/08/1990", "expiry": "none"}}"#,
        #"{"access": {"can": "012345", "dob": "1990-08-15"}}"#,
        #"{"access": {"can": "012345"}, "extra": 1}"#, #"{"access": {"can": "012345"}, "options": {"photos": true}}"#,
        #"{"access": {"can": "012345"}, "options": {"dataGroups": [0]}}"#,
        #"{"access": {"can": "012345"}, "options": {"dataGroups": [17]}}"#,
        #"{"access": {"can": "012345"}, "options": {"timeoutSeconds": 0}}"#,
        #"{"access": {"can": "012345"}, "options": {"timeoutSeconds": 1e9}}"#,
        #"{"access": {"can": "012345"}, "options": {"photo": "yes"}}"#,
        #"{"access": {"can": "012345"}, "options": []}"#,
        #"{"access": {"can": "012345"}, "sessionId": ""}"#,
        #"{"access": {"can": "012345"}, "sessionId": "a b"}"#,
        #"{"access": {"can": "012345"}, "sessionId": "ß"}"#,
    ])
    func badReadRequestsAreInvalidRequest(_ body: String) {
        do {
            _ = try decode(body)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.code == "invalid_request" && error.status == .badRequest, "\(body)")
        }
    }

    @Test func verifyRequest() throws {
        let request = try VerifyRequest.decode(from: Data(#"{"files": {"EF.SOD": "AQID", "DG1": "BAU=", "EF.COM": "Bg=="}}"#.utf8))
        #expect(request.files[.sod] == [1, 2, 3])
        #expect(request.files[.dataGroup(.dg1)] == [4, 5])
        #expect(request.files[.com] == [6])
        for bad in [#"{"files": {}}"#, #"{"files": {"DG99": "AQID"}}"#, #"{"files": {"DG1": ""}}"#, #"{"files": {"DG1": 5}}"#,
                    #"{"files": ["DG1"]}"#, #"{"file": {}}"#] {
            #expect(throws: APIError.self, "\(bad)") { try VerifyRequest.decode(from: Data(bad.utf8)) }
        }
    }

    @Test func faceCompareRequest() throws {
        let byRead = try FaceCompareRequest.decode(from: Data(#"{"liveImage": "data:image/jpeg;base64,/9j/", "readId": "r1"}"#.utf8))
        #expect(byRead.liveImage == [0xFF, 0xD8, 0xFF] && byRead.chip == .read("r1"))
        let byImage = try FaceCompareRequest.decode(from: Data(#"{"liveImage": "/9j/", "chipImage": "AQID"}"#.utf8))
        #expect(byImage.chip == .image([1, 2, 3]))
        for bad in [#"{"liveImage": "/9j/"}"#, #"{"liveImage": "/9j/", "readId": "r", "chipImage": "AQID"}"#,
                    #"{"readId": "r"}"#, #"{"liveImage": "", "readId": "r"}"#] {
            #expect(throws: APIError.self, "\(bad)") { try FaceCompareRequest.decode(from: Data(bad.utf8)) }
        }
    }

    @Test("liveImages: 1–5 frames of one capture, instead of liveImage")
    func faceCompareFrames() throws {
        let frames = try FaceCompareRequest.decode(from: Data(#"{"liveImages": ["/9j/", "AQID"], "readId": "r1"}"#.utf8))
        #expect(frames.liveImages == [[0xFF, 0xD8, 0xFF], [1, 2, 3]] && frames.liveImage == [0xFF, 0xD8, 0xFF])
        let six = "[" + Array(repeating: #""/9j/""#, count: 6).joined(separator: ",") + "]"
        for bad in [#"{"liveImages": [], "readId": "r"}"#, #"{"liveImages": \#(six), "readId": "r"}"#,
                    #"{"liveImage": "/9j/", "liveImages": ["/9j/"], "readId": "r"}"#, #"{"liveImages": [""], "readId": "r"}"#] {
            #expect(throws: APIError.self, "\(bad)") { try FaceCompareRequest.decode(from: Data(bad.utf8)) }
        }
    }

    @Test func errorMessagesEchoNoValuesAndOnlyShortKeys() throws {
        let key = String(repeating: "x", count: 10_000) + "\u{7}"
        let body = try JSONSerialization.data(withJSONObject: [key: 1, "access": ["can": "123456"]])
        do {
            _ = try ReadRequest.decode(from: body)
            Issue.record("unknown key accepted")
        } catch {
            #expect(error.code == "invalid_request")
            #expect(error.message == "unknown key \"" + String(repeating: "x", count: 32) + "…\"")
        }
        // A malformed birth date is named, not repeated (it is personal data).
        do {
            _ = try decode(#"{"access": {"id": "079190012345", "dob": "15/08/1990", "expiry": "none"}}"#)
            Issue.record("malformed date accepted")
        } catch {
            #expect(error.message.contains("date of birth"))
            #expect(!error.message.contains("1990"))
        }
    }
}
