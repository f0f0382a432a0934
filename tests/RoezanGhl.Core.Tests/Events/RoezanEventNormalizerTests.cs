using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Core.Tests.Events;

public class RoezanEventNormalizerTests
{
    [Theory]
    [InlineData("(201) 555-0123", "US", "+12015550123")]
    [InlineData("201.555.0123", "US", "+12015550123")]
    [InlineData("+1 415 555 2671", "GB", "+14155552671")]
    [InlineData("020 7946 0018", "GB", "+442079460018")]
    [InlineData("+44 20 7946 0018", "US", "+442079460018")]
    [InlineData("030 901820", "DE", "+4930901820")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789")]
    [InlineData("612 345 678", "ES", "+34612345678")]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("98765 43210", "IN", "+919876543210")]
    [InlineData("090-1234-5678", "JP", "+819012345678")]
    [InlineData("(11) 91234-5678", "BR", "+5511912345678")]
    public void Phone_numbers_from_many_countries_become_e164_using_the_account_region(string raw, string region, string expected)
    {
        Assert.True(RoezanEventNormalizer.TryNormalizePhone(raw, region, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("12345", "US")]
    [InlineData("call me", "US")]
    [InlineData("+999 123 456", "US")]
    [InlineData("555-0123", "US")]
    [InlineData("+1 (000) 000-0000", "US")]
    [InlineData("0412 345", "AU")]
    [InlineData("+", "US")]
    public void Numbers_that_cannot_be_read_or_do_not_exist_are_rejected(string raw, string region) =>
        Assert.False(RoezanEventNormalizer.TryNormalizePhone(raw, region, out _));

    // Found by the phone property (CsCheck): libphonenumber calls this 16-digit German number valid, but E.164
    // allows at most 15 digits, and GHL stores E.164.
    [Theory]
    [InlineData("+4964409455909589", "ZZ")]
    [InlineData("+49 6440 9455909589", "US")]
    public void A_number_longer_than_e164_allows_is_rejected_even_where_libphonenumber_accepts_it(string raw, string region) =>
        Assert.False(RoezanEventNormalizer.TryNormalizePhone(raw, region, out _));

    [Fact]
    public void An_invalid_contact_phone_is_an_error_naming_the_field_not_a_silent_drop()
    {
        var evt = RoezanEventJson.Parse("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","phone":"12345","email":"a@example.com"}}}""");
        var errors = RoezanEventNormalizer.Normalize(evt, "US");
        var error = Assert.Single(errors);
        Assert.Equal("data.contact.phone", error.Field);
        Assert.Contains("read as US", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_sender_number_is_an_error_naming_the_field()
    {
        var evt = RoezanEventJson.Parse("""{"id":"e","type":"message.received","occurredAt":"2026-11-24T10:00:00Z","data":{"message":{"id":"m","from":"not a number","body":"hi","receivedAt":"2026-11-24T10:00:00Z"}}}""");
        Assert.Equal("data.message.from", Assert.Single(RoezanEventNormalizer.Normalize(evt, "US")).Field);
    }

    [Theory]
    [InlineData("  Ana.Diaz@Example.COM ", "ana.diaz@example.com")]
    [InlineData("BO+sms@Sub.Example.co.uk", "bo+sms@sub.example.co.uk")]
    [InlineData("josé@correo.example", "josé@correo.example")]
    [InlineData("a@bücher.example", "a@bücher.example")]
    public void Emails_are_trimmed_and_lower_cased(string raw, string expected)
    {
        Assert.True(RoezanEventNormalizer.TryNormalizeEmail(raw, out var email));
        Assert.Equal(expected, email);
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.com")]
    [InlineData("ana@example")]
    [InlineData("ana@@example.com")]
    [InlineData("ana@exa mple.com")]
    [InlineData("an a@example.com")]
    [InlineData(".ana@example.com")]
    [InlineData("an..a@example.com")]
    [InlineData("ana@-example.com")]
    [InlineData("ana@example..com")]
    [InlineData("Ana Diaz <ana@example.com>")]
    public void Implausible_emails_are_rejected(string raw) =>
        Assert.False(RoezanEventNormalizer.TryNormalizeEmail(raw, out _));

    [Fact]
    public void An_invalid_email_is_an_error_naming_the_field()
    {
        var evt = RoezanEventJson.Parse("""{"id":"e","type":"contact.created","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"ana at example.com"}}}""");
        var error = Assert.Single(RoezanEventNormalizer.Normalize(evt, "US"));
        Assert.Equal(("data.contact.email", "is not a valid email address"), (error.Field, error.Message));
    }

