using System.Globalization;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// Writes the events of one profile: per location, Poisson arrivals at the profile's rate for its duration
/// (a seeded generator, so every run and both systems get the same events), kinds drawn from
/// <see cref="EventMix"/>. Updates and task changes each take a known contact of their own, so the audit can
/// tell exactly which event's values GHL holds (with <see cref="LoadProfile.UpdatesPerContact"/> &gt; 1, that many updates
/// in a row share a contact, see <see cref="UpdateRun"/>); when those run out the event becomes a message instead.
/// </summary>
public static class EventScript
{
    private static readonly string[] MessageTexts =
    [
        "Thanks, got it", "Is the invoice ready?", "Sounds good", "Can you send the price list?", "Yes please",
        "What time do you open on Saturday?", "Perfect, thank you", "Could you resend the link?",
    ];

    private static readonly string[] NewFirstNames = ["Noor", "Omar", "Pia", "Quinn", "Rafa", "Sade", "Teo", "Uma"];
    private static readonly string[] NewLastNames = ["Patel", "Reyes", "Schmidt", "Tran", "Usman", "Vega"];

    /// <summary>How many known contacts a location needs for the profile (updates and task changes use one each).</summary>
    public static int KnownContactsFor(LoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var changes = profile.ExpectedEventsPerLocation * (0.15 + 0.05);
        return Math.Clamp((int)Math.Ceiling((changes * 1.5) + 20), 20, FakePhones.BlockSize);
    }

    public static IReadOnlyList<ScriptedEvent> Build(LoadProfile profile, SeededWorld world, int seed, DateTimeOffset runDay)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(world);
        var events = new List<ScriptedEvent>();
        var locations = profile.HarnessLocations;
        for (var index = 0; index < locations.Count; index++)
        {
            events.AddRange(BuildLocation(profile, locations[index], world.Contacts[locations[index].Key], new Random(unchecked((seed * 7919) + index)), runDay));
        }

        return [.. events.OrderBy(e => e.OffsetMs).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    private static List<ScriptedEvent> BuildLocation(LoadProfile profile, HarnessLocation location, IReadOnlyList<KnownContact> known, Random random, DateTimeOffset runDay)
    {
        var rate = profile.EventsPerSecondFor(location);
        var durationMs = profile.Duration.TotalMilliseconds;
        var forUpdates = new Queue<KnownContact>(known.OrderBy(_ => random.Next()));
        var forTasks = new Queue<KnownContact>(known.OrderBy(_ => random.Next()));
        var newNumbers = new List<(double FirstAtMs, ScriptedEvent First)>();
        var events = new List<ScriptedEvent>();
        var at = 0.0;
        var sequence = 0;
        var created = 0;
        var updates = new UpdateRun(profile.UpdatesPerContact, forUpdates);
        while (true)
        {
            at += -Math.Log(1 - random.NextDouble()) / rate * 1000;
            if (at >= durationMs)
            {
                break;
            }

            sequence++;
            var marker = string.Create(CultureInfo.InvariantCulture, $"[bench-{location.Key}{sequence:000000}]");
            var common = new ScriptedEvent
            {
                Sequence = sequence,
                OffsetMs = at,
                Location = location,
                Kind = EventKind.MessageFromKnownContact,
                EventId = string.Create(CultureInfo.InvariantCulture, $"evt-bench-{location.Key}-{sequence:000000}"),
                Marker = marker,
            };

            var kind = EventMix.Pick(random.NextDouble());
            if (kind is EventKind.ContactUpdated && !updates.HasNext || kind is EventKind.TaskUpdated or EventKind.TaskCompleted && forTasks.Count == 0)
            {
                kind = EventKind.MessageFromKnownContact;
            }

            var scripted = kind switch
            {
                EventKind.MessageFromKnownContact => KnownOrFollowUp(common, known, newNumbers, at, random),
                EventKind.MessageFromNewNumber => NewNumber(common, location, newNumbers.Count, random),
                EventKind.ContactUpdated => updates.Next(common, random),
                EventKind.ContactCreated => Created(common, location, created++, random),
                EventKind.TaskCreated => common with
                {
                    Kind = kind,
                    Contact = known[random.Next(known.Count)],
                    RoezanTaskId = "rt-new-" + common.EventId,
                    Text = $"Send the quote {marker}",
                    DueDate = runDay.AddDays(2),
                },
                EventKind.TaskUpdated => TaskChange(common, kind, forTasks.Dequeue(), $"Call back, moved {marker}"),
                EventKind.TaskCompleted => TaskChange(common, kind, forTasks.Dequeue(), null),
                _ => common with { Kind = kind, Contact = known[random.Next(known.Count)], Text = $"Prefers mornings {marker}" },
            };

            if (scripted.Kind == EventKind.MessageFromNewNumber)
            {
                newNumbers.Add((at, scripted));
            }

            events.Add(scripted);
        }

        return events;
    }

    private static ScriptedEvent KnownOrFollowUp(ScriptedEvent common, IReadOnlyList<KnownContact> known, List<(double FirstAtMs, ScriptedEvent First)> newNumbers, double at, Random random)
    {
        var text = $"{MessageTexts[random.Next(MessageTexts.Length)]} {common.Marker}";
        var eligible = newNumbers.Count(n => n.FirstAtMs <= at - EventMix.FollowUpGap.TotalMilliseconds);
        if (eligible > 0 && random.NextDouble() < EventMix.FollowUpShare)
        {
            var first = newNumbers[random.Next(eligible)].First;
            return common with { Kind = EventKind.MessageFollowUp, Phone = first.Phone, LocalPhone = first.LocalPhone, FirstName = first.FirstName, LastName = first.LastName, Text = text };
        }

        return common with { Kind = EventKind.MessageFromKnownContact, Contact = known[random.Next(known.Count)], Text = text };
    }

    private static ScriptedEvent NewNumber(ScriptedEvent common, HarnessLocation location, int index, Random random)
    {
        var number = FakePhones.NewNumberBase + index;
        return common with
        {
            Kind = EventKind.MessageFromNewNumber,
            Phone = FakePhones.E164(location.AreaCode, number),
            LocalPhone = FakePhones.Local(location.AreaCode, number),
            FirstName = NewFirstNames[random.Next(NewFirstNames.Length)],
            LastName = NewLastNames[random.Next(NewLastNames.Length)],
            Text = $"Hi, is this the shop? {common.Marker}",
        };
    }

    private static ScriptedEvent Created(ScriptedEvent common, HarnessLocation location, int index, Random random)
    {
        var number = FakePhones.CreatedBase + index;
        return common with
        {
            Kind = EventKind.ContactCreated,
            RoezanContactId = string.Create(CultureInfo.InvariantCulture, $"rc-new-{location.Key}-{common.Sequence:000000}"),
            Phone = FakePhones.E164(location.AreaCode, number),
            LocalPhone = FakePhones.Local(location.AreaCode, number),
            Email = string.Create(CultureInfo.InvariantCulture, $"new-{location.Key}-{common.Sequence:000000}@example.com"),
            FirstName = NewFirstNames[random.Next(NewFirstNames.Length)],
            LastName = NewLastNames[random.Next(NewLastNames.Length)],
            NewTag = random.NextDouble() < EventMix.NewTagShare ? "lead" : null,
        };
    }

    private static ScriptedEvent TaskChange(ScriptedEvent common, EventKind kind, KnownContact contact, string? title) =>
        common with { Kind = kind, Contact = contact, RoezanTaskId = contact.RoezanTaskId, Text = title };
}
