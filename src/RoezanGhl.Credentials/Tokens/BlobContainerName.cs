using System.Text.RegularExpressions;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>Blob storage's rule for container names, checked at start rather than at the first refresh.</summary>
internal static partial class BlobContainerName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex Pattern();
}
