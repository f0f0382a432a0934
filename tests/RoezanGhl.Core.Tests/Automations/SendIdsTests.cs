using RoezanGhl.Core.Automations.Planning;

namespace RoezanGhl.Core.Tests.Automations;

public sealed class SendIdsTests
{
    [Fact]
    public void The_same_inputs_always_give_the_same_id() =>
        Assert.Equal(SendIds.For("acme", "welcome-new-lead", "c-1", "contact-created"), SendIds.For("acme", "welcome-new-lead", "c-1", "contact-created"));

    [Fact]
    public void The_id_is_fixed_by_the_documented_derivation()
    {
        // Changing the derivation would orphan every scheduled send in the ledger and let re-deliveries send again:
        // this value (computed independently from the documented recipe) must never change.
        Assert.Equal("sms1-f84afa699dfd776755adbc3da9042fc6", SendIds.For("acme", "welcome-new-lead", "c-1", "contact-created"));
    }

    [Fact]
    public void Account_and_automation_names_are_read_whatever_their_case() =>
        Assert.Equal(SendIds.For("acme", "welcome-new-lead", "c-1", "x"), SendIds.For(" ACME", "Welcome-New-Lead ", "c-1", "x"));

    [Theory]
    [InlineData("beta", "welcome-new-lead", "c-1", "contact-created")]
    [InlineData("acme", "welcome", "c-1", "contact-created")]
    [InlineData("acme", "welcome-new-lead", "C-1", "contact-created")]
    [InlineData("acme", "welcome-new-lead", "c-1", "contact-created2")]
    public void Each_part_changes_the_id(string account, string automation, string contact, string identity) =>
        Assert.NotEqual(SendIds.For("acme", "welcome-new-lead", "c-1", "contact-created"), SendIds.For(account, automation, contact, identity));

    [Fact]
    public void Fields_cannot_run_into_each_other() =>
        Assert.NotEqual(SendIds.For("acme", "ab", "c", "x"), SendIds.For("acme", "a", "bc", "x"));

    [Fact]
    public void An_appointment_identity_is_its_id_and_start_in_utc_whatever_the_offset() =>
        Assert.Equal(
            SendIds.AppointmentIdentity("apt-1", new DateTimeOffset(2026, 6, 10, 15, 0, 0, TimeSpan.FromHours(-4))),
            SendIds.AppointmentIdentity("apt-1", new DateTimeOffset(2026, 6, 10, 19, 0, 0, TimeSpan.Zero)));
}
