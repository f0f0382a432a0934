using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>Times in templates are shown in the account's zone (DST from the tz database) and formatted for its locale.</summary>
public sealed class SmsTemplateTimeTests
{
    [Theory]
    // New York springs forward on 2026-03-08 (EST -5 → EDT -4): 10 a.m. local either side.
    [InlineData("2026-03-07T15:00:00Z", "America/New_York", "en-US", "10:00 AM Saturday, March 7, 2026")]
    [InlineData("2026-03-08T14:00:00Z", "America/New_York", "en-US", "10:00 AM Sunday, March 8, 2026")]
    // New York falls back on 2026-11-01: 1:30 a.m. happens twice, once in EDT and once in EST.
    [InlineData("2026-11-01T05:30:00Z", "America/New_York", "en-US", "1:30 AM Sunday, November 1, 2026")]
    [InlineData("2026-11-01T06:30:00Z", "America/New_York", "en-US", "1:30 AM Sunday, November 1, 2026")]
    [InlineData("2026-11-01T15:00:00Z", "America/New_York", "en-US", "10:00 AM Sunday, November 1, 2026")]
    // London springs forward on 2026-03-29 (GMT → BST) and falls back on 2026-10-25.
    [InlineData("2026-03-28T10:00:00Z", "Europe/London", "en-GB", "10:00 Saturday, 28 March 2026")]
    [InlineData("2026-03-29T09:00:00Z", "Europe/London", "en-GB", "10:00 Sunday, 29 March 2026")]
    [InlineData("2026-10-25T00:30:00Z", "Europe/London", "en-GB", "01:30 Sunday, 25 October 2026")]
    [InlineData("2026-10-25T01:30:00Z", "Europe/London", "en-GB", "01:30 Sunday, 25 October 2026")]
    [InlineData("2026-10-25T10:00:00Z", "Europe/London", "en-GB", "10:00 Sunday, 25 October 2026")]
    public void Appointment_times_are_shown_in_the_account_zone_across_daylight_saving(string utc, string zone, string culture, string expected)
    {
        var result = TemplateRig.Render("{{ appointment.startTime | time }} {{ appointment.startTime | date }}", TemplateRig.WithAppointmentAt(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), zone, culture);

        Assert.Equal(expected, result.Text);
    }

    [Theory]
    [InlineData("en-US", "{{ appointment.startTime | date: 'short' }}", "3/10/2026")]
    [InlineData("en-GB", "{{ appointment.startTime | date: 'short' }}", "10/03/2026")]
    [InlineData("fr-FR", "{{ appointment.startTime | date: 'dddd d MMMM' }} {{ appointment.startTime | time }}", "mardi 10 mars 14:30")]
    [InlineData("es-MX", "{{ appointment.startTime | date: \"dddd d 'de' MMMM\" }}", "martes 10 de marzo")]
    [InlineData("en-US", "{{ appointment.startTime | time: 'HH:mm' }}", "14:30")]
    [InlineData("en-US", "{{ appointment.startTime | date: '%A %-d %B at %-I:%M %p' }}", "Tuesday 10 March at 2:30 PM")]
    public void Dates_follow_the_account_locale_and_take_a_format(string culture, string source, string expected)
    {
        var start = new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero); // 14:30 EDT

        Assert.Equal(expected, TemplateRig.Render(source, TemplateRig.WithAppointmentAt(start), "America/New_York", culture).Text);
    }

    [Fact]
    public void A_time_in_another_zone_can_be_asked_for_by_name()
    {
        var start = new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero);

        var result = TemplateRig.Render("{{ appointment.startTime | time_zone: 'Europe/London' | time }}", TemplateRig.WithAppointmentAt(start));

        Assert.Equal("6:30 PM", result.Text);
    }

    [Fact]
    public void Formatted_times_stay_in_gsm_7_even_where_the_locale_uses_a_narrow_no_break_space()
    {
        var start = new DateTimeOffset(2026, 3, 10, 18, 30, 0, TimeSpan.Zero);

        var text = TemplateRig.Render("See you at {{ appointment.startTime | time }} on {{ appointment.startTime | date }}", TemplateRig.WithAppointmentAt(start)).Text;

        Assert.Equal(SmsEncoding.Gsm7, SmsSegmentCounter.EncodingOf(text));
    }

    [Fact]
    public void A_missing_time_passes_through_time_and_date_to_its_fallback()
    {
        var result = TemplateRig.Render("{{ appointment.startTime | time | default: 'soon' }}", new() { Contact = TemplateRig.Ana });

        Assert.Equal("soon", result.Text);
        Assert.Empty(result.MissingPlaceholders);
    }
}
