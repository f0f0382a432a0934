using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>
/// HighLevel's own example of every event we read (Examples/, CC0) is a delivery our door admits and our
/// schema accepts, read to the values the example holds. Values are compared, never printed.
/// </summary>
public class GhlWebhookExampleTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Added = new(2021, 11, 26, 12, 41, 2, 193, TimeSpan.Zero);

    public static TheoryData<string> DoorExamples() => [.. GhlWebhookExamples.DoorExamples];

    public static TheoryData<string> ProviderExamples() => [.. GhlWebhookExamples.ProviderExamples];

    public static TheoryData<string> ContactExamples() =>
        ["ContactCreate", "ContactUpdate", "ContactTagUpdate", "ContactDndUpdate", "ContactDelete"];

    [Theory]
    [MemberData(nameof(DoorExamples))]
    public void Every_example_delivered_signed_and_fresh_is_admitted_and_accepted_by_the_schema(string name)
    {
        var body = GhlWebhookExamples.AsDelivery(GhlWebhookExamples.Read(name), "wh-" + name, Sent);
        var key = new GhlTestSigningKey();
        var options = new GhlWebhookOptions();
        options.PublicKeys.Add(key.PublicKeyBase64);
        var intake = new GhlWebhookIntake(Options.Create(options), new FakeTimeProvider(Sent.AddSeconds(2)));

        Assert.True(intake.TryAdmit(key.Sign(body), null, Encoding.UTF8.GetBytes(body), out var admission, out var rejection), rejection?.ToString());
        Assert.Equal("wh-" + name, admission.Event.WebhookId);
        Assert.True(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.Webhook, body, out var errors), errors);
    }

    [Theory]
    [MemberData(nameof(DoorExamples))]
    public void Every_example_as_published_lacks_only_the_delivery_members_for_both_schema_and_validator(string name)
    {
        var body = GhlWebhookExamples.Read(name);

        Assert.True(GhlWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var evt, out var rejection), rejection?.ToString());
        Assert.Equal(["/webhookId", "/timestamp"], GhlWebhookValidator.Validate(evt).Select(e => e.Field));
        Assert.False(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.Webhook, body, out var errors));
        Assert.Contains("webhookId", errors, StringComparison.Ordinal);
        Assert.Contains("timestamp", errors, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderExamples))]
    public void Both_provider_examples_as_published_are_admitted_and_accepted_by_their_schema(string name)
    {
        var body = GhlWebhookExamples.Read(name);
        var key = new GhlTestSigningKey();
        var options = new GhlWebhookOptions();
        options.PublicKeys.Add(key.PublicKeyPem);
        var intake = new GhlWebhookIntake(Options.Create(options), new FakeTimeProvider(Sent));

        Assert.True(intake.TryAdmitProviderMessage(key.Sign(body), null, Encoding.UTF8.GetBytes(body), out _, out var rejection), rejection?.ToString());
        Assert.True(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.ProviderOutboundMessage, body, out var errors), errors);
    }

    [Theory]
    [MemberData(nameof(ContactExamples))]
    public void Each_contact_example_reads_to_its_values(string name)
    {
        var contact = Assert.IsType<GhlContactEvent>(Parse(name));

        Assert.Equal(name, contact.Type);
        Assert.Equal(Enum.Parse<GhlWebhookEventKind>(name), contact.Kind);
        Assert.Equal(("ve9EPM428h8vShlRW1KT", "nmFmQEsNgz6AVpgLVUJ0"), (contact.LocationId, contact.Id));
        Assert.Equal(("John", "Deo", "John Deo"), (contact.FirstName, contact.LastName, contact.Name));
        Assert.Equal(("JohnDeo@gmail.comm", "+919509597501"), (contact.Email, contact.Phone));
        Assert.Equal(["id magna sed Lorem", "Duis dolor commodo aliqua"], contact.Tags!);
        Assert.True(contact.Dnd);
        var field = Assert.Single(contact.CustomFields!)!;
        Assert.Equal("BcdmQEsNgz6AVpgLVUJ0", field.Id);
        Assert.Equal("XYZ Corp", field.Value!.Value.GetString());
        Assert.Equal(Added, contact.DateAdded);
        Assert.Null(contact.DateUpdated);
        Assert.Equal(name == "ContactDndUpdate", contact.DndSettings is not null);
    }

    [Fact]
    public void The_dnd_example_reads_every_channels_status()
    {
        var dnd = Assert.IsType<GhlContactEvent>(Parse("ContactDndUpdate")).DndSettings!;

        Assert.Equal(
            ["inactive", "inactive", "active", "active", "active", "active"],
            new[] { dnd.Sms, dnd.Call, dnd.Email, dnd.WhatsApp, dnd.Gmb, dnd.Fb }.Select(c => c!.Status));
    }

    [Fact]
    public void The_note_example_reads_to_its_values()
    {
        var note = Assert.IsType<GhlNoteEvent>(Parse("NoteCreate"));

        Assert.Equal(("otg8dTQqGLh3Q6iQI55w", "CWBf1PR9LvvBkcYqiXlc", "Loram ipsum"), (note.Id, note.ContactId, note.Body));
        Assert.Equal((GhlWebhookEventKind.NoteCreate, "ve9EPM428h8vShlRW1KT", Added), (note.Kind, note.LocationId, note.DateAdded!.Value));
    }

    [Fact]
    public void The_task_examples_read_to_their_values()
    {
        var created = Assert.IsType<GhlTaskEvent>(Parse("TaskCreate"));
        Assert.Equal(("UlRWGLSXh0ji5qbiGu4i", "CWBf1PR9LvvBkcYqiXlc", "63e4qiWDsFJjOYAC8phG"), (created.Id, created.ContactId, created.AssignedTo));
        Assert.Equal(("Loram ipsum", "Loram ipsum", Added, Added), (created.Title, created.Body, created.DueDate!.Value, created.DateAdded!.Value));

        var completed = Assert.IsType<GhlTaskEvent>(Parse("TaskComplete"));
        Assert.Equal((GhlWebhookEventKind.TaskComplete, "5HrB1IbmnKMBXloldFuP", "WFwVrSSjZ2CNHbZThQX2"), (completed.Kind, completed.Id, completed.ContactId));
        Assert.Equal(("test", "testing"), (completed.Title, completed.Body));
        Assert.Equal(new DateTimeOffset(2021, 12, 22, 6, 55, 0, TimeSpan.Zero), completed.DueDate);
    }

    [Theory]
    [InlineData("AppointmentCreate")]
    [InlineData("AppointmentUpdate")]
    [InlineData("AppointmentDelete")]
    public void The_appointment_examples_read_to_their_values_under_the_type_they_name(string name)
    {
        var evt = Assert.IsType<GhlAppointmentEvent>(Parse(name));
        var appointment = evt.Appointment!;

        // HighLevel's Update and Delete examples say "AppointmentCreate"; the body's type decides.
        Assert.Equal(GhlWebhookEventKind.AppointmentCreate, evt.Kind);
        Assert.Equal(("0007BWpSzSwfiuSl0tR2", "0007BWpSzSwfiuSl0tR2"), (evt.LocationId, appointment.Id));
        Assert.Equal(("BqTwX8QFwXzpegMve9EQ", "9NkT25Vor1v4aQatFsv2", "YlWd2wuCAZQzh2cH1fVZ"), (appointment.CalendarId, appointment.ContactId, appointment.AssignedUserId));
        Assert.Equal(("Appointment with GHL Dev team", "confirmed"), (appointment.Title, appointment.AppointmentStatus));
        var local = new DateTimeOffset(2023, 9, 25, 16, 0, 0, TimeSpan.FromHours(5.5));
        Assert.Equal([local, local, local, local], new[] { appointment.StartTime, appointment.EndTime, appointment.DateAdded, appointment.DateUpdated });
        Assert.Equal(TimeSpan.FromHours(5.5), appointment.StartTime!.Value.Offset);
    }

    [Fact]
    public void The_provider_examples_read_to_their_values()
    {
        var sms = ParseProvider("ProviderOutboundMessage.SMS");
        Assert.Equal(("SMS", "GKAWb4yu7A4LSc0skQ6g", "GKBhT6BfwY9mjzXAU3sq", "GKJxs4P5L8dWc5CFUITM"), (sms.Type, sms.LocationId, sms.ContactId, sms.MessageId));
        Assert.Equal(("+15864603685", "The text message to be sent to the contact", "GK56r6wdJDrkUPd0xsmx"), (sms.Phone, sms.Message, sms.UserId));
        Assert.Single(sms.Attachments!);

        var email = ParseProvider("ProviderOutboundMessage.Email");
        Assert.Equal(("Email", "GK56r6wdJDrkUPd0xsmx", "GK56r6wdJDrkUPd0xsmx"), (email.Type, email.MessageId, email.EmailMessageId));
        Assert.Null(email.Phone);
    }

    private static GhlWebhookEvent Parse(string name)
    {
        Assert.True(GhlWebhookParser.TryParse(Encoding.UTF8.GetBytes(GhlWebhookExamples.Read(name)), out var evt, out var rejection), rejection?.ToString());
        return evt;
    }

    private static GhlProviderOutboundMessage ParseProvider(string name)
    {
        Assert.True(GhlWebhookParser.TryParseProviderOutboundMessage(Encoding.UTF8.GetBytes(GhlWebhookExamples.Read(name)), out var message, out var rejection), rejection?.ToString());
        return message;
    }
}
