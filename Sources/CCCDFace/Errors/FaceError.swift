/// Everything that can go wrong when decoding a photo, extracting a face template or comparing two.
///
/// The quality cases (`noFace`, `multipleFaces`, `faceTooSmall`, `imageTooSmall`, `imageTooLarge`,
/// `corruptImage`) tell the operator to take another photo; the others are deployment problems.
/// Messages never contain image content or personal data.
public enum FaceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The models directory does not hold the model files (run scripts/setup-face-models.sh).
    case modelsNotFound(directory: String, missing: [String])
    /// A model file exists but could not be loaded.
    case modelLoadFailed(path: String, reason: String)
    /// An image file could not be read.
    case fileNotReadable(path: String)
    /// The bytes are not a JPEG, JPEG 2000 (JP2 or J2K) or PNG image.
    case unsupportedImageFormat
    /// The image could not be decoded: corrupt, truncated or an unsupported variant of its format.
    case corruptImage(format: ImageFormat, reason: String)
    /// The image is smaller than the configured minimum.
    case imageTooSmall(width: Int, height: Int, minimumSide: Int)
    /// The image header announces more pixels than allowed; nothing was decoded.
    case imageTooLarge(width: Int, height: Int, maximumPixels: Int)
    /// No face was found.
    case noFace
    /// More than one face of usable size was found and the policy asks to reject such photos.
    case multipleFaces(count: Int)
    /// The largest face found is narrower than the configured minimum (in image pixels).
    case faceTooSmall(width: Int, minimumWidth: Int)
    /// The two templates come from different models or versions and cannot be compared.
    case incompatibleTemplates(String, String)
    /// Serialized template bytes or text that are not a valid template.
    case invalidTemplate(reason: String)
    /// An unexpected failure inside the face library.
    case internalError(String)
    /// The face native library (`FaceNativeLibrary`: dlib and OpenCV) cannot be loaded; `tried` names
    /// each place looked at, with the dynamic linker's reason.
    case nativeLibraryUnavailable(tried: [String])

    public var description: String {
        switch self {
        case let .modelsNotFound(directory, missing):
            "face models not found in \(directory) (missing \(missing.joined(separator: ", "))); "
                + "run scripts/setup-face-models.sh or set CCCD_FACE_MODELS"
        case let .modelLoadFailed(path, reason): "cannot load face model \(path): \(reason)"
        case let .fileNotReadable(path): "cannot read \(path)"
        case .unsupportedImageFormat: "not a JPEG, JPEG 2000 or PNG image"
        case let .corruptImage(format, reason): "corrupt or truncated \(format) image: \(reason)"
        case let .imageTooSmall(width, height, minimum):
            "image is \(width)×\(height); at least \(minimum) pixels per side are needed"
        case let .imageTooLarge(width, height, maximum):
            "image is \(width)×\(height), more than the \(maximum) pixels allowed"
        case .noFace: "no face found"
        case let .multipleFaces(count): "\(count) faces found; exactly one is expected"
        case let .faceTooSmall(width, minimum):
            "face is \(width) pixels wide; at least \(minimum) are needed"
        case let .incompatibleTemplates(a, b): "templates from different models (\(a), \(b))"
        case let .invalidTemplate(reason): "invalid face template: \(reason)"
        case let .internalError(reason): "face library error: \(reason)"
        case .nativeLibraryUnavailable(let tried):
            "face native library \(FaceNativeLibrary.fileName) cannot be loaded (tried \(tried.joined(separator: "; "))); "
                + "install it next to the executable or in \(FaceNativeLibrary.installedDirectory), or set "
                + "\(FaceNativeLibrary.environmentVariable) to its path"
        }
    }

    /// True for the errors that a better photo would fix.
    public var isQualityProblem: Bool {
        switch self {
        case .noFace, .multipleFaces, .faceTooSmall, .imageTooSmall, .imageTooLarge, .corruptImage,
             .unsupportedImageFormat:
            true
        default:
            false
        }
    }
}
