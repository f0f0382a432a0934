using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RoezanGhl.Core.Events;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Whatever the webhook accepts, the processor stores and applies: the largest names, tags and bodies the contract
/// allows (<see cref="RoezanContractLimits"/>), in scripts whose characters JSON's default escaping turns into
/// <c>\uXXXX</c>, through every flow, each applied exactly once.
/// </summary>
[IntegrationLane]
public sealed class LargestBodyTests
{
    public static TheoryData<string> Scripts => new() { "emoji", "cyrillic", "hebrew", "cjk", "combining" };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task The_largest_bodies_in_every_script_are_applied_once_through_every_flow(string script)
    {
        await using var app = await AppTestHost.StartAsync();
        var name = Text(script, RoezanContractLimits.NameLength);
        var tags = Enumerable.Range(0, RoezanContractLimits.TagCount).Select(i => Text(script, RoezanContractLimits.TagLength, $"t{i:000}")).ToArray();
        var longText = Text(script, RoezanContractLimits.TextLength);
        var followUp = Text(script, RoezanContractLimits.TextLength, "Can you call me tomorrow at 3pm? ");

        await ApplyAsync(app, ContactCreated("evt_c1", "c_1", "(201) 555-0150", "big@example.com", name, name, tags, at: T0));
        await ApplyAsync(app, ContactUpdated("evt_c2", "c_1", "(201) 555-0150", firstName: Text(script, RoezanContractLimits.NameLength, "x"), lastName: name, tags: [.. tags.Select(tag => "u" + tag[1..])], note: longText, at: T0.AddMinutes(1)));
        await ApplyAsync(app, Message("evt_m1", "(201) 555-0150", followUp, fromName: name, contactId: "c_1", at: T0.AddMinutes(2)));
        await ApplyAsync(app, Note("evt_n1", "c_1", longText, at: T0.AddMinutes(3)));
        await ApplyAsync(app, TaskEvent("evt_t1", "task.created", "t_1", "c_1", Text(script, RoezanContractLimits.TitleLength), longText, T0.AddDays(1), false, T0.AddMinutes(4)));
        await ApplyAsync(app, TaskEvent("evt_t2", "task.updated", "t_1", "c_1", Text(script, RoezanContractLimits.TitleLength, "u"), Text(script, RoezanContractLimits.TextLength, "u"), null, null, T0.AddMinutes(5)));
        await ApplyAsync(app, TaskEvent("evt_t3", "task.completed", "t_1", "c_1", at: T0.AddMinutes(6)));
        await ApplyAsync(app, Message("evt_m2", "(201) 555-0151", longText, fromName: name, at: T0.AddMinutes(7)));

        foreach (var id in new[] { "evt_c1", "evt_c2", MessageKey("evt_m1"), "evt_n1", "evt_t1", "evt_t2", "evt_t3", MessageKey("evt_m2") })
        {
            var entry = await app.ReadLedgerAsync(id);
            Assert.True(entry.Status == EventLedgerStatus.Applied, $"{id} is {entry.Status}: {entry.LastError}");
        }

        // The ledger rows hold references to the bodies, not the bodies (issue 13): no run of the script longer than a
        // name or a title is in a stored plan, in the row or in a plan blob; the bodies are in each row's bodies blob.
        var run = Text(script, RoezanContractLimits.TitleLength + 88);
        var table = app.Get<TableServiceClient>().GetTableClient(app.Get<EventLedger>().TableName);
        foreach (var id in new[] { "evt_c2", MessageKey("evt_m1"), "evt_n1", "evt_t1", "evt_t2", MessageKey("evt_m2") })
        {
            var raw = (await table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey(AppTestHost.AccountId), EventLedgerKeys.RowKey(id))).Value;
            var stored = raw.GetString("Plan") ?? await app.Get<StateBlobs>().ReadAsync(raw.GetString("PlanBlob")!, CancellationToken.None);
            Assert.DoesNotContain(run, stored, StringComparison.Ordinal);
            Assert.Contains("body-ref:", stored, StringComparison.Ordinal);
            Assert.Contains(run, await app.Get<StateBlobs>().ReadAsync(raw.GetString("PlanBodies")!, CancellationToken.None), StringComparison.Ordinal);
        }

        var contacts = app.Simulator.State.ContactsOf(AppTestHost.LocationId);
        Assert.Equal(2, contacts.Count);
        var contact = contacts.Single(c => (string?)c["phone"] == "+12015550150");
        var notes = Children(app, contact, ChildKind.Note);
        Assert.Equal(3, notes.Count);
        Assert.Single(notes, note => ((string)note["body"]!).StartsWith(longText, StringComparison.Ordinal) && ((string)note["body"]!).EndsWith("ref: evt_c2", StringComparison.Ordinal));
        Assert.Single(notes, note => ((string)note["body"]!).Contains(followUp, StringComparison.Ordinal));
        Assert.Single(notes, note => (string)note["body"]! == longText + "\n\nref: evt_n1");
        var tasks = Children(app, contact, ChildKind.Task);
        Assert.Equal(2, tasks.Count);
        Assert.Single(tasks, task => (string?)task["body"] == followUp + "\n\nref: " + MessageKey("evt_m1"));
        var updated = Assert.Single(tasks, task => (bool?)task["completed"] == true);
        Assert.Equal(Text(script, RoezanContractLimits.TitleLength, "u"), (string?)updated["title"]);
        var other = contacts.Single(c => (string?)c["phone"] == "+12015550151");
        Assert.Contains(longText, (string)Assert.Single(Children(app, other, ChildKind.Note))["body"]!, StringComparison.Ordinal);

        // Bodies over 48 KiB went by claim check; every event is finished, so no payload blob is left.
        var payloads = app.Get<BlobServiceClient>().GetBlobContainerClient(app.Names.PayloadsContainer);
        Assert.True(script == "combining" || await payloads.ExistsAsync(), "the largest bodies of this script go by claim check");
        if (await payloads.ExistsAsync())
        {
            Assert.Empty(await payloads.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, CancellationToken.None).ToListAsync());
        }
    }

    // One at a time, in order: each event is accepted (202) and processed before the next one comes.
    private static async Task ApplyAsync(AppTestHost app, string body)
    {
        var answer = await app.PostAsync(body);
        Assert.True(answer.StatusCode == 202, $"the webhook answered {answer.StatusCode}: {answer.Content}");
        await app.DrainAsync();
    }

    private static IReadOnlyList<JsonObject> Children(AppTestHost app, JsonObject contact, ChildKind kind) =>
        app.Simulator.State.ChildrenOf(AppTestHost.LocationId, (string)contact["id"]!, kind);

    /// <summary><paramref name="prefix"/> and then the script's characters, <paramref name="codePoints"/> code points in all (what the contract counts).</summary>
    private static string Text(string script, int codePoints, string prefix = "")
    {
        var unit = script switch
        {
            "emoji" => "\U0001F600",
            "cyrillic" => "Ж",
            "hebrew" => "ש",
            "cjk" => "漢",
            "combining" => "e\u0301",
            _ => throw new ArgumentOutOfRangeException(nameof(script), script, null),
        };
        var text = new StringBuilder(prefix);
        var count = prefix.EnumerateRunes().Count();
        var unitLength = unit.EnumerateRunes().Count();
        while (count + unitLength <= codePoints)
        {
            text.Append(unit);
            count += unitLength;
        }

        return text.Append('a', codePoints - count).ToString();
    }
}
