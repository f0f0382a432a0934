namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// A rendered message: its text, the placeholders that had no value and no fallback (rendered empty, to show
/// in the plan), or why it could not be rendered (a limit reached, an <c>include</c>): then <see cref="Text"/> is empty.
/// </summary>
public sealed record SmsRenderResult(string Text, IReadOnlyList<string> MissingPlaceholders, string? Failure)
{
    public bool Succeeded => Failure is null;
}
