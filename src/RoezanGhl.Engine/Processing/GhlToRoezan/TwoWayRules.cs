using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>
/// The two-way rules in force for one account: <c>Sync:TwoWay</c>, with the account's own
/// <c>Roezan:Accounts:{accountId}:TwoWay:ConflictRule</c> when it sets one (checked on start by the accounts' validator).
/// Both directions ask here, so a conflict is settled by the same rule on either side.
/// </summary>
public sealed class TwoWayRules
{
    private readonly IOptions<TwoWayOptions> _options;
    private readonly IOptionsMonitor<RoezanOptions> _accounts;
    private readonly IPlanningProfileSource _profiles;

    public TwoWayRules(IOptions<TwoWayOptions> options, IOptionsMonitor<RoezanOptions> accounts, IPlanningProfileSource profiles)
    {
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
    }

    /// <summary>The global settings (opt-out tag, deletes, the default rule).</summary>
    public TwoWayOptions Options => _options.Value;

    public GhlChangeRules For(string accountId)
    {
        var rules = _options.Value.Rules();
        return _accounts.CurrentValue.Accounts.GetValueOrDefault(accountId)?.TwoWay?.ConflictRule is { } name && ConflictRuleNames.TryParse(name, out var rule)
            ? rules with { ConflictRule = rule }
            : rules;
    }

    /// <summary>
    /// The rules GHL → Roezan plans with: <see cref="For"/> and the account's field directions, from the mapping in force
    /// (a version saved from the console counts at once, like the rest of the mapping).
    /// </summary>
    public async ValueTask<GhlChangeRules> ForChangesFromGhlAsync(string accountId, CancellationToken cancellationToken)
    {
        var profile = await _profiles.GetProfileAsync(accountId, cancellationToken).ConfigureAwait(false);
        return For(accountId) with { Directions = profile.Directions };
    }
}
