using System.Globalization;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// A realistic stream of Roezan events for one account, with what GHL must hold afterwards. Mostly inbound
/// messages from known contacts, some from new numbers (the contact is made from the message, and its
/// contact.created follows), contact creations and updates (some with notes), task lifecycles and notes.
/// Deterministic for a seed.
/// </summary>
internal sealed class MixedEventScenario
{
    private readonly Random _random;
    private readonly List<PersonState> _people = [];
    private readonly List<(string Id, string Body)> _events = [];
    private int _taskCount;

    private MixedEventScenario(int seed) => _random = new Random(seed);

    public IReadOnlyList<(string Id, string Body)> Events => _events;

    /// <summary>Expected notes per phone (E.164): the ref of each.</summary>
    public Dictionary<string, List<string>> NotesByPhone { get; } = new(StringComparer.Ordinal);

    /// <summary>Expected tasks per phone: Roezan task id → completed.</summary>
    public Dictionary<string, Dictionary<string, bool>> TasksByPhone { get; } = new(StringComparer.Ordinal);

    /// <summary>The last name the newest contact event gave each phone (what GHL must show).</summary>
    public Dictionary<string, string> LastNameByPhone { get; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Phones => _people.Select(person => person.E164);

    public static MixedEventScenario Generate(int count, int seed)
    {
        var scenario = new MixedEventScenario(seed);
        while (scenario._events.Count < count)
        {
            scenario.Next();
        }

        return scenario;
    }

    private void Next()
    {
        var at = T0.AddSeconds(_events.Count);
        var known = _people.Where(person => person.Created).ToList();
        var roll = _random.NextDouble();
        if (_people.Count < 8 || roll < 0.06)
        {
            NewContact(at);
        }
        else if (roll < 0.12)
        {
            NewSender(at);
        }
        else if (roll < 0.62)
        {
            var person = _people[_random.Next(_people.Count)];
            Message(person, at);
        }
        else if (roll < 0.75 && known.Count > 0)
        {
            Update(known[_random.Next(known.Count)], at);
        }
        else if (roll < 0.88 && known.Count > 0)
        {
            TaskEvent(known[_random.Next(known.Count)], at);
        }
        else if (known.Count > 0)
        {
            var person = known[_random.Next(known.Count)];
            var id = Id("n");
            Add(id, Note(id, person.RoezanId, $"Note {id} about {person.RoezanId}", at));
            NotesByPhone[person.E164].Add(id);
        }
    }

    private void NewContact(DateTimeOffset at)
    {
        var person = NewPerson();
        person.Created = true;
        person.Version++;
        var id = Id("c");
        Add(id, ContactCreated(id, person.RoezanId, person.Display, person.Email, person.FirstName, person.LastName(), ["lead"], at));
        LastNameByPhone[person.E164] = person.LastName();
    }

    // A number Roezan has not sent a contact for yet writes in; its contact.created follows soon after.
    private void NewSender(DateTimeOffset at)
    {
        var person = NewPerson();
        Message(person, at);
        person.Created = true;
        person.Version++;
        var id = Id("c");
        Add(id, ContactCreated(id, person.RoezanId, person.Display, person.Email, person.FirstName, person.LastName(), ["lead", "sms"], at.AddMilliseconds(500)));
        LastNameByPhone[person.E164] = person.LastName();
    }

    private void Message(PersonState person, DateTimeOffset at)
    {
        var id = Id("m");
        var key = MessageKey(id);
        Add(key, RoezanEvents.Message(id, person.Display, $"Message {id}: is the offer still on?", person.FirstName, null, at));
        NotesByPhone[person.E164].Add(key);
    }

    private void Update(PersonState person, DateTimeOffset at)
    {
        person.Version++;
        var id = Id("u");
        var note = _random.NextDouble() < 0.3 ? $"Update note {id}" : null;
        var tags = _random.NextDouble() < 0.3 ? new[] { "vip" } : null;
        // Blank email sometimes: GHL must keep the one it has.
        var email = _random.NextDouble() < 0.2 ? "" : person.Email;
        Add(id, ContactUpdated(id, person.RoezanId, person.Display, email, person.FirstName, person.LastName(), tags, note, at));
        LastNameByPhone[person.E164] = person.LastName();
        if (note is not null)
        {
            NotesByPhone[person.E164].Add(id);
        }
    }

    private void TaskEvent(PersonState person, DateTimeOffset at)
    {
        var tasks = TasksByPhone[person.E164];
        var open = tasks.Where(pair => !pair.Value).Select(pair => pair.Key).ToList();
        var id = Id("t");
        if (open.Count == 0 || _random.NextDouble() < 0.4)
        {
            var taskId = "t_" + (++_taskCount).ToString(CultureInfo.InvariantCulture);
            Add(id, RoezanEvents.TaskEvent(id, "task.created", taskId, person.RoezanId, $"Call {person.FirstName}", "about the offer", at.AddDays(1), false, at));
            tasks[taskId] = false;
        }
        else if (_random.NextDouble() < 0.5)
        {
            var taskId = open[_random.Next(open.Count)];
            Add(id, RoezanEvents.TaskEvent(id, "task.updated", taskId, person.RoezanId, $"Call {person.FirstName} again", null, at.AddDays(2), null, at));
        }
        else
        {
            var taskId = open[_random.Next(open.Count)];
            Add(id, RoezanEvents.TaskEvent(id, "task.completed", taskId, person.RoezanId, at: at));
            tasks[taskId] = true;
        }
    }

    private PersonState NewPerson()
    {
        var n = _people.Count;
        var person = new PersonState(n);
        _people.Add(person);
        NotesByPhone[person.E164] = [];
        TasksByPhone[person.E164] = new Dictionary<string, bool>(StringComparer.Ordinal);
        return person;
    }

    private string Id(string kind) => $"evt_{kind}{_events.Count:0000}";

    private void Add(string id, string body) => _events.Add((id, body));

    private sealed class PersonState(int n)
    {
        // 555-01xx numbers are reserved for fiction; three area codes give room for 300 people.
        private readonly string _area = (201 + (n / 100)).ToString(CultureInfo.InvariantCulture);
        private readonly string _line = "01" + (n % 100).ToString("00", CultureInfo.InvariantCulture);

        public string RoezanId { get; } = "c_" + n.ToString(CultureInfo.InvariantCulture);

        public string Display => $"({_area}) 555-{_line}";

        public string E164 => $"+1{_area}555{_line}";

        public string Email => $"person{n}@example.com";

        public string FirstName { get; } = "P" + n.ToString(CultureInfo.InvariantCulture);

        public bool Created { get; set; }

        public int Version { get; set; }

        public string LastName() => "L" + Version.ToString(CultureInfo.InvariantCulture);
    }
}
