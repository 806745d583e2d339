import Foundation

/// The committed OpenAPI 3.1 document (docs/openapi.json links to this resource), served as is.
public enum OpenAPIDocument {
    public static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    /// The JSON Schema (2020-12) of the read / verify result that the document references as
    /// `schema/read-result.schema.json` (docs/schema links to this folder).
    public static let resultSchema: Data? = Bundle.module.url(
        forResource: "read-result.schema", withExtension: "json", subdirectory: "schema"
    ).flatMap { try? Data(contentsOf: $0) }
}
