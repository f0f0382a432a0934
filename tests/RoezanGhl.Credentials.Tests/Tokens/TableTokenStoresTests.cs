using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Credentials.Tests.Tokens;

[IntegrationLane]
public sealed class TableTokenStoresTests
{
    private readonly AzuriteTokenStorage _storage = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_location_status_is_marked_listed_and_cleared()
    {
        var store = _storage.NewStatusStore(_time);
        Assert.Null(await store.GetAsync("loc/odd#id", CancellationToken.None));

        await store.MarkNeedsAttentionAsync("loc/odd#id", "GHL refused the token refresh (400 invalid_grant): revoked", "sha256:0011", CancellationToken.None);
        var marked = await store.GetAsync("loc/odd#id", CancellationToken.None);
        var listed = await store.ListNeedingAttentionAsync(CancellationToken.None).ToListAsync();

        Assert.NotNull(marked);
        Assert.True(marked.NeedsAttention);
        Assert.Equal("sha256:0011", marked.SecretFingerprint);
        Assert.Equal(_time.GetUtcNow(), marked.UpdatedAt);
        Assert.Equal("loc/odd#id", Assert.Single(listed).LocationId);

        await store.ClearAsync("loc/odd#id", CancellationToken.None);

        Assert.False((await store.GetAsync("loc/odd#id", CancellationToken.None))!.NeedsAttention);
        Assert.Empty(await store.ListNeedingAttentionAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_state_nonce_is_accepted_once_even_across_instances()
    {
        Azurite.EnsureRunning();
        var table = "states" + Azurite.UniqueName("t").Replace("-", string.Empty, StringComparison.Ordinal);
        var hostA = new TableOAuthStateNonceStore(new TableServiceClient(Azurite.ConnectionString).GetTableClient(table));
        var hostB = new TableOAuthStateNonceStore(new TableServiceClient(Azurite.ConnectionString).GetTableClient(table));
        var expiresAt = _time.GetUtcNow().AddMinutes(10);

        Assert.True(await hostA.TryConsumeAsync("00112233445566778899aabbccddeeff", expiresAt, CancellationToken.None));
        Assert.False(await hostB.TryConsumeAsync("00112233445566778899aabbccddeeff", expiresAt, CancellationToken.None));
        Assert.True(await hostB.TryConsumeAsync("ffeeddccbbaa99887766554433221100", expiresAt, CancellationToken.None));
    }
}
