using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Ghl.Tests.Configuration;

public sealed class GhlRegistrationTests
{
    [Fact]
    public void Defaults_are_ghls_production_endpoint_version_and_limits()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<GhlOptions>>().Value;

        Assert.Equal(new Uri("https://services.leadconnectorhq.com"), options.BaseUrl);
        Assert.Equal("2021-07-28", options.ApiVersion);
        Assert.Equal(100, options.RateLimitMaxRequests);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RateLimitInterval);
        Assert.Equal(200_000, options.DailyLimit);
        Assert.NotNull(services.GetRequiredService<GhlContactsClient>());
    }

    [Fact]
    public void Settings_bind_from_the_ghl_section()
    {
        using var services = Build(new()
        {
            ["Ghl:BaseUrl"] = "http://127.0.0.1:5081",
            ["Ghl:ApiVersion"] = "2021-04-15",
            ["Ghl:DailyReserve"] = "5000",
            ["Ghl:RateLimitMaxWait"] = "00:00:05",
        });

        var options = services.GetRequiredService<IOptions<GhlOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5081"), options.BaseUrl);
        Assert.Equal("2021-04-15", options.ApiVersion);
        Assert.Equal(5000, options.DailyReserve);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RateLimitMaxWait);
    }

    [Theory]
    [InlineData("Ghl:BaseUrl", "not a url", "Ghl:BaseUrl")]
    [InlineData("Ghl:AttemptTimeout", "-00:00:01", "Ghl:AttemptTimeout")]
    [InlineData("Ghl:DailyReserve", "300000", "Ghl:DailyReserve")]
    [InlineData("Ghl:PageSize", "500", "PageSize")]
    public void A_bad_setting_fails_validation_naming_it(string key, string value, string named)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<GhlOptions>>().Value);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_can_be_mocked_like_an_azure_sdk_client()
    {
        var client = new Mock<GhlContactsClient>();
        client.Setup(c => c.GetContactAsync("loc-1", "c-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Models.GhlContact { Id = "c-1", FirstName = "Ana" });

        var contact = await client.Object.GetContactAsync("loc-1", "c-1");

        Assert.Equal("Ana", contact.FirstName);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Mock.Of<IGhlTokenProvider>());
        services.AddGhlContactsClient(configuration);
        return services.BuildServiceProvider();
    }
}
