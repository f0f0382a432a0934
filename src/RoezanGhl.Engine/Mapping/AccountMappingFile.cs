using System.Text.Json;
using System.Text.RegularExpressions;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// Reads the JSON file named by <c>Roezan:MappingFile</c>: one <see cref="AccountMapping"/> per Roezan
/// account. Problems come back with the entry they concern ("accounts:demo:customFields:plan") rather
/// than as exceptions, so start-up can list them all at once.
/// </summary>
public static partial class AccountMappingFile
{
    /// <summary>Where the JSON Schema of the file sits in the app's output folder.</summary>
    public const string SchemaPath = "Mapping/account-mapping.schema.json";

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static AccountMappingFileContents Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(new ConfigurationProblem(string.Empty, $"cannot be read: {ex.Message}"));
        }

        return Read(json);
    }

    /// <summary>Reads and checks mapping-file JSON.</summary>
    public static AccountMappingFileContents Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        AccountMappingFileDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, MappingJsonContext.Default.AccountMappingFileDocument);
        }
        catch (JsonException ex)
        {
            return Failed(new ConfigurationProblem(PathOf(ex.Path), ex.Message));
        }

        if (document is null)
        {
            return Failed(new ConfigurationProblem(string.Empty, "must be a JSON object with an \"accounts\" object."));
        }

        var accounts = new Dictionary<string, AccountMapping>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<ConfigurationProblem>();
        foreach (var (accountId, mapping) in document.Accounts)
        {
            var path = $"accounts:{accountId}";
            if (!AccountId().IsMatch(accountId))
            {
                problems.Add(new ConfigurationProblem(path, "a Roezan account id is 1-64 letters, digits, '_' or '-'."));
            }

            if (mapping is null)
            {
                problems.Add(new ConfigurationProblem(path, "must be a mapping object."));
                continue;
            }

            problems.AddRange(AccountMappingValidator.Validate(mapping).Select(p => p.Under(path)));
            accounts[accountId] = mapping;
        }

        return new AccountMappingFileContents(accounts, problems);
    }

    private static AccountMappingFileContents Failed(ConfigurationProblem problem) =>
        new(new Dictionary<string, AccountMapping>(), [problem]);

    /// <summary>"$.accounts.demo.tagMode" → "accounts:demo:tagMode"; "$.accounts.demo.automations[2].timing" → "accounts:demo:automations:2:timing".</summary>
    private static string PathOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) ? string.Empty : ArrayIndex().Replace(jsonPath.TrimStart('$').TrimStart('.').Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal), ".$1").Replace('.', ':');

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayIndex();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();
}
