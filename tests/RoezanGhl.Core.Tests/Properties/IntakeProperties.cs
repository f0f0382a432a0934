using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Tests.Events;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>
/// Generated inputs through the parser, the validator and the normalizer: whatever arrives, each answers with its
/// documented result (an event, or a 400 naming fields), never an exception; and what they admit is normalized.
/// </summary>
public partial class IntakeProperties
{
    private const string Account = "acme";
    private const string Secret = "property-secret-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void No_bytes_make_the_parser_validator_or_normalizer_throw()
    {
        Gen.Select(Gen.Byte.Array[0, 400], RoezanGens.Region)
            .Sample((body, region) => AssertDocumentedAnswer(body, region), iter: PropertyIterations.Count);
    }

    [Fact]
    public void No_event_shaped_json_makes_the_parser_validator_or_normalizer_throw()
    {
        Gen.Select(RoezanGens.EventJson, RoezanGens.Region)
            .Sample((json, region) => AssertDocumentedAnswer(Encoding.UTF8.GetBytes(json), region), iter: PropertyIterations.Count, print: t => t.Item1 + " / " + t.Item2);
    }

    [Fact]
    public void A_valid_signed_event_survives_any_reordering_of_its_members_and_whitespace()
    {
        // The bodies that the schema accepts and that normalize too (one has "from":"x", which is no phone number).
        var bodies = ((IEnumerable<object[]>)RoezanEventSchemaAgreementTests.ValidBodies()).Select(row => (string)row[0])
            .Where(body => RoezanEventIntake.TryAdmit(Account, "US", Secret, RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body)), Encoding.UTF8.GetBytes(body), Now, Tolerance, out _, out _))
            .ToArray();
        Assert.True(bodies.Length >= 10, $"only {bodies.Length} admissible bodies");
        Gen.Select(Gen.Int[0, bodies.Length - 1], Gen.Int).Sample((index, seed) =>
        {
            var original = Admit(Encoding.UTF8.GetBytes(bodies[index]));
            var reordered = Encoding.UTF8.GetBytes(RoezanGens.Reorder(bodies[index], seed));

            var admitted = Admit(reordered);

            Assert.True(JsonNode.DeepEquals(AsJson(original), AsJson(admitted)), $"body {index}, seed {seed}: the reordered event reads differently");
        }, iter: PropertyIterations.Count);
    }

    private static RoezanEvent Admit(byte[] body)
    {
        var header = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), body);
        Assert.True(RoezanEventIntake.TryAdmit(Account, "US", Secret, header, body, Now, Tolerance, out var evt, out var rejection), rejection?.ToJson());
        return evt;
    }

    private static JsonNode? AsJson(RoezanEvent evt) => JsonNode.Parse(JsonSerializer.Serialize(evt, RoezanJsonContext.Default.RoezanEvent));

    private static void AssertDocumentedAnswer(byte[] body, string region)
    {
        if (!RoezanEventParser.TryParse(body, out var evt, out var rejection))
        {
            AssertFieldProblem(rejection);
            return;
        }

        var contractErrors = RoezanEventValidator.Validate(evt, Account);
        var normalizeErrors = RoezanEventNormalizer.Normalize(evt, region);
        Assert.All(contractErrors.Concat(normalizeErrors), error => Assert.False(string.IsNullOrEmpty(error.Field)));
        if (contractErrors.Count > 0 || normalizeErrors.Count > 0)
        {
            AssertFieldProblem(RoezanIngestResult.Invalid([.. contractErrors, .. normalizeErrors], null));
            return;
        }

        AssertE164OrNull(evt.Data?.Contact?.Phone);
        AssertE164OrNull(evt.Data?.Message?.From);
        if (evt.Data?.Contact?.Email is { } email)
        {
            Assert.Equal(email.Trim().ToLowerInvariant(), email);
        }
    }

    private static void AssertFieldProblem(RoezanIngestResult rejection)
    {
        Assert.Contains(rejection.Outcome, new[] { RoezanIngestOutcome.MalformedJson, RoezanIngestOutcome.Invalid });
        Assert.Equal(400, rejection.StatusCode);
        Assert.NotEmpty(rejection.Errors!);
        using var problem = JsonDocument.Parse(rejection.ToJsonBytes());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    internal static void AssertE164OrNull(string? phone)
    {
        if (phone is not null)
        {
            Assert.Matches(E164(), phone);
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$")]
    private static partial Regex E164();
}
