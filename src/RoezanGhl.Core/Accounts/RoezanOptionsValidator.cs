using Microsoft.Extensions.Options;
using PhoneNumbers;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Accounts;

/// <summary>
/// Checks what the webhook needs of every <c>Roezan:Accounts:{accountId}</c> entry on start (data annotations
/// do not reach into dictionary values) and names the bad setting: the id must be usable in a URL, the GHL
/// location set, the phone region one libphonenumber knows, where inbound messages go (with the conversation
/// provider id a conversation needs). Time zone, preset and mapping are checked by
/// <c>RoezanAccountsValidator</c> (Engine).
/// </summary>
public sealed class RoezanOptionsValidator : IValidateOptions<RoezanOptions>
{
    private static readonly HashSet<string> PhoneRegions = PhoneNumberUtil.GetInstance().GetSupportedRegions();

    public ValidateOptionsResult Validate(string? name, RoezanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        foreach (var (accountId, account) in options.Accounts)
        {
            var setting = $"Roezan:Accounts:{accountId}";
            if (string.IsNullOrWhiteSpace(accountId) || !IsRouteSafe(accountId))
            {
                (failures ??= []).Add($"{setting}: an account id may hold only letters, digits, '-', '_' and '.' (it is part of the webhook URL).");
                continue;
            }

            if (account is null)
            {
                (failures ??= []).Add($"{setting} is empty.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(account.GhlLocationId))
            {
                (failures ??= []).Add($"{setting}:GhlLocationId is required.");
            }

            if (account.TwoWay?.ConflictRule is { } rule && !TwoWay.ConflictRuleNames.TryParse(rule, out _))
            {
                (failures ??= []).Add($"{setting}:TwoWay:ConflictRule '{rule}' must be {string.Join(", ", TwoWay.ConflictRuleNames.All)} (or unset: Sync:TwoWay:ConflictRule).");
            }

            if (string.IsNullOrWhiteSpace(account.DefaultPhoneRegion) || !PhoneRegions.Contains(account.DefaultPhoneRegion))
            {
                (failures ??= []).Add($"{setting}:DefaultPhoneRegion '{account.DefaultPhoneRegion}' is not a region libphonenumber knows (use an upper-case ISO 3166 code such as US or GB).");
            }

            if (!InboundMessageTargets.TryParse(account.InboundMessages, out var inbound))
            {
                (failures ??= []).Add($"{setting}:InboundMessages '{account.InboundMessages}' is not one of {InboundMessageTargets.Allowed}.");
            }
            else if (inbound.UsesConversation() && string.IsNullOrWhiteSpace(account.GhlConversationProviderId))
            {
                (failures ??= []).Add($"{setting}:GhlConversationProviderId is required when InboundMessages is '{account.InboundMessages}' (the id of the marketplace app's SMS conversation provider; see docs/conversations.md).");
            }
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRouteSafe(string accountId)
    {
        foreach (var c in accountId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
