import Foundation

/// The committed OpenAPI 3.1 document (docs/openapi.json links to this resource), served as is.
public enum OpenAPIDocument {
    public static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }
}
