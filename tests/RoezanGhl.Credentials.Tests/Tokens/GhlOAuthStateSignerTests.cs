using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlOAuthStateSignerTests
{
    private readonly TokenWorld _world = new();

    private GhlOAuthStateSigner NewSigner() => new(_world.Store, new InMemoryNonceStore(), Options.Create(_world.OAuth), _world.Time);

    [Fact]
    public async Task A_fresh_state_is_valid_once_and_then_reused()
    {
        _world.PutClientCredentials();
        var signer = NewSigner();
        var state = await signer.CreateAsync(CancellationToken.None);

        Assert.Equal(GhlOAuthStateCheck.Valid, await signer.CheckAsync(state, CancellationToken.None));
        Assert.Equal(GhlOAuthStateCheck.Reused, await signer.CheckAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task A_state_past_its_lifetime_is_expired()
    {
        _world.PutClientCredentials();
        var signer = NewSigner();
        var state = await signer.CreateAsync(CancellationToken.None);

        _world.Time.Advance(_world.OAuth.StateLifetime);

        Assert.Equal(GhlOAuthStateCheck.Expired, await signer.CheckAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task A_state_with_a_changed_payload_has_a_bad_signature()
    {
        _world.PutClientCredentials();
        var signer = NewSigner();
        var parts = (await signer.CreateAsync(CancellationToken.None)).Split('.');
        var payload = parts[1].ToCharArray();
        payload[0] = payload[0] == 'A' ? 'B' : 'A';

        Assert.Equal(GhlOAuthStateCheck.BadSignature, await signer.CheckAsync($"{parts[0]}.{new string(payload)}.{parts[2]}", CancellationToken.None));
    }

    [Fact]
    public async Task A_state_signed_with_another_key_has_a_bad_signature()
    {
        _world.PutClientCredentials();
        var state = await NewSigner().CreateAsync(CancellationToken.None);

        _world.Store.Put(SecretNames.GhlOAuthStateKey, "test-state-key-2");

        Assert.Equal(GhlOAuthStateCheck.BadSignature, await NewSigner().CheckAsync(state, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-state")]
    [InlineData("v1.AAAA.BBBB")]
    [InlineData("v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA")]
    [InlineData("v1.!!!.???")]
    public async Task Anything_not_in_the_shape_this_app_writes_is_malformed(string? state)
    {
        _world.PutClientCredentials();

        Assert.Equal(GhlOAuthStateCheck.Malformed, await NewSigner().CheckAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_client_secret_or_state_key_no_state_can_be_made()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => NewSigner().CreateAsync(CancellationToken.None));

        Assert.Contains(SecretNames.GhlOAuthClientSecret, ex.Message, StringComparison.Ordinal);
    }
}
