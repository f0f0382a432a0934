using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Time;
using RoezanGhl.TestSupport.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

/// <summary>
/// What the "hosts" of one test share: the secret store (the vault), the token endpoint, the refresh lock,
/// the status store, the clock and the log. Each <see cref="NewHost"/> has its own cache and its own
/// in-process state, like a separate instance of the app.
/// </summary>
internal sealed class TokenWorld
{
    public const string LocationId = "loc-test-1";

    /// <summary>Every token text a test uses starts with one of these, so one scan of the logs finds any leak.</summary>
    public static readonly string[] SecretMarkers = ["test-access-", "test-refresh-", "pit-test-", "test-code-", FakeGhlTokenEndpoint.ClientSecret, "test-state-key"];

    public InMemorySecretStore Store { get; } = new();

    public FakeGhlTokenEndpoint Endpoint { get; } = new() { LocationId = LocationId };

    public InProcessRefreshLock Lock { get; } = new();

    public InMemoryLocationStatusStore Statuses { get; } = new();

    public WatchedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    public FakeLogCollector Logs { get; } = new();

    public GhlOAuthOptions OAuth { get; } = new() { TokenUrl = "https://ghl.test/oauth/token", RedirectUri = "https://app.test/api/ghl/oauth/callback" };

    public static string TokenSecretName => SecretNames.GhlToken(LocationId);

    public TokenHost NewHost(TimeSpan? cacheDuration = null, ITokenRefreshLock? refreshLock = null, ILocationStatusStore? statuses = null) =>
        new(this, cacheDuration ?? TimeSpan.FromSeconds(30), refreshLock ?? Lock, statuses ?? Statuses);

    public void PutClientCredentials()
    {
        Store.Put(SecretNames.GhlOAuthClientId, FakeGhlTokenEndpoint.ClientId);
        Store.Put(SecretNames.GhlOAuthClientSecret, FakeGhlTokenEndpoint.ClientSecret);
    }

    /// <summary>Stores an OAuth token set that expires after <paramref name="expiresIn"/> and that the endpoint accepts once.</summary>
    public GhlOAuthTokenSet PutOAuth(TimeSpan expiresIn, string access = "test-access-0", string refresh = "test-refresh-0")
    {
        PutClientCredentials();
        var set = new GhlOAuthTokenSet
        {
            AccessToken = access,
            RefreshToken = refresh,
            ExpiresAt = Time.GetUtcNow() + expiresIn,
            LocationId = LocationId,
            UserType = "Location",
        };
        Store.Put(TokenSecretName, GhlTokenSecret.Write(set));
        Endpoint.Accept(refresh);
        return set;
    }

    public GhlOAuthTokenSet StoredSet() => GhlTokenSecret.Read(Store.Versions(TokenSecretName)[^1]).OAuth
        ?? throw new InvalidOperationException("The token secret holds no OAuth token set.");

    /// <summary>Runs <paramref name="action"/> while moving the fake clock on, for code that waits between retries.</summary>
    public Task<T> WhileTimePassesAsync<T>(Func<Task<T>> action, TimeSpan step) => Time.AdvanceUntilDoneAsync(action(), step);

    /// <summary>No token, refresh token, client secret or code appears anywhere in what was logged.</summary>
    public void AssertLogsHoldNoSecrets()
    {
        var records = Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (var text in texts.Where(t => t is not null))
            {
                foreach (var marker in SecretMarkers)
                {
                    Assert.False(text!.Contains(marker, StringComparison.Ordinal), $"Log {record.Id} leaks '{marker}': {text}");
                }
            }
        }
    }
}
