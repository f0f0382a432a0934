using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RoezanGhl.Core.Planning;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Baseline;

/// <summary>
/// The peers' way, modelled on n8n's HighLevel node (v2) in a workflow per Roezan event: every event starts a
/// workflow at once (no queue, no rate limiter, no dedupe), each HighLevel node sends its request(s) straight
/// to the API, and a node that fails is retried as n8n's "Retry On Fail" does by default — 3 tries, 1 s apart —
/// after which the workflow fails and the event is lost. The nodes per event (what a zap needs without our
/// links table; the Roezan contact's phone comes from a Roezan lookup, which costs no GHL call):
/// <list type="bullet">
/// <item>contact.created / contact.updated: "Contact: Create or Update" (<c>POST /contacts/upsert</c> with every field).</item>
/// <item>message.received and note.created: "Contact: Create or Update" by phone with its "Note" field set — the node
/// upserts, then posts the note (<c>POST /contacts/{id}/notes</c>), as the node's addNote post-receive step does.</item>
/// <item>task.created: "Create or Update" by phone (to get the GHL contact id), then "Task: Create".</item>
/// <item>task.updated / task.completed: "Create or Update" by phone, "Task: Get Many" (the task is found by the Roezan
/// task id in its description), then "Task: Update" (<c>PUT .../tasks/{id}</c>); an update without title and due date
/// (completing) first GETs the task, as the node's pre-send step does.</item>
/// </list>
/// </summary>
internal sealed class N8nStyleBaseline : ISystemUnderLoad
{
    private const int MaxTries = 3;
    private static readonly TimeSpan WaitBetweenTries = TimeSpan.FromSeconds(1);

    private readonly ConcurrentBag<Task> _workflows = [];
    private readonly CancellationTokenSource _stop = new();
    private RunContext? _context;
    private HttpClient? _http;

    public string Key => "baseline";

