using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.Ghl.Tests.Simulator;

public sealed class SimulatorStateTests
{
    private const string Location = "loc-sim";

    [Fact]
    public void Upsert_with_an_email_of_one_contact_and_the_phone_of_another_updates_the_email_contact_and_drops_the_phone()
    {
        var state = new SimulatorState();
        var byEmail = state.SeedContact(Location, new JsonObject { ["firstName"] = "Ana", ["email"] = "ana@example.com", ["phone"] = "+12015550100" });
        var byPhone = state.SeedContact(Location, new JsonObject { ["firstName"] = "Bo", ["phone"] = "+12015550123" });

        var answer = state.UpsertContact(null, new JsonObject { ["locationId"] = Location, ["email"] = "ana@example.com", ["phone"] = "+12015550123", ["lastName"] = "Diaz" });

        Assert.Equal(200, answer.Status);
        Assert.False(answer.Body!["new"]!.GetValue<bool>());
        Assert.Equal(byEmail["id"]!.GetValue<string>(), answer.Body["contact"]!["id"]!.GetValue<string>());
        Assert.Equal("+12015550100", answer.Body["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal("Diaz", answer.Body["contact"]!["lastName"]!.GetValue<string>());
        Assert.Equal(2, state.ContactsOf(Location).Count);
        Assert.DoesNotContain(state.ContactsOf(Location), c => c["id"]!.GetValue<string>() == byPhone["id"]!.GetValue<string>() && c["lastName"] is not null);
    }

    [Fact]
    public void Upsert_creates_when_nothing_matches_and_updates_the_match_the_second_time()
    {
        var state = new SimulatorState();

        var first = state.UpsertContact(null, new JsonObject { ["locationId"] = Location, ["phone"] = "(201) 555-0123", ["firstName"] = "Ana" });
        var second = state.UpsertContact(null, new JsonObject { ["locationId"] = Location, ["phone"] = "+1 201 555 0123", ["tags"] = new JsonArray("vip") });

        Assert.True(first.Body!["new"]!.GetValue<bool>());
        Assert.False(second.Body!["new"]!.GetValue<bool>());
        var contact = Assert.Single(state.ContactsOf(Location));
        Assert.Equal("Ana", contact["firstName"]!.GetValue<string>());
        Assert.Equal("vip", contact["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_create_with_a_taken_email_is_blocked_naming_the_existing_contact_unless_duplicates_are_allowed()
    {
        var state = new SimulatorState();
        var existing = state.SeedContact(Location, new JsonObject { ["email"] = "Ana@Example.com" });

        var blocked = state.CreateContact(null, new JsonObject { ["locationId"] = Location, ["email"] = "ana@example.com" });
        state.Settings = state.Settings with { AllowDuplicates = true };
        var allowed = state.CreateContact(null, new JsonObject { ["locationId"] = Location, ["email"] = "ana@example.com" });

        Assert.Equal(400, blocked.Status);
        Assert.Equal(existing["id"]!.GetValue<string>(), blocked.Body!["meta"]!["contactId"]!.GetValue<string>());
        Assert.Equal("email", blocked.Body["meta"]!["matchingField"]!.GetValue<string>());
        Assert.Equal(201, allowed.Status);
        Assert.Equal(2, state.ContactsOf(Location).Count);
    }

    [Fact]
    public void Creates_check_required_fields_types_and_unknown_properties_like_ghl()
    {
        var state = new SimulatorState();
        var contactId = state.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();

        var noLocation = state.CreateContact(null, new JsonObject { ["firstName"] = "Ana" });
        var badTask = state.CreateTask(null, contactId, new JsonObject { ["title"] = "Call", ["completed"] = "no" });
        var unknown = state.CreateNote(null, contactId, new JsonObject { ["body"] = "hi", ["colour"] = "red" });

        Assert.Equal(422, noLocation.Status);
        Assert.Contains("locationId should not be empty", Messages(noLocation));
        Assert.Equal(422, badTask.Status);
        Assert.Contains("dueDate should not be empty", Messages(badTask));
        Assert.Contains("completed must be a boolean value", Messages(badTask));
        Assert.Equal(422, unknown.Status);
        Assert.Contains("property colour should not exist", Messages(unknown));
    }

    [Fact]
    public void A_token_of_another_location_is_refused_with_403()
    {
        var state = new SimulatorState();

        var answer = state.ListContacts("loc-a", "loc-b", null, 10, null, null);

        Assert.Equal(403, answer.Status);
    }

    [Fact]
    public void The_burst_window_allows_the_limit_then_answers_not_allowed_until_it_resets()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new SimulatorState(new SimulatorSettings { RateLimitMax = 2, RateLimitIntervalMs = 1000, DailyLimit = 3 }, time);

        var first = state.CountRequest(Location);
        var second = state.CountRequest(Location);
        var third = state.CountRequest(Location);
        time.Advance(TimeSpan.FromMilliseconds(1000));
        var afterReset = state.CountRequest(Location);
        var dailyExhausted = state.CountRequest(Location);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(0, second.RemainingInWindow);
        Assert.False(third.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), third.ResetIn);
        Assert.True(afterReset.Allowed);
        Assert.Equal(0, afterReset.RemainingToday);
        Assert.False(dailyExhausted.Allowed);
    }

    [Fact]
    public void Using_up_the_rate_limits_leaves_every_known_location_nothing_until_its_window_resets()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new SimulatorState(new SimulatorSettings { RateLimitMax = 3, RateLimitIntervalMs = 1000 }, time);
        state.CountRequest(Location);
        state.CountRequest("(any)");

        var used = state.UseUpRateLimits();
        var during = (state.CountRequest(Location).Allowed, state.CountRequest("(any)").Allowed);
        time.Advance(TimeSpan.FromMilliseconds(1000));

        Assert.Equal(4, used);
        Assert.Equal((false, false), during);
        Assert.True(state.CountRequest(Location).Allowed);
        Assert.Equal(0, state.Counters.Snapshot().Total);
    }

    [Fact]
    public void The_list_cursor_continues_after_the_last_contact_of_the_page()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new SimulatorState(timeProvider: time);
        for (var i = 0; i < 5; i++)
        {
            state.SeedContact(Location, new JsonObject { ["firstName"] = $"P{i}" });
            time.Advance(TimeSpan.FromMilliseconds(i % 2));
        }

        var first = state.ListContacts(null, Location, null, 3, null, null).Body!;
        var meta = first["meta"]!;
        var second = state.ListContacts(null, Location, null, 3, meta["startAfter"]!.GetValue<long>(), meta["startAfterId"]!.GetValue<string>()).Body!;

        var names = first["contacts"]!.AsArray().Concat(second["contacts"]!.AsArray()).Select(c => c!["firstName"]!.GetValue<string>()).ToList();
        Assert.Equal(5, names.Distinct().Count());
        Assert.Equal(5, first["count"]!.GetValue<int>());
        Assert.Equal(2, second["contacts"]!.AsArray().Count);
    }

    [Fact]
    public void A_ghost_write_applies_the_create_and_answers_an_error()
    {
        var state = new SimulatorState(new SimulatorSettings { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.Unprocessable });

        var ghost = state.CreateContact(null, new JsonObject { ["locationId"] = Location, ["firstName"] = "Ana" });
        var normal = state.CreateContact(null, new JsonObject { ["locationId"] = Location, ["firstName"] = "Bo" });

        Assert.Equal(422, ghost.Status);
        Assert.Equal(201, normal.Status);
        Assert.Equal(2, state.ContactsOf(Location).Count);
    }

    [Fact]
    public void Update_replaces_tags_and_add_tags_keeps_them()
    {
        var state = new SimulatorState();
        var id = state.SeedContact(Location, new JsonObject { ["tags"] = new JsonArray("a", "b") })["id"]!.GetValue<string>();

        state.ChangeTags(null, id, new JsonObject { ["tags"] = new JsonArray("c") }, add: true);
        var afterAdd = Tags(state);
        state.UpdateContact(null, id, new JsonObject { ["tags"] = new JsonArray("z") });

        Assert.Equal(["a", "b", "c"], afterAdd);
        Assert.Equal(["z"], Tags(state));
    }

    private static List<string> Tags(SimulatorState state) =>
        [.. state.ContactsOf(Location)[0]["tags"]!.AsArray().Select(t => t!.GetValue<string>())];

    private static List<string> Messages(SimResponse response) =>
        [.. response.Body!["message"]!.AsArray().Select(m => m!.GetValue<string>())];
}
