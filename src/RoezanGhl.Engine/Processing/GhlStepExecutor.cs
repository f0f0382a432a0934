using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Runs one plan step against GHL, guarding every create against ghost writes: a create whose outcome is
/// unknown (timeout or 5xx after sending, or GHL's 422 that sometimes comes with an applied create) is
/// followed by a lookup (<c>GET /contacts/search/duplicate</c> by phone then email, or the contact's notes /
/// tasks matched by their <c>ref:</c> line) and the object found is adopted instead of made again. Updates,
/// tags (added or removed) and completion are idempotent in GHL and simply sent.
/// </summary>
public class GhlStepExecutor
{
    // A create whose outcome stays unknown after this many tries in one attempt goes back to the host,
    // whose next attempt looks the object up first.
    private const int CreateTries = 2;

    private readonly GhlContactsClient _ghl;
    private readonly ILogger _logger;
    private readonly InboundMessageAdder _inboundMessages;

    public GhlStepExecutor(GhlContactsClient ghl, ILogger<GhlStepExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(ghl);
        ArgumentNullException.ThrowIfNull(logger);
        _ghl = ghl;
        _logger = logger;
        _inboundMessages = new InboundMessageAdder(ghl, logger);
    }

    /// <summary>
    /// Runs <paramref name="planStep"/>; GHL failures surface as <see cref="GhlApiException"/>. Virtual because the
    /// end-to-end tests crash a worker just before or after a step through it.
    /// </summary>
    public virtual Task<StepResult> ExecuteAsync(StepContext context, PlanStep planStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(planStep);
        return planStep switch
        {
            UpsertContactStep upsert => UpsertAsync(context, upsert, cancellationToken),
            CreateContactStep create => CreateContactAsync(context, create, cancellationToken),
            UpdateContactStep update => UpdateContactAsync(context, update, cancellationToken),
            AddTagsStep tags => AddTagsAsync(context, tags, cancellationToken),
            RemoveTagsStep tags => RemoveTagsAsync(context, tags, cancellationToken),
            CreateNoteStep note => CreateNoteAsync(context, note, cancellationToken),
            CreateTaskStep task => CreateTaskAsync(context, task, cancellationToken),
            UpdateTaskStep task => UpdateTaskAsync(context, task, cancellationToken),
            CompleteTaskStep => CompleteTaskAsync(context, cancellationToken),
            AddInboundMessageStep message => _inboundMessages.AddAsync(context, message, cancellationToken),
            _ => throw new NotSupportedException($"No GHL call for the plan step {planStep.GetType().Name}."),
        };
    }

    // Idempotent through GHL's own matching: a repeat finds the contact the first call made.
    private async Task<StepResult> UpsertAsync(StepContext context, UpsertContactStep step, CancellationToken cancellationToken)
    {
        var request = GhlContactRequests.Fill(new GhlUpsertContactRequest { LocationId = context.LocationId }, step.Fields);
        var result = await _ghl.UpsertContactAsync(context.LocationId, request, cancellationToken).ConfigureAwait(false);
        return new StepResult
        {
            GhlContactId = result.Contact.Id,
            Adopted = !result.IsNew,
            Conflict = UpsertConflict.Describe(step.Fields, result.Contact),
            ConflictMembers = UpsertConflict.Members(step.Fields, result.Contact),
            TraceId = result.TraceId,
        };
    }

    private Task<StepResult> CreateContactAsync(StepContext context, CreateContactStep step, CancellationToken cancellationToken)
    {
        var fields = step.Fields;
        return CreateOnceAsync(
            context,
            "contact",
            canFind: fields.Phone is not null || fields.Email is not null,
            find: () => FindContactAsync(context, fields, cancellationToken),
            create: async () =>
            {
                try
                {
                    var request = GhlContactRequests.CreateContact(context.LocationId, step);
                    return (await _ghl.CreateContactAsync(context.LocationId, request, cancellationToken).ConfigureAwait(false), false);
                }
                catch (GhlApiException exception) when (exception.IsDuplicateBlocked)
                {
                    // The location blocks duplicates and named the contact that has this phone/email: that is ours.
                    return (new GhlContact { Id = exception.ExistingContactId! }, true);
                }
            },
            idOf: contact => contact.Id,
            result: (contact, adopted) => new StepResult { GhlContactId = contact.Id, Adopted = adopted });
    }

    // PUT sets the given values: repeating it leaves the same contact.
    private async Task<StepResult> UpdateContactAsync(StepContext context, UpdateContactStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        var request = GhlContactRequests.Fill(new GhlUpdateContactRequest(), step.Fields);
        await _ghl.UpdateContactAsync(context.LocationId, contactId, request, cancellationToken).ConfigureAwait(false);
        return new StepResult { GhlContactId = contactId };
    }

    // Adding a tag the contact has changes nothing.
    private async Task<StepResult> AddTagsAsync(StepContext context, AddTagsStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        await _ghl.AddTagsAsync(context.LocationId, contactId, step.Tags, cancellationToken).ConfigureAwait(false);
        return new StepResult { GhlContactId = contactId };
    }

    // Removing a tag the contact does not have changes nothing.
    private async Task<StepResult> RemoveTagsAsync(StepContext context, RemoveTagsStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        await _ghl.RemoveTagsAsync(context.LocationId, contactId, step.Tags, cancellationToken).ConfigureAwait(false);
        return new StepResult { GhlContactId = contactId };
    }

