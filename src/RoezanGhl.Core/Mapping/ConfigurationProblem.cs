namespace RoezanGhl.Core.Mapping;

/// <summary>One thing wrong with an account's configuration, and the entry it concerns ("customFields:plan").</summary>
/// <param name="Path">The entry, as a configuration path relative to where it was read (':'-separated).</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ConfigurationProblem(string Path, string Message)
{
    /// <summary>The same problem with its path under <paramref name="prefix"/> ("Roezan:Accounts:demo:Mapping").</summary>
    public ConfigurationProblem Under(string prefix) => this with { Path = Path.Length == 0 ? prefix : $"{prefix}:{Path}" };

    public override string ToString() => $"{Path}: {Message}";
}
