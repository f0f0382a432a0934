using System.Globalization;
using NodaTime;
using RoezanGhl.Core.FollowUps;

namespace RoezanGhl.Core.Tests.FollowUps;

/// <summary>
/// Each family of time phrase and intent, resolved at Tuesday 24 November 2026, 10:00 in New York
/// unless a test says otherwise.
/// </summary>
public sealed class FollowUpDetectorTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeOffset TuesdayTenAm = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("Call me today", "2026-11-24 11:00")]
    [InlineData("call me tomorrow", "2026-11-25 09:00")]
    [InlineData("call me tmrw", "2026-11-25 09:00")]
    [InlineData("call me 2moro", "2026-11-25 09:00")]
    [InlineData("call me tommorow", "2026-11-25 09:00")]
    [InlineData("Call me the day after tomorrow", "2026-11-26 09:00")]
    [InlineData("call me tonight", "2026-11-24 19:00")]
    [InlineData("call me tonite", "2026-11-24 19:00")]
    [InlineData("Call me later today", "2026-11-24 17:00")]
    public void Relative_days_resolve_from_the_day_of_receipt(string text, string expected) => AssertDue(expected, text);

    [Theory]
    [InlineData("call me Friday", "2026-11-27 09:00")]
    [InlineData("call me this Friday", "2026-11-27 09:00")]
    [InlineData("call me next Friday", "2026-12-04 09:00")]
    [InlineData("call me next Monday", "2026-11-30 09:00")]
    [InlineData("call me on Tuesday", "2026-12-01 09:00")]
    [InlineData("call me this Tuesday", "2026-11-24 11:00")]
    [InlineData("call me Monday next week", "2026-11-30 09:00")]
    [InlineData("call me next week on Wednesday", "2026-12-02 09:00")]
    [InlineData("call me on sat", "2026-11-28 09:00")]
    [InlineData("call me thurs", "2026-11-26 09:00")]
    [InlineData("call me wensday", "2026-11-25 09:00")]
    [InlineData("call me next week", "2026-11-30 09:00")]
    [InlineData("call me this weekend", "2026-11-28 09:00")]
    [InlineData("call me next weekend", "2026-12-05 09:00")]
    public void Weekdays_and_weeks_follow_the_documented_next_and_this_rules(string text, string expected) => AssertDue(expected, text);

    [Fact]
    public void An_abbreviated_weekday_that_is_also_a_word_is_not_read_as_a_day()
    {
        Assert.Null(Detect("I sat down and read it, call me"));
        Assert.Null(Detect("enjoy the sun, text me"));
    }

    [Theory]
    [InlineData("call me at 3", "2026-11-24 15:00")]
    [InlineData("call me at 7", "2026-11-24 19:00")]
    [InlineData("call me at 11", "2026-11-24 11:00")]
    [InlineData("call me at 12", "2026-11-24 12:00")]
    [InlineData("call me at 8", "2026-11-25 08:00")]
    [InlineData("call me at 9", "2026-11-25 09:00")]
    [InlineData("call me 3pm", "2026-11-24 15:00")]
    [InlineData("call me at 3 p.m. please", "2026-11-24 15:00")]
    [InlineData("call me at 3p", "2026-11-24 15:00")]
    [InlineData("call me at 15:00", "2026-11-24 15:00")]
    [InlineData("call me at 09:30", "2026-11-25 09:30")]
    [InlineData("call me at 9:30am tomorrow", "2026-11-25 09:30")]
    [InlineData("call me at 5.30pm", "2026-11-24 17:30")]
    [InlineData("call me at noon", "2026-11-24 12:00")]
    [InlineData("call me after lunch", "2026-11-24 13:00")]
    [InlineData("call me between 2-4pm", "2026-11-24 14:00")]
    [InlineData("call me 11-1pm tomorrow", "2026-11-25 11:00")]
    [InlineData("call me at 3 o'clock", "2026-11-24 15:00")]
    [InlineData("call me at three o'clock", "2026-11-24 15:00")]
    [InlineData("call me around 4ish", "2026-11-24 16:00")]
    [InlineData("call me @ 4", "2026-11-24 16:00")]
    [InlineData("call me by end of day", "2026-11-24 17:00")]
    [InlineData("call me first thing", "2026-11-25 09:00")]
    public void Clock_times_read_am_and_pm_as_documented(string text, string expected) => AssertDue(expected, text);

    [Theory]
    [InlineData("call me tomorrow morning", "2026-11-25 09:00")]
    [InlineData("call me tomorrow afternoon", "2026-11-25 14:00")]
    [InlineData("call me tomorrow evening", "2026-11-25 18:00")]
    [InlineData("call me tomorrow night", "2026-11-25 19:00")]
    [InlineData("call me this afternoon", "2026-11-24 14:00")]
    [InlineData("call me in the morning", "2026-11-25 09:00")]
    [InlineData("call me tomorrow morning at 10", "2026-11-25 10:00")]
    [InlineData("call me Friday morning at 7", "2026-11-27 07:00")]
    [InlineData("call me tomorrow evening at 7", "2026-11-25 19:00")]
    [InlineData("call me tonight at 11", "2026-11-24 23:00")]
    [InlineData("call me after work on Friday", "2026-11-27 18:00")]
    public void Parts_of_the_day_give_their_default_hour_and_settle_am_or_pm(string text, string expected) => AssertDue(expected, text);

    [Theory]
    [InlineData("call me in 30 minutes", "2026-11-24 10:30")]
    [InlineData("call me in 45 mins", "2026-11-24 10:45")]
    [InlineData("call me in an hour", "2026-11-24 11:00")]
    [InlineData("call me in 2 hrs", "2026-11-24 12:00")]
    [InlineData("call me in half an hour", "2026-11-24 10:30")]
    [InlineData("call me in 3 days", "2026-11-27 09:00")]
    [InlineData("call me in a couple of days", "2026-11-26 09:00")]
    [InlineData("call me in a few weeks", "2026-12-15 09:00")]
    [InlineData("call me in 2 weeks", "2026-12-08 09:00")]
    [InlineData("call me in 1 month", "2026-12-24 09:00")]
    [InlineData("call me in two days at 4pm", "2026-11-26 16:00")]
    [InlineData("call me 2 days from now", "2026-11-26 09:00")]
    [InlineData("call me a week from tomorrow", "2026-12-02 09:00")]
    public void Spans_count_from_the_moment_of_receipt(string text, string expected) => AssertDue(expected, text);

    [Theory]
    [InlineData("call me on Dec 5", "2026-12-05 09:00")]
    [InlineData("call me December 5th at 2pm", "2026-12-05 14:00")]
    [InlineData("call me dec. 5", "2026-12-05 09:00")]
    [InlineData("call me on the 5th of December", "2026-12-05 09:00")]
    [InlineData("call me 5 dec", "2026-12-05 09:00")]
    [InlineData("call me on the 5th", "2026-12-05 09:00")]
    [InlineData("call me on the 30th", "2026-11-30 09:00")]
    [InlineData("call me on the 31st", "2026-12-31 09:00")]
    [InlineData("call me 12/5", "2026-12-05 09:00")]
    [InlineData("call me 12/5/2027", "2027-12-05 09:00")]
    [InlineData("call me 12/5/27", "2027-12-05 09:00")]
    [InlineData("call me Dec 5, 2027", "2027-12-05 09:00")]
    [InlineData("call me Nov 20", "2027-11-20 09:00")]
    [InlineData("call me Friday, Dec 11", "2026-12-11 09:00")]
    public void Calendar_dates_without_a_year_are_the_next_one_ahead(string text, string expected) => AssertDue(expected, text);

    [Fact]
    public void An_impossible_date_gives_no_follow_up() => Assert.Null(Detect("call me on Feb 30"));

    [Fact]
    public void All_digit_dates_follow_the_configured_order()
    {
        var dayFirst = new FollowUpDetectionOptions { DateOrder = NumericDateOrder.DayFirst };

        Assert.Equal("2027-05-12 09:00", Format(Detect("call me 12/5", dayFirst)));
        Assert.Equal("2026-12-05 09:00", Format(Detect("call me 5/12", dayFirst)));
        Assert.Null(Detect("we are open 24/7, call me", dayFirst));
        Assert.Equal(NumericDateOrder.MonthFirst, FollowUpDetectionOptions.DateOrderForRegion("US"));
        Assert.Equal(NumericDateOrder.DayFirst, FollowUpDetectionOptions.DateOrderForRegion("GB"));
        Assert.Equal(NumericDateOrder.DayFirst, FollowUpDetectionOptions.DateOrderForRegion("AU"));
    }

    [Theory]
    [InlineData("call me at the end of the month", "2026-11-30 17:00")]
    [InlineData("call me end of next month", "2026-12-31 17:00")]
    [InlineData("call me by end of the week", "2026-11-27 17:00")]
    [InlineData("call me end of next week", "2026-12-04 17:00")]
    [InlineData("call me next month", "2026-12-01 09:00")]
    public void Ends_of_weeks_and_months_are_due_at_five_pm(string text, string expected) => AssertDue(expected, text);

    [Fact]
    public void End_of_the_week_said_on_a_saturday_is_the_coming_friday()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2026-12-04 17:00", Format(Detect("call me end of the week", at: saturday)));
    }

    [Fact]
    public void A_day_named_without_a_time_takes_the_configured_default_hour()
    {
        var eightAm = new FollowUpDetectionOptions { DefaultTime = new TimeOnly(8, 0) };

        Assert.Equal("2026-11-27 08:00", Format(Detect("call me Friday", eightAm)));
        Assert.Equal("2026-11-27 09:00", Format(Detect("call me Friday")));
    }

    [Fact]
    public void An_explicit_time_already_past_today_gives_no_follow_up()
    {
        Assert.Null(Detect("call me today at 9am"));
        Assert.Null(Detect("call me by end of day", at: TuesdayTenAm.AddHours(8)));
    }

    [Fact]
    public void A_time_without_a_day_is_its_next_occurrence() =>
        Assert.Equal("2026-11-25 09:00", Format(Detect("call me at 9am")));

    [Fact]
    public void Today_after_the_default_hour_is_the_next_whole_hour_while_the_part_of_day_lasts()
    {
        Assert.Equal("2026-11-24 11:00", Format(Detect("call me today")));
        Assert.Equal("2026-11-24 21:00", Format(Detect("call me tonight", at: TuesdayTenAm.AddHours(10.5))));
        Assert.Null(Detect("call me this morning", at: TuesdayTenAm.AddHours(5)));
        Assert.Null(Detect("call me today", at: TuesdayTenAm.AddHours(11)));
    }

    [Fact]
    public void Later_today_after_three_pm_is_two_hours_on_rounded_up_to_the_hour() =>
        Assert.Equal("2026-11-24 18:00", Format(Detect("call me later today", at: TuesdayTenAm.AddHours(5.5))));

    [Theory]
    [InlineData("call me yesterday")]
    [InlineData("call me last Monday")]
    [InlineData("call me last week")]
    public void Past_days_give_no_follow_up(string text) => Assert.Null(Detect(text));

    [Theory]
    [InlineData("Can you call me tomorrow?")]
    [InlineData("text me tomorrow")]
    [InlineData("txt me tomorrow")]
    [InlineData("remind me tomorrow")]
    [InlineData("follow up tomorrow")]
    [InlineData("pls follow-up tomorrow")]
    [InlineData("get back to me tomorrow")]
    [InlineData("reach out tomorrow")]
    [InlineData("let's talk tomorrow")]
    [InlineData("I'll call you tomorrow")]
    [InlineData("ill text u tomorrow")]
    [InlineData("check in with me tomorrow")]
    [InlineData("can we talk tomorrow")]
    [InlineData("ping me tomorrow")]
    [InlineData("contact me tomorrow")]
    [InlineData("give me a ring tomorrow")]
    [InlineData("hit me up tomorrow")]
    [InlineData("are you free tomorrow?")]
    [InlineData("let's touch base tomorrow")]
    [InlineData("We'll be in touch tomorrow")]
    public void Each_request_or_promise_of_contact_with_a_time_is_a_follow_up(string text) =>
        Assert.Equal("2026-11-25 09:00", Format(Detect(text)));

    [Theory]
    [InlineData("no need to remind me tomorrow")]
    [InlineData("don't call me tomorrow")]
    [InlineData("Please do not text me tomorrow")]
    [InlineData("You don't need to follow up tomorrow")]
    [InlineData("never call me again tomorrow")]
    [InlineData("Why did you call me at 3am?")]
    [InlineData("I was reminded yesterday")]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop. Call me tomorrow")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("unsubscribe me and don't call tomorrow")]
    [InlineData("Please remove me from this list, call me tomorrow to confirm")]
    [InlineData("cancel the reminder for tomorrow")]
    [InlineData("my birthday is Dec 5")]
    [InlineData("Thanks for the reminder, see you tomorrow!")]
    [InlineData("thanks!")]
    [InlineData("Call me")]
    [InlineData("")]
    [InlineData("   ")]
    public void Messages_without_an_uncancelled_follow_up_give_none(string text) => Assert.Null(Detect(text));

    [Theory]
    [InlineData("call me about order 12345")]
    [InlineData("call me about the $5 coupon")]
    [InlineData("call me about the 2 items")]
    [InlineData("text me at 555-0123")]
    [InlineData("text me at (201) 555-0123")]
    [InlineData("call me, I got 50% off")]
    [InlineData("call me about the 3 of them")]
    public void Numbers_that_are_not_dates_or_times_give_no_follow_up(string text) => Assert.Null(Detect(text));

    [Fact]
    public void A_phone_number_next_to_a_day_does_not_become_the_time() =>
        Assert.Equal("2026-11-25 09:00", Format(Detect("call me at 9175550123 tomorrow")));

    [Fact]
    public void A_plain_remind_me_without_a_time_is_due_the_next_day_at_the_default_hour() =>
        Assert.Equal("2026-11-25 09:00", Format(Detect("Please remind me to send the contract")));

    [Fact]
    public void A_time_that_opens_the_next_sentence_belongs_to_the_cue() =>
        Assert.Equal("2026-11-25 13:00", Format(Detect("Can you call me? Tomorrow at 1 works")));

    [Fact]
    public void The_time_after_the_cue_wins_over_an_earlier_one()
    {
        Assert.Equal("2026-11-27 09:00", Format(Detect("I'm away today, call me Friday")));
        Assert.Equal("2026-11-25 15:00", Format(Detect("Missed you yesterday, call me tomorrow at 3")));
    }

    [Fact]
    public void The_task_carries_a_title_from_the_asking_sentence_the_whole_body_and_the_phrases()
    {
        const string text = "Hi Ana, can you call me tomorrow at 3pm? Thanks so much";

        var followUp = Detect(text);

        Assert.NotNull(followUp);
        Assert.Equal("Follow up: can you call me tomorrow at 3pm?", followUp.Title);
        Assert.Equal(text, followUp.Body);
        Assert.Equal("tomorrow at 3pm", followUp.TimePhrase);
        Assert.Equal("can you call me", followUp.IntentPhrase);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.FromHours(-5)), followUp.DueDate);
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_and_marked()
    {
        const string text = "Can you please call me tomorrow at 3pm about the kitchen remodel quote and the extra cabinets we discussed last time";

        var followUp = Detect(text);

        Assert.NotNull(followUp);
        Assert.True(followUp.Title.Length <= 80, followUp.Title);
        Assert.StartsWith("Follow up: Can you please call me tomorrow at 3pm", followUp.Title, StringComparison.Ordinal);
        Assert.EndsWith("…", followUp.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", followUp.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_due_date_depends_on_when_the_message_was_received_not_on_the_clock()
    {
        var onTuesday = Detect("call me tomorrow");
        var onThursday = Detect("call me tomorrow", at: TuesdayTenAm.AddDays(2));

        Assert.Equal("2026-11-25 09:00", Format(onTuesday));
        Assert.Equal("2026-11-27 09:00", Format(onThursday));
    }

    [Fact]
    public void The_receipt_moment_is_read_in_the_account_zone_whatever_its_offset()
    {
        // 03:00 UTC on Wednesday is still Tuesday 22:00 in New York.
        var lateTuesday = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-11-25 09:00", Format(Detect("call me tomorrow", at: lateTuesday)));
    }

    [Fact]
    public void A_time_zone_info_and_a_windows_id_resolve_to_the_same_zone()
    {
        var viaInfo = new FollowUpDetector().Detect("call me tomorrow at 3", TuesdayTenAm, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal("2026-11-25 15:00 -05:00", viaInfo?.DueDate.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        Assert.Equal("America/New_York", AccountTimeZones.Find("Eastern Standard Time")?.Id);
        Assert.Equal("Europe/London", AccountTimeZones.Find("Europe/London")?.Id);
        Assert.Null(AccountTimeZones.Find("Mars/Olympus_Mons"));
        Assert.Null(AccountTimeZones.Find(" "));
    }

    [Fact]
    public void A_title_limit_too_short_for_any_title_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpDetector(new FollowUpDetectionOptions { TitleMaxLength = 12 }));

    private static void AssertDue(string expected, string text) => Assert.Equal(expected, Format(Detect(text)));

    private static FollowUp? Detect(string text, FollowUpDetectionOptions? options = null, DateTimeOffset? at = null) =>
        new FollowUpDetector(options).Detect(text, at ?? TuesdayTenAm, NewYork);

    private static string? Format(FollowUp? followUp) =>
        followUp?.DueDate.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
