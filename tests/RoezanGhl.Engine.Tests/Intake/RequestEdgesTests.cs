using System.Text;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Engine.Tests.Intake;

public class RequestEdgesTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json;charset=\"UTF-8\"", true)]
    [InlineData("application/cloudevents+json", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/json; charset=utf-16", false)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_utf8_json_media_types_are_accepted(string? contentType, bool accepted) =>
        Assert.Equal(accepted, JsonMediaType.IsAcceptable(contentType));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(10_000)]
    [InlineData(1024 * 64)]
    public async Task Bodies_up_to_the_limit_are_read_whole_with_or_without_a_declared_length(int size)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        foreach (var declared in new long?[] { size, null })
        {
            using var body = await BoundedBody.ReadAsync(new MemoryStream(bytes), declared, 1024 * 64, CancellationToken.None);
            Assert.False(body.TooLarge);
            Assert.True(bytes.AsSpan().SequenceEqual(body.Span));
        }
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_too_large()
    {
        using var body = await BoundedBody.ReadAsync(new MemoryStream(new byte[2049]), null, 2048, CancellationToken.None);
        Assert.True(body.TooLarge);
    }

    [Fact]
    public async Task A_body_longer_than_its_declared_length_is_still_bounded()
    {
        using var body = await BoundedBody.ReadAsync(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', 5000))), 10, 2048, CancellationToken.None);
        Assert.True(body.TooLarge);
    }

    [Fact]
    public void Problem_json_follows_rfc_9457()
    {
        var problem = RoezanIngestResult.Invalid([new RoezanFieldError("data.contact.email", "is not a valid email address")], "evt_1");

        Assert.Equal(
            """{"type":"urn:roezan-ghl:problem:invalid-event","title":"Invalid event","status":400,"detail":"The event breaks the webhook contract: data.contact.email.","eventId":"evt_1","errors":{"data.contact.email":["is not a valid email address"]}}""",
            problem.ToJson());
        Assert.Equal("application/problem+json; charset=utf-8", problem.ContentType);
    }

    [Theory]
    [InlineData(RoezanIngestOutcome.Accepted, 202)]
    [InlineData(RoezanIngestOutcome.Duplicate, 200)]
    [InlineData(RoezanIngestOutcome.InFlight, 503)]
    [InlineData(RoezanIngestOutcome.UnknownAccount, 404)]
    [InlineData(RoezanIngestOutcome.UnsupportedMediaType, 415)]
    [InlineData(RoezanIngestOutcome.PayloadTooLarge, 413)]
    [InlineData(RoezanIngestOutcome.Unauthorized, 401)]
    [InlineData(RoezanIngestOutcome.MalformedJson, 400)]
    [InlineData(RoezanIngestOutcome.Invalid, 400)]
    [InlineData(RoezanIngestOutcome.Unavailable, 503)]
    public void Each_outcome_has_its_status_code(RoezanIngestOutcome outcome, int status)
    {
        var result = outcome switch
        {
            RoezanIngestOutcome.Accepted => RoezanIngestResult.Accepted("e"),
            RoezanIngestOutcome.Duplicate => RoezanIngestResult.Duplicate("e"),
            RoezanIngestOutcome.InFlight => RoezanIngestResult.InFlight("e", TimeSpan.FromSeconds(1.2)),
            RoezanIngestOutcome.UnknownAccount => RoezanIngestResult.UnknownAccount("x"),
            RoezanIngestOutcome.UnsupportedMediaType => RoezanIngestResult.UnsupportedMediaType("text/plain"),
            RoezanIngestOutcome.PayloadTooLarge => RoezanIngestResult.PayloadTooLarge(10),
            RoezanIngestOutcome.Unauthorized => RoezanIngestResult.Unauthorized(RoezanSignatureCheck.Mismatch, TimeSpan.FromMinutes(5)),
            RoezanIngestOutcome.MalformedJson => RoezanIngestResult.MalformedJson("bad"),
            RoezanIngestOutcome.Invalid => RoezanIngestResult.Invalid([new RoezanFieldError("id", "is required")], null),
            _ => RoezanIngestResult.Unavailable("down", null, TimeSpan.FromSeconds(30)),
        };

        Assert.Equal((outcome, status), (result.Outcome, result.StatusCode));
        using var json = System.Text.Json.JsonDocument.Parse(result.ToJson());
        if (result.IsSuccess)
        {
            Assert.Equal("e", json.RootElement.GetProperty("eventId").GetString());
        }
        else
        {
            Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
        }
    }

    [Fact]
    public void Retry_after_is_whole_seconds_rounded_up()
    {
        Assert.Equal("2", RoezanIngestResult.InFlight("e", TimeSpan.FromSeconds(1.2)).RetryAfterHeader);
        Assert.Equal("1", RoezanIngestResult.InFlight("e", TimeSpan.Zero).RetryAfterHeader);
        Assert.Null(RoezanIngestResult.Accepted("e").RetryAfterHeader);
    }
}
