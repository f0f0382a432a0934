using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Keeps message, note and task bodies out of a stored plan (issue 13): each body in a plan's steps and task state is
/// replaced by a reference, <c>body-ref:{index}:{chars}:{sha256}</c> (its place in the bodies blob, its size and the
/// first 32 hex digits of its SHA-256), and the bodies go to one blob of the row (<see cref="LedgerRows"/>); reading
/// the row puts them back and checks each against its size and hash. A plan of an earlier release, with its bodies in
/// it, reads as it was written (it has no bodies blob, so nothing in it is taken for a reference).
/// </summary>
internal static partial class PlanBodies
{
    /// <summary>The plan without its bodies (references in their place) and the bodies, in reference order.</summary>
    public static (SyncPlan Plan, IReadOnlyList<string> Bodies) Extract(SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bodies = new List<string>();
        var stripped = Map(plan, body =>
        {
            bodies.Add(body);
            return $"body-ref:{(bodies.Count - 1).ToString(CultureInfo.InvariantCulture)}:{body.Length.ToString(CultureInfo.InvariantCulture)}:{Hash(body)}";
        });
        return (stripped, bodies);
    }

    /// <summary>The plan with each reference replaced by its body; throws <see cref="InvalidDataException"/> when one does not match.</summary>
    public static SyncPlan Resolve(SyncPlan plan, IReadOnlyList<string> bodies)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(bodies);
        return Map(plan, text =>
        {
            var match = Reference().Match(text);
            if (!match.Success)
            {
                return text;
            }

            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            var size = int.Parse(match.Groups["size"].Value, CultureInfo.InvariantCulture);
            if (index >= bodies.Count || bodies[index].Length != size || Hash(bodies[index]) != match.Groups["hash"].Value)
            {
                throw new InvalidDataException($"The stored plan of event {plan.EventId} names body {index} ({size} chars), which its bodies blob does not hold as recorded.");
            }

            return bodies[index];
        });
    }

    /// <summary>The plan with every body (notes, inbound messages, task bodies in steps and task state) passed through <paramref name="map"/>.</summary>
    private static SyncPlan Map(SyncPlan plan, Func<string, string> map)
    {
        TaskFields? Task(TaskFields? fields) => fields is { Body: { } body } ? fields with { Body = map(body) } : fields;
        var steps = plan.Steps.Select(step => step switch
        {
            CreateNoteStep note => note with { Body = map(note.Body) },
            AddInboundMessageStep message => message with { Body = map(message.Body) },
            CreateTaskStep create => create with { Fields = Task(create.Fields)! },
            UpdateTaskStep update => update with { Fields = Task(update.Fields)! },
            _ => step,
        }).ToList();
        return plan with { Steps = steps, TaskState = Task(plan.TaskState) };
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    [GeneratedRegex("^body-ref:(?<index>[0-9]{1,6}):(?<size>[0-9]{1,9}):(?<hash>[0-9a-f]{32})$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
