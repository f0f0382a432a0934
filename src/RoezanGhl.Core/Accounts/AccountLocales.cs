using System.Globalization;

namespace RoezanGhl.Core.Accounts;

/// <summary>Finds an account's locale among the cultures the runtime knows (ICU), never inventing one for a typo.</summary>
public static class AccountLocales
{
    public const string Default = "en-US";

    /// <summary>The predefined culture with this name ("en-GB"), or null when there is none.</summary>
    public static CultureInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
            return culture.Equals(CultureInfo.InvariantCulture) ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
