using System.Text;
using NodaTime;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Operations;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// The texts a GHL webhook would plan, without storing or sending anything: what <c>roezan-ghl plan --ghl</c> prints.
/// Offline: the contact is the one the event carries (appointment and task events carry only its id, so placeholders
/// of the contact render empty), consent is assumed (it is read at send time), and no tag counts as added unless the
/// tags before are given. Texts and phones are masked unless asked for: plan output gets pasted into tickets.
/// </summary>
public sealed class SmsPlanPreviewer(AutomationAccounts accounts, TimeProvider time)
{
    public string Preview(string accountId, ReadOnlySpan<byte> body, IReadOnlyCollection<string>? previousTags, bool showPersonalData)
    {
        if (accounts.Find(accountId) is not { } account)
        {
            throw new OperatorInputException($"account '{accountId}' is not configured");
        }

        if (!GhlWebhookParser.TryParse(body, out var webhook, out var rejection))
        {
            throw new OperatorInputException($"the GHL webhook is not usable: {rejection.Detail ?? rejection.Title}");
        }

        var now = time.GetUtcNow();
        if (AutomationEvents.FromGhl(webhook, previousTags, now) is not { } evt)
        {
            return $"{webhook.Type}: no automation listens to this event (or it lacks the contact it is about).";
        }

        var contact = webhook is GhlContactEvent fromEvent
            ? AutomationContact.FromGhl(fromEvent, accounts.CustomFieldNames(accountId))
            : new AutomationContact { Id = evt.ContactId, Phone = "+10000000000" };
        var decisions = AutomationPlanner.Plan(account, evt, contact, ContactConsent.Allowed, Instant.FromDateTimeOffset(now));
        var text = new StringBuilder($"{webhook.Type} for GHL contact {evt.ContactId}: {decisions.Count} automation(s) triggered.");
        foreach (var decision in decisions)
        {
            text.AppendLine().Append("- ").Append(decision.AutomationName).Append(" (").Append(decision.SendId).Append("): ");
            if (decision.Send is not { } send)
            {
                text.Append("nothing planned: ").Append(decision.SkipReason);
                continue;
            }

            text.Append("send at ").Append(SendScheduler.Describe(Instant.FromDateTimeOffset(send.SendAt), account.Zone))
                .Append(send.ShiftedBySendingHours ? " (moved into sending hours)" : "")
                .Append(", ").Append(send.Segments.ToString())
                .AppendLine().Append("  text: ").Append(showPersonalData ? send.Body : Mask(send.Body));
            if (send.MissingPlaceholders.Count > 0)
            {
                text.AppendLine().Append("  missing values: ").Append(string.Join(", ", send.MissingPlaceholders));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// What the automation <paramref name="automationName"/> of <paramref name="candidate"/> (an account's automations
    /// as an editor has them, saved or not) would plan for a sample of its trigger happening now
    /// (<see cref="SampleAutomationEvents"/>: a fictional contact, consent assumed); null when it has no such automation.
    /// The console's template editor shows the text, its segments and when it would go.
    /// </summary>
    public AutomationDecision? PreviewSample(AccountAutomations candidate, string automationName)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Find(automationName) is not { } automation)
        {
            return null;
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var (evt, contact) = SampleAutomationEvents.For(automation, candidate.Zone, now);
        var decisions = AutomationPlanner.Plan(candidate with { Automations = [automation] }, evt, contact, ContactConsent.Allowed, now);
        return decisions.Count > 0 ? decisions[0] : null;
    }

    private static string Mask(string body) => body.Length <= 1 ? "*" : body[0] + new string('*', Math.Min(body.Length - 1, 12)) + $" ({body.Length} characters; --show-personal-data shows it)";
}
