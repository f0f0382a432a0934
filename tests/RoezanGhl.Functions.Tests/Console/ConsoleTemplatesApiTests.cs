using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.Core.Automations;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Console;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// The Presets and SMS templates screen's HTTP API (signed in with the key, the CSRF token sent back), against Azurite
/// and both simulators on a fake clock (2026-06-09 15:00 UTC, 11:00 in New York): the live preview of a template for
/// the sample contact, the save as a new version, the refusal of an invalid template by row and field, the CSRF and
/// unknown-account refusals, and the running app texting with a saved template for the next event, no restart.
/// </summary>
[IntegrationLane]
public sealed class ConsoleTemplatesApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 6, 9, 15, 0, 0, TimeSpan.Zero);
    private ConsoleApiSession _console = null!;

    private AppTestHost App => _console.App;

    public async Task InitializeAsync() =>
        _console = await ConsoleApiSession.StartAsync(AppTestHost.Create().WithFakeTime(Start).WithRoezanSimulator(), "console-key-for-tests-0003");

    public async Task DisposeAsync() => await _console.DisposeAsync();

    private Task<string> SignInAsync() => _console.SignInAsync();

    /// <summary>The screen's edit as the page sends it (every row as shown), with <paramref name="change"/> made to the welcome-new-lead row.</summary>
    private async Task<(JsonObject Edit, int Row)> EditAsync(Action<JsonObject> change)
    {
        var view = await App.Get<AutomationTemplates>().GetAsync(AppTestHost.AccountId, CancellationToken.None);
        var rows = view.Automations.Select(row => (JsonNode?)new JsonObject
        {
            ["entry"] = row.Entry,
            ["template"] = row.Template,
            ["enabled"] = row.Enabled,
            ["message"] = row.Message,
            ["after"] = row.After,
            ["before"] = row.Before,
            ["maxSegments"] = row.MaxSegments,
            ["tags"] = row.Tags is null ? null : new JsonArray([.. row.Tags.Select(tag => (JsonNode?)tag)]),
            ["keywords"] = row.Keywords is null ? null : new JsonArray([.. row.Keywords.Select(word => (JsonNode?)word)]),
        }).ToArray();
        var flows = new JsonObject();
        foreach (var flow in view.Flows)
        {
            flows[flow.Flow] = flow.On;
        }

        var welcome = view.Automations.ToList().FindIndex(row => row.Template == AutomationCatalog.WelcomeNewLead);
        change(rows[welcome]!.AsObject());
        return (new JsonObject { ["preset"] = view.Preset, ["flows"] = flows, ["automations"] = new JsonArray(rows) }, welcome);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode body, string? csrf, string? ifMatch = null)
    {
        var (status, text) = await _console.SendAsync(method, path, body.ToJsonString(), csrf, ifMatch);
        return (status, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> PreviewAsync(JsonObject edit, int row, string? csrf, string account = AppTestHost.AccountId) =>
        SendAsync(HttpMethod.Post, $"api/accounts/{account}/templates/preview", new JsonObject { ["edit"] = edit, ["row"] = row }, csrf);

    private Task<(HttpStatusCode Status, JsonNode? Body)> SaveAsync(JsonObject edit, string? csrf, string version = "v0", string account = AppTestHost.AccountId) =>
        SendAsync(HttpMethod.Put, $"api/accounts/{account}/templates", edit, csrf, $"\"{version}\"");

    private static string? Problem(JsonNode? body, string path) =>
        body?["problems"]?.AsArray().FirstOrDefault(problem => (string?)problem!["path"] == path)?["message"]?.GetValue<string>();

    private Task<int> VersionAsync() =>
        App.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None).ContinueWith(task => task.Result.Version, TaskScheduler.Default);

    [Fact]
    public async Task The_preview_renders_the_edited_text_for_the_sample_contact_with_encoding_segments_room_left_and_send_time()
    {
        var csrf = await SignInAsync();
        var (plain, row) = await EditAsync(r => r["message"] = "Hi {{ contact.firstName }}, welcome aboard! Reply STOP to opt out.");
        var (curly, _) = await EditAsync(r => r["message"] = "Hi {{ contact.firstName }}, we’re glad you’re here! Reply STOP to opt out.");
        var (longer, _) = await EditAsync(r => r["message"] = new string('x', 170) + " {{ contact.firstName }}");

        var gsm = await PreviewAsync(plain, row, csrf);
        var ucs2 = await PreviewAsync(curly, row, csrf);
        var two = await PreviewAsync(longer, row, csrf);

        Assert.Equal(HttpStatusCode.OK, gsm.Status);
        const string Text = "Hi Ana, welcome aboard! Reply STOP to opt out.";
        Assert.Equal((Text, "GSM-7", 1, 160 - Text.Length), ((string?)gsm.Body!["text"], (string?)gsm.Body["encoding"], (int)gsm.Body["segments"]!, (int)gsm.Body["charactersLeft"]!));
        Assert.Contains("2026", (string?)gsm.Body["sendAtLocal"], StringComparison.Ordinal);
        Assert.Equal(Start, DateTimeOffset.Parse((string)gsm.Body["sendAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("UCS-2", 1), ((string?)ucs2.Body!["encoding"], (int)ucs2.Body["segments"]!));
        Assert.Equal((2, 2 * 153 - 174), ((int)two.Body!["segments"]!, (int)two.Body["charactersLeft"]!));
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task The_preview_shows_an_unknown_placeholder_and_a_liquid_syntax_error_next_to_the_row_text()
    {
        var csrf = await SignInAsync();
        var (unknown, row) = await EditAsync(r => r["message"] = "Hi {{ contact.nickname }}! Reply STOP to opt out.");
        var (broken, _) = await EditAsync(r => r["message"] = "Hi {{ contact.firstName ! Reply STOP to opt out.");

        var misspelt = await PreviewAsync(unknown, row, csrf);
        var unparsable = await PreviewAsync(broken, row, csrf);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, misspelt.Status);
        Assert.Contains("contact.nickname", Problem(misspelt.Body, $"Automations:{row}:message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unparsable.Status);
        Assert.NotNull(Problem(unparsable.Body, $"Automations:{row}:message"));
    }

    [Fact]
    public async Task A_saved_template_is_in_force_for_the_next_event_and_the_running_app_texts_it_once()
    {
        var csrf = await SignInAsync();
        await DeliverAsync("wh-before");
        await App.Get<SmsScheduleSweeper>().SweepAsync(CancellationToken.None);
        Assert.Empty(Texts());
        var (edit, _) = await EditAsync(r =>
        {
            r["enabled"] = true;
            r["message"] = "Hi {{ contact.firstName }}, welcome aboard! Reply STOP to opt out.";
        });

        var saved = await SaveAsync(edit, csrf);
        await DeliverAsync("wh-after");
        await App.Get<SmsScheduleSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, 1), (saved.Status, (int)saved.Body!["version"]!));
        var entry = Assert.Single((await App.Get<AccountConfigurations>().GetAsync(AppTestHost.AccountId, CancellationToken.None)).Configuration.Mapping.Automations);
        Assert.Equal((AutomationCatalog.WelcomeNewLead, true), (entry!.Template, entry.Enabled));
        var text = Assert.Single(Texts());
        Assert.Equal("Hi Ana, welcome aboard! Reply STOP to opt out.", text.Content);
    }

    [Fact]
    public async Task An_invalid_template_is_refused_on_save_with_the_message_next_to_its_row_and_nothing_is_stored()
    {
        var csrf = await SignInAsync();
        var (unknown, row) = await EditAsync(r => { r["enabled"] = true; r["message"] = "Hi {{ contact.nickname }}"; });
        var (tooLong, _) = await EditAsync(r => { r["enabled"] = true; r["maxSegments"] = 1; r["message"] = new string('x', 200); });

        var misspelt = await SaveAsync(unknown, csrf);
        var over = await SaveAsync(tooLong, csrf);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, misspelt.Status);
        Assert.Contains("contact.nickname", Problem(misspelt.Body, $"Automations:{row}:message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.Status);
        Assert.Contains("maxSegments 1", Problem(over.Body, $"Automations:{row}:message"), StringComparison.Ordinal);
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task Preview_and_save_without_the_csrf_token_are_refused_and_store_nothing()
    {
        await SignInAsync();
        var (edit, row) = await EditAsync(r => r["enabled"] = true);

        var preview = await PreviewAsync(edit, row, csrf: null);
        var save = await SaveAsync(edit, csrf: null);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (preview.Status, save.Status));
        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task Preview_and_save_for_an_account_that_is_not_configured_answer_404()
    {
        var csrf = await SignInAsync();
        var (edit, row) = await EditAsync(r => r["enabled"] = true);

        var preview = await PreviewAsync(edit, row, csrf, account: "nobody");
        var save = await SaveAsync(edit, csrf, account: "nobody");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (preview.Status, save.Status));
        Assert.Contains("nobody", (string?)save.Body!["error"], StringComparison.Ordinal);
    }

    /// <summary>A contact created in GHL (and so readable there at send time) and its ContactCreate webhook, applied.</summary>
    private async Task DeliverAsync(string webhookId)
    {
        var contactId = App.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["firstName"] = "Ana", ["phone"] = "+12015550141" })["id"]!.GetValue<string>();
        var body = GhlSampleEvents.ContactUpdate(webhookId, Start, contactId: contactId, phone: "+12015550141", type: "ContactCreate");
        Assert.Equal(200, (await App.PostGhlAsync(body)).StatusCode);
        await App.DrainAsync();
    }

    private IReadOnlyList<RoezanMessage> Texts() =>
        [.. App.Roezan.Simulator.State.MessagesOf(AppTestHost.AccountId).Where(m => m.Direction == MessageDirection.Outbound)];
}
