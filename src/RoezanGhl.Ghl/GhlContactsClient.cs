using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.Logging;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl;

/// <summary>
/// The GHL Contacts API (Version 2021-07-28). Every call names the location whose token, rate limit
/// and circuit apply. Thread-safe; register it with <c>AddGhlContactsClient</c>. Members are virtual
/// and a protected constructor exists so tests can mock it.
/// Failures throw <see cref="GhlApiException"/> (a caller's cancellation throws
/// <see cref="OperationCanceledException"/>; a token provider that gives up throws
/// <see cref="Auth.GhlLocationNeedsAttentionException"/>).
/// </summary>
public class GhlContactsClient
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _httpClient = null!;
    private readonly GhlOptions _options = null!;
    private readonly GhlRateLimiter _rateLimiter = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>
    /// Used by dependency injection: <paramref name="httpClient"/> must come through the handlers that
    /// <c>AddGhlContactsClient</c> sets up (token, rate limit, resilience).
    /// </summary>
    public GhlContactsClient(HttpClient httpClient, IOptions<GhlOptions> options, GhlRateLimiter rateLimiter, ILogger<GhlContactsClient> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options.Value;
        _rateLimiter = rateLimiter ?? throw new ArgumentNullException(nameof(rateLimiter));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>For mocking.</summary>
    protected GhlContactsClient()
    {
    }

    // ---- contacts -------------------------------------------------------------------------------

    /// <summary><c>GET /contacts/{contactId}</c>.</summary>
    public virtual async Task<GhlContact> GetContactAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var envelope = await SendAsync(locationId, GhlOperations.GetContact, $"/contacts/{Escape(contactId)}", null, null, GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Contact ?? throw MissingBody(locationId, GhlOperations.GetContact, "contact");
    }

    /// <summary>
    /// <c>POST /contacts/</c>. Not repeated once it may have reached GHL: on a timeout, dropped
    /// connection, 5xx or 422 the exception has <see cref="GhlApiException.OutcomeUnknown"/> set, and the
    /// caller should look the contact up (<see cref="FindDuplicateContactAsync"/>) before creating it again.
    /// A location that blocks duplicates answers with <see cref="GhlApiException.ExistingContactId"/>.
    /// </summary>
    public virtual async Task<GhlContact> CreateContactAsync(string locationId, GhlCreateContactRequest contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        contact.LocationId = MatchLocation(locationId, contact.LocationId);
        var envelope = await SendAsync(locationId, GhlOperations.CreateContact, "/contacts/", null, Body(contact, GhlJsonContext.Default.GhlCreateContactRequest), GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Contact ?? throw MissingBody(locationId, GhlOperations.CreateContact, "contact");
    }

    /// <summary>
    /// <c>POST /contacts/upsert</c>: GHL updates the contact matching the email or phone (per the
    /// location's duplicate rules) or creates one. Beware GHL's quirk: when the email matches one
    /// contact and the phone another, GHL updates the email's contact and drops the phone; compare the
    /// returned contact's phone with the one sent.
    /// </summary>
    public virtual Task<GhlUpsertContactResult> UpsertContactAsync(string locationId, GhlUpsertContactRequest contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        contact.LocationId = MatchLocation(locationId, contact.LocationId);
        var operation = contact.CreateNewIfDuplicateAllowed == true ? GhlOperations.UpsertContactCreatingDuplicates : GhlOperations.UpsertContact;
        return SendAsync(locationId, operation, "/contacts/upsert", null, Body(contact, GhlJsonContext.Default.GhlUpsertContactRequest), GhlJsonContext.Default.GhlUpsertContactResult, cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}</c> with the non-null fields of <paramref name="changes"/> (tags given here replace all tags).</summary>
    public virtual async Task<GhlContact> UpdateContactAsync(string locationId, string contactId, GhlUpdateContactRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(changes);
        var envelope = await SendAsync(locationId, GhlOperations.UpdateContact, $"/contacts/{Escape(contactId)}", null, Body(changes, GhlJsonContext.Default.GhlUpdateContactRequest), GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Contact ?? throw MissingBody(locationId, GhlOperations.UpdateContact, "contact");
    }

    /// <summary><c>DELETE /contacts/{contactId}</c>.</summary>
    public virtual Task DeleteContactAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        return SendAsync(locationId, GhlOperations.DeleteContact, $"/contacts/{Escape(contactId)}", null, null, GhlJsonContext.Default.GhlSucceededEnvelope, cancellationToken);
    }

    /// <summary>One page of <c>GET /contacts/</c>; pass the returned <see cref="GhlContactPage.NextCursor"/> to get the next.</summary>
    public virtual async Task<GhlContactPage> GetContactsPageAsync(string locationId, GhlContactListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new GhlContactListQuery();
        var limit = query.Limit ?? _options.PageSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 100, nameof(query));
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("locationId", locationId),
            new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("startAfterId", query.StartAfterId),
            new("startAfter", query.StartAfter?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("query", query.Query),
        };
        var response = await SendAsync(locationId, GhlOperations.ListContacts, "/contacts/", parameters, null, GhlJsonContext.Default.GhlContactListResponse, cancellationToken).ConfigureAwait(false);
        var meta = response.Meta;
        // The last page is short, or carries no cursor; a cursor that does not move would loop forever.
        var hasNext = response.Contacts.Count >= limit
            && meta?.StartAfterId is { Length: > 0 } nextId
            && (nextId != query.StartAfterId || meta.StartAfter != query.StartAfter);
        var next = hasNext ? query with { StartAfterId = meta!.StartAfterId, StartAfter = meta.StartAfter } : null;
        return new GhlContactPage(response.Contacts, meta?.Total ?? response.Count, next);
    }

    /// <summary>Every contact of <c>GET /contacts/</c>, page after page, following the cursor.</summary>
    public virtual async IAsyncEnumerable<GhlContact> ListContactsAsync(string locationId, GhlContactListQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        GhlContactListQuery? next = query ?? new GhlContactListQuery();
        while (next is not null)
        {
            var page = await GetContactsPageAsync(locationId, next, cancellationToken).ConfigureAwait(false);
            foreach (var contact in page.Contacts)
            {
                yield return contact;
            }

            next = page.NextCursor;
        }
    }

    /// <summary>Every contact of a business (<c>GET /contacts/business/{businessId}</c>), page after page by skip/limit.</summary>
    public virtual async IAsyncEnumerable<GhlContact> ListBusinessContactsAsync(string locationId, string businessId, string? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessId);
        var limit = _options.PageSize;
        for (var skip = 0; ; skip += limit)
        {
            var parameters = new List<KeyValuePair<string, string?>>
            {
                new("locationId", locationId),
                new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("query", query),
            };
            var response = await SendAsync(locationId, GhlOperations.ListBusinessContacts, $"/contacts/business/{Escape(businessId)}", parameters, null, GhlJsonContext.Default.GhlContactListResponse, cancellationToken).ConfigureAwait(false);
            foreach (var contact in response.Contacts)
            {
                yield return contact;
            }

            if (response.Contacts.Count < limit)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// <c>GET /contacts/search/duplicate</c>: the contact GHL would treat as a duplicate of this phone
    /// or email, or null. The lookup to make before re-creating after an outcome-unknown create.
    /// </summary>
    public virtual async Task<GhlContact?> FindDuplicateContactAsync(string locationId, string? phone, string? email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            throw new ArgumentException("Give a phone number, an email, or both.", nameof(phone));
        }

        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("locationId", locationId),
            new("number", phone),
            new("email", email),
        };
        var envelope = await SendAsync(locationId, GhlOperations.FindDuplicate, "/contacts/search/duplicate", parameters, null, GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Contact is { Id.Length: > 0 } contact ? contact : null;
    }

    // ---- tags -----------------------------------------------------------------------------------

    /// <summary><c>POST /contacts/{contactId}/tags</c>: adds tags, keeping the others. Returns the tags GHL reports.</summary>
    public virtual async Task<IReadOnlyList<string>> AddTagsAsync(string locationId, string contactId, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var body = TagsBody(contactId, tags);
        var response = await SendAsync(locationId, GhlOperations.AddTags, $"/contacts/{Escape(contactId)}/tags", null, body, GhlJsonContext.Default.GhlTagsRequest, cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }

    /// <summary><c>DELETE /contacts/{contactId}/tags</c>: removes these tags. Returns the tags GHL reports.</summary>
    public virtual async Task<IReadOnlyList<string>> RemoveTagsAsync(string locationId, string contactId, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var body = TagsBody(contactId, tags);
        var response = await SendAsync(locationId, GhlOperations.RemoveTags, $"/contacts/{Escape(contactId)}/tags", null, body, GhlJsonContext.Default.GhlTagsRequest, cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }

    // ---- tasks ----------------------------------------------------------------------------------

    /// <summary><c>GET /contacts/{contactId}/tasks</c>.</summary>
    public virtual async Task<IReadOnlyList<GhlTask>> ListTasksAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var envelope = await SendAsync(locationId, GhlOperations.ListTasks, $"/contacts/{Escape(contactId)}/tasks", null, null, GhlJsonContext.Default.GhlTaskEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Tasks ?? [];
    }

    /// <summary><c>GET /contacts/{contactId}/tasks/{taskId}</c>.</summary>
    public virtual Task<GhlTask> GetTaskAsync(string locationId, string contactId, string taskId, CancellationToken cancellationToken = default) =>
        SendTaskAsync(locationId, GhlOperations.GetTask, contactId, taskId, null, cancellationToken);

    /// <summary>
    /// <c>POST /contacts/{contactId}/tasks</c>. Not repeated once it may have reached GHL (see
    /// <see cref="GhlApiException.OutcomeUnknown"/>): list the contact's tasks before creating it again.
    /// </summary>
    public virtual Task<GhlTask> CreateTaskAsync(string locationId, string contactId, GhlCreateTaskRequest task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(task.Title);
        return SendTaskAsync(locationId, GhlOperations.CreateTask, contactId, null, Body(task, GhlJsonContext.Default.GhlCreateTaskRequest), cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}/tasks/{taskId}</c> with the non-null fields of <paramref name="changes"/>.</summary>
    public virtual Task<GhlTask> UpdateTaskAsync(string locationId, string contactId, string taskId, GhlUpdateTaskRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendTaskAsync(locationId, GhlOperations.UpdateTask, contactId, taskId, Body(changes, GhlJsonContext.Default.GhlUpdateTaskRequest), cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}/tasks/{taskId}/completed</c>.</summary>
    public virtual Task<GhlTask> SetTaskCompletedAsync(string locationId, string contactId, string taskId, bool completed, CancellationToken cancellationToken = default) =>
        SendTaskAsync(locationId, GhlOperations.CompleteTask, contactId, taskId, Body(new GhlTaskCompletedRequest { Completed = completed }, GhlJsonContext.Default.GhlTaskCompletedRequest), cancellationToken);

    /// <summary><c>DELETE /contacts/{contactId}/tasks/{taskId}</c>.</summary>
    public virtual Task DeleteTaskAsync(string locationId, string contactId, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return SendAsync(locationId, GhlOperations.DeleteTask, $"/contacts/{Escape(contactId)}/tasks/{Escape(taskId)}", null, null, GhlJsonContext.Default.GhlSucceededEnvelope, cancellationToken);
    }

    // ---- notes ----------------------------------------------------------------------------------

    /// <summary><c>GET /contacts/{contactId}/notes</c>.</summary>
    public virtual async Task<IReadOnlyList<GhlNote>> ListNotesAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var envelope = await SendAsync(locationId, GhlOperations.ListNotes, $"/contacts/{Escape(contactId)}/notes", null, null, GhlJsonContext.Default.GhlNoteEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Notes ?? [];
    }

    /// <summary><c>GET /contacts/{contactId}/notes/{id}</c>.</summary>
    public virtual async Task<GhlNote> GetNoteAsync(string locationId, string contactId, string noteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(noteId);
        var envelope = await SendAsync(locationId, GhlOperations.GetNote, $"/contacts/{Escape(contactId)}/notes/{Escape(noteId)}", null, null, GhlJsonContext.Default.GhlNoteEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Note ?? throw MissingBody(locationId, GhlOperations.GetNote, "note");
    }

    /// <summary>
    /// <c>POST /contacts/{contactId}/notes</c>. Not repeated once it may have reached GHL (see
    /// <see cref="GhlApiException.OutcomeUnknown"/>): list the contact's notes before creating it again.
    /// </summary>
    public virtual async Task<GhlNote> CreateNoteAsync(string locationId, string contactId, GhlCreateNoteRequest note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(note.Body);
        var envelope = await SendAsync(locationId, GhlOperations.CreateNote, $"/contacts/{Escape(contactId)}/notes", null, Body(note, GhlJsonContext.Default.GhlCreateNoteRequest), GhlJsonContext.Default.GhlNoteEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Note ?? throw MissingBody(locationId, GhlOperations.CreateNote, "note");
    }

    // ---- appointments ---------------------------------------------------------------------------

    /// <summary><c>GET /contacts/{contactId}/appointments</c>.</summary>
    public virtual async Task<IReadOnlyList<GhlAppointment>> ListAppointmentsAsync(string locationId, string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var envelope = await SendAsync(locationId, GhlOperations.ListAppointments, $"/contacts/{Escape(contactId)}/appointments", null, null, GhlJsonContext.Default.GhlAppointmentEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Events ?? [];
    }

    // ---- budget ---------------------------------------------------------------------------------

    /// <summary>The location's rate-limit and daily budget as this process sees it now.</summary>
    public virtual GhlRateLimitBudget GetRateLimitBudget(string locationId) => _rateLimiter.GetBudget(locationId);

    // ---- plumbing -------------------------------------------------------------------------------

    private async Task<GhlTask> SendTaskAsync(string locationId, GhlOperation operation, string contactId, string? taskId, HttpContent? body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var path = $"/contacts/{Escape(contactId)}/tasks";
        if (operation != GhlOperations.CreateTask)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
            path += $"/{Escape(taskId)}";
        }

        if (operation == GhlOperations.CompleteTask)
        {
            path += "/completed";
        }

        var envelope = await SendAsync(locationId, operation, path, null, body, GhlJsonContext.Default.GhlTaskEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Task ?? throw MissingBody(locationId, operation, "task");
    }

    private async Task<T> SendAsync<T>(
        string locationId,
        GhlOperation operation,
        string path,
        IReadOnlyList<KeyValuePair<string, string?>>? query,
        HttpContent? body,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var context = new GhlRequestContext(locationId, operation, GhlRequestPriorityScope.Current);
        using var request = new HttpRequestMessage(operation.Method, BuildUri(path, query)) { Content = body };
        request.Options.Set(GhlRequestContext.Key, context);
        request.Headers.Accept.Add(Json);
        request.Headers.TryAddWithoutValidation("Version", _options.ApiVersion);
        var started = _timeProvider.GetTimestamp();

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (GhlErrorTranslator.FromException(exception, context, _options.CircuitBreakerBreakDuration) is { } translated)
        {
            Log(translated, context);
            throw translated;
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = GhlErrorTranslator.FromResponse(response, content, context, _timeProvider);
                Log(failure, context);
                throw failure;
            }

            var elapsedMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
            GhlLog.CallSucceeded(_logger, operation.Display, locationId, (int)response.StatusCode, elapsedMs, context.Attempts);

            try
            {
                return (content.Length == 0 ? null : JsonSerializer.Deserialize(content, responseType))
                    ?? throw MissingBody(locationId, operation, "body");
            }
            catch (JsonException exception)
            {
                throw new GhlApiException($"GHL {operation} for location '{locationId}' answered {(int)response.StatusCode} with a body that is not the expected JSON.", GhlErrorKind.Permanent, response.StatusCode, innerException: exception)
                {
                    LocationId = locationId,
                    Operation = operation.Display,
                };
            }
        }
    }

    private void Log(GhlApiException failure, GhlRequestContext context)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            GhlLog.CallFailed(_logger, context.Operation.Display, context.LocationId, failure.StatusCode, failure.Kind, failure.OutcomeUnknown, failure.TraceId, string.Join("; ", failure.Messages.Count > 0 ? failure.Messages : [failure.Message]));
        }
    }

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string?>>? query)
    {
        var builder = new StringBuilder(_options.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        var separator = '?';
        foreach (var (name, value) in query ?? [])
        {
            if (!string.IsNullOrEmpty(value))
            {
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static ByteArrayContent TagsBody(string contactId, IEnumerable<string> tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one tag.", nameof(tags));
        }

        return Body(new GhlTagsRequest { Tags = list }, GhlJsonContext.Default.GhlTagsRequest);
    }

    private static string MatchLocation(string locationId, string? bodyLocationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        if (!string.IsNullOrEmpty(bodyLocationId) && !string.Equals(bodyLocationId, locationId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The body names location '{bodyLocationId}' but the call is for '{locationId}'.", nameof(locationId));
        }

        return locationId;
    }

    private static string Escape(string? segment) => Uri.EscapeDataString(segment ?? "");

    private static GhlApiException MissingBody(string locationId, GhlOperation operation, string what) =>
        new($"GHL {operation} for location '{locationId}' answered without the expected '{what}'.", GhlErrorKind.Permanent)
        {
            LocationId = locationId,
            Operation = operation.Display,
        };
}
