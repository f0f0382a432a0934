using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RoezanGhl.TestSupport.Hosting;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.LoadHarness.TwoWay;

/// <summary>
/// The changes of the <c>two_way</c> profile and the state they should leave: contacts made half in GHL (by its "user")
/// and half in Roezan (through its API's admin), then changes of one field each (first name, email, or a tag added) made
/// on a random side, and now and then the same contact on both sides at once (GHL's first name and Roezan's email).
/// Seeded: the same seed makes the same changes.
/// </summary>
internal sealed class TwoWayWorkload(AppTestHost host, HttpClient roezanApi, int contacts, int seed)
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, Expected> _expected = new(StringComparer.Ordinal);
    private int _made;

    public int Contacts => contacts;

    /// <summary>Contacts edited on both sides at once so far.</summary>
    public int BothSidesEdits { get; private set; }

    public static string Phone(int i) => $"+1{201 + (i / 100)}55501{i % 100:00}";

    public async Task CreateContactsAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < contacts; i++)
        {
            var expected = new Expected($"First{i}", $"c{i}@example.com", new HashSet<string>(["seed"], StringComparer.OrdinalIgnoreCase));
            _expected[Phone(i)] = expected;
            if (i % 2 == 0)
            {
                host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone(i), ["firstName"] = expected.First, ["lastName"] = "Start", ["email"] = expected.Email, ["tags"] = new JsonArray("seed") });
            }
            else
            {
                // Through Roezan's API, so that Roezan sends its webhook as for any change.
                var body = new { phone = Phone(i), firstName = expected.First, lastName = "Start", email = expected.Email, tags = new[] { "seed" } };
                (await roezanApi.PostAsJsonAsync("integrations/contacts", body, cancellationToken).ConfigureAwait(false)).EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>Makes one change (two for a both-sides edit) and returns how many it made.</summary>
    public int MakeChange()
    {
        var i = _random.Next(contacts);
        var phone = Phone(i);
        var expected = _expected[phone];
        var stamp = _made++;
        if (_random.Next(10) == 0)
        {
            BothSidesEdits++;
            _expected[phone] = expected with { First = $"Both{stamp}", Email = $"both{i}.{stamp}@example.com" };
            EditGhl(phone, new JsonObject { ["firstName"] = $"Both{stamp}" });
            EditRoezan(phone, new RoezanFields { Email = $"both{i}.{stamp}@example.com" });
            return 2;
        }

        var inGhl = _random.Next(2) == 0;
        switch (_random.Next(3))
        {
            case 0:
                _expected[phone] = expected with { First = $"F{stamp}" };
                if (inGhl) EditGhl(phone, new JsonObject { ["firstName"] = $"F{stamp}" });
                else EditRoezan(phone, new RoezanFields { FirstName = $"F{stamp}" });
                break;
            case 1:
                _expected[phone] = expected with { Email = $"c{i}.{stamp}@example.com" };
                if (inGhl) EditGhl(phone, new JsonObject { ["email"] = $"c{i}.{stamp}@example.com" });
                else EditRoezan(phone, new RoezanFields { Email = $"c{i}.{stamp}@example.com" });
                break;
            default:
                var tag = $"t{stamp}";
                expected.Tags.Add(tag);
                // A tag added on its own (as a person adds one), not the whole list replaced from a view that may be stale.
                if (inGhl)
                {
                    host.Simulator.State.ChangeTags(null, GhlContact(phone)["id"]!.GetValue<string>(), new JsonObject { ["tags"] = new JsonArray(tag) }, add: true);
                }
                else
                {
                    host.Roezan.Simulator.Admin.AddTags(Account, RoezanContact(phone).Id, [tag]);
                }

                break;
        }

        return 1;
    }

    /// <summary>Changed fields not held on both sides (first name, email, each expected tag, per side), by field and side.</summary>
    public Dictionary<string, int> FindLost()
    {
        var lost = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string what, bool missing) => lost[what] = lost.GetValueOrDefault(what) + (missing ? 1 : 0);
        foreach (var (phone, expected) in _expected)
        {
            var ghl = GhlContact(phone);
            var roezan = RoezanContact(phone);
            Count("firstName in GHL", Differs(ghl["firstName"]?.GetValue<string>(), expected.First));
            Count("firstName in Roezan", Differs(roezan.FirstName, expected.First));
            Count("email in GHL", Differs(ghl["email"]?.GetValue<string>(), expected.Email));
            Count("email in Roezan", Differs(roezan.Email, expected.Email));
            var ghlTags = GhlTags(ghl).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var tag in expected.Tags)
            {
                Count("a tag in GHL", !ghlTags.Contains(tag));
                Count("a tag in Roezan", !roezan.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase));
            }
        }

        return lost;
    }

    /// <summary>
    /// The contacts that ended with a field not as expected (at most <paramref name="limit"/>): the phone's index, the GHL
    /// and Roezan ids and, per diverged field, what was expected and what each side holds. Test data only (example.com,
    /// 555-01xx), printed to find out what loses updates.
    /// </summary>
    public List<Divergence> FindDiverged(int limit)
    {
        var diverged = new List<Divergence>();
        foreach (var (phone, expected) in _expected)
        {
            var ghl = GhlContact(phone);
            var roezan = RoezanContact(phone);
            var fields = new List<string>();
            void Check(string field, string want, string? inGhl, string? inRoezan)
            {
                if (Differs(inGhl, want) || Differs(inRoezan, want))
                {
                    fields.Add($"{field}: expected {want}, GHL {inGhl ?? "(none)"}, Roezan {inRoezan ?? "(none)"}");
                }
            }

            Check("firstName", expected.First, ghl["firstName"]?.GetValue<string>(), roezan.FirstName);
            Check("email", expected.Email, ghl["email"]?.GetValue<string>(), roezan.Email);
            var ghlTags = GhlTags(ghl).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = expected.Tags.Where(tag => !ghlTags.Contains(tag) || !roezan.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                fields.Add($"tags missing: {string.Join(" ", missing)}");
            }

            if (fields.Count > 0 && diverged.Count < limit)
            {
                diverged.Add(new Divergence(phone, ghl["id"]!.GetValue<string>(), roezan.Id, fields));
            }
        }

        return diverged;
    }

    /// <summary>Contacts beyond one per phone, on both sides together.</summary>
    public int CountDuplicates() =>
        host.Simulator.State.ContactsOf(Location).Count - contacts + host.Roezan.Simulator.State.ContactsOf(Account).Count - contacts;

    /// <summary>True once every contact exists on both sides.</summary>
    public bool AllCreatedOnBothSides() =>
        host.Simulator.State.ContactsOf(Location).Count >= contacts && host.Roezan.Simulator.State.ContactsOf(Account).Count >= contacts;

    private static bool Differs(string? actual, string expected) => !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> GhlTags(JsonObject contact) => ((JsonArray?)contact["tags"] ?? []).Select(tag => tag!.GetValue<string>());

    private JsonObject GhlContact(string phone) => host.Simulator.State.ContactsOf(Location).First(contact => contact["phone"]?.GetValue<string>() == phone);

    private RoezanSimulator.State.RoezanContact RoezanContact(string phone) => host.Roezan.Simulator.State.FindContact(Account, phone)!;

    private void EditGhl(string phone, JsonObject changes) => host.Simulator.State.UserEditsContact(Location, GhlContact(phone)["id"]!.GetValue<string>(), changes);

    private void EditRoezan(string phone, RoezanFields fields) => host.Roezan.Simulator.Admin.EditContact(Account, RoezanContact(phone).Id, fields);

    private sealed record Expected(string First, string Email, HashSet<string> Tags);

    /// <summary>A contact whose fields did not end as expected.</summary>
    public sealed record Divergence(string Phone, string GhlId, string RoezanId, IReadOnlyList<string> Fields);
}
