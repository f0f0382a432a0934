using System.Text.Json.Nodes;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>Checks that GHL holds exactly what a <see cref="MixedEventScenario"/> implies: no duplicate, nothing lost.</summary>
internal static class ScenarioAssertions
{
    public static async Task AssertAppliedExactlyOnceAsync(AppTestHost app, MixedEventScenario scenario)
    {
        var state = app.Simulator.State;
        var contacts = state.ContactsOf(AppTestHost.LocationId);
        var byPhone = contacts.GroupBy(contact => (string?)contact["phone"] ?? "(none)").ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        // One GHL contact per person, none extra.
        Assert.Equal(scenario.Phones.Order(StringComparer.Ordinal), byPhone.Keys.Order(StringComparer.Ordinal));
        Assert.All(byPhone, pair => Assert.True(pair.Value.Count == 1, $"{pair.Value.Count} GHL contacts for {pair.Key}"));

        foreach (var phone in scenario.Phones)
        {
            var contact = byPhone[phone].Single();
            var contactId = (string)contact["id"]!;

            // Every note exactly once, by its ref line.
            var refs = state.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Note).Select(note => RefOf((string?)note["body"])).ToList();
            Assert.Equal(scenario.NotesByPhone[phone].Order(StringComparer.Ordinal), refs.Order(StringComparer.Ordinal));

            // Every task exactly once, completed when Roezan completed it.
            var tasks = state.ChildrenOf(AppTestHost.LocationId, contactId, ChildKind.Task);
            var expectedTasks = scenario.TasksByPhone[phone];
            Assert.Equal(expectedTasks.Keys.Select(id => "roezan-task/" + id).Order(StringComparer.Ordinal), tasks.Select(task => RefOf((string?)task["body"])).Order(StringComparer.Ordinal));
            foreach (var task in tasks)
            {
                var taskId = RefOf((string?)task["body"])["roezan-task/".Length..];
                Assert.Equal(expectedTasks[taskId], (bool?)task["completed"] ?? false);
            }

            // The newest contact change wins; a blanked email never blanks GHL's.
            if (scenario.LastNameByPhone.TryGetValue(phone, out var lastName))
            {
                Assert.Equal(lastName, (string?)contact["lastName"]);
                Assert.False(string.IsNullOrEmpty((string?)contact["email"]), $"email of {phone} was blanked");
            }
        }

        // Every event ended applied (or deliberately skipped), none failed, none on the poison queue.
        var statuses = await app.LedgerStatusesAsync();
        Assert.Equal(scenario.Events.Select(e => e.Id).Order(StringComparer.Ordinal), statuses.Keys.Order(StringComparer.Ordinal));
        var unfinished = statuses.Where(pair => pair.Value is not ("Applied" or "Skipped")).Select(pair => $"{pair.Key}={pair.Value}").ToList();
        Assert.True(unfinished.Count == 0, "not applied: " + string.Join(", ", unfinished.Take(20)));
        Assert.Empty(await app.Pump.PeekPoisonAsync());
    }

    private static string RefOf(string? body)
    {
        var line = (body ?? "").Split('\n').LastOrDefault(l => l.StartsWith("ref: ", StringComparison.Ordinal));
        return line?["ref: ".Length..].Trim() ?? "(no ref)";
    }
}