    public Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = context.Simulator.BaseUrl,
            Timeout = TimeSpan.FromSeconds(300),
        };
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeliverAsync(ScriptedEvent scripted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scripted);
        _context!.Timeline.MarkAccepted(scripted);
        _workflows.Add(Task.Run(() => RunWorkflowAsync(scripted, _stop.Token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_workflows).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Workflows still retrying at the limit are stopped; their events count as lost.
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workflows.Select(task => task.ContinueWith(static _ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        _http?.Dispose();
        _stop.Dispose();
    }

    private async Task RunWorkflowAsync(ScriptedEvent scripted, CancellationToken cancellationToken)
    {
        var timeline = _context!.Timeline;
        try
        {
            var contactId = "";
            switch (scripted.Kind)
            {
                case EventKind.ContactCreated or EventKind.ContactUpdated:
                    await NodeAsync(() => UpsertAsync(scripted, ContactFields(scripted), null, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;

                case EventKind.MessageFromKnownContact or EventKind.MessageFollowUp or EventKind.MessageFromNewNumber or EventKind.NoteCreated:
                    await NodeAsync(() => UpsertAsync(scripted, SenderFields(scripted), scripted.Text, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;

                case EventKind.TaskCreated:
                    await NodeAsync(async () => contactId = await UpsertAsync(scripted, SenderFields(scripted), null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    await NodeAsync(() => SendAsync(scripted, HttpMethod.Post, $"/contacts/{contactId}/tasks/", new JsonObject
                    {
                        ["title"] = scripted.Text,
                        ["body"] = "Asked for it by SMS",
                        ["dueDate"] = Time(scripted.DueDate!.Value),
                        ["completed"] = false,
                    }, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;

                case EventKind.TaskUpdated or EventKind.TaskCompleted:
                    var taskId = "";
                    await NodeAsync(async () => contactId = await UpsertAsync(scripted, SenderFields(scripted), null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    await NodeAsync(async () => taskId = await FindTaskAsync(scripted, contactId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                    await NodeAsync(() => UpdateTaskAsync(scripted, contactId, taskId, cancellationToken), cancellationToken).ConfigureAwait(false);
                    break;
            }

            timeline.MarkSettled(scripted.QueuedEventId, "Applied");
        }
        catch (ZapNodeFailedException exception)
        {
            timeline.MarkSettled(scripted.QueuedEventId, "Failed: " + exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            timeline.MarkSettled(scripted.QueuedEventId, "Stopped at the drain limit");
        }
    }

    // "Retry On Fail": the whole node again, up to 3 tries, 1 s apart; then the node (and the workflow) fails.
    private static async Task NodeAsync(Func<Task> node, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await node().ConfigureAwait(false);
                return;
            }
            catch (ZapNodeFailedException) when (attempt < MaxTries)
            {
                await Task.Delay(WaitBetweenTries, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Contact: Create or Update, then (with a note) the node's own POST of the note on the contact it got back.
    private async Task<string> UpsertAsync(ScriptedEvent scripted, JsonObject fields, string? note, CancellationToken cancellationToken)
    {
        fields["locationId"] = scripted.Location.LocationId;
        var answer = await SendAsync(scripted, HttpMethod.Post, "/contacts/upsert/", fields, cancellationToken).ConfigureAwait(false);
        var contactId = answer["contact"]?["id"]?.GetValue<string>() ?? throw new ZapNodeFailedException("upsert answered no contact");
        if (note is not null)
        {
            await SendAsync(scripted, HttpMethod.Post, $"/contacts/{contactId}/notes", new JsonObject { ["userId"] = scripted.Location.LocationId, ["body"] = note }, cancellationToken).ConfigureAwait(false);
        }

        return contactId;
    }

    private async Task<string> FindTaskAsync(ScriptedEvent scripted, string contactId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(scripted, HttpMethod.Get, $"/contacts/{contactId}/tasks/", null, cancellationToken).ConfigureAwait(false);
        var tasks = answer["tasks"] as JsonArray ?? [];
        return tasks.OfType<JsonObject>().FirstOrDefault(task => task["body"]?.GetValue<string>()?.Contains(scripted.RoezanTaskId!, StringComparison.Ordinal) == true)?["id"]?.GetValue<string>()
            ?? throw new ZapNodeFailedException("the task is not on the contact");
    }

    private async Task UpdateTaskAsync(ScriptedEvent scripted, string contactId, string taskId, CancellationToken cancellationToken)
    {
        var path = $"/contacts/{contactId}/tasks/{taskId}/";
        JsonObject body;
        if (scripted.Kind == EventKind.TaskUpdated)
        {
            body = new JsonObject { ["title"] = scripted.Text, ["body"] = scripted.Contact!.TaskBody, ["dueDate"] = Time(scripted.Contact.TaskDueDate) };
        }
        else
        {
            // Title and due date are not set when only completing: the node GETs the task to fill them in.
            var current = await SendAsync(scripted, HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            body = new JsonObject
            {
                ["title"] = current["task"]?["title"]?.GetValue<string>(),
                ["dueDate"] = current["task"]?["dueDate"]?.GetValue<string>(),
                ["completed"] = true,
            };
        }

        await SendAsync(scripted, HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(ScriptedEvent scripted, HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", scripted.Location.Token);
        request.Headers.TryAddWithoutValidation("Version", "2021-07-28");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await _http!.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ZapNodeFailedException($"{method} {path}: {exception.Message}", exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ZapNodeFailedException(string.Create(CultureInfo.InvariantCulture, $"{method} {PathTemplate(path)} answered {(int)response.StatusCode}"));
            }

            return JsonNode.Parse(text) as JsonObject ?? [];
        }
    }

    private static JsonObject ContactFields(ScriptedEvent scripted)
    {
        var known = scripted.Contact;
        var fields = new JsonObject
        {
            ["firstName"] = scripted.FirstName ?? known?.FirstName,
            ["lastName"] = scripted.LastName,
            ["phone"] = known?.LocalPhone ?? scripted.LocalPhone,
            ["email"] = known?.Email ?? scripted.Email,
        };
        var tags = new List<string>();
        if (known is not null)
        {
            tags.Add("customer");
        }

        if (scripted.NewTag is not null)
        {
            tags.Add(scripted.NewTag);
        }

        if (tags.Count > 0)
        {
            fields["tags"] = new JsonArray([.. tags.Select(tag => (JsonNode)JsonValue.Create(tag))]);
        }

        return fields;
    }

    // The contact a message, note or task is about, matched by phone (a new number's name comes with its first message).
    private static JsonObject SenderFields(ScriptedEvent scripted) => scripted.Kind == EventKind.MessageFromNewNumber
        ? new JsonObject { ["phone"] = scripted.LocalPhone, ["firstName"] = scripted.FirstName, ["lastName"] = scripted.LastName }
        : new JsonObject { ["phone"] = scripted.Contact?.LocalPhone ?? scripted.LocalPhone };

    private static string PathTemplate(string path) =>
        string.Join('/', path.Split('/').Select(segment => segment.Length == 20 ? "{id}" : segment));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
