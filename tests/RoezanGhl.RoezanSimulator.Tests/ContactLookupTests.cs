using System.Net;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class ContactLookupTests
{
    [Fact]
    public async Task A_contact_is_found_by_phone_in_any_format_the_region_reads_and_by_email_ignoring_case()
    {
        await using var sim = await Simulators.StartAsync();
        var seeded = sim.Admin.SeedContact(Simulators.Account, new ContactFields
        {
            Phone = TestPhones.AnaTyped, FirstName = "Ana", LastName = "Diaz", Email = "ana@example.com", Tags = ["vip"], Lists = ["7"],
        });
        using var client = sim.CreateClient();

        var byE164 = await ApiAnswer.GetAsync(client, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");
        var byTyped = await ApiAnswer.GetAsync(client, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.AnaTyped)}");
        var byEmail = await ApiAnswer.GetAsync(client, "integrations/contacts?email=ANA%40example.com");

        Assert.Equal(HttpStatusCode.OK, byE164.Status);
        var contact = byE164.Body!["contact"]!;
        Assert.Equal(seeded.Id, contact["id"]!.GetValue<string>());
        Assert.Equal(TestPhones.Ana, contact["phone_number"]!.GetValue<string>());
        Assert.True(contact["opted_in"]!.GetValue<bool>());
        Assert.Null(contact["opted_out_at"]);
        Assert.False(contact["invalid"]!.GetValue<bool>());
        Assert.False(contact["deleted"]!.GetValue<bool>());
        Assert.Equal("Ana", contact["first_name"]!.GetValue<string>());
        Assert.Equal("Diaz", contact["last_name"]!.GetValue<string>());
        Assert.Equal("ana@example.com", contact["email"]!.GetValue<string>());
        Assert.Equal(["vip"], contact["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal(byE164.Body.ToJsonString(), byTyped.Body!.ToJsonString());
        Assert.Equal(byE164.Body.ToJsonString(), byEmail.Body!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_phone_or_email_is_404()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var phone = await ApiAnswer.GetAsync(client, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Bo)}");
        var email = await ApiAnswer.GetAsync(client, "integrations/contacts?email=nobody%40example.com");

        Assert.Equal(HttpStatusCode.NotFound, phone.Status);
        Assert.Equal("Contact not found.", phone.Body!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, email.Status);
    }

    [Theory]
    [InlineData("integrations/contacts", "The phone field is required when email is not present.")]
    [InlineData("integrations/contacts?phone=12", "The phone must be a valid phone number.")]
    [InlineData("integrations/contacts?phone=555-0199", "The phone must be a valid phone number.")]
    public async Task A_lookup_without_phone_or_email_or_with_an_unreadable_phone_is_422_naming_the_field(string path, string message)
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(message, answer.Body!["message"]!.GetValue<string>());
        Assert.Equal(message, answer.Body["errors"]!["phone"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_opted_out_invalid_or_deleted_contact_is_still_found_and_says_so()
    {
        await using var sim = await Simulators.StartAsync();
        var optedOutAt = Simulators.Start.AddDays(-3);
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana, OptedOutAt = optedOutAt, Invalid = true, Deleted = true });
        using var client = sim.CreateClient();

        var contact = (await ApiAnswer.GetAsync(client, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}")).Body!["contact"]!;

        Assert.False(contact["opted_in"]!.GetValue<bool>());
        Assert.Equal("2026-02-27T12:00:00.000Z", contact["opted_out_at"]!.GetValue<string>());
        Assert.True(contact["invalid"]!.GetValue<bool>());
        Assert.True(contact["deleted"]!.GetValue<bool>());
        Assert.Null(contact["first_name"]);
    }
}
