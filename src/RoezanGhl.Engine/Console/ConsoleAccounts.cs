using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Engine.Console;

/// <summary>Finds a configured account by id as the webhook route does (without regard to case).</summary>
public static class ConsoleAccounts
{
    /// <summary>The account's id as configured and its settings; <see cref="UnknownAccountException"/> when it is not configured.</summary>
    public static (string Id, RoezanAccountOptions Account) Find(RoezanOptions options, string accountId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var match = options.Accounts.FirstOrDefault(pair => string.Equals(pair.Key, accountId, StringComparison.OrdinalIgnoreCase));
        return match.Key is not null && match.Value is not null ? (match.Key, match.Value) : throw new UnknownAccountException(accountId);
    }
}