    private Task<StepResult> CreateNoteAsync(StepContext context, CreateNoteStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        return CreateOnceAsync(
            context,
            "note",
            canFind: true,
            find: () => FindNoteAsync(context, contactId, step.Reference, cancellationToken),
            create: async () => (await _ghl.CreateNoteAsync(context.LocationId, contactId, new GhlCreateNoteRequest { Body = step.Body }, cancellationToken).ConfigureAwait(false), false),
            idOf: note => note.Id,
            result: (note, adopted) => new StepResult { GhlContactId = contactId, GhlNoteId = note.Id, Adopted = adopted });
    }

    private Task<StepResult> CreateTaskAsync(StepContext context, CreateTaskStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        var request = GhlContactRequests.CreateTask(step.Fields);
        return CreateOnceAsync(
            context,
            "task",
            canFind: true,
            find: () => FindTaskAsync(context, contactId, step.Reference, cancellationToken),
            create: async () => (await _ghl.CreateTaskAsync(context.LocationId, contactId, request, cancellationToken).ConfigureAwait(false), false),
            idOf: task => task.Id,
            result: (task, adopted) => new StepResult { GhlContactId = contactId, GhlTaskId = task.Id, Adopted = adopted });
    }

    /// <summary>
    /// The ghost-write guard every create shares: look first when an earlier attempt may have created the
    /// object; create; when the create's outcome is unknown, look again and adopt what is found, else create
    /// once more (then give up to the host, whose next attempt looks first).
    /// </summary>
    private async Task<StepResult> CreateOnceAsync<T>(
        StepContext context,
        string objectKind,
        bool canFind,
        Func<Task<T?>> find,
        Func<Task<(T Value, bool Adopted)>> create,
        Func<T, string> idOf,
        Func<T, bool, StepResult> result)
        where T : class
    {
        if (context.LookUpBeforeCreating && canFind && await find().ConfigureAwait(false) is { } earlier)
        {
            SyncLog.GhostWriteAdopted(_logger, context.EventId, context.LocationId, objectKind, idOf(earlier));
            return result(earlier, true);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (value, adopted) = await create().ConfigureAwait(false);
                return result(value, adopted);
            }
            catch (GhlApiException exception) when (exception.OutcomeUnknown && canFind)
            {
                if (await find().ConfigureAwait(false) is { } ghost)
                {
                    SyncLog.GhostWriteAdopted(_logger, context.EventId, context.LocationId, objectKind, idOf(ghost));
                    return result(ghost, true);
                }

                if (attempt >= CreateTries)
                {
                    throw;
                }
            }
        }
    }

    // PUT sets the given values: repeating it leaves the same task.
    private async Task<StepResult> UpdateTaskAsync(StepContext context, UpdateTaskStep step, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, step);
        var taskId = RequireTask(context, step);
        var request = GhlContactRequests.UpdateTask(step.Fields);
        await _ghl.UpdateTaskAsync(context.LocationId, contactId, taskId, request, cancellationToken).ConfigureAwait(false);
        return new StepResult { GhlContactId = contactId, GhlTaskId = taskId };
    }

    // Completing a completed task leaves it completed.
    private async Task<StepResult> CompleteTaskAsync(StepContext context, CancellationToken cancellationToken)
    {
        var contactId = RequireContact(context, null);
        var taskId = RequireTask(context, null);
        await _ghl.SetTaskCompletedAsync(context.LocationId, contactId, taskId, true, cancellationToken).ConfigureAwait(false);
        return new StepResult { GhlContactId = contactId, GhlTaskId = taskId };
    }

    /// <summary>The contact GHL would match for these values: by phone first, then by email.</summary>
    private async Task<GhlContact?> FindContactAsync(StepContext context, ContactFields fields, CancellationToken cancellationToken)
    {
        if (fields.Phone is { } phone && await _ghl.FindDuplicateContactAsync(context.LocationId, phone, null, cancellationToken).ConfigureAwait(false) is { } byPhone)
        {
            return byPhone;
        }

        return fields.Email is { } email
            ? await _ghl.FindDuplicateContactAsync(context.LocationId, null, email, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<GhlNote?> FindNoteAsync(StepContext context, string contactId, string reference, CancellationToken cancellationToken)
    {
        var notes = await _ghl.ListNotesAsync(context.LocationId, contactId, cancellationToken).ConfigureAwait(false);
        return notes.FirstOrDefault(note => GhlReference.IsIn(note.Body, reference));
    }

    private async Task<GhlTask?> FindTaskAsync(StepContext context, string contactId, string reference, CancellationToken cancellationToken)
    {
        var tasks = await _ghl.ListTasksAsync(context.LocationId, contactId, cancellationToken).ConfigureAwait(false);
        return tasks.FirstOrDefault(task => GhlReference.IsIn(task.Body, reference));
    }

    private static string RequireContact(StepContext context, PlanStep? step) =>
        context.GhlContactId ?? throw new InvalidOperationException($"{step?.GetType().Name ?? "The step"} needs a GHL contact, and the plan has none yet.");

    private static string RequireTask(StepContext context, PlanStep? step) =>
        context.GhlTaskId ?? throw new InvalidOperationException($"{step?.GetType().Name ?? "The step"} needs a GHL task, and the plan has none.");
}
