using System.Text.RegularExpressions;

namespace RoezanGhl.Engine.Tests.Hosting;

/// <summary>
/// One row of a settings table in docs/settings.md: <c>| `Ghl__RateLimitMaxWait` | `00:00:30` | … |</c>. A name
/// segment in braces (<c>{id}</c>) stands for any key; <see cref="Key"/> writes every such segment as <c>{}</c>.
/// </summary>
internal sealed partial record DocumentedSetting(string Name, string Default)
{
    public string Key { get; } = Placeholder().Replace(Name, "{}");

    public static IReadOnlyList<DocumentedSetting> Read(string path) =>
        [.. File.ReadLines(path).Select(line => Row().Match(line)).Where(match => match.Success)
            .Select(match => new DocumentedSetting(match.Groups["name"].Value, match.Groups["default"].Value.Trim()))];

    /// <summary>True when <paramref name="settingKey"/> (<c>Roezan__Accounts__demo__TimeZone</c>) is this row's setting.</summary>
    public bool Matches(string settingKey)
    {
        var pattern = string.Join("__", Key.Split("__").Select(segment => segment == "{}" ? "(?:(?!__).)+" : Regex.Escape(segment)));
        return Regex.IsMatch(settingKey, $"^{pattern}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z_][^`|]*)`\s*\|(?<default>[^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
