namespace RoezanGhl.Ghl.Auth;

/// <summary>
/// A bearer token. <see cref="ToString"/> is redacted so that a token put into a log template or an
/// exception message by mistake never shows its text; only <see cref="Value"/> reveals it.
/// </summary>
public sealed class GhlAccessToken : IEquatable<GhlAccessToken>
{
    public GhlAccessToken(string value, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The secret text. Use only to build the Authorization header.</summary>
    public string Value { get; }

    /// <summary>When the token stops working, when known (OAuth); null for static tokens.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>A short, non-reversible label for logs: the kind of token and the last 4 characters.</summary>
    public string Redacted => Redact(Value);

    public static string Redact(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return "(none)";
        }

        var kind = token.StartsWith("pit-", StringComparison.Ordinal) ? "pit" : "bearer";
        return token.Length <= 12 ? $"{kind}:***" : $"{kind}:***{token[^4..]}";
    }

    public bool Equals(GhlAccessToken? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GhlAccessToken other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Redacted;
}
