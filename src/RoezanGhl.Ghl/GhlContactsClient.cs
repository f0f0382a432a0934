using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl;

/// <summary>
/// The GHL Contacts API (Version 2021-07-28). Every call names the location whose token, rate limit
/// and circuit apply. Thread-safe; register it with <c>AddGhlContactsClient</c>. Members are virtual
/// and a protected constructor exists so tests can mock it (as Azure SDK clients allow). This class is the
/// API surface; <see cref="GhlRequestSender"/> sends each request and turns failures into exceptions.
/// Failures throw <see cref="GhlApiException"/> (a caller's cancellation throws
/// <see cref="OperationCanceledException"/>; a token provider that gives up throws
/// <see cref="Auth.GhlLocationNeedsAttentionException"/>).
/// </summary>
public partial class GhlContactsClient
{
    private readonly GhlRequestSender _sender = null!;
    private readonly GhlOptions _options = null!;
    private readonly GhlRateLimiter _rateLimiter = null!;

    /// <summary>
    /// Used by dependency injection: <paramref name="httpClient"/> must come through the handlers that
    /// <c>AddGhlContactsClient</c> sets up (token, rate limit, resilience).
    /// </summary>
    public GhlContactsClient(HttpClient httpClient, IOptions<GhlOptions> options, GhlRateLimiter rateLimiter, ILogger<GhlContactsClient> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _rateLimiter = rateLimiter ?? throw new ArgumentNullException(nameof(rateLimiter));
        _sender = new GhlRequestSender(httpClient, _options, logger, timeProvider);
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
        contact.LocationId = GhlRequestContent.MatchLocation(locationId, contact.LocationId);
        var envelope = await SendAsync(locationId, GhlOperations.CreateContact, "/contacts/", null, GhlRequestContent.Json(contact, GhlJsonContext.Default.GhlCreateContactRequest), GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
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
        contact.LocationId = GhlRequestContent.MatchLocation(locationId, contact.LocationId);
        var operation = contact.CreateNewIfDuplicateAllowed == true ? GhlOperations.UpsertContactCreatingDuplicates : GhlOperations.UpsertContact;
        return SendAsync(locationId, operation, "/contacts/upsert", null, GhlRequestContent.Json(contact, GhlJsonContext.Default.GhlUpsertContactRequest), GhlJsonContext.Default.GhlUpsertContactResult, cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}</c> with the non-null fields of <paramref name="changes"/> (tags given here replace all tags).</summary>
    public virtual async Task<GhlContact> UpdateContactAsync(string locationId, string contactId, GhlUpdateContactRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(changes);
        var envelope = await SendAsync(locationId, GhlOperations.UpdateContact, $"/contacts/{Escape(contactId)}", null, GhlRequestContent.Json(changes, GhlJsonContext.Default.GhlUpdateContactRequest), GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
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
        var response = await SendAsync(locationId, GhlOperations.ListContacts, "/contacts/", GhlContactPaging.ListParameters(locationId, query, limit), null, GhlJsonContext.Default.GhlContactListResponse, cancellationToken).ConfigureAwait(false);
        return GhlContactPaging.ToPage(query, limit, response);
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
            var parameters = GhlContactPaging.BusinessParameters(locationId, limit, skip, query);
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

        KeyValuePair<string, string?>[] parameters = [new("locationId", locationId), new("number", phone), new("email", email)];
        var envelope = await SendAsync(locationId, GhlOperations.FindDuplicate, "/contacts/search/duplicate", parameters, null, GhlJsonContext.Default.GhlContactEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Contact is { Id.Length: > 0 } contact ? contact : null;
    }

    // ---- tags -----------------------------------------------------------------------------------

    /// <summary><c>POST /contacts/{contactId}/tags</c>: adds tags, keeping the others. Returns the tags GHL reports.</summary>
    public virtual async Task<IReadOnlyList<string>> AddTagsAsync(string locationId, string contactId, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var body = GhlRequestContent.Tags(contactId, tags);
        var response = await SendAsync(locationId, GhlOperations.AddTags, $"/contacts/{Escape(contactId)}/tags", null, body, GhlJsonContext.Default.GhlTagsRequest, cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }

    /// <summary><c>DELETE /contacts/{contactId}/tags</c>: removes these tags. Returns the tags GHL reports.</summary>
    public virtual async Task<IReadOnlyList<string>> RemoveTagsAsync(string locationId, string contactId, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        var body = GhlRequestContent.Tags(contactId, tags);
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
        return SendTaskAsync(locationId, GhlOperations.CreateTask, contactId, null, GhlRequestContent.Json(task, GhlJsonContext.Default.GhlCreateTaskRequest), cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}/tasks/{taskId}</c> with the non-null fields of <paramref name="changes"/>.</summary>
    public virtual Task<GhlTask> UpdateTaskAsync(string locationId, string contactId, string taskId, GhlUpdateTaskRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return SendTaskAsync(locationId, GhlOperations.UpdateTask, contactId, taskId, GhlRequestContent.Json(changes, GhlJsonContext.Default.GhlUpdateTaskRequest), cancellationToken);
    }

    /// <summary><c>PUT /contacts/{contactId}/tasks/{taskId}/completed</c>.</summary>
    public virtual Task<GhlTask> SetTaskCompletedAsync(string locationId, string contactId, string taskId, bool completed, CancellationToken cancellationToken = default) =>
        SendTaskAsync(locationId, GhlOperations.CompleteTask, contactId, taskId, GhlRequestContent.Json(new GhlTaskCompletedRequest { Completed = completed }, GhlJsonContext.Default.GhlTaskCompletedRequest), cancellationToken);

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
        var envelope = await SendAsync(locationId, GhlOperations.CreateNote, $"/contacts/{Escape(contactId)}/notes", null, GhlRequestContent.Json(note, GhlJsonContext.Default.GhlCreateNoteRequest), GhlJsonContext.Default.GhlNoteEnvelope, cancellationToken).ConfigureAwait(false);
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
        var envelope = await SendAsync(locationId, operation, GhlRequestContent.TaskPath(operation, contactId, taskId), null, body, GhlJsonContext.Default.GhlTaskEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Task ?? throw MissingBody(locationId, operation, "task");
    }

    private Task<T> SendAsync<T>(string locationId, GhlOperation operation, string path, IReadOnlyList<KeyValuePair<string, string?>>? query, HttpContent? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class =>
        _sender.SendAsync(locationId, operation, path, query, body, responseType, cancellationToken);

    private static string Escape(string? segment) => GhlRequestContent.Escape(segment);

    private static GhlApiException MissingBody(string locationId, GhlOperation operation, string what) => GhlRequestSender.MissingBody(locationId, operation, what);
}
