import Testing

/// A negative number is a value, not a flag: it reaches the range check and gets its range in the
/// message, with or without `=`, on every command (it used to say "Missing value for '--x <x>'").
private let negativeNumbers: [BadInvocation] = {
    let model: [(flag: String, value: String, fragment: String)] = [
        ("--seed", "-1", "a seed is a whole number from 0 to 18446744073709551615"),
        ("--rho", "-0.5", "--rho -0.5 is out of range (allowed: 0 ≤ rho < 1)"),
        ("--sigma", "-2", "--sigma -2 is out of range"),
        ("--scale", "-1", "--scale -1 is out of range"),
        ("--dk", "-8", "--dk -8 is out of range (allowed: 1–65536)"),
        ("--n", "-3", "--n -3 is out of range (allowed: 1–4096)"),
        ("--m", "-3", "--m -3 is out of range"),
        ("--alpha", "-1", "--alpha -1 is out of range"),
    ]
    let own: [(command: [String], flag: String, value: String, fragment: String)] = [
        (["snapshot"], "--width", "-1", "--width -1 is out of range (allowed: 80–1000)"),
        (["snapshot"], "--height", "-1", "--height -1 is out of range"),
        (["snapshot"], "--row", "-1", "--row -1 is out of range (allowed: 0 or more)"),
        (["sweep"], "--trials", "-2", "--trials -2 is out of range (allowed: 1–1000)"),
        (["bench"], "--n", "-1", "--n must be within 1–4096"),
        // Range checks come before a model is loaded, so no model needs to be installed.
        (["heads", "--model", "nosuchmodel"], "--dk", "-8", "--dk -8 is out of range (allowed: 1–65536)"),
        (["heads", "--model", "nosuchmodel"], "--scale", "-1", "--scale -1 is out of range"),
        (["heads", "--model", "nosuchmodel"], "--alpha", "-2", "--alpha -2 is out of range"),
        (["snapshot", "--model", "nosuchmodel"], "--layer", "-1", "--layer -1 is out of range"),
        (["snapshot", "--model", "nosuchmodel"], "--head", "-2", "--head -2 is out of range"),
    ]
    // The interactive view (by name and as the default command) checks its options before it
    // looks for a terminal, so these run without one.
    let commands: [[String]] = [["snapshot"], ["sweep"], ["interactive"], []]
    var cases: [BadInvocation] = []
    for command in commands {
        for option in model {
            cases.append(
                BadInvocation(arguments: command + [option.flag, option.value], status: 64, fragment: option.fragment))
            cases.append(
                BadInvocation(
                    arguments: command + ["\(option.flag)=\(option.value)"], status: 64, fragment: option.fragment))
        }
    }
    for option in own {
        cases.append(
            BadInvocation(
                arguments: option.command + [option.flag, option.value], status: 64, fragment: option.fragment))
    }
    return cases
}()

@Test(arguments: negativeNumbers)
func negativeNumbersReachTheRangeCheck(_ bad: BadInvocation) throws {
    let outcome = try CLIRunner.run(bad.arguments)
    #expect(outcome.status == bad.status)
    #expect(outcome.stderr.hasPrefix("attnview: "))
    #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "not one line: \(outcome.stderr)")
    #expect(outcome.stderr.contains(bad.fragment), "\(outcome.stderr) lacks \(bad.fragment)")
    #expect(!outcome.stderr.contains("Missing value"))
}
