namespace RoezanGhl.TestSupport.Hosting;

/// <summary>A Roezan account of the app under test: the GHL location it feeds and the secret its webhooks are signed with (null: none stored).</summary>
public sealed record TestAccount(string AccountId, string LocationId, string? WebhookSecret);
