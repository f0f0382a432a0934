namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// One Roezan account: the API keys it accepts and where its webhooks go. <see cref="WebhookSecret"/>
/// may hold several secrets separated by commas or whitespace; each signs a <c>v1=</c> of the same
/// header, as Roezan would during a secret rotation.
/// </summary>
public sealed record RoezanSimulatorAccount
{
    /// <summary>The keys accepted in <c>X-API-Key</c> for this account (several: a key rotation).</summary>
    public string[] ApiKeys { get; init; } = [];

    /// <summary>Where change events are POSTed; none: events are recorded but not sent.</summary>
    public string? WebhookUrl { get; init; }

    public string? WebhookSecret { get; init; }
}
