using System.Net;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class ContactUpsertTests
{
    [Fact]
    public async Task Posting_a_new_phone_creates_the_contact_with_201_and_posting_it_again_updates_it_with_200()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var created = await ApiAnswer.PostAsync(client, "integrations/contacts",
            $$"""{"phone":"{{TestPhones.AnaTyped}}","firstName":" Ana ","lastName":"Diaz","email":"ana@example.com","tags":["vip"],"lists":[7]}""");
        var updated = await ApiAnswer.PostAsync(client, "integrations/contacts",
            $$"""{"phone":"{{TestPhones.Ana}}","lastName":"Diaz-Ortega","tags":["newsletter","vip"],"lists":["8"]}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(created.Body!["contact"]!["id"]!.GetValue<string>(), updated.Body!["contact"]!["id"]!.GetValue<string>());
        var contact = Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Equal(TestPhones.Ana, contact.Phone);
        Assert.Equal("Ana", contact.FirstName);
        Assert.Equal("Diaz-Ortega", contact.LastName);
        Assert.Equal("ana@example.com", contact.Email);
        Assert.Equal(["vip", "newsletter"], contact.Tags);
        Assert.Equal(["7", "8"], contact.Lists);
        Assert.True(contact.OptedIn);
    }

    [Fact]
    public async Task Tags_and_lists_are_replaced_instead_of_added_when_the_setting_says_so()
    {
        await using var sim = await Simulators.StartAsync(change: settings => settings with { ReplaceTagsOnUpsert = true });
        using var client = sim.CreateClient();

        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","tags":["vip","lead"]}""");
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","tags":["customer"]}""");

        Assert.Equal(["customer"], Assert.Single(sim.State.ContactsOf(Simulators.Account)).Tags);
    }

    [Fact]
    public async Task An_empty_string_clears_a_field_and_an_absent_or_null_one_keeps_it()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana","lastName":"Diaz","email":"ana@example.com"}""");
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"","lastName":null}""");

        var contact = Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Null(contact.FirstName);
        Assert.Equal("Diaz", contact.LastName);
        Assert.Equal("ana@example.com", contact.Email);
    }

    [Theory]
    [InlineData("""{"firstName":"Ana"}""", "phone", "The phone field is required.")]
    [InlineData("""{"phone":"   "}""", "phone", "The phone field is required.")]
    [InlineData("""{"phone":"not a number"}""", "phone", "The phone must be a valid phone number.")]
    [InlineData("""{"phone":12015550123}""", "phone", "The phone must be a string.")]
    [InlineData("""{"phone":"+12015550123","email":"ana-at-example"}""", "email", "The email must be a valid email address.")]
    [InlineData("""{"phone":"+12015550123","firstName":42}""", "firstName", "The firstName must be a string.")]
    [InlineData("""{"phone":"+12015550123","tags":"vip"}""", "tags", "The tags must be an array of strings.")]
    [InlineData("""{"phone":"+12015550123","lists":[{"id":1}]}""", "lists", "The lists must be an array of strings.")]
    public async Task A_body_with_a_missing_or_bad_field_is_422_naming_the_field_and_changes_nothing(string body, string field, string message)
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/contacts", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(message, answer.Body!["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(message, answer.Body["message"]!.GetValue<string>());
        Assert.Empty(sim.State.ContactsOf(Simulators.Account));
        Assert.Empty(sim.Outbox.Events);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""["an","array"]""")]
    public async Task A_body_that_is_not_a_json_object_is_400(string body)
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/contacts", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("The body must be a JSON object.", answer.Body!["message"]!.GetValue<string>());
    }
}
