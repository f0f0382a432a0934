using Microsoft.Extensions.Configuration;
using RoezanGhl.Engine.Notifications;

namespace RoezanGhl.Engine.Tests.Notifications;

public sealed class NotificationOptionsBindingTests
{
    [Fact]
    public void An_empty_webhook_url_as_in_the_sample_settings_turns_notifications_off()
    {
        var options = Bind(new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = string.Empty });

        Assert.Null(options.WebhookUrl);
    }

    [Fact]
    public void A_webhook_url_is_bound_as_given()
    {
        var options = Bind(new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = "https://hooks.example.test/notify" });

        Assert.Equal(new Uri("https://hooks.example.test/notify"), options.WebhookUrl);
    }

    private static NotificationOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new NotificationOptions();
        configuration.GetSection(NotificationOptions.SectionName).Bind(options);
        return options;
    }
}
