using System.Text.Json;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.Ghl.Tests.Simulator;

public sealed class SimulatedScopesTests
{
    [Fact]
    public void The_simulator_requires_the_scope_highlevels_spec_lists_for_every_contacts_operation()
    {
        using var spec = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Spec", "apps", "contacts.json")));
        var checkedOperations = 0;
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var scopes = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(s => s.EnumerateObject()).SelectMany(s => s.Value.EnumerateArray()).Select(s => s.GetString()).ToList()
                    : [];
                if (scopes.Count == 0)
                {
                    continue;
                }

                var method = operation.Name.ToUpperInvariant();
                Assert.True(scopes.Contains(SimulatedScopes.Required(method, path.Name)), $"{method} {path.Name}: spec {string.Join(",", scopes)}, simulator {SimulatedScopes.Required(method, path.Name)}");
                checkedOperations++;
            }
        }

        Assert.True(checkedOperations > 20, $"only {checkedOperations} operations checked");
    }

    [Theory]
    [InlineData("GET", "/conversations/c-1/messages", "conversations/message.readonly")]
    [InlineData("POST", "/conversations/messages", "conversations/message.write")]
    [InlineData("PUT", "/conversations/c-1", "conversations.write")]
    [InlineData("GET", "/locations/loc-1/customFields", "locations/customFields.readonly")]
    [InlineData("GET", "/locations/loc-1", "locations.readonly")]
    public void Other_resources_follow_the_specs_naming(string method, string path, string scope) =>
        Assert.Equal(scope, SimulatedScopes.Required(method, path));
}
