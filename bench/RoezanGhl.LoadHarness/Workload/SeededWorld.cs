using System.Globalization;
using System.Text.Json.Nodes;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// The people GHL and Roezan share before a run: per location, contacts with one open task each. The same
/// world is seeded into the simulator for every system (straight into its state: seeding spends no budget),
/// and into our links table for ours, as if those contacts had been synced earlier.
/// </summary>
public sealed class SeededWorld
{
    private static readonly string[] FirstNames = ["Ana", "Bo", "Chen", "Dara", "Emeka", "Farah", "Gus", "Hana", "Ivo", "Jia", "Kofi", "Lena"];
    private static readonly string[] LastNames = ["Diaz", "Okafor", "Novak", "Singh", "Tanaka", "Moreau", "Berg", "Costa", "Haddad", "Ivanova"];

    private SeededWorld(IReadOnlyDictionary<string, IReadOnlyList<KnownContact>> contacts) => Contacts = contacts;

    /// <summary>Known contacts by location key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KnownContact>> Contacts { get; }

    public IEnumerable<KnownContact> All => Contacts.Values.SelectMany(list => list);

    /// <param name="locations">The locations of the profile.</param>
    /// <param name="contactsPerLocation">At most <see cref="FakePhones.BlockSize"/>.</param>
    /// <param name="taskDueBase">When the seeded tasks fall due (the run's day).</param>
    public static SeededWorld Create(IReadOnlyList<HarnessLocation> locations, int contactsPerLocation, DateTimeOffset taskDueBase)
    {
        ArgumentNullException.ThrowIfNull(locations);
        if (contactsPerLocation is < 1 or > FakePhones.BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(contactsPerLocation), contactsPerLocation, $"Between 1 and {FakePhones.BlockSize} known contacts per location.");
        }

        var contacts = new Dictionary<string, IReadOnlyList<KnownContact>>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            var list = new List<KnownContact>(contactsPerLocation);
            for (var i = 0; i < contactsPerLocation; i++)
            {
                var number = FakePhones.KnownBase + i;
                var id = string.Create(CultureInfo.InvariantCulture, $"rc-{location.Key}-{i:0000}");
                list.Add(new KnownContact
                {
                    Location = location,
                    RoezanContactId = id,
                    FirstName = FirstNames[i % FirstNames.Length],
                    LastName = LastNames[i % LastNames.Length],
                    Phone = FakePhones.E164(location.AreaCode, number),
                    LocalPhone = FakePhones.Local(location.AreaCode, number),
                    Email = $"{id}@example.com",
                    RoezanTaskId = "rt-" + id,
                    TaskTitle = $"Call back {FirstNames[i % FirstNames.Length]}",
                    TaskDueDate = taskDueBase.AddHours(i % 48),
                });
            }

            contacts[location.Key] = list;
        }

        return new SeededWorld(contacts);
    }

    /// <summary>Puts every contact and its task into the simulator's state (no HTTP, no limits) and records their GHL ids.</summary>
    public void SeedSimulator(SimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var contact in All)
        {
            var seeded = state.SeedContact(contact.Location.LocationId, new JsonObject
            {
                ["firstName"] = contact.FirstName,
                ["lastName"] = contact.LastName,
                ["phone"] = contact.Phone,
                ["email"] = contact.Email,
                ["tags"] = new JsonArray("customer"),
            });
            contact.GhlContactId = seeded["id"]!.GetValue<string>();
            var task = state.CreateTask(contact.Location.LocationId, contact.GhlContactId, new JsonObject
            {
                ["title"] = contact.TaskTitle,
                ["body"] = contact.TaskBody,
                ["dueDate"] = contact.TaskDueDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["completed"] = false,
            });
            contact.GhlTaskId = task.Status is 200 or 201 && task.Body?["task"]?["id"] is { } taskId
                ? taskId.GetValue<string>()
                : throw new InvalidOperationException($"The simulator did not seed the task of {contact.RoezanContactId}: {task.Status}.");
        }
    }
}
