using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The Accounts screen's facts for every configured account, read from the same stores the CLI and the health
/// endpoint read: the location's token secret (its kind only, never its value), its needs-attention mark, and the
/// event ledger (the newest entry, and the failures of the last 24 hours).
/// </summary>
public sealed class AccountOverviews(IOptions<RoezanOptions> options, GhlLocationTokenStore tokens, EventLedger ledger, TimeProvider time)
{
    public static readonly TimeSpan FailureWindow = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<AccountOverview>> ListAsync(CancellationToken cancellationToken)
    {
        var overviews = new List<AccountOverview>();
        foreach (var (id, account) in options.Value.Accounts.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            overviews.Add(await DescribeAsync(id, account.GhlLocationId, cancellationToken).ConfigureAwait(false));
        }

        return overviews;
    }

    private async Task<AccountOverview> DescribeAsync(string accountId, string locationId, CancellationToken cancellationToken)
    {
        var secret = await tokens.ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
        var status = await tokens.Statuses.GetAsync(locationId, cancellationToken).ConfigureAwait(false);
        var newest = await ledger.QueryAsync(new EventLedgerQuery { AccountId = accountId, Take = 1 }, cancellationToken).ConfigureAwait(false);
        var failures = await ledger.CountAsync(accountId, EventLedgerStatus.Failed, time.GetUtcNow() - FailureWindow, cancellationToken).ConfigureAwait(false);
        var (working, reason) = secret.Kind switch
        {
            GhlTokenSecretKind.Missing => (false, "no GHL token is stored for the location: install the app (OAuth) or store a private integration token"),
            GhlTokenSecretKind.Unreadable => (false, "the stored GHL token secret cannot be read"),
            _ when status is { NeedsAttention: true } => (false, status.Reason ?? "GHL refused the location's token"),
            _ => (true, (string?)null),
        };
        var last = newest.Count > 0 ? newest[0] : null;
        return new AccountOverview(accountId, locationId, secret.Kind.ToString(), working, reason, last?.UpdatedAt ?? last?.AcceptedAt, last?.Status.ToString(), failures);
    }
}
