namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// The secrets a Roezan account's webhook may be signed with: one secret value holding several, separated by
/// commas or whitespace, so that a new secret can be added before the old one is removed (rotation with
/// overlap). <see cref="ToString"/> shows only the count.
/// </summary>
public sealed class WebhookSecretSet
{
    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    private WebhookSecretSet(IReadOnlyList<string> secrets) => Secrets = secrets;

    public static WebhookSecretSet Empty { get; } = new([]);

    /// <summary>The secrets in the order they were written, without blanks or repeats.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public bool IsEmpty => Secrets.Count == 0;

    /// <summary>Reads a stored secret value; null or blank gives <see cref="Empty"/>.</summary>
    public static WebhookSecretSet Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty;
        }

        var secrets = value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new WebhookSecretSet(secrets);
    }

    public override string ToString() => $"{Secrets.Count} webhook secret(s)";
}
