using Azure;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Operations;

/// <summary>
/// The GHL calls an event would cause, without calling GHL: read, validated and normalized as the webhook does (no
/// signature), planned by <see cref="SyncPlanner"/> with the account's profile in force (or a candidate one the
/// console is editing), against the links in storage when it answers within a few seconds (otherwise, or offline,
/// none), and shown with the bodies the executor would send (<see cref="GhlPlanPayloads"/>). The CLI's <c>plan</c> and
/// the console's preview both call it.
/// </summary>
public sealed class EventPlanPreviewer(IOptions<RoezanOptions> options, IPlanningProfileSource profiles, AccountPlanningProfiles seed, ContactLinkStore links, TimeProvider time)
{
    public static readonly TimeSpan StorageWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The preview of <paramref name="body"/> (one JSON object in the webhook contract) for the account.
    /// <see cref="OperatorInputException"/> when the event is not usable or not valid.
    /// </summary>
    public async Task<PlanPreview> PreviewAsync(string accountId, ReadOnlyMemory<byte> body, PlanPreviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (id, account) = ConsoleAccounts.Find(options.Value, accountId);
        var evt = Read(body, id, account.DefaultPhoneRegion);
        var queued = new QueuedRoezanEvent { AccountId = id, AcceptedAt = time.GetUtcNow(), Event = evt };
        var (snapshot, source, reachable) = request.Offline
            ? (SyncSnapshot.Empty, "links: not read (offline); planned as if no contact were linked yet", false)
            : await ReadLinksAsync(account.GhlLocationId, id, evt, cancellationToken).ConfigureAwait(false);

        // Without storage the versions saved from the console cannot be read either: plan with the settings' seed.
        var (profile, profileSource) = request.Profile is { } candidate ? (candidate, null)
            : !reachable ? (seed.GetProfile(id), "mapping: the app settings (a version saved from the console was not read)")
            : await ReadProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profileSource is not null)
        {
            source += Environment.NewLine + profileSource;
        }

        var plan = SyncPlanner.Plan(queued, account, profile, snapshot);
        var payloads = GhlPlanPayloads.Describe(plan, account.GhlLocationId, maskPersonalData: !request.ShowPersonalData);
        return new PlanPreview(id, account.GhlLocationId, plan, source, payloads, request.ShowPersonalData);
    }

    /// <summary>The event as the webhook would queue it, or a one-line error naming what is wrong.</summary>
    private static RoezanEvent Read(ReadOnlyMemory<byte> body, string accountId, string region)
    {
        if (!RoezanEventParser.TryParse(body.ToArray(), out var evt, out var rejection))
        {
            throw new OperatorInputException($"the event is not usable: {rejection.Detail ?? rejection.Title}");
        }

        var errors = RoezanEventValidator.Validate(evt, accountId);
        if (errors.Count == 0)
        {
            errors = RoezanEventNormalizer.Normalize(evt, region);
        }

        return errors.Count == 0
            ? evt
            : throw new OperatorInputException("the event is not valid: " + string.Join("; ", errors.Select(error => $"{error.Field} {error.Message}")));
    }

    /// <summary>The profile in force (a saved version is read from storage); the settings' seed when storage does not answer in time.</summary>
    private async Task<(PlanningProfile Profile, string? Source)> ReadProfileAsync(string accountId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StorageWait);
        try
        {
            return (await profiles.GetProfileAsync(accountId, wait.Token).ConfigureAwait(false), null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsUnreachable(exception))
        {
            return (seed.GetProfile(accountId), $"mapping: storage unreachable ({OperatorMessages.Describe(exception)}); planned with the app settings");
        }
    }

    private static bool IsUnreachable(Exception exception) =>
        exception is OperationCanceledException or RequestFailedException or HttpRequestException or AggregateException;

    private async Task<(SyncSnapshot Snapshot, string Source, bool Reachable)> ReadLinksAsync(string locationId, string accountId, RoezanEvent evt, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StorageWait);
        try
        {
            var snapshot = await links.ReadSnapshotAsync(locationId, accountId, SyncPlanner.SubjectOf(evt), wait.Token).ConfigureAwait(false);
            var known = snapshot.Contact is { } contact ? $"linked to GHL contact {contact.GhlContactId}" : "no linked contact";
            return (snapshot, $"links: read from storage ({known})", true);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsUnreachable(exception))
        {
            return (SyncSnapshot.Empty, $"links: storage unreachable ({OperatorMessages.Describe(exception)}); planned as if no contact were linked yet", false);
        }
    }
}