    [Fact]
    public void The_sample_contact_is_normalized_in_place()
    {
        var evt = RoezanEventJson.Parse(RoezanSampleEvents.ContactUpdated());
        Assert.Empty(RoezanEventNormalizer.Normalize(evt, "US"));
        var contact = evt.Data!.Contact!;
        Assert.Equal("Ana María", contact.FirstName);
        Assert.Equal("Díaz-Ortega", contact.LastName);
        Assert.Equal("+12015550123", contact.Phone);
        Assert.Equal("ana.diaz@example.com", contact.Email);
        Assert.Equal(["vip", "newsletter", "spring-2026 promo", "sms-opt-in"], contact.Tags);
    }

    [Theory]
    [InlineData("  Zoë  ", "Zoë")]
    [InlineData("\u00a0Łukasz\u2003", "Łukasz")]
    [InlineData(" 山田 ", "山田")]
    [InlineData("محمد", "محمد")]
    [InlineData(" Ana 😀 ", "Ana 😀")]
    [InlineData("   ", null)]
    public void Names_are_trimmed_and_keep_their_unicode(string raw, string? expected)
    {
        var evt = RoezanEventJson.Parse(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$0","lastName":"$1"}}}""", raw, raw));
        Assert.Empty(RoezanEventNormalizer.Normalize(evt, "US"));
        Assert.Equal(expected, evt.Data!.Contact!.FirstName);
        Assert.Equal(expected, evt.Data.Contact.LastName);
    }

    [Fact]
    public void A_sender_name_and_task_title_are_trimmed_too()
    {
        var message = RoezanEventJson.Parse("""{"id":"e","type":"message.received","occurredAt":"2026-11-24T10:00:00Z","data":{"message":{"id":"m","from":"+442079460018","fromName":" Bo ","body":"hi","receivedAt":"2026-11-24T10:00:00Z"}}}""");
        Assert.Empty(RoezanEventNormalizer.Normalize(message, "US"));
        Assert.Equal(("+442079460018", "Bo"), (message.Data!.Message!.From, message.Data.Message.FromName));

        var task = RoezanEventJson.Parse("""{"id":"e","type":"task.created","occurredAt":"2026-11-24T10:00:00Z","data":{"task":{"id":"t","contactId":"c","title":"  Call back ","dueDate":"2026-11-25T10:00:00Z"}}}""");
        Assert.Empty(RoezanEventNormalizer.Normalize(task, "US"));
        Assert.Equal("Call back", task.Data!.Task!.Title);
    }

    [Fact]
    public void Tags_lose_blanks_and_repeats_ignoring_case_and_keep_the_first_spelling()
    {
        var evt = RoezanEventJson.Parse("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","tags":[" VIP","vip ","", "  ","Lead","lead","Ünï","ünï"]}}}""");
        Assert.Empty(RoezanEventNormalizer.Normalize(evt, "US"));
        Assert.Equal(["VIP", "Lead", "Ünï"], evt.Data!.Contact!.Tags);
    }

    [Fact]
    public void A_blank_email_becomes_absent_rather_than_an_error()
    {
        var evt = RoezanEventJson.Parse("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","phone":"+12015550123","email":"  "}}}""");
        Assert.Empty(RoezanEventNormalizer.Normalize(evt, "US"));
        Assert.Null(evt.Data!.Contact!.Email);
    }
}
