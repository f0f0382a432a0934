using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>
/// Generators for the webhook's inputs: loose text, phone-like strings, event-shaped JSON whose members are
/// mostly of the right kind and sometimes not, and any JSON at all.
/// </summary>
internal static class RoezanGens
{
    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[0, 30]),
        (2, Gen.Char[" \t\r\n\u00a0\u200b\ud83d\ude00ÄéЖ中\u0301x1@.+-"].Array[0, 12].Select(chars => new string(chars))),
        (1, Gen.Const(string.Empty)));

    public static readonly Gen<string> Phone = Gen.Frequency(
        (4, Gen.Char["0123456789"].Array[1, 16].Select(d => "+" + new string(d))),
        (3, Gen.Char["0123456789 ()-.+x#*"].Array[0, 24].Select(chars => new string(chars))),
        (2, Gen.Int[0, 99].Select(n => string.Create(CultureInfo.InvariantCulture, $"(201) 555-01{n:00}"))),
        (1, Text));

    public static readonly Gen<string> Region = Gen.OneOf("US", "GB", "DE", "IN", "BR", "JP", "IL", "ZZ", "us");

    public static readonly Gen<string> Date = Gen.OneOf(
        Gen.OneOf("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.5+05:30", "2026-02-30T10:00:00Z", "2026-11-24", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"),
        Text);

    public static readonly Gen<string> EventType = Gen.OneOf(Gen.OneOf(RoezanEventTypes.All.ToArray()), Text);

    /// <summary>Any JSON value, nested at most a few levels.</summary>
    public static readonly Gen<string> AnyJson = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text, self).Array[0, 4].Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}"))));

    /// <summary>A body shaped like an event: the contract's members, each mostly of its kind, sometimes missing or anything.</summary>
    public static readonly Gen<string> EventJson = ObjectOf(
        ("id", Loose(Text.Select(Quote))),
        ("type", Loose(EventType.Select(Quote))),
        ("occurredAt", Loose(Date.Select(Quote))),
        ("accountId", Loose(Gen.OneOf("acme", "ACME", "other").Select(Quote))),
        ("data", Loose(ObjectOf(
            ("contact", Loose(ObjectOf(
                ("id", Loose(Text.Select(Quote))),
                ("firstName", Loose(Text.Select(Quote))),
                ("lastName", Loose(Text.Select(Quote))),
                ("phone", Loose(Phone.Select(Quote))),
                ("email", Loose(Gen.OneOf(Text, Text.Select(t => t + "@example.com")).Select(Quote))),
                ("tags", Loose(Text.Select(Quote).Array[0, 5].Select(tags => "[" + string.Join(",", tags) + "]"))),
                ("customFields", Loose(Gen.Select(Text, Scalar).Array[0, 5].Select(fields => "{" + string.Join(",", fields.DistinctBy(f => f.Item1).Select(f => Quote(f.Item1) + ":" + f.Item2)) + "}"))),
                ("note", Loose(Text.Select(Quote)))))),
            ("message", Loose(ObjectOf(
                ("id", Loose(Text.Select(Quote))),
                ("from", Loose(Phone.Select(Quote))),
                ("fromName", Loose(Text.Select(Quote))),
                ("body", Loose(Text.Select(Quote))),
                ("receivedAt", Loose(Date.Select(Quote))),
                ("contactId", Loose(Text.Select(Quote)))))),
            ("task", Loose(ObjectOf(
                ("id", Loose(Text.Select(Quote))),
                ("contactId", Loose(Text.Select(Quote))),
                ("title", Loose(Text.Select(Quote))),
                ("body", Loose(Text.Select(Quote))),
                ("dueDate", Loose(Date.Select(Quote))),
                ("completed", Loose(Gen.OneOf("true", "false")))))),
            ("note", Loose(ObjectOf(
                ("id", Loose(Text.Select(Quote))),
                ("contactId", Loose(Text.Select(Quote))),
                ("body", Loose(Text.Select(Quote))))))))));

    private static Gen<string> Scalar => Gen.OneOf(
        Text.Select(Quote),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400"),
        Gen.OneOf("true", "false", "null"));

    public static string Quote(string text) => JsonValue.Create(text).ToJsonString();

    /// <summary>Mostly the right kind of value; now and then any JSON at all.</summary>
    private static Gen<string> Loose(Gen<string> value) => Gen.Frequency((8, value), (1, AnyJson));

    /// <summary>An object holding each member three times in four.</summary>
    private static Gen<string> ObjectOf(params (string Name, Gen<string> Value)[] members)
    {
        var body = Gen.Const(Array.Empty<string>());
        foreach (var (name, value) in members)
        {
            var member = Gen.Frequency((3, value.Select(v => (string?)(Quote(name) + ":" + v))), (1, Gen.Const((string?)null)));
            body = Gen.Select(body, member, (done, next) => next is null ? done : [.. done, next]);
        }

        return body.Select(parts => "{" + string.Join(",", parts) + "}");
    }

    /// <summary>The same JSON with every object's members in another order and whitespace between all tokens.</summary>
    public static string Reorder(string json, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        Write(JsonNode.Parse(json), text, random);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text, Random random)
    {
        Space(text, random);
        switch (node)
        {
            case JsonObject obj:
                var members = obj.ToList();
                random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(members));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Space(text, random);
                    text.Append(Quote(members[i].Key));
                    Space(text, random);
                    text.Append(':');
                    Write(members[i].Value, text, random);
                }

                Space(text, random);
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(array[i], text, random);
                }

                text.Append(']');
                break;
            default:
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }

        Space(text, random);
    }

    private static void Space(StringBuilder text, Random random)
    {
        for (var n = random.Next(3); n > 0; n--)
        {
            text.Append(" \t\r\n"[random.Next(4)]);
        }
    }
}
