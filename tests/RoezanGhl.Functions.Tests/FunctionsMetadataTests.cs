using System.Text.Json.Nodes;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Functions.Tests;

/// <summary>
/// Reads the worker build's functions.metadata: what the host will actually bind. Each expected trigger is one
/// row (function, trigger type, the binding properties as JSON); add a row for every new function.
/// </summary>
public class FunctionsMetadataTests
{
    public static TheoryData<string, string, string> ExpectedTriggers() => new()
    {
        { RoezanWebhookFunction.Name, "httpTrigger", """{"route":"roezan/{accountId}/events","methods":["post"],"authLevel":"Function"}""" },
        { GhlWebhookFunction.Name, "httpTrigger", """{"route":"ghl/webhooks","methods":["post"],"authLevel":"Anonymous"}""" },
        { GhlConversationOutboundFunction.Name, "httpTrigger", """{"route":"ghl/conversations/outbound","methods":["post"],"authLevel":"Anonymous"}""" },
        { HealthFunction.Name, "httpTrigger", """{"route":"health","methods":["get"],"authLevel":"Anonymous"}""" },
        { RoezanEventProcessorFunction.Name, "queueTrigger", """{"queueName":"%Sync:EventsQueue%","connection":"AzureWebJobsStorage"}""" },
        { "GhlOAuthStart", "httpTrigger", """{"route":"ghl/oauth/start","methods":["get"],"authLevel":"Function"}""" },
        { "GhlOAuthCallback", "httpTrigger", """{"route":"ghl/oauth/callback","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleHome", "httpTrigger", """{"route":"console","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleAsset", "httpTrigger", """{"route":"console/assets/{*file}","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleAccounts", "httpTrigger", """{"route":"console/accounts","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleMapping", "httpTrigger", """{"route":"console/mapping","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleHistory", "httpTrigger", """{"route":"console/history","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleHistoryRows", "httpTrigger", """{"route":"console/history/rows","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleSignIn", "httpTrigger", """{"route":"console/signin","methods":["get","post"],"authLevel":"Anonymous"}""" },
        { "ConsolePreview", "httpTrigger", """{"route":"console/api/accounts/{accountId}/preview","methods":["post"],"authLevel":"Anonymous"}""" },
        { "ConsoleSave", "httpTrigger", """{"route":"console/api/accounts/{accountId}/configuration","methods":["put"],"authLevel":"Anonymous"}""" },
        { "ConsoleRestore", "httpTrigger", """{"route":"console/api/accounts/{accountId}/versions/{version:int}/restore","methods":["post"],"authLevel":"Anonymous"}""" },
        { "ConsoleCheck", "httpTrigger", """{"route":"console/api/accounts/{accountId}/check","methods":["post"],"authLevel":"Anonymous"}""" },
        { "ConsoleEvent", "httpTrigger", """{"route":"console/history/events/{accountId}/{eventId}","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleReplay", "httpTrigger", """{"route":"console/history/events/{accountId}/{eventId}/replay","methods":["post"],"authLevel":"Anonymous"}""" },
        { "ConsoleTemplates", "httpTrigger", """{"route":"console/templates","methods":["get"],"authLevel":"Anonymous"}""" },
        { "ConsoleTemplatePreview", "httpTrigger", """{"route":"console/api/accounts/{accountId}/templates/preview","methods":["post"],"authLevel":"Anonymous"}""" },
        { "ConsoleTemplatesSave", "httpTrigger", """{"route":"console/api/accounts/{accountId}/templates","methods":["put"],"authLevel":"Anonymous"}""" },
        { ReconcileTimerFunction.Name, "timerTrigger", """{"schedule":"%Sync:ReconcileSchedule%"}""" },
        { SmsSendTimerFunction.Name, "timerTrigger", """{"schedule":"0 * * * * *"}""" },
    };

    private static readonly Lazy<JsonArray> Metadata = new(() => JsonNode.Parse(File.ReadAllText(FindMetadata()))!.AsArray());

    [Theory]
    [MemberData(nameof(ExpectedTriggers))]
    public void The_build_declares_the_trigger_as_expected(string function, string triggerType, string expectedProperties)
    {
        var entry = Metadata.Value.SingleOrDefault(f => (string?)f!["name"] == function);
        Assert.True(entry is not null, $"functions.metadata has no function '{function}'");
        var trigger = entry["bindings"]!.AsArray().Single(b => ((string)b!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!;
        Assert.Equal(triggerType, (string?)trigger["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
        foreach (var (key, expected) in JsonNode.Parse(expectedProperties)!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(expected, trigger[key]), $"{function}.{key}: expected {expected?.ToJsonString()}, found {trigger[key]?.ToJsonString() ?? "nothing"}");
        }
    }

    [Fact]
    public void Every_function_in_the_build_has_an_expectation_here()
    {
        var expected = ExpectedTriggers().Select(row => (string)row[0]).Order();
        var built = Metadata.Value.Select(f => (string)f!["name"]!).Order();
        Assert.Equal(expected, built);
    }

    [Fact]
    public void Http_functions_answer_through_their_return_value()
    {
        foreach (var function in Metadata.Value.Where(f => f!["bindings"]!.AsArray().Any(b => (string?)b!["type"] == "httpTrigger")))
        {
            Assert.Contains(function!["bindings"]!.AsArray(), b => (string?)b!["type"] == "http" && (string?)b["direction"] == "Out" && (string?)b["name"] == "$return");
        }
    }

    /// <summary>functions.metadata sits next to the worker assembly (the test output holds a copy of the build).</summary>
    private static string FindMetadata()
    {
        var beside = Path.Combine(Path.GetDirectoryName(typeof(RoezanWebhookFunction).Assembly.Location)!, "functions.metadata");
        if (File.Exists(beside))
        {
            return beside;
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var built = RepositoryRoot.Combine("src", "RoezanGhl.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(built), $"No functions.metadata beside the worker assembly or at {built}; build src/RoezanGhl.Functions first.");
        return built;
    }
}
