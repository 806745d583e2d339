/// Decides which faults hit each command: pure state (counters) in, actions out. The card keeps
/// one and asks it for every command it receives; the actions are applied by the card's stages
/// (see ``VirtualCard/installFaults(_:)``).
public struct FaultInjector: Sendable, Equatable {
    public let faults: [CardFault]
    /// Matches so far, per fault (for `occurrence`).
    private var matches: [Int]
    /// The current read number (access-control starts so far).
    public private(set) var read = 0

    public init(faults: [CardFault]) {
        self.faults = faults
        matches = Array(repeating: 0, count: faults.count)
    }

    /// The actions for one command, in the order the faults are listed.
    public mutating func decide(_ event: CommandEvent) -> [FaultAction] {
        if event.startsRead { read += 1 }
        var actions: [FaultAction] = []
        for (i, fault) in faults.enumerated() where fires(fault.trigger, i, event) {
            actions.append(fault.action)
        }
        return actions
    }

    private mutating func fires(_ t: FaultTrigger, _ i: Int, _ event: CommandEvent) -> Bool {
        if let kind = t.command, kind != .any, kind != event.kind {
            // "select" also covers SELECT of the application.
            guard kind == .select && event.kind == .selectApplication else { return false }
        }
        if let file = t.file, file != event.file { return false }
        if let read = t.read, read != self.read { return false }
        let repeats = t.repeat == true
        if let apdu = t.apdu, repeats ? event.index < apdu : event.index != apdu { return false }
        matches[i] += 1
        if let occurrence = t.occurrence, repeats ? matches[i] < occurrence : matches[i] != occurrence { return false }
        return true
    }
}
