using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RoezanGhl.Engine.Reconciliation;

namespace RoezanGhl.Engine.Tests.Reconciliation;

public sealed class RetentionSettingsTests
{
    [Theory]
    [InlineData("Sync:RetentionDays", "0", "Sync:RetentionDays must be between 1 and 3650.")]
    [InlineData("Sync:RetentionDays", "-5", "Sync:RetentionDays must be between 1 and 3650.")]
    [InlineData("Sync:RetentionPruneBudget", "0", "Sync:RetentionPruneBudget must be between 1 and 100000.")]
    public void A_retention_setting_out_of_range_stops_the_start_with_its_name(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddRoezanReconciliation()
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_defaults_to_30_days_and_500_rows_a_run()
    {
        var options = new ReconciliationOptions();

        Assert.Equal((30, 500), (options.RetentionDays, options.RetentionPruneBudget));
    }
}
