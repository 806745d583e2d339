// The facade re-exports the types its API uses, so `import CCCDKit` is all an application needs.
@_exported import CCCDChipAuthentication
@_exported import CCCDLDS
@_exported import CCCDMRZ
@_exported import CCCDProtocols
@_exported import CCCDTransport
@_exported import CCCDVerification

/// Namespace marker for the module.
public enum CCCDKitModule {}
