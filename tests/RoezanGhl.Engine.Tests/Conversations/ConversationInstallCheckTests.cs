using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Conversations;

public sealed class ConversationInstallCheckTests
{
    private const string OAuthSet = """{"accessToken":"a","refreshToken":"r","expiresAt":"2026-12-05T00:00:00Z","locationId":"loc-b","userType":"Location"}""";

    private readonly InMemorySecretStore _secrets = new();
    private readonly RoezanOptions _options = new()
    {
        Accounts =
        {
            ["pit-thread"] = new RoezanAccountOptions { GhlLocationId = "loc-a", InboundMessages = "conversation", GhlConversationProviderId = "p" },
            ["oauth-both"] = new RoezanAccountOptions { GhlLocationId = "loc-b", InboundMessages = "both", GhlConversationProviderId = "p" },
            ["pit-notes"] = new RoezanAccountOptions { GhlLocationId = "loc-c" },
            ["not-installed"] = new RoezanAccountOptions { GhlLocationId = "loc-d", InboundMessages = "conversation", GhlConversationProviderId = "p" },
        },
    };

    public ConversationInstallCheckTests()
    {
        _secrets
            .With(SecretNames.GhlToken("loc-a"), "pit-0000-test")
            .With(SecretNames.GhlToken("loc-b"), OAuthSet)
            .With(SecretNames.GhlToken("loc-c"), "pit-0000-test");
    }

    [Fact]
    public async Task Only_an_account_asking_for_the_conversation_with_a_private_integration_token_is_named()
    {
        var problems = await Check().ProblemsAsync(null, default);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Roezan:Accounts:pit-thread:InboundMessages is 'conversation', but GHL location loc-a uses a Private Integration token", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pit-0000", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_of_one_location_names_only_its_accounts()
    {
        Assert.Empty(await Check().ProblemsAsync("loc-b", default));
        Assert.Single(await Check().ProblemsAsync("loc-a", default));
    }

    [Fact]
    public async Task The_app_does_not_start_when_an_account_asks_for_the_conversation_with_a_private_integration_token()
    {
        var startup = new ConversationInstallStartupCheck(Check(), NullLogger<ConversationInstallStartupCheck>.Instance);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => startup.StartAsync(default));

        Assert.Contains("Roezan:Accounts:pit-thread:InboundMessages", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_starts_when_every_conversation_account_uses_oauth_or_is_not_installed_yet()
    {
        _secrets.With(SecretNames.GhlToken("loc-a"), OAuthSet);
        var startup = new ConversationInstallStartupCheck(Check(), NullLogger<ConversationInstallStartupCheck>.Instance);

        await startup.StartAsync(default);
    }

    private ConversationInstallCheck Check() => new(Options.Create(_options), _secrets);
}
