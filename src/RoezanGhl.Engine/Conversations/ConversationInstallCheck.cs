using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// GHL refuses conversation providers to Private Integration tokens: an account whose <c>InboundMessages</c> is
/// <c>conversation</c> or <c>both</c> needs the marketplace app installed with OAuth on its location. Reads each such
/// account's token secret and names those holding a PIT. The app's start (<see cref="ConversationInstallStartupCheck"/>)
/// and the CLI's <c>check</c> run it. A location with no token yet is not a problem here: the OAuth install comes later.
/// </summary>
public sealed class ConversationInstallCheck(IOptions<RoezanOptions> roezan, ISecretStore secrets)
{
    /// <summary>One line per account that asks for the conversation with a PIT (only <paramref name="locationId"/>'s when given).</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string? locationId, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (accountId, account) in roezan.Value.Accounts)
        {
            if (account is null || (locationId is not null && !string.Equals(account.GhlLocationId, locationId, StringComparison.Ordinal)))
            {
                continue;
            }

            var target = InboundMessageTargets.Of(account);
            if (!target.UsesConversation())
            {
                continue;
            }

            var secret = GhlTokenSecret.Read(await secrets.GetSecretAsync(SecretNames.GhlToken(account.GhlLocationId), false, cancellationToken).ConfigureAwait(false));
            if (secret.Kind == GhlTokenSecretKind.PrivateIntegration)
            {
                problems.Add(
                    $"Roezan:Accounts:{accountId}:InboundMessages is '{account.InboundMessages}', but GHL location {account.GhlLocationId} uses a Private Integration token, "
                    + "and GHL refuses conversation providers to those. Install the marketplace app on the location with OAuth (docs/conversations.md), or set InboundMessages to note.");
            }
        }

        return problems;
    }
}
