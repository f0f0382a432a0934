using System.Text.Json;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Tests.Serialization;

public sealed class GhlJsonTests
{
    [Fact]
    public void An_update_sends_only_the_fields_that_are_set_so_ghl_keeps_the_others()
    {
        var json = JsonSerializer.Serialize(new GhlUpdateContactRequest { FirstName = "Ana", Email = null }, GhlJsonContext.Default.GhlUpdateContactRequest);

        Assert.Equal("""{"firstName":"Ana"}""", json);
    }

    [Fact]
    public void A_task_due_date_is_sent_in_utc_with_a_z()
    {
        var task = new GhlCreateTaskRequest { Title = "Call", DueDate = DateTimeOffset.Parse("2026-11-25T15:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), Completed = false };

        var json = JsonSerializer.Serialize(task, GhlJsonContext.Default.GhlCreateTaskRequest);

        Assert.Equal("""{"title":"Call","dueDate":"2026-11-25T20:00:00.000Z","completed":false}""", json);
    }

    [Fact]
    public void A_contact_is_read_with_its_custom_fields_dnd_settings_and_unknown_fields_kept()
    {
        const string json = """
            {"contact":{"id":"c-1","firstName":"Ana","phone":"+12015550123","tags":["vip"],
             "dndSettings":{"SMS":{"status":"active","message":"stop"}},
             "customFields":[{"id":"f-1","value":"gold"},{"id":"f-2","value":["a","b"]}],
             "dateAdded":"2021-07-02T05:18:26.704Z","dateUpdated":"not a date","somethingNew":42}}
            """;

        var contact = JsonSerializer.Deserialize(json, GhlJsonContext.Default.GhlContactEnvelope)!.Contact!;

        Assert.Equal("active", contact.DndSettings!.Sms!.Status);
        Assert.Equal("gold", contact.CustomFields![0].Value!.Value.GetString());
        Assert.Equal(JsonValueKind.Array, contact.CustomFields[1].Value!.Value.ValueKind);
        Assert.Equal(new DateTimeOffset(2021, 7, 2, 5, 18, 26, 704, TimeSpan.Zero), contact.DateAdded);
        Assert.Null(contact.DateUpdated);
        Assert.Equal(42, contact.AdditionalData!["somethingNew"].GetInt32());
    }

    [Fact]
    public void A_422_message_array_and_a_duplicate_meta_are_read()
    {
        var unprocessable = JsonSerializer.Deserialize("""{"statusCode":422,"message":["title must be a string","dueDate should not be empty"]}""", GhlJsonContext.Default.GhlErrorBody)!;
        var duplicate = JsonSerializer.Deserialize("""{"statusCode":400,"message":"This location does not allow duplicated contacts.","meta":{"contactId":"c-9","matchingField":"phone"}}""", GhlJsonContext.Default.GhlErrorBody)!;

        Assert.Equal(2, unprocessable.Message!.Value.GetArrayLength());
        Assert.Equal("c-9", duplicate.Meta!.ContactId);
        Assert.Equal("phone", duplicate.Meta.MatchingField);
    }

    [Fact]
    public void A_custom_field_value_is_written_as_field_value()
    {
        var json = JsonSerializer.Serialize(new GhlUpdateContactRequest { CustomFields = [GhlCustomFieldInput.Text("f-1", "gold")] }, GhlJsonContext.Default.GhlUpdateContactRequest);

        Assert.Equal("""{"customFields":[{"id":"f-1","field_value":"gold"}]}""", json);
    }
}
