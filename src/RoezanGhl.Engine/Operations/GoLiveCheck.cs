using System.Diagnostics;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Operations;

/// <summary>
/// The go-live checklist against one GHL location, with the app's token and client: read a contact, create a test
/// contact, add a tag, create a task and a note, then delete what it created (also after a failure; the contact
/// last, its notes go with it). The CLI's <c>check</c> and the console's "check" button both run it; each step is
/// reported as it finishes, so that a person sees the check move.
/// </summary>
public sealed class GoLiveCheck(GhlContactsClient ghl, TimeProvider time)
{
    public const string TestTag = "roezan-ghl-check";

    /// <summary>The step names, in the order they run.</summary>
    public static IReadOnlyList<string> StepNames { get; } =
        ["read a contact", "create a test contact", "add a tag", "create a task", "create a note", "delete what it created"];

    /// <summary>Runs every step against <paramref name="locationId"/>; a failed step is a result, not an exception.</summary>
    public async Task<IReadOnlyList<GoLiveCheckStep>> RunAsync(string locationId, IProgress<GoLiveCheckStep>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var run = new Run(ghl, time, locationId, progress);
        await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return run.Steps;
    }

    /// <summary>One run's state: what it made, so that the last step can delete it.</summary>
    private sealed class Run(GhlContactsClient ghl, TimeProvider time, string locationId, IProgress<GoLiveCheckStep>? progress)
    {
        private readonly string _marker = Guid.NewGuid().ToString("N")[..8];
        private string? _contactId;
        private string? _taskId;

        public List<GoLiveCheckStep> Steps { get; } = [];

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            await StepAsync(StepNames[0], () => ReadAContactAsync(cancellationToken)).ConfigureAwait(false);
            if (await StepAsync(StepNames[1], () => CreateContactAsync(cancellationToken)).ConfigureAwait(false))
            {
                await StepAsync(StepNames[2], () => TagAsync(cancellationToken)).ConfigureAwait(false);
                await StepAsync(StepNames[3], () => CreateTaskAsync(cancellationToken)).ConfigureAwait(false);
                await StepAsync(StepNames[4], () => CreateNoteAsync(cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                foreach (var name in StepNames.Skip(2).Take(3))
                {
                    Report(new GoLiveCheckStep(name, false, "skipped: no test contact", TimeSpan.Zero));
                }
            }

            // Clean up whatever was made, even after a failure or a cancellation of the steps before.
            await StepAsync(StepNames[5], DeleteAsync).ConfigureAwait(false);
        }

        private async Task<bool> StepAsync(string name, Func<Task<string>> work)
        {
            var watch = Stopwatch.StartNew();
            GoLiveCheckStep step;
            try
            {
                step = new GoLiveCheckStep(name, true, await work().ConfigureAwait(false), watch.Elapsed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                step = new GoLiveCheckStep(name, false, exception is CheckFailedException ? exception.Message : OperatorMessages.Describe(exception), watch.Elapsed);
            }

            Report(step);
            return step.Passed;
        }

        private void Report(GoLiveCheckStep step)
        {
            Steps.Add(step);
            progress?.Report(step);
        }

        private async Task<string> ReadAContactAsync(CancellationToken cancellationToken)
        {
            var page = await ghl.GetContactsPageAsync(locationId, new GhlContactListQuery { Limit = 1 }, cancellationToken).ConfigureAwait(false);
            if (page.Contacts.Count == 0)
            {
                return "the location has no contacts yet; listing works";
            }

            var contact = await ghl.GetContactAsync(locationId, page.Contacts[0].Id, cancellationToken).ConfigureAwait(false);
            return $"read contact {contact.Id}";
        }

        private async Task<string> CreateContactAsync(CancellationToken cancellationToken)
        {
            var contact = await ghl.CreateContactAsync(locationId, new GhlCreateContactRequest
            {
                LocationId = locationId,
                FirstName = "RoezanGhl",
                LastName = "Go-live check " + _marker,
                Email = $"roezan-ghl-check-{_marker}@example.com",
                Source = "roezan-ghl check",
            }, cancellationToken).ConfigureAwait(false);
            _contactId = contact.Id;
            return $"created contact {contact.Id}";
        }

        private async Task<string> TagAsync(CancellationToken cancellationToken)
        {
            var tags = await ghl.AddTagsAsync(locationId, _contactId!, [TestTag], cancellationToken).ConfigureAwait(false);
            return tags.Contains(TestTag, StringComparer.OrdinalIgnoreCase) || tags.Count == 0
                ? $"tagged {TestTag}"
                : throw new CheckFailedException($"GHL answered without the tag {TestTag}");
        }

        private async Task<string> CreateTaskAsync(CancellationToken cancellationToken)
        {
            var task = await ghl.CreateTaskAsync(locationId, _contactId!, new GhlCreateTaskRequest
            {
                Title = "RoezanGhl go-live check",
                Body = "Made by the go-live check; deleted at once.",
                DueDate = time.GetUtcNow().AddDays(1),
                Completed = false,
            }, cancellationToken).ConfigureAwait(false);
            _taskId = task.Id;
            return $"created task {task.Id}";
        }

        private async Task<string> CreateNoteAsync(CancellationToken cancellationToken)
        {
            var note = await ghl.CreateNoteAsync(locationId, _contactId!, new GhlCreateNoteRequest { Body = "Made by the go-live check; deleted with its contact." }, cancellationToken).ConfigureAwait(false);
            return $"created note {note.Id}";
        }

        private async Task<string> DeleteAsync()
        {
            if (_contactId is null)
            {
                return "nothing was created";
            }

            if (_taskId is not null)
            {
                await ghl.DeleteTaskAsync(locationId, _contactId, _taskId, CancellationToken.None).ConfigureAwait(false);
            }

            await ghl.DeleteContactAsync(locationId, _contactId, CancellationToken.None).ConfigureAwait(false);
            return _taskId is null ? $"deleted contact {_contactId}" : $"deleted task {_taskId} and contact {_contactId} (with its note)";
        }
    }

    /// <summary>GHL answered, but not as the check expects.</summary>
    private sealed class CheckFailedException(string message) : Exception(message);
}
