using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Tests.Hosting;

/// <summary>
/// URLs from settings that carry tokens, contacts or failure texts are https; plain http only to this machine
/// (local runs, simulators). Checked when the app starts, naming the setting.
/// </summary>
public class SecretBearingUrlTests
{
    public static TheoryData<string> Settings() =>
        ["Ghl:BaseUrl", "GhlOAuth:RedirectUri", "GhlOAuth:TokenUrl", "GhlOAuth:ChooseLocationUrl", "Roezan:Api:BaseUrl", "Notifications:WebhookUrl"];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Plain_http_to_another_host_stops_the_app_naming_the_setting(string setting)
    {
        foreach (var url in new[] { "http://services.example.com/x", "http://localhost.example.com/x", "ftp://127.0.0.1/x" })
        {
            // The start-up validator throws an AggregateException when more than one option type fails.
            var failure = Assert.ThrowsAny<Exception>(() => Start(setting, url));

            Assert.Contains($"{setting} must be an https URL", failure.Message, StringComparison.Ordinal);
            Assert.Contains("http only to 127.0.0.1, localhost or ::1", failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Https_anywhere_and_http_to_the_loopback_address_start(string setting)
    {
        foreach (var url in new[] { "https://services.example.com/x", "http://127.0.0.1:5081/x", "http://localhost:7071/x", "http://[::1]:8080/x" })
        {
            Start(setting, url);
        }
    }

    private static void Start(string setting, string url)
    {
        var configuration = AddRoezanGhlTests.SampleSettings(new Dictionary<string, string?> { [setting] = url });
        using var provider = new ServiceCollection().AddLogging().AddSingleton(configuration).AddRoezanGhl(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
