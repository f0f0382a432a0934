using Microsoft.Extensions.Configuration;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Hosting;

/// <summary>
/// docs/settings.md cannot drift from the code: every default it gives is what the options class holds when nothing
/// is configured (as the app builds it, post-configuration included), every bindable options property has a line,
/// every line is a setting the app reads, and every key of local.settings.sample.json is documented.
/// </summary>
public class SettingsReferenceTests
{
    // Read by the Functions host, the Azure SDK or the CLI straight from configuration, not bound to an options class.
    private static readonly string[] ReadOutsideOptions =
    [
        "AzureWebJobsStorage", "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId", "FUNCTIONS_WORKER_RUNTIME", "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "OTEL_EXPORTER_OTLP_ENDPOINT",
        "Secrets__{}", "ROEZANGHL_FUNCTION_KEY",
    ];

    private static readonly Lazy<IReadOnlyList<DocumentedSetting>> Documented = new(() => DocumentedSetting.Read(RepositoryRoot.Combine("docs", "settings.md")));

    private static readonly Lazy<IReadOnlyList<BoundSetting>> Bound = new(BoundSetting.OfTheApp);

    [Fact]
    public void The_reference_documents_settings()
    {
        Assert.True(Documented.Value.Count > 50, $"docs/settings.md has {Documented.Value.Count} setting rows");
        Assert.True(Bound.Value.Count > 50, $"the app binds {Bound.Value.Count} settings");
    }

    [Fact]
    public void Every_documented_default_is_the_default_of_its_options_property()
    {
        var bound = Bound.Value.ToDictionary(setting => setting.Key, StringComparer.Ordinal);

        var wrong = Documented.Value
            .Where(row => bound.ContainsKey(row.Key))
            .Select(row => bound[row.Key].Disagreement(row.Default) is { } problem ? $"{row.Name}: {problem}" : null)
            .OfType<string>()
            .ToList();

        Assert.True(wrong.Count == 0, "docs/settings.md gives wrong defaults:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Every_bindable_options_property_has_a_line_in_the_reference()
    {
        var documented = Documented.Value.Select(row => row.Key).ToHashSet(StringComparer.Ordinal);

        var missing = Bound.Value.Where(setting => !documented.Contains(setting.Key)).Select(setting => setting.Key).ToList();

        Assert.True(missing.Count == 0, "settings the app binds but docs/settings.md does not list:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_line_of_the_reference_is_a_setting_the_app_reads()
    {
        var read = Bound.Value.Select(setting => setting.Key).Concat(ReadOutsideOptions).ToHashSet(StringComparer.Ordinal);

        var unknown = Documented.Value.Where(row => !read.Contains(row.Key)).Select(row => row.Name).ToList();

        Assert.True(unknown.Count == 0, "docs/settings.md lists settings nothing reads:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void The_settings_read_outside_options_classes_are_in_the_reference()
    {
        var documented = Documented.Value.Select(row => row.Key).ToHashSet(StringComparer.Ordinal);

        var missing = ReadOutsideOptions.Where(key => !documented.Contains(key)).ToList();

        Assert.True(missing.Count == 0, "settings read outside options classes missing from docs/settings.md:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_key_of_the_sample_settings_is_in_the_reference()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(RepositoryRoot.Combine("local.settings.sample.json")).Build();
        var keys = sample.GetSection("Values").GetChildren().Select(child => child.Key).ToList();

        var undocumented = keys.Where(key => !Documented.Value.Any(row => row.Matches(key))).ToList();

        Assert.NotEmpty(keys);
        Assert.True(undocumented.Count == 0, "local.settings.sample.json keys missing from docs/settings.md:\n" + string.Join('\n', undocumented));
    }

    [Theory]
    [InlineData("Ghl__RateLimitMaxWait", "`00:00:30`", true)]
    [InlineData("Ghl__RateLimitMaxWait", "`00:00:31`", false)]
    [InlineData("Ghl__RateLimitMaxWait", "30 s", false)]
    [InlineData("KeyVault__VaultUri", "none", true)]
    [InlineData("KeyVault__VaultUri", "`https://vault.example.com`", false)]
    [InlineData("Sync__DriftMode", "`Repair`", true)]
    [InlineData("Sync__DriftMode", "`Report`", false)]
    [InlineData("Roezan__Accounts__{}__Flows__{}", "none", true)]
    [InlineData("Roezan__Accounts__{}__DefaultPhoneRegion", "none", false)]
    public void A_default_that_differs_from_the_code_is_caught(string key, string documentedDefault, bool agrees)
    {
        var setting = Assert.Single(Bound.Value, setting => setting.Key == key);

        Assert.Equal(agrees, setting.Disagreement(documentedDefault) is null);
    }
}
