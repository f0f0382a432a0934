using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

public class GhlWebhookIntakeTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly GhlTestSigningKey _key = new();
    private readonly FakeTimeProvider _time = new(Sent);

    private GhlWebhookIntake Intake(Action<GhlWebhookOptions>? configure = null)
    {
        var options = new GhlWebhookOptions();
        options.PublicKeys.Add(_key.PublicKeyPem);
        configure?.Invoke(options);
        return new GhlWebhookIntake(Options.Create(options), _time);
    }

    private static string ContactUpdate(DateTimeOffset timestamp, string webhookId = "wh-1") =>
        GhlWebhookExamples.AsDelivery("""{"type":"ContactUpdate","locationId":"loc-1","id":"c-1","phone":"+12015550123"}""", webhookId, timestamp);

    private GhlWebhookAdmission Admitted(GhlWebhookIntake intake, string body)
    {
        var ok = intake.TryAdmit(_key.Sign(body), null, Encoding.UTF8.GetBytes(body), out var admission, out var rejection);
        Assert.True(ok, rejection?.ToString());
        return admission!;
    }

    private GhlWebhookRejection Refused(GhlWebhookIntake intake, string body, string? signature = null, string? legacy = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.False(intake.TryAdmit(signature ?? _key.Sign(bytes), legacy, bytes, out _, out var rejection));
        return rejection!;
    }

    [Fact]
    public void A_signed_fresh_contact_update_is_admitted_with_its_kind_the_key_and_our_time()
    {
        _time.Advance(TimeSpan.FromSeconds(3));

        var admission = Admitted(Intake(), ContactUpdate(Sent));

        var contact = Assert.IsType<GhlContactEvent>(admission.Event);
        Assert.Equal(GhlWebhookEventKind.ContactUpdate, contact.Kind);
        Assert.Equal("wh-1", contact.WebhookId);
        Assert.Equal(Sent, contact.Timestamp);
        Assert.Equal(0, admission.Signature.KeyIndex);
        Assert.Equal(Sent.AddSeconds(3), admission.AdmittedAt);
        Assert.True(admission.IsApplied);
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_old_is_refused_as_stale()
    {
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));

        var rejection = Refused(Intake(), ContactUpdate(Sent));

        Assert.Equal((401, "timestamp-too-old", "wh-1"), (rejection.StatusCode, rejection.Code, rejection.WebhookId));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_ahead_is_refused()
    {
        var rejection = Refused(Intake(), ContactUpdate(Sent.AddMinutes(5).AddMilliseconds(1)));

        Assert.Equal((401, "timestamp-in-the-future"), (rejection.StatusCode, rejection.Code));
    }

    [Fact]
    public void A_timestamp_exactly_five_minutes_away_either_way_is_admitted()
    {
        var intake = Intake();
        _time.Advance(TimeSpan.FromMinutes(5));

        Admitted(intake, ContactUpdate(Sent));
        Admitted(intake, ContactUpdate(Sent.AddMinutes(10)));
    }

    [Fact]
    public void The_configured_tolerance_replaces_five_minutes()
    {
        _time.Advance(TimeSpan.FromMinutes(2));

        var rejection = Refused(Intake(o => o.TimestampTolerance = TimeSpan.FromMinutes(1)), ContactUpdate(Sent));

        Assert.Equal("timestamp-too-old", rejection.Code);
        Assert.Contains("1 minutes", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_body_is_refused_before_it_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes("{ not json");

        Assert.False(Intake().TryAdmit(null, null, bytes, out _, out var rejection));
        Assert.Equal((401, "signature-missing"), (rejection.StatusCode, rejection.Code));
    }

    [Fact]
    public void A_body_signed_by_an_unknown_key_is_refused()
    {
        var body = ContactUpdate(Sent);

        var rejection = Refused(Intake(), body, new GhlTestSigningKey().Sign(body));

        Assert.Equal((401, "signature-mismatch"), (rejection.StatusCode, rejection.Code));
    }

    [Fact]
    public void A_malformed_signature_is_refused_as_such()
    {
        Assert.Equal("signature-malformed", Refused(Intake(), ContactUpdate(Sent), "***").Code);
    }

    [Fact]
    public void A_signed_body_that_is_not_json_is_a_400()
    {
        var rejection = Refused(Intake(), "{\"type\":");

        Assert.Equal((400, GhlRejectionKind.MalformedJson), (rejection.StatusCode, rejection.Kind));
    }

    [Fact]
    public void A_signed_body_breaking_the_contract_names_every_field_and_keeps_a_good_webhook_id()
    {
        var body = GhlWebhookExamples.AsDelivery("""{"type":"NoteCreate","id":" ","body":5}""", "wh-7", Sent);

        var rejection = Refused(Intake(), body);
        Assert.Equal((400, GhlRejectionKind.Invalid), (rejection.StatusCode, rejection.Kind));
        Assert.Equal(["/body"], rejection.Errors.Select(e => e.Field));

        rejection = Refused(Intake(), GhlWebhookExamples.AsDelivery("""{"type":"NoteCreate","id":" "}""", "wh-7", Sent));
        Assert.Equal(["/locationId", "/id", "/contactId"], rejection.Errors.Select(e => e.Field));
        Assert.Equal("wh-7", rejection.WebhookId);
    }

    [Fact]
    public void A_signed_body_without_webhook_id_or_timestamp_is_a_400_naming_both()
    {
        var rejection = Refused(Intake(), """{"type":"ContactDelete","locationId":"loc-1","id":"c-1"}""");

        Assert.Equal(["/webhookId", "/timestamp"], rejection.Errors.Select(e => e.Field));
        Assert.Null(rejection.WebhookId);
    }

    [Fact]
    public void An_unrecognized_type_is_admitted_with_its_name_to_be_acknowledged_and_not_applied()
    {
        var admission = Admitted(Intake(), GhlWebhookExamples.AsDelivery("""{"type":"InboundMessage","body":{"any":"shape"}}""", "wh-2", Sent));

        Assert.IsType<GhlUnrecognizedEvent>(admission.Event);
        Assert.Equal("InboundMessage", admission.Event.Type);
        Assert.False(admission.IsApplied);
    }

    [Fact]
    public void An_appointment_is_admitted_and_queued_for_the_sms_automations()
    {
        var admission = Admitted(Intake(), GhlWebhookExamples.AsDelivery("""{"type":"AppointmentDelete","locationId":"l","appointment":{"id":"a","contactId":"c"}}""", "wh-3", Sent));

        Assert.Equal(GhlWebhookEventKind.AppointmentDelete, admission.Event.Kind);
        Assert.True(admission.IsApplied);
        Assert.Equal("c", QueuedGhlChange.FromWebhook(admission.Event)!.ContactId);
    }

    [Fact]
    public void A_legacy_only_delivery_is_refused_while_legacy_rsa_is_off()
    {
        using var rsa = new GhlTestRsaKey();
        var body = ContactUpdate(Sent);
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.False(Intake().TryAdmit(null, rsa.Sign(bytes), bytes, out _, out var rejection));
        Assert.Equal((401, "legacy-signature-not-allowed"), (rejection.StatusCode, rejection.Code));
    }

    [Fact]
    public void A_legacy_only_delivery_is_admitted_when_legacy_rsa_is_on_with_its_key()
    {
        using var rsa = new GhlTestRsaKey();
        var bytes = Encoding.UTF8.GetBytes(ContactUpdate(Sent));
        var intake = Intake(o => (o.AllowLegacyRsa, o.LegacyPublicKey) = (true, rsa.PublicKeyPem));

        Assert.True(intake.TryAdmit(null, rsa.Sign(bytes), bytes, out var admission, out var rejection), rejection?.ToString());
        Assert.Equal(GhlSignatureScheme.LegacyRsa, admission.Signature.Scheme);
    }

    [Fact]
    public void A_provider_message_without_timestamp_or_webhook_id_is_admitted_by_its_message_id()
    {
        const string body = """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m-1","phone":"+12015550123","message":"hi"}""";
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.True(Intake().TryAdmitProviderMessage(_key.Sign(bytes), null, bytes, out var admission, out var rejection), rejection?.ToString());

        var message = Assert.IsType<GhlProviderOutboundMessage>(admission.Event);
        Assert.Equal((GhlWebhookEventKind.ProviderOutboundMessage, "m-1"), (message.Kind, message.MessageId));
        Assert.False(admission.IsApplied);
    }

    [Fact]
    public void A_provider_message_with_a_stale_timestamp_is_refused()
    {
        var body = GhlWebhookExamples.AsDelivery("""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m-1"}""", "wh-4", Sent);
        var bytes = Encoding.UTF8.GetBytes(body);
        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.False(Intake().TryAdmitProviderMessage(_key.Sign(bytes), null, bytes, out _, out var rejection));
        Assert.Equal("timestamp-too-old", rejection.Code);
    }

    [Fact]
    public void A_provider_message_is_verified_like_any_delivery()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m-1"}""");

        Assert.False(Intake().TryAdmitProviderMessage(null, null, bytes, out _, out var rejection));
        Assert.Equal("signature-missing", rejection.Code);
    }
}
