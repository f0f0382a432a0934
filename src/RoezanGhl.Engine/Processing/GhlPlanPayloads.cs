using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RoezanGhl.Core.Planning;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// A plan with the GHL request body of each step, built by the same code the executor sends with: what
/// the CLI's <c>plan</c> view prints to show what a sample event becomes under an account's mapping.
/// <see cref="SyncPlan.Describe"/> stays the log-safe view (member names only); this one shows values, and
/// masks personal ones (names, email, phone, address, custom field values, note, task and message text) unless the
/// operator asks for them in full.
/// </summary>
public static class GhlPlanPayloads
{
    private static readonly HashSet<string> PersonalMembers = new(StringComparer.Ordinal)
    {
        "firstName", "lastName", "name", "email", "phone", "address1", "city", "postalCode", "website",
        "dateOfBirth", "companyName", "field_value", "body", "title", "message",
    };

    // For a person at a terminal: "+1…" rather than "\u002B1…" (never embedded in HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><see cref="SyncPlan.Describe"/> followed, under each step, by the JSON body GHL would receive.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="locationId">The account's GHL location (goes into create and upsert bodies).</param>
    /// <param name="maskPersonalData">True (the default): personal values show only their first character.</param>
    public static string Describe(SyncPlan plan, string locationId, bool maskPersonalData = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var lines = plan.Describe().Split('\n').ToList();
        var text = new StringBuilder(lines[0]);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            text.Append('\n').Append(lines[i + 1]);
            if (BodyOf(plan.Steps[i], locationId) is { } body)
            {
                if (maskPersonalData)
                {
                    Mask(body);
                }

                foreach (var line in body.ToJsonString(Indented).Split('\n'))
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n     {line.TrimEnd('\r')}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The JSON body of one step as the executor would send it.</summary>
    public static JsonObject? BodyOf(PlanStep step, string locationId)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step switch
        {
            UpsertContactStep upsert => GhlRequestJson.ToJson(GhlContactRequests.Fill(new GhlUpsertContactRequest { LocationId = locationId }, upsert.Fields)),
            CreateContactStep create => GhlRequestJson.ToJson(GhlContactRequests.CreateContact(locationId, create)),
            UpdateContactStep update => GhlRequestJson.ToJson(GhlContactRequests.Fill(new GhlUpdateContactRequest(), update.Fields)),
            AddTagsStep add => GhlRequestJson.ToJson(new GhlTagsRequest { Tags = [.. add.Tags] }),
            RemoveTagsStep remove => GhlRequestJson.ToJson(new GhlTagsRequest { Tags = [.. remove.Tags] }),
            CreateNoteStep note => GhlRequestJson.ToJson(new GhlCreateNoteRequest { Body = note.Body }),
            CreateTaskStep task => GhlRequestJson.ToJson(GhlContactRequests.CreateTask(task.Fields)),
            UpdateTaskStep task => GhlRequestJson.ToJson(GhlContactRequests.UpdateTask(task.Fields)),
            CompleteTaskStep => GhlRequestJson.ToJson(new GhlTaskCompletedRequest { Completed = true }),
            AddInboundMessageStep message => GhlRequestJson.ToJson(new GhlInboundMessageRequest
            {
                ConversationId = "(the contact's conversation)",
                ContactId = "(the contact)",
                ConversationProviderId = message.ConversationProviderId,
                Message = message.Body,
                AltId = message.MessageId,
                Date = message.SentAt,
            }),
            _ => null,
        };
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var (name, value) in members.ToList())
                {
                    if (PersonalMembers.Contains(name) && value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                    {
                        members[name] = MaskText(text);
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Mask(item);
                }

                break;
        }
    }

    // The first character says the value is there and roughly what it is; the rest never leaves the machine's screen.
    private static string MaskText(string text) =>
        text.Length <= 1 ? "*" : string.Concat(text.AsSpan(0, 1), new string('*', Math.Min(text.Length - 1, 7)));
}
