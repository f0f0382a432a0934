namespace RoezanGhl.Functions.Console;

/// <summary>What <see cref="ConsoleGate"/> decided about a request: let it in (with who it is), ask to sign in, or pretend the console is not there.</summary>
public sealed record ConsoleAccess(ConsoleAccessOutcome Outcome, string? Actor)
{
    public static ConsoleAccess NotFound { get; } = new(ConsoleAccessOutcome.NotFound, null);

    public static ConsoleAccess SignIn { get; } = new(ConsoleAccessOutcome.SignIn, null);

    public bool Allowed => Outcome == ConsoleAccessOutcome.Allowed;
}
