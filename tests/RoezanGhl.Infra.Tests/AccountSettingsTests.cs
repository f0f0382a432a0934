using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Infra.Tests.Bicep;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Infra.Tests;

/// <summary>
/// The template's accounts parameter becomes Roezan__Accounts__{id}__* app settings through the
/// exported Bicep function roezanAccountSettings. Bicep evaluates it at build time in a parameters
/// file, so the tests call it for real and bind the result the way the app does.
/// </summary>
[IntegrationLane]
public sealed class AccountSettingsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"roezanghl-accounts-{Guid.NewGuid():N}");

    public AccountSettingsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Account_settings_bind_to_the_apps_account_options_and_pass_their_validation()
    {
        var settings = await EvaluateAccountSettingsAsync(
            "[{ id: 'acme', ghlLocationId: 'loc-acme' }, { id: 'beta_2', ghlLocationId: 'loc-beta', defaultPhoneRegion: 'GB', timeZone: 'Europe/London', locale: 'en-GB', preset: 'contacts-only' }]");

        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build()
            .GetSection(RoezanOptions.SectionName)
            .Get<RoezanOptions>();

        Assert.NotNull(options);
        Assert.Equal(["acme", "beta_2"], options.Accounts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("loc-acme", options.Accounts["acme"].GhlLocationId);
        Assert.Equal("US", options.Accounts["acme"].DefaultPhoneRegion);
        Assert.Equal("America/New_York", options.Accounts["acme"].TimeZone);
        Assert.Equal("GB", options.Accounts["beta_2"].DefaultPhoneRegion);
        Assert.Equal("Europe/London", options.Accounts["beta_2"].TimeZone);
        Assert.Equal("en-US", options.Accounts["acme"].Locale);
        Assert.Equal("en-GB", options.Accounts["beta_2"].Locale);
        Assert.Null(options.Accounts["acme"].Preset);
        Assert.Equal("contacts-only", options.Accounts["beta_2"].Preset);
        Assert.DoesNotContain("Roezan__Accounts__acme__Preset", settings.Keys);
        foreach (var account in options.Accounts.Values)
        {
            var errors = new List<ValidationResult>();
            Assert.True(Validator.TryValidateObject(account, new ValidationContext(account), errors, validateAllProperties: true), string.Join("; ", errors));
        }
    }

    [Fact]
    public async Task An_account_with_an_unknown_preset_is_refused_by_the_template()
    {
        var exception = await Record.ExceptionAsync(() => EvaluateAccountSettingsAsync("[{ id: 'acme', ghlLocationId: 'loc-acme', preset: 'all-the-things' }]"));

        Assert.NotNull(exception);
        Assert.Contains("all-the-things", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_accounts_give_no_account_settings()
    {
        var settings = await EvaluateAccountSettingsAsync("[]");

        Assert.Empty(settings);
    }

    [Fact]
    public async Task Main_parameters_read_the_environment_and_the_accounts_json()
    {
        var (run, parameters) = await BuildMainParametersAsync(new()
        {
            ["AZURE_PRINCIPAL_ID"] = "00000000-0000-0000-0000-000000000001",
            ["ROEZAN_ACCOUNTS"] = """[{"id":"acme","ghlLocationId":"loc-acme","timeZone":"America/Chicago"}]""",
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Diagnostics);
        Assert.Equal("roezanghl-test", (string?)parameters!["environmentName"]!["value"]);
        Assert.Equal("eastus2", (string?)parameters["location"]!["value"]);
        Assert.Equal("00000000-0000-0000-0000-000000000001", (string?)parameters["operatorPrincipalId"]!["value"]);
        Assert.Equal("acme", (string?)parameters["accounts"]!["value"]![0]!["id"]);
        Assert.Equal("America/Chicago", (string?)parameters["accounts"]!["value"]![0]!["timeZone"]);
        Assert.False((bool)parameters["enablePrivateNetworking"]!["value"]!);
    }

    [Fact]
    public async Task Main_parameters_turn_private_networking_on_when_the_environment_asks()
    {
        var (run, parameters) = await BuildMainParametersAsync(new() { ["ROEZAN_PRIVATE_NETWORKING"] = "true" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True((bool)parameters!["enablePrivateNetworking"]!["value"]!);
    }

    [Fact]
    public async Task Main_parameters_refuse_an_account_without_a_ghl_location()
    {
        var (run, _) = await BuildMainParametersAsync(new() { ["ROEZAN_ACCOUNTS"] = """[{"id":"acme"}]""" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ghlLocationId", run.ToString(), StringComparison.Ordinal);
    }

    // infra/main.bicepparam built with azd's variables for an environment plus the given ones; the
    // parameters are null when the build fails.
    private async Task<(BicepRun Run, JsonNode? Parameters)> BuildMainParametersAsync(Dictionary<string, string> environment)
    {
        environment.TryAdd("AZURE_ENV_NAME", "roezanghl-test");
        environment.TryAdd("AZURE_LOCATION", "eastus2");
        var output = Path.Combine(_directory, $"main-{Guid.NewGuid():N}.parameters.json");

        var run = await BicepCli.Restored.RunAsync(["build-params", RepositoryLayout.MainBicepParam, "--outfile", output], environment, CancellationToken.None);

        return (run, run.ExitCode == 0 ? JsonNode.Parse(await File.ReadAllTextAsync(output))!["parameters"] : null);
    }

    // A throwaway template + parameters file that imports the function and stores its result in a parameter.
    private async Task<Dictionary<string, string>> EvaluateAccountSettingsAsync(string accountsLiteral)
    {
        var accountsModule = Path.GetRelativePath(_directory, RepositoryLayout.AccountsBicep).Replace('\\', '/');
        await File.WriteAllTextAsync(Path.Combine(_directory, "probe.bicep"), "param settings {*: string}\noutput settings object = settings\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "probe.bicepparam"), $"""
            using 'probe.bicep'
            import {"{"} roezanAccountSettings {"}"} from '{accountsModule}'
            param settings = roezanAccountSettings({accountsLiteral})
            """);
        var output = Path.Combine(_directory, "probe.parameters.json");

        var run = await BicepCli.Restored.RunAsync(["build-params", Path.Combine(_directory, "probe.bicepparam"), "--outfile", output], null, CancellationToken.None);

        Assert.True(run.ExitCode == 0, run.ToString());
        var value = JsonNode.Parse(await File.ReadAllTextAsync(output))!["parameters"]!["settings"]!["value"]!.AsObject();
        return value.ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty);
    }
}
